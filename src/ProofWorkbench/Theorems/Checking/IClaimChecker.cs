using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Theorems.Checking;

/// <summary>Checks the claims of one kind, with the strongest layer available.</summary>
public interface IClaimChecker
{
    /// <summary>The claim kind, as written in theorem files.</summary>
    string Kind { get; }

    /// <summary>The parameters this kind accepts (besides id, kind, statement, source, expect, note), with their types and
    /// meanings: loading checks them, <c>pwb kinds</c> documents them.</summary>
    IReadOnlyList<ClaimParameter> Parameters { get; }

    /// <summary>Checks the claim; throws <see cref="TheoremFileException"/> for malformed parameters.</summary>
    ClaimResult Check(Claim claim, TheoremContext context);
}
