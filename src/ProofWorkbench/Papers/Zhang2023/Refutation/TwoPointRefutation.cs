using System.Diagnostics;
using ProofWorkbench.Evidence;
using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.Constructions;
using ProofWorkbench.Papers.Zhang2023.LemmaA3;
using ProofWorkbench.Smt;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Theorems.Checkers;
using ProofWorkbench.Theorems.Files;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.Zhang2023.Refutation;

/// <summary>A certificate of the two-point route through the trace-back: θ₀, S₁ = (x₁, y₁), the x₂ interval of a proved overlap, the facts.</summary>
/// <param name="W0">w₀.</param>
/// <param name="A0">a₀.</param>
/// <param name="X1">x₁.</param>
/// <param name="Y1">y₁ (a₀·y₁ &gt; 0).</param>
/// <param name="X2Lo">x₂⁻.</param>
/// <param name="X2Hi">x₂⁺.</param>
/// <param name="Facts">The facts, every one proving its part.</param>
public sealed record TwoPointCertificate(Rational W0, Rational A0, Rational X1, Rational Y1, Rational X2Lo, Rational X2Hi, IReadOnlyList<Fact> Facts);

/// <summary>
/// The two-point route of <c>pwb refute</c> for an analytic σ (paper 000, Lemma 5.1 with the trace-back of Section 5.2): for θ₀
/// and S₁ from a fixed list, <see cref="TwoPointTraceBack"/> searches x₂ (bounded ranges) for an interval X on which an exact
/// overlap is proved — some x₂ ∈ X gives θ₁* ∈ M_S₂ (by the choice y₂ = a₁*σ(x₂w₁*)) and θ₂* ∈ M_S₁, θ₁* ≠ θ₂* — with the facts of
/// <see cref="TwoPointOverlapFacts"/>. If G characterized the flow in the weak sense, θ₁* would minimize G(·; θ₀) on M_S₁ ∋ θ₂*
/// and θ₂* on M_S₂ ∋ θ₁*, so G(θ₁*; θ₀) = G(θ₂*; θ₀). The route encloses G(θ₁*(u); θ₀) − G(θ₂; θ₀) over the whole box of θ₁*'s
/// bracket u, θ₂*'s w-interval and x₂ ∈ X (θ₂ = (w, a₂(w, x₂, u))) and needs it of one strict sign. A G constant in θ gives the
/// difference 0 and is never refuted.
/// </summary>
public static class TwoPointRefutation
{
    /// <summary>The route name written in the claim.</summary>
    public const string RouteName = "two-point-trace-back";

    /// <summary>(θ₀, S₁) candidates, in order: Figure 1's (θ₀ = (0.922, 2.868), S₁ = (1, 1)), then simple rationals with a₀·y₁ &gt; 0.</summary>
    public static IEnumerable<(Rational W0, Rational A0, Rational X1, Rational Y1)> Candidates()
    {
        yield return (Rational.Parse("0.922"), Rational.Parse("2.868"), 1, 1);
        yield return (new Rational(1, 2), 2, 1, 1);
        yield return (1, 3, 1, 1);
        yield return (new Rational(-1, 2), 2, 1, 1);
        yield return (new Rational(1, 2), -2, 1, -1);
    }

    /// <summary>The x₂ ranges searched per candidate.</summary>
    public static readonly IReadOnlyList<(double Lo, double Hi)> Ranges = [(0.1, 100), (-100, -0.1)];

    /// <summary>
    /// The facts for θ₀, S₁ and the x₂ interval [lo, hi]: the overlap's facts and the enclosure of G(θ₁*; θ₀) − G(θ₂*; θ₀) with a
    /// strict sign. Null with the reason when the overlap is not certified on [lo, hi]. A gap whose sign is not certain is an
    /// undecided, unsigned enclosure (never a refuting fact).
    /// </summary>
    public static IReadOnlyList<Fact>? Certify(Activation sigma, Regularizer g, Rational w0, Rational a0, Rational x1, Rational y1, Rational lo, Rational hi,
        IReadOnlyList<SmtCheckResult> hypotheses, out string reason)
    {
        reason = "";
        if (g.Dimension != 1) { reason = "the trace-back overlap is built for d = 1"; return null; }
        if (a0.Sign * y1.Sign <= 0) { reason = "a₀·y₁ > 0 is needed (no range condition for S₂)"; return null; }
        TwoPointTraceBack tb;
        try { tb = TwoPointTraceBack.Create(new TraceBackInput(sigma, w0, a0, x1, y1)); }
        catch (InputException ex) { reason = ex.Message; return null; }
        var overlap = tb.Certify(lo, hi);
        if (overlap.Existence != Existence.Proved || overlap.Proof is not { } proof) { reason = overlap.Reason; return null; }
        var limit1 = LemmaA3Route.Enclose(new OneSampleProblem(sigma, [x1], Num(y1), [w0], a0), hypotheses, tb.Theta1W * x1.ToDouble(), out reason);
        if (limit1?.H is not { } h) { reason = limit1 is null ? reason : "θ₁*'s H has no closed form"; return null; }
        var facts = new List<Fact>(TwoPointOverlapFacts.Of(limit1, x1, y1, lo, hi, proof));
        var e = TwoPointOverlapFacts.Expressions(sigma, h, w0, a0, x1, Num(y1));
        var gap = Gap(g, e, w0, a0);
        IReadOnlyList<KeyValuePair<string, Interval>> box =
        [
            new(TwoPointOverlapFacts.W, new Interval(proof.WLo, proof.WHi)),
            new(TwoPointOverlapFacts.X2, ConservedLimitEnclosure.Enclose(lo).Hull(ConservedLimitEnclosure.Enclose(hi))),
            new(ValidatedLimitFacts.U, limit1.U),
        ];
        Interval value;
        try { value = IntervalEvaluator.Evaluate(gap, box.ToDictionary(kv => kv.Key, kv => kv.Value)); }
        catch (InputException) { value = Interval.Entire; }
        int sign = value.Lo > 0 ? 1 : value.Hi < 0 ? -1 : 0;
        const string label = "G(θ₁*; θ₀) − G(θ₂*; θ₀) has a strict sign for θ₁* anywhere in its enclosure and θ₂* = (w, a₂(w, x₂)) for every x₂ in the interval and w in θ₂*'s interval";
        facts.Add(sign != 0 ? IntervalEnclosure.Signed(label, gap, box, value, sign)
            : IntervalEnclosure.Signed(label, gap, box, value, 1) with { RequiredSign = 0, Outcome = FactOutcome.Undecided, Label = label + " (not shown: the enclosure contains 0)" });
        if (sign == 0) reason = "the enclosures of G(θ₁*; θ₀) and G(θ₂*; θ₀) overlap";
        return facts;
    }

