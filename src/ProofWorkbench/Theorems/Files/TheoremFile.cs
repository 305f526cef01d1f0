namespace ProofWorkbench.Theorems.Files;

/// <summary>The verdict of a claim (see ARCHITECTURE.md, "Verdicts").</summary>
public enum Verdict
{
    /// <summary>Exact reasoning only: a symbolic identity that simplifies to 0, an SMT unsat of the negation, an interval enclosure.</summary>
    Proved,
    /// <summary>Numerical evidence within a stated tolerance, with the error estimate shown.</summary>
    Confirmed,
    /// <summary>A witness against the claim: an SMT model, an exact nonzero, or a numerical result outside tolerance by more than its error.</summary>
    Refuted,
    /// <summary>The tool could not decide; the evidence says why.</summary>
    Inconclusive,
}

/// <summary>Text forms of verdicts as written in theorem files and reports.</summary>
public static class VerdictText
{
    /// <summary>"proved", "confirmed", "refuted", "inconclusive".</summary>
    public static string Of(Verdict v) => v.ToString().ToLowerInvariant();

    /// <summary>Parses a verdict, or null.</summary>
    public static Verdict? Parse(string text) => text switch
    {
        "proved" => Verdict.Proved,
        "confirmed" => Verdict.Confirmed,
        "refuted" => Verdict.Refuted,
        "inconclusive" => Verdict.Inconclusive,
        _ => null,
    };
}

/// <summary>One claim of a theorem file: its kind, the verdict the paper implies, and its parameters.</summary>
public sealed record Claim(string Id, string Kind, string Statement, string Source, Verdict Expected, string? Note, YamlValue Node);

/// <summary>
/// A theorem file: one paper result, its source, its setup (named objects claims refer to) and its claims.
/// </summary>
public sealed record TheoremFile(
    string Path,
    string Id,
    string Title,
    string Source,
    string Statement,
    YamlValue Setup,
    IReadOnlyList<Claim> Claims,
    IReadOnlyList<string> Findings);
