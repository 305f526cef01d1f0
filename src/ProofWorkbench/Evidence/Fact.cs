namespace ProofWorkbench.Evidence;

/// <summary>How one fact bears on its claim; <see cref="VerdictRule.Decide(IEnumerable{Fact})"/> turns a claim's outcomes into its verdict.</summary>
public enum FactOutcome
{
    /// <summary>The fact establishes its part of the claim exactly (zero test, SMT unsat, exact arithmetic, validated enclosure).</summary>
    Proves,
    /// <summary>The fact supports the claim within a tolerance: a numeric estimate, or an exact but nonzero value within an allowance.</summary>
    Confirms,
    /// <summary>The fact contradicts the claim: an exact nonzero, an SMT witness, or a value beyond tolerance by more than its error.</summary>
    Refutes,
    /// <summary>The fact cannot decide its part (solver unknown, a value within its error of the tolerance, an undecided piece).</summary>
    Undecided,
    /// <summary>Context only (shown in reports): the verdict does not rest on it.</summary>
    Informs,
}

/// <summary>
/// A typed fact the tool established while checking a claim (ARCHITECTURE.md, "Evidence and certificates"). Facts are
/// immutable data: reports, JSON and certificates are rendered from them; the verdict comes from their outcomes through
/// <see cref="VerdictRule"/> alone.
/// </summary>
/// <param name="Label">What the fact is about, e.g. "r1 = f(θ; x1) − y1".</param>
/// <param name="Outcome">How it bears on the claim.</param>
public abstract record Fact(string Label, FactOutcome Outcome)
{
    /// <summary>The fact kind as written in JSON and certificates ("exact-identity", "smt-check", …).</summary>
    public abstract string Kind { get; }

    /// <summary>True when the fact is exact reasoning (a proof or an exact refutation is possible from it alone).</summary>
    public abstract bool IsExact { get; }

    /// <summary>Shown in reports as context (e.g. a flow run behind a figure); not part of the verdict, nor of a certificate.</summary>
    public bool IsContext => Outcome == FactOutcome.Informs;
}
