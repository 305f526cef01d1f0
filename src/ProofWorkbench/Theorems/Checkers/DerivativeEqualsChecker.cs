using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Domains;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// <c>derivative-identity</c>: the <c>order</c>-th derivative of the expression <c>f</c> in <c>variable</c> (order 0: f itself),
/// optionally evaluated at <c>at</c> (an exact expression substituted for the variable), equals <c>value</c> — decided
/// exactly by <see cref="IdentityEvidence"/> (zero test, then Z3, else inconclusive).
/// </summary>
public sealed class DerivativeEqualsChecker : IClaimChecker
{
    /// <summary>Highest derivative order accepted.</summary>
    public const int MaxOrder = 8;

    /// <inheritdoc/>
    public string Kind => "derivative-identity";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Needs("f", "expression", "the function"),
            ClaimParameter.Needs("variable", "name", "the variable of differentiation"),
            ClaimParameter.May("order", "integer ≥ 0", "the order of the derivative; default 1 (0: f itself)"),
            ClaimParameter.May("at", "expression", "an exact point substituted for the variable after differentiating"),
            ClaimParameter.Needs("value", "expression", "the stated value"),
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var f = claim.Node.Required("f").ExpressionWithDomain();
        var variable = claim.Node.Required("variable").Text();
        var orderNode = claim.Node.Optional("order");
        int order = orderNode?.Int() ?? 1;
        if (order < 0 || order > MaxOrder) throw orderNode!.Error($"'order' must be between 0 and {MaxOrder}, not {order}.");
        var value = claim.Node.Required("value").ExpressionWithDomain();
        var derived = order == 0 ? f.Value : Differentiator.Derivative(f.Value, variable, order);
        var domain = new List<DomainCondition>(f.Domain.Concat(value.Domain));
        string what = order == 0 ? "f" : $"d^{order}f/d{variable}^{order}";
        if (claim.Node.Optional("at") is { } atNode)
        {
            var at = atNode.Expression();
            derived = Substitution.Substitute(derived, variable, at);
            what += $" at {variable} = {at}";
            domain.Clear(); // a point value: the written domain of f is no longer a condition on free variables
        }
        var (facts, explanation, evidence) = IdentityEvidence.Decide(what, derived, value.Value, domain);
        return ClaimResult.FromFacts(claim, facts, explanation, [evidence]);
    }
}
