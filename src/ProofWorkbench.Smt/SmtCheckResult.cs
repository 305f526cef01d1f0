namespace ProofWorkbench.Smt;

/// <summary>The verdict of an SMT check.</summary>
public enum SmtVerdict
{
    /// <summary>Proved: for a universal claim, Z3 found its negation unsat; for an existence claim, a witness was found and checked exactly.</summary>
    Proved,
    /// <summary>Refuted: a checked counterexample (universal claim) or Z3 proved that no witness exists (existence claim).</summary>
    Refuted,
    /// <summary>Not decided: timeout, resource limit, an unverified model of an abstraction, or vacuous assumptions; see the reason.</summary>
    Unknown,
}

/// <summary>How a witness was checked against the real functions.</summary>
public enum WitnessCheckMethod
{
    /// <summary>Exact rational arithmetic.</summary>
    Exact,
    /// <summary>Interval arithmetic with outward rounding at the witness (a margin covering rounding error).</summary>
    Interval,
    /// <summary>Not checked (an algebraic witness of an exact translation, which Z3 decides exactly).</summary>
    None,
}

/// <summary>The result of checking a witness.</summary>
/// <param name="Method">How it was checked.</param>
/// <param name="Confirmed">True when the witness was confirmed (for a refutation: it violates the claim and satisfies the assumptions and domain).</param>
/// <param name="Detail">One line: the value found and what it shows.</param>
public sealed record WitnessCheck(WitnessCheckMethod Method, bool Confirmed, string Detail);

/// <summary>
/// The result of one SMT check: its name, verdict, the SMT-LIB2 script that reproduces the verdict
/// with <c>z3 script.smt2</c>, the witness (a counterexample or the object whose existence was claimed),
/// and a one-line explanation citing the claim's source.
/// </summary>
/// <param name="Name">The check's name, e.g. "6.1(c) x1ᵀw2* ∉ E1 ∪ {0}".</param>
/// <param name="Verdict">The verdict.</param>
/// <param name="Script">The standalone SMT-LIB2 script.</param>
/// <param name="Witness">The model values of the witness variables, when Z3 answered sat.</param>
/// <param name="Explanation">One line: what was decided and why, citing the paper step.</param>
public sealed record SmtCheckResult(string Name, SmtVerdict Verdict, string Script, Witness? Witness, string Explanation)
{
    /// <summary>Z3's answer to the script's <c>(check-sat)</c>.</summary>
    public SatAnswer Answer { get; init; }
    /// <summary>Z3's reason when the answer is unknown.</summary>
    public string? ReasonUnknown { get; init; }
    /// <summary>How the witness was checked, when there is one.</summary>
    public WitnessCheck? WitnessCheck { get; init; }
    /// <summary>The domain conditions the claim was restricted to (denominators nonzero, …), as text.</summary>
    public IReadOnlyList<string> Domain { get; init; } = [];
    /// <summary>The abstractions made ("exp!1 = exp(-u)"), as text.</summary>
    public IReadOnlyList<string> Abstractions { get; init; } = [];
    /// <summary>True when the assumptions alone are unsatisfiable (the claim would hold vacuously; nothing was proved).</summary>
    public bool AssumptionsUnsatisfiable { get; init; }
    /// <summary>True when no point satisfies the domain conditions (and assumptions): the claim would hold vacuously; nothing was proved.</summary>
    public bool DomainEmpty { get; init; }
    /// <summary>Wall-clock time spent in Z3.</summary>
    public TimeSpan Elapsed { get; init; }
    /// <summary>
    /// The relation that was claimed for all values (its negation was given to Z3), when the check was stated as an
    /// expression goal; an independent checker regenerates the query from it. Null when the result carries no goal.
    /// </summary>
    public Symbolic.Expressions.Relation? Goal { get; init; }
    /// <summary>The assumptions under which <see cref="Goal"/> was claimed (empty when none).</summary>
    public IReadOnlyList<Symbolic.Expressions.Relation> Assumptions { get; init; } = [];

    /// <summary>"name: verdict — explanation".</summary>
    public override string ToString() => $"{Name}: {Verdict.ToString().ToLowerInvariant()} — {Explanation}";
}
