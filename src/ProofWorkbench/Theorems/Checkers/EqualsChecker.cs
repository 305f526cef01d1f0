using ProofWorkbench.ConservedQuantities;
using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.Proposition61;
using ProofWorkbench.Symbolic.Domains;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Simplification;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// <c>equals</c>: a derived object of the one-hidden-neuron model (d = 1, one sample (x, y), symbolic unless
/// given) equals a stated expression — decided symbolically. Objects: gradient.w, gradient.a, flow.w, flow.a,
/// h_prime, h, conserved, prop61, slope26 (ȧ/ẇ = σ(xw)/(a x σ′(xw)), paper 000 eq. (26)). Or, with
/// <c>lhs</c> and <c>rhs</c>, any identity.
/// </summary>
public sealed class EqualsChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "equals";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.May("object", "name", "what is derived: gradient.w, gradient.a, flow.w, flow.a, h_prime, h, conserved, prop61 or slope26; needed unless lhs and rhs are given"),
            ClaimParameter.May("value", "expression", "the stated value of the object (needed with object)"),
            ClaimParameter.Activation,
            ClaimParameter.May("x", "number or expression", "the input of the one sample; default symbolic x"),
            ClaimParameter.May("y", "number or expression", "the label of the one sample; default symbolic y"),
            ClaimParameter.May("lhs", "expression", "any identity lhs = rhs instead of an object: the left side"),
            ClaimParameter.May("rhs", "expression", "any identity lhs = rhs instead of an object: the right side"),
        ];

    private static readonly string[] Objects = ["gradient.w", "gradient.a", "flow.w", "flow.a", "h_prime", "h", "conserved", "prop61", "slope26"];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        Expr derived, stated;
        string what;
        var domain = new List<DomainCondition>(); // where the expressions as written are defined (issue 9, item 2)
        if (claim.Node.Optional("lhs") is { } lhs)
        {
            var l = lhs.ExpressionWithDomain();
            var r = claim.Node.Required("rhs").ExpressionWithDomain();
            (derived, stated) = (l.Value, r.Value);
            domain.AddRange(l.Domain.Concat(r.Domain));
            what = "left-hand side";
        }
        else
        {
            var objectNode = claim.Node.Required("object");
            what = objectNode.Text();
            var v = claim.Node.Required("value").ExpressionWithDomain();
            stated = v.Value;
            domain.AddRange(v.Domain);
            var d = Derive(what, objectNode, claim, context);
            if (d is null) // issue 9 item 6: a claim the tool cannot decide, not a malformed file
                return new ClaimResult(claim, Verdict.Inconclusive,
                    "Not decided: h has no closed form for this activation (the rule-based integrator found none), so it cannot be compared; state h_prime instead, or a 'conserved' claim.", []);
            derived = d;
        }
        var (facts, explanation, evidence) = IdentityEvidence.Decide(what, derived, stated, domain);
        return ClaimResult.FromFacts(claim, facts, explanation, [evidence]);
    }

    private static Expr? Derive(string what, YamlValue node, Claim claim, TheoremContext context)
    {
        var sigma = context.ActivationOf(claim);
        var x = claim.Node.Optional("x")?.Expression() ?? Sym("x");
        var y = claim.Node.Optional("y")?.Expression() ?? Sym("y");
        var model = new OneNeuronModel(sigma, 1);
        var sample = new Sample([x], y);
        switch (what)
        {
            case "gradient.w": return model.Gradient([sample])[0];
            case "gradient.a": return model.Gradient([sample])[1];
            case "flow.w": return model.FlowField([sample])[0];
            case "flow.a": return model.FlowField([sample])[1];
            case "h_prime": return ConservedQuantity.Derive(model, sample).HPrime;
            case "h":
                return ConservedQuantity.Derive(model, sample).H; // null: no closed form
            case "conserved": return ConservedQuantity.Derive(model, sample).Quantity;
            case "prop61":
                try { return Proposition61Condition.Derive(sigma).Condition; }
                catch (InputException ex) { throw node.Error(ex.Message); }
            case "slope26":
            {
                // ȧ/ẇ along the flow: the residual factor cancels, leaving σ(xw)/(a x σ′(xw)).
                var field = model.FlowField([sample]);
                return Simplifier.Simplify(Div(field[1], field[0]));
            }
            default: throw node.Error($"unknown object '{what}'; an 'equals' claim derives one of {string.Join(", ", Objects)}.");
        }
    }
}
