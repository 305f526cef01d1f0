using ProofWorkbench.Papers.Zhang2023.Constructions;
using ProofWorkbench.Symbolic.Printing;
using ProofWorkbench.Symbolic.Simplification;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// <c>smoothness</c>: a recipe-built activation piecewise(u &lt; b₁, f₁, …, f_N) is C^k on ℝ (<c>order: k</c>): every
/// piece is smooth, and at every breakpoint the one-sided derivatives of orders 0…k agree — each jump is tested for
/// zero exactly (paper 000, Theorem 6.1(a): σ ∈ C^k). Refuted by a jump that is exactly nonzero.
/// </summary>
public sealed class SmoothnessChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "smoothness";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Activation,
            ClaimParameter.Needs("order", "integer k ≥ 0", "the claimed smoothness: σ ∈ C^k"),
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var sigma = context.ActivationOf(claim);
        var orderNode = claim.Node.Required("order");
        int k = orderNode.Int();
        if (k < 0 || k > 20) throw orderNode.Error("order must be an integer between 0 and 20.");
        PiecewiseActivation pw;
        try { pw = PiecewiseActivation.Of(sigma); }
        catch (InputException ex) { throw claim.Node.Error(ex.Message); }
        var jumps = pw.Jumps(k);
        var values = jumps.Select(j => new NamedValue($"σ^({j.Order}) jump at u = {ExactText.Of(j.Breakpoint)}", $"{j.Test.ToString().ToLowerInvariant()}: {Shorten(j.Jump.ToString())}")).ToList();
        var evidence = new EvidenceSection(EvidenceLayer.Symbolic, $"one-sided derivatives of orders 0…{k} at the {pw.Breakpoints.Count} breakpoints, differences tested for zero exactly") { Values = values };
        var facts = jumps.Select(j => (Evidence.Fact)new Evidence.ExactIdentity(
            $"σ^({j.Order})(b⁻) − σ^({j.Order})(b⁺) at the breakpoint u = {ExactText.Of(j.Breakpoint)} (left piece minus right piece, differentiated {j.Order} times)", j.Jump, j.Test)).ToList();
        var nonzero = jumps.Where(j => j.Test == ZeroTestResult.NonZero).ToList();
        string why = nonzero.Count > 0 ? $"σ is not C^{k}: the derivative of order {nonzero[0].Order} jumps at u = {ExactText.Of(nonzero[0].Breakpoint)} (exactly nonzero)."
            : jumps.Any(j => j.Test == ZeroTestResult.Unknown) ? "Some jump could not be decided exactly."
            : $"σ ∈ C^{k}(ℝ): each of the {pw.Pieces.Count} pieces is smooth on its interval and all {jumps.Count} one-sided derivative differences at the breakpoints are exactly 0.";
        return ClaimResult.FromFacts(claim, facts, why, [evidence]);
    }

    private static string Shorten(string s) => s.Length <= 160 ? s : s[..157] + "…";
}
