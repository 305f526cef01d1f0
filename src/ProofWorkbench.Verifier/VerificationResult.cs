namespace ProofWorkbench.Verifier;

/// <summary>What the verifier concluded about one certificate.</summary>
public enum VerificationStatus
{
    /// <summary>Every fact was re-checked with the verifier's own means and bound to the claim, and the verdict follows from them.</summary>
    Verified,
    /// <summary>The certificate's verdict rests on facts the verifier cannot re-check (numeric estimates, flow runs, a fact or claim kind without a re-checker); nothing it could check failed.</summary>
    Unsupported,
    /// <summary>A fact, the binding to the claim, or the verdict failed the re-check.</summary>
    Rejected,
}

/// <summary>The re-check of one fact: its recomputed outcome, or why it could not be re-checked.</summary>
/// <param name="Path">The fact's JSON path (e.g. <c>$.facts[0]</c>).</param>
/// <param name="Kind">The fact kind.</param>
/// <param name="Outcome">The recomputed outcome ("proves", "confirms", "refutes", "undecided", "informs").</param>
/// <param name="Rechecked">True when the verifier re-checked the fact itself; false for numeric facts and kinds it cannot re-check.</param>
/// <param name="Note">What was checked, or why not.</param>
public sealed record FactCheck(string Path, string Kind, string Outcome, bool Rechecked, string Note);

/// <summary>The verifier's result for one certificate.</summary>
/// <param name="Claim">The claim id.</param>
/// <param name="ClaimKind">The claim kind.</param>
/// <param name="StatedVerdict">The verdict written in the certificate.</param>
/// <param name="Status">Verified, unsupported or rejected.</param>
/// <param name="Reason">One sentence: why rejected (the first fact or path that failed), why unsupported, or what was verified.</param>
/// <param name="Facts">The per-fact re-checks, in the certificate's order (up to the first failure).</param>
/// <param name="Numeric">True when the verdict rests on numeric facts ("numeric, not verified").</param>
public sealed record VerificationResult(string Claim, string ClaimKind, string StatedVerdict, VerificationStatus Status, string Reason,
    IReadOnlyList<FactCheck> Facts, bool Numeric);
