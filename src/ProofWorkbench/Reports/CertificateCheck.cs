using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Reports;

/// <summary>What the independent verifier (<c>pwb verify</c>) said about a claim's certificate, as a report shows it.</summary>
public enum CertificateStatus
{
    /// <summary>Every fact re-checked and bound to the claim.</summary>
    Verified,
    /// <summary>The verdict rests on facts the verifier cannot re-check (numeric estimates, kinds without a re-checker).</summary>
    Unsupported,
    /// <summary>A fact, its binding to the claim, or the verdict failed the re-check.</summary>
    Rejected,
}

/// <summary>A claim's certificate in a report: where it was written (null when certificates were not written) and its re-check.</summary>
/// <param name="Link">The certificate's path relative to the report, or null.</param>
/// <param name="Status">The verifier's status.</param>
/// <param name="Reason">The verifier's one-sentence reason.</param>
/// <param name="Numeric">True when the verdict rests on numeric facts ("numeric, not verified").</param>
public sealed record CertificateCheck(string? Link, CertificateStatus Status, string Reason, bool Numeric)
{
    /// <summary>The clause of the "How this was checked" line: e.g. "certificate verified by pwb verify (every fact re-checked independently)".</summary>
    public string Text => Status switch
    {
        CertificateStatus.Verified => "certificate verified by pwb verify (every fact re-checked independently)",
        CertificateStatus.Unsupported when Numeric => "certificate not verified: its verdict rests on numeric facts (numeric, not verified)",
        CertificateStatus.Unsupported => $"certificate not verified: {Reason}",
        _ => $"certificate REJECTED by pwb verify: {Reason}",
    };
}

/// <summary>The certificate check of each claim of a report, or null for a claim without one.</summary>
public delegate CertificateCheck? CertificateChecks(Claim claim);
