using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Evidence;

/// <summary>What a tolerance means in a claim.</summary>
public enum ToleranceMeaning
{
    /// <summary>The claim states x = 0 (θ ∈ M_S, θ* = stated); the tolerance allows for rounding: only exact 0 proves, a rigorous |x| ≤ tol confirms.</summary>
    Allowance,
    /// <summary>The claim states |x| ≤ tol itself (a distance bound): a rigorous enclosure within the tolerance proves it.</summary>
    Bound,
}

/// <summary>A fact's outcome and the sentence that says why.</summary>
public sealed record Judgement(FactOutcome Outcome, string Reason);

/// <summary>
/// THE rule from evidence to verdict (issue 9 item 3; ARCHITECTURE.md, "Verdicts"). Every checker judges its
/// magnitudes with <see cref="Judge"/> and decides its verdict with <see cref="Decide(IEnumerable{Fact})"/>; no checker compares a
/// value with a tolerance itself.
/// <list type="bullet">
/// <item>exact zero → proves;</item>
/// <item>exactly nonzero but within the tolerance → confirms (the claim holds only approximately; the reason says it is exactly nonzero);</item>
/// <item>a rigorous enclosure within the tolerance → confirms (proves when the tolerance is the claim's own bound);</item>
/// <item>an estimate within the tolerance including its error → confirms;</item>
/// <item>beyond the tolerance by more than the error (or a rigorous lower bound beyond it) → refutes;</item>
/// <item>otherwise the outcome depends on digits below the achievable accuracy (|value − tol| ≤ error) → undecided;</item>
/// <item>a tolerance ≤ 0 (or not a number) is bad input.</item>
/// </list>
/// </summary>
public static class VerdictRule
{
    /// <summary>Judges |x| against <paramref name="tolerance"/>; throws <see cref="InputException"/> when the tolerance is not positive.</summary>
    public static Judgement Judge(Magnitude m, double tolerance, ToleranceMeaning meaning = ToleranceMeaning.Allowance)
    {
        CheckTolerance(tolerance);
        string tol = G(tolerance);
        if (m.IsExactZero) return new(FactOutcome.Proves, "exactly 0");
        if (m.Source == MagnitudeSource.Exact)
            return m.Hi <= tolerance
                ? new(FactOutcome.Confirms, $"exactly nonzero ({G(m.Value)}) but within the tolerance {tol}")
                : new(FactOutcome.Refutes, $"exactly {G(m.Value)}, beyond the tolerance {tol}");
        if (m.Source == MagnitudeSource.Enclosure)
        {
            if (m.Hi <= tolerance)
                return meaning == ToleranceMeaning.Bound
                    ? new(FactOutcome.Proves, $"enclosed in [{G(m.Lo)}, {G(m.Hi)}], within the tolerance {tol} (rigorous)")
                    : new(FactOutcome.Confirms, $"enclosed within {G(m.Hi)} ≤ {tol} (rigorous, but not shown to be exactly 0)");
            if (m.Lo > tolerance) return new(FactOutcome.Refutes, $"at least {G(m.Lo)} (rigorous), beyond the tolerance {tol}");
            return new(FactOutcome.Undecided, $"the enclosure [{G(m.Lo)}, {G(m.Hi)}] straddles the tolerance {tol}");
        }
        if (m.Hi <= tolerance) return new(FactOutcome.Confirms, $"{G(m.Value)} with error ≤ {G(m.Error)}, within the tolerance {tol}");
        if (m.Lo > tolerance) return new(FactOutcome.Refutes, $"{G(m.Value)}, beyond the tolerance {tol} by more than its error {G(m.Error)}");
        return new(FactOutcome.Undecided, $"{G(m.Value)} is within its error {G(m.Error)} of the tolerance {tol}: the outcome depends on digits below the achievable accuracy");
    }

