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
    /// <summary>The claim result; <paramref name="prior"/> evidence (e.g. numeric inputs) comes first; <paramref name="factOf"/> may give a check a more specific fact than its SMT result (an exact determinant, say).</summary>
    public static ClaimResult Of(Claim claim, IReadOnlyList<SmtCheckResult> results, IEnumerable<EvidenceSection> prior,
        string violatedPrefix, string provedExplanation, IEnumerable<Evidence.Fact>? priorFactsOrNull = null, Func<SmtCheckResult, Evidence.Fact?>? factOf = null)
    {
        var priorFacts = priorFactsOrNull ?? [];
        var evidence = prior.Concat(results.Select(r =>
            new EvidenceSection(EvidenceLayer.Smt, $"{r.Name}: {r.Verdict.ToString().ToLowerInvariant()} — {r.Explanation}") { SmtLib = r.Script })).ToList();
        var facts = priorFacts.Concat(results.Select(r => (Evidence.Fact)(factOf?.Invoke(r) ?? Evidence.SmtCheck.Of(r)))).ToList();
        var refuted = results.Where(r => r.Verdict == SmtVerdict.Refuted).Select(r => r.Name).ToList();
        var open = results.Where(r => r.Verdict == SmtVerdict.Unknown).Select(r => r.Name).ToList();
        string explanation = refuted.Count > 0 ? $"{violatedPrefix}: {string.Join("; ", refuted)}."
            : open.Count > 0 ? $"Z3 could not decide: {string.Join("; ", open)}." : provedExplanation;
        return ClaimResult.FromFacts(claim, facts, explanation, evidence);
    }
}
