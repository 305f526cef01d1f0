using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Theorems.Checkers;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Papers.Blanc2020.Checkers;

/// <summary>
/// <c>derivative-equals</c>: the <c>order</c>-th derivative (default 1) of <c>function</c> in <c>variable</c> equals
/// <c>stated</c> — for the printed derivatives of Appendix C (Propositions 10 and 11: ∂R/∂hᵢ, R′_o, R″_o), decided
/// like <c>equals</c> (<see cref="IdentityEvidence"/>: exact zero test, then Z3, then a rigorous interval witness of
/// inequality) where the expressions as written are defined.
/// </summary>
public sealed class DerivativeEqualsChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "derivative-equals";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Needs("function", "expression", "the function"),
            ClaimParameter.Needs("variable", "name", "the variable of differentiation"),
            ClaimParameter.May("order", "integer ≥ 1", "the order; default 1"),
            ClaimParameter.Needs("stated", "expression", "the printed derivative"),
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var f = claim.Node.Required("function").ExpressionWithDomain();
        var s = claim.Node.Required("stated").ExpressionWithDomain();
        var variable = claim.Node.Required("variable").Text();
        int order = claim.Node.Optional("order")?.Int() ?? 1;
        if (order < 1 || order > 4) throw claim.Node.Required("order").Error("order must be 1, 2, 3 or 4.");
        var derived = Differentiator.Derivative(f.Value, variable, order);
        var what = order == 1 ? $"d/d{variable}" : $"d^{order}/d{variable}^{order}";
        var (facts, explanation, evidence) = IdentityEvidence.Decide(what, derived, s.Value, [.. f.Domain, .. s.Domain]);
        return ClaimResult.FromFacts(claim, facts, explanation, [evidence]);
    }
}
