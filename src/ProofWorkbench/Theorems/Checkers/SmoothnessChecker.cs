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
            ClaimParameter.Needs("order", "integer k ≥ 0, or inf", "the claimed smoothness: σ ∈ C^k (inf: C^∞, for smooth-step joins)"),
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var sigma = context.ActivationOf(claim);
        var orderNode = claim.Node.Required("order");
        if (orderNode.Text() == "inf") return Infinite(claim, sigma);
        int k = orderNode.Int();
        if (k < 0 || k > 20) throw orderNode.Error("order must be an integer between 0 and 20.");
        PiecewiseActivation pw;
        try { pw = PiecewiseActivation.Of(sigma); }
        catch (InputException ex) { throw claim.Node.Error(ex.Message); }
        if (pw.Breakpoints.Count == 0)
            return NotDecided(claim, "σ has no breakpoints (it is one expression after parsing), and this claim kind decides smoothness by comparing one-sided derivatives at breakpoints");
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

    /// <summary>
    /// σ ∈ C^∞ for anchors joined by smooth steps (<see cref="SmoothStep"/>): the lemma identities and each join's form
    /// decided by the zero test; the limit P(s)e^{−s} → 0 and Leibniz's rule are cited. A σ of another form (other joins,
    /// an anchor not shown smooth on ℝ) is left inconclusive with the reason: this kind cannot judge it, and a join that
    /// differs from the smooth step may still be C^∞, so it never refutes.
    /// </summary>
    private static ClaimResult Infinite(Claim claim, Models.Activation sigma)
    {
        IReadOnlyList<(string What, Symbolic.Expressions.Expr MustVanish)> obligations;
        PiecewiseActivation pw;
        try { pw = PiecewiseActivation.Of(sigma); }
        catch (InputException ex) { throw claim.Node.Error(ex.Message); }
        try { obligations = SmoothStep.Obligations(pw); }
        catch (InputException ex) { return NotDecided(claim, ex.Message.TrimEnd('.') + " (C^∞ is checked only for anchors joined by the smooth step; another form may still be C^∞)"); }
        var tested = obligations.Select(o => (o.What, o.MustVanish, Test: Simplifier.ZeroTest(o.MustVanish))).ToList();
        if (tested.FirstOrDefault(t => t.Test == ZeroTestResult.NonZero) is { What: not null } bad)
            return NotDecided(claim, $"order inf: {bad.What} is not 0, so σ is not built from the smooth steps S(t) = ψ(t)/(ψ(t) + ψ(1 − t)) this claim kind checks (another join may still be C^∞)");
        var facts = tested.Select(t => (Evidence.Fact)new Evidence.ExactIdentity(t.What, t.MustVanish, t.Test)).ToList();
        var evidence = new EvidenceSection(EvidenceLayer.Symbolic,
            "ψ(t) = e^{−1/t}: ψ^{(n)} = P_n(1/t)e^{−1/t} by the induction step (exact), and P(s)e^{−s} → 0 as s → ∞ for every polynomial P (cited: e^s ≥ s^{m+1}/(m+1)!), so ψ ∈ C^∞(ℝ) with every derivative 0 at 0⁺; "
            + "S = ψ(t)/(ψ(t) + ψ(1 − t)) with a denominator ≥ ψ(1 − t) > 0 on t < 1, so by Leibniz's rule every derivative of S vanishes at 0⁺, and of 1 − S = S(1 − t) at 1⁻ (symmetry, exact); "
            + "each join is f + (g − f)·S((u − p)/(q − p)) with f, g smooth on ℝ (exact), so all one-sided derivatives agree at every breakpoint")
        {
            Values = [.. tested.Select(t => new NamedValue(t.What, t.Test.ToString().ToLowerInvariant()))],
        };
        string why = tested.All(t => t.Test == ZeroTestResult.Zero)
            ? $"σ ∈ C^∞(ℝ): the {pw.Pieces.Count} pieces are smooth anchors and smooth-step joins; the induction step and the symmetry of the step are exact identities."
            : "Some identity could not be decided exactly.";
        return ClaimResult.FromFacts(claim, facts, why, [evidence]);
    }

    private static ClaimResult NotDecided(Claim claim, string why) =>
        new(claim, Verdict.Inconclusive, $"Not decided: {why}.", [new EvidenceSection(EvidenceLayer.Symbolic, why)]);

    private static string Shorten(string s) => s.Length <= 160 ? s : s[..157] + "…";
}
