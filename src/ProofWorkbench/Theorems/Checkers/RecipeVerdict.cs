using ProofWorkbench.Smt;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// Turns a recipe's list of SMT checks into one claim result: one evidence item per check (with its SMT-LIB2
/// script); refuted when any check is refuted, inconclusive when Z3 could not decide one, proved otherwise.
/// </summary>
public static class RecipeVerdict
{
    /// <summary>The claim result; <paramref name="prior"/> evidence (e.g. numeric inputs) comes first.</summary>
    public static ClaimResult Of(Claim claim, IReadOnlyList<SmtCheckResult> results, IEnumerable<Evidence> prior,
        string violatedPrefix, string provedExplanation)
    {
        var evidence = prior.Concat(results.Select(r =>
            new Evidence(EvidenceLayer.Smt, $"{r.Name}: {r.Verdict.ToString().ToLowerInvariant()} — {r.Explanation}") { SmtLib = r.Script })).ToList();
        var refuted = results.Where(r => r.Verdict == SmtVerdict.Refuted).Select(r => r.Name).ToList();
        var open = results.Where(r => r.Verdict == SmtVerdict.Unknown).Select(r => r.Name).ToList();
        if (refuted.Count > 0) return new ClaimResult(claim, Verdict.Refuted, $"{violatedPrefix}: {string.Join("; ", refuted)}.", evidence);
        if (open.Count > 0) return new ClaimResult(claim, Verdict.Inconclusive, $"Z3 could not decide: {string.Join("; ", open)}.", evidence);
        return new ClaimResult(claim, Verdict.Proved, provedExplanation, evidence);
    }
}
