using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Theorems.Checking;

/// <summary>Which layer produced a piece of evidence.</summary>
public enum EvidenceLayer
{
    /// <summary>Exact symbolic computation.</summary>
    Symbolic,
    /// <summary>Z3 on an SMT-LIB2 script.</summary>
    Smt,
    /// <summary>Outward-rounded interval arithmetic.</summary>
    Interval,
    /// <summary>Floating-point numerics with an error estimate.</summary>
    Numeric,
}

/// <summary>A named formula shown in LaTeX in the report.</summary>
public sealed record Formula(string Label, string Latex);

/// <summary>A named value; numbers are already formatted (see <see cref="Format"/>) so reports are byte-stable.</summary>
public sealed record NamedValue(string Name, string Value);

/// <summary>
/// One piece of evidence for a verdict: the layer, a one-sentence summary, and the derivations,
/// values, SMT-LIB2 script and figures that back it.
/// </summary>
public sealed record Evidence(EvidenceLayer Layer, string Summary)
{
    /// <summary>Derivations in LaTeX.</summary>
    public IReadOnlyList<Formula> Formulas { get; init; } = [];
    /// <summary>Numbers and other values.</summary>
    public IReadOnlyList<NamedValue> Values { get; init; } = [];
    /// <summary>The SMT-LIB2 script that reproduces an SMT verdict with <c>z3 FILE</c>.</summary>
    public string? SmtLib { get; init; }
    /// <summary>An SVG figure (file name without directory, and its content).</summary>
    public Figure? Figure { get; init; }
}

/// <summary>An SVG figure written beside a report.</summary>
public sealed record Figure(string FileName, string Caption, string Svg);

/// <summary>The outcome of one claim.</summary>
public sealed record ClaimResult(Claim Claim, Verdict Verdict, string Explanation, IReadOnlyList<Evidence> Evidence)
{
    /// <summary>True when the verdict is the one the theorem file expects.</summary>
    public bool AsExpected => Verdict == Claim.Expected;
}

/// <summary>The outcome of a theorem file.</summary>
public sealed record TheoremResult(TheoremFile File, IReadOnlyList<ClaimResult> Claims)
{
    /// <summary>True when every claim got its expected verdict.</summary>
    public bool AllAsExpected => Claims.All(c => c.AsExpected);
}