    /// <summary>
    /// Judges a claim that |x| ≠ 0 (two limits differ, a determinant is nonzero): exactly or rigorously nonzero → proves;
    /// an estimate whose lower bound is positive → confirms; exactly 0 → refutes; otherwise (0 within the error) → undecided.
    /// </summary>
    public static Judgement JudgeNonzero(Magnitude m)
    {
        if (m.IsExactZero) return new(FactOutcome.Refutes, "exactly 0");
        if (m.Lo > 0)
            return m.Source == MagnitudeSource.Estimate
                ? new(FactOutcome.Confirms, $"{G(m.Value)}, nonzero beyond its error {G(m.Error)}")
                : new(FactOutcome.Proves, $"at least {G(m.Lo)} (exact or rigorous)");
        return new(FactOutcome.Undecided, $"{G(m.Value)} is within its error {G(m.Error)} of 0");
    }

    /// <summary>
    /// Judges a claim that x = 0 with no tolerance of its own (a stationarity residual): exactly 0 → proves; a lower bound
    /// above 0 (exact, rigorous, or beyond the estimate's error) → refutes; 0 within an enclosure or an estimate's error → confirms.
    /// </summary>
    public static Judgement JudgeZero(Magnitude m)
    {
        if (m.IsExactZero) return new(FactOutcome.Proves, "exactly 0");
        if (m.Lo > 0) return new(FactOutcome.Refutes, m.Source == MagnitudeSource.Estimate ? $"{G(m.Value)}, nonzero beyond its error {G(m.Error)}" : $"at least {G(m.Lo)} (exact or rigorous)");
        return new(FactOutcome.Confirms, $"{G(m.Value)}, zero within its error {G(m.Error)}");
    }

    /// <summary>The verdict from a claim's facts: any refutation → refuted; else any undecided → inconclusive; else any
    /// confirmation → confirmed; else (every fact proves) → proved. Context facts are ignored; no facts → inconclusive.</summary>
    public static Verdict Decide(IEnumerable<Fact> facts) => Decide(facts.Select(f => f.Outcome));

    /// <summary>The verdict from outcomes (see <see cref="Decide(IEnumerable{Fact})"/>).</summary>
    public static Verdict Decide(IEnumerable<FactOutcome> outcomes)
    {
        var list = outcomes.Where(o => o != FactOutcome.Informs).ToList();
        if (list.Count == 0) return Verdict.Inconclusive;
        if (list.Contains(FactOutcome.Refutes)) return Verdict.Refuted;
        if (list.Contains(FactOutcome.Undecided)) return Verdict.Inconclusive;
        if (list.Contains(FactOutcome.Confirms)) return Verdict.Confirmed;
        return Verdict.Proved;
    }

    /// <summary>
    /// A checker's result as admitted: <c>proved</c> must rest on facts, every one of which proves (a certificate then
    /// carries what a verifier re-checks). A proved result with no facts, or whose facts decide otherwise, becomes
    /// inconclusive with the reason (a checker bug, reported rather than trusted).
    /// </summary>
    public static ClaimResult Admit(ClaimResult result)
    {
        if (result.Verdict != Verdict.Proved) return result;
        var own = result.Facts.Where(f => !f.IsContext).ToList();
        if (own.Count == 0)
            return result with { Verdict = Verdict.Inconclusive, Explanation = $"Not decided: the checker reported proved without facts to rest on (a checker bug). Its explanation: {result.Explanation}" };
        if (Decide(own) != Verdict.Proved)
            return result with { Verdict = Verdict.Inconclusive, Explanation = $"Not decided: the checker reported proved, but its facts decide {Decide(own).ToString().ToLowerInvariant()} (a checker bug). Its explanation: {result.Explanation}" };
        return result;
    }

    /// <summary>Throws <see cref="InputException"/> unless the tolerance is a positive finite number.</summary>
    public static void CheckTolerance(double tolerance)
    {
        if (!(tolerance > 0) || double.IsInfinity(tolerance))
            throw new InputException($"a tolerance must be a positive number, not {G(tolerance)}.");
    }

    private static string G(double x) => Format.Error(x);
}
