using ProofWorkbench.Models;
using ProofWorkbench.Smt;
using ProofWorkbench.Papers.Zhang2023.Recipes;

namespace ProofWorkbench.Papers.Zhang2023.Constructions;

/// <summary>
/// The hypotheses of Lemma 6.1 / A.3 (paper 000): σ &gt; 0 and σ′ &gt; 0 on all of ℝ, each proved by Z3 (negation unsat,
/// transcendental terms soundly abstracted) with its SMT-LIB2 script. Every construction that encloses or pins a
/// one-sample limit through the conserved quantity rests on them.
/// </summary>
public static class LemmaA3Hypotheses
{
    /// <summary>The two checks (σ &gt; 0, σ′ &gt; 0); Z3 missing is reported as an <see cref="InputException"/>.</summary>
    public static IReadOnlyList<SmtCheckResult> Prove(Activation sigma)
    {
        try { return [RecipeChecks.ActivationPositive(sigma.Definition, sigma.Variable), RecipeChecks.ActivationIncreasing(sigma.Definition, sigma.Variable)]; }
        catch (Z3NotFoundException ex) { throw new InputException(ex.Message); }
    }

    /// <summary>True when both are proved.</summary>
    public static bool Hold(IReadOnlyList<SmtCheckResult> checks) => checks.All(c => c.Verdict == SmtVerdict.Proved);
}
