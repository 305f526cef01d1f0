using ProofWorkbench.Models;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Printing;
using ProofWorkbench.Symbolic.Simplification;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// <c>conserved</c>: a quantity Q(θ) is a first integral of the gradient flow of the one-hidden-neuron model
/// on one sample — its Lie derivative L_F Q = ∇Q · F along F = −∇L vanishes identically (exact).
/// The sample is symbolic (x or x1…xd, y) unless <c>x</c>/<c>y</c> are given; <c>d</c> sets the dimension.
/// </summary>
public sealed class ConservedChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "conserved";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Needs("quantity", "expression in w (or w1…wd), a, x, y", "the claimed first integral Q(θ)"),
            ClaimParameter.Activation,
            ClaimParameter.May("d", "integer ≥ 1", "the input dimension; default 1"),
            ClaimParameter.May("x", "number or list", "the sample's input; default symbolic"),
            ClaimParameter.May("y", "number", "the sample's label; default symbolic"),
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var sigma = context.ActivationOf(claim);
        int d = claim.Node.Optional("d")?.Int() ?? 1;
        if (d < 1) throw claim.Node.Required("d").Error("d must be at least 1.");
        IReadOnlyList<Expr> x = claim.Node.Optional("x") is { } xn
            ? (xn.IsSequence ? xn.Items().Select(i => i.Expression()).ToArray() : [xn.Expression()])
            : d == 1 ? [Sym("x")] : Enumerable.Range(1, d).Select(i => Sym($"x{i}")).ToArray();
        if (x.Count != d) throw claim.Node.Required("x").Error($"x has {x.Count} components but d = {d}.");
        var y = claim.Node.Optional("y")?.Expression() ?? Sym("y");
        var model = new OneNeuronModel(sigma, d);
        var field = model.FlowField([new Sample(x, y)]);
        var q = claim.Node.Required("quantity").Expression();
        var lie = Differentiator.LieDerivative(q, field, model.ParameterNames);
        var formulas = new List<Formula>
        {
            new("Q", q),
            new("flow field F = −∇L, components " + string.Join(", ", model.ParameterNames), field.Select(f => Simplifier.Simplify(f)).ToArray()),
            new("L_F Q = ∇Q · F, simplified", Simplifier.Simplify(lie)),
        };
        var result = Simplifier.ZeroTest(lie);
        var evidence = new EvidenceSection(EvidenceLayer.Symbolic, "Lie derivative of Q along the gradient-flow field") { Formulas = formulas };
        var fact = new Evidence.ExactIdentity("Lie derivative L_F Q = ∇Q · F along F = −∇L ≡ 0", lie, result);
        return ClaimResult.FromFacts(claim, [fact], result switch
        {
            ZeroTestResult.Zero => "Q is conserved: its Lie derivative along the flow simplifies to 0 exactly.",
            ZeroTestResult.NonZero => "Q is not conserved: its Lie derivative along the flow is a nonzero expression (exact).",
            _ => "The zero test cannot decide whether the Lie derivative vanishes.",
        }, [evidence]);
    }
}
