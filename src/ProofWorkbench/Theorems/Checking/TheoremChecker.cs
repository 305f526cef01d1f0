using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Theorems.Checking;

/// <summary>Runs every claim of a theorem file through the checker of its kind.</summary>
public sealed class TheoremChecker(IReadOnlyList<IClaimChecker> checkers)
{
    private readonly Dictionary<string, IClaimChecker> byKind = checkers.ToDictionary(c => c.Kind, StringComparer.Ordinal);

    /// <summary>The claim kinds this checker knows.</summary>
    public IReadOnlyCollection<string> Kinds => byKind.Keys;

    /// <summary>Validates a claim's parameter keys against its kind: no unknown key, every required one given.</summary>
    public void Validate(TheoremFile file)
    {
        foreach (var claim in file.Claims)
        {
            var parameters = byKind[claim.Kind].Parameters;
            foreach (var key in claim.Node.Keys)
                if (!TheoremLoader.CommonClaimKeys.Contains(key) && !parameters.Any(p => p.Name == key))
                    throw claim.Node.KeyError(key,
                        $"unknown parameter '{key}' for a '{claim.Kind}' claim; it takes {string.Join(", ", parameters.Select(p => p.Name))}.");
            foreach (var p in parameters.Where(p => p.Required && claim.Node.Optional(p.Name) is null))
                throw claim.Node.Error($"claim '{claim.Id}' ({claim.Kind}) needs '{p.Name}' ({p.Type}): {p.Meaning}.");
        }
    }

    /// <summary>Checks every claim in file order; <paramref name="progress"/> hears about each claim as it starts.</summary>
    public TheoremResult Check(TheoremFile file, Action<Claim>? progress = null)
    {
        Validate(file);
        var context = new TheoremContext(file);
        var results = new List<ClaimResult>();
        foreach (var claim in file.Claims)
        {
            progress?.Invoke(claim);
            results.Add(CheckClaim(claim, context));
        }
        return new TheoremResult(file, results);
    }

    /// <summary>
    /// One claim. An expression the SMT translation cannot express (sin, cos, …) makes the claim undecidable by this
    /// tool, not the file malformed: <c>inconclusive</c> with the reason (issue 9 items 5 and 6).
    /// </summary>
    private ClaimResult CheckClaim(Claim claim, TheoremContext context)
    {
        try { return Evidence.VerdictRule.Admit(byKind[claim.Kind].Check(claim, context)); }
        catch (Smt.Translation.UnsupportedExpressionException ex)
        {
            return new ClaimResult(claim, Verdict.Inconclusive, $"Not decided: {ex.Message.TrimEnd('.')}.", []);
        }
    }
}