    /// <summary>G(θ₁*(u); θ₀) − G((w, a₂(w, x2, u)); θ₀) in the overlap's variables.</summary>
    public static Expr Gap(Regularizer g, OverlapExpressions e, Rational w0, Rational a0)
    {
        Expr At(Expr w, Expr a) => Substitution.Substitute(g.G, new Dictionary<string, Expr>
        {
            [g.Theta[0]] = w, [g.Theta[1]] = a, [g.Theta0[0]] = Num(w0), [g.Theta0[1]] = Num(a0),
        });
        return Sub(At(e.W1, e.A1), At(Sym(TwoPointOverlapFacts.W), e.A2));
    }

    /// <summary>
    /// Searches the candidates within the budget; the first overlap whose facts and gap all prove is returned. Each failure is
    /// recorded in <paramref name="attempts"/> with its reason.
    /// </summary>
    public static TwoPointCertificate? Search(Activation sigma, Regularizer g, Stopwatch clock, TimeSpan budget, List<RefutationAttempt> attempts)
    {
        const string route = "two-point (Lemma 5.1: a proved trace-back overlap θ₁* ≠ θ₂* in M_S₁ ∩ M_S₂ with separated values of G)";
        if (g.Dimension != 1) { attempts.Add(new(route, "not applicable: the trace-back overlap (Section 5.2) is built for d = 1.")); return null; }
        var hypotheses = LemmaA3Route.Hypotheses(sigma, out var why);
        if (hypotheses is null) { attempts.Add(new(route, $"not applicable: {why}; the trace-back encloses both limits by Lemma A.3, which needs them.")); return null; }
        if (ConservedLimitEnclosure.Create(sigma, out var noH) is null) { attempts.Add(new(route, $"not applicable: {noH}.")); return null; }
        if (g.Gradient.All(c => Symbolic.Simplification.Simplifier.ZeroTest(c) == Symbolic.Simplification.ZeroTestResult.Zero))
        {
            attempts.Add(new(route, "no certificate: ∇_θG ≡ 0 (exact zero test), so G does not depend on θ and G(θ₁*; θ₀) = G(θ₂*; θ₀) for every overlap: Lemma 5.1 gives no contradiction."));
            return null;
        }
        var notes = new List<string>();
        int overlaps = 0;
        foreach (var (w0, a0, x1, y1) in Candidates())
        {
            if (clock.Elapsed > budget) { attempts.Add(new(route, $"budget of {budget.TotalSeconds:0.#} s spent after {overlaps} proved overlap(s).")); return null; }
            TwoPointTraceBack tb;
            try { tb = TwoPointTraceBack.Create(new TraceBackInput(sigma, w0, a0, x1, y1)); }
            catch (InputException ex) { notes.Add($"θ₀ = ({w0}; {a0}), S₁ = ({x1}, {y1}): {ex.Message}"); continue; }
            var found = tb.Search(Ranges);
            foreach (var o in found.Overlaps.Where(o => o.Existence == Existence.Proved))
            {
                overlaps++;
                var facts = Certify(sigma, g, w0, a0, x1, y1, o.Lo, o.Hi, hypotheses, out var reason);
                if (facts is not null && VerdictRule.Decide(facts) == Verdict.Proved)
                {
                    attempts.Add(new(route, $"certificate at θ₀ = ({ExactText.Of(w0)}; {ExactText.Of(a0)}), S₁ = ({ExactText.Of(x1)}, {ExactText.Of(y1)}), x₂ ∈ [{ExactText.Of(o.Lo)}, {ExactText.Of(o.Hi)}]."));
                    return new TwoPointCertificate(w0, a0, x1, y1, o.Lo, o.Hi, facts);
                }
                notes.Add($"θ₀ = ({ExactText.Of(w0)}; {ExactText.Of(a0)}), x₂ ∈ [{ExactText.Of(o.Lo)}, {ExactText.Of(o.Hi)}]: {(reason.Length > 0 ? reason : "a fact of the overlap is not certain")}");
            }
        }
        attempts.Add(new(route, $"no certificate: {overlaps} overlap(s) proved over the {Candidates().Count()} (θ₀, S₁) candidates and x₂ ∈ [0.1, 100] ∪ [−100, −0.1], none with separated values of G"
            + (notes.Count > 0 ? $" ({string.Join("; ", notes.Take(4))})" : "") + "."));
        return null;
    }
}
