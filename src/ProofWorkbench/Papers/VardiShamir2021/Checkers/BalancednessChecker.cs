using ProofWorkbench.Dynamics;
using ProofWorkbench.Evidence;
using ProofWorkbench.Models;
using ProofWorkbench.Smt;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Printing;
using ProofWorkbench.Symbolic.Simplification;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;
using Formula = ProofWorkbench.Theorems.Checking.Formula;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.VardiShamir2021.Checkers;

/// <summary>
/// <c>balancedness</c> (paper 002, Lemma 6.1 and its proof in Appendix C.1; Du, Hu &amp; Lee 2018): for N(x) = v·σ(wᵀx)
/// with σ = ReLU, Q = v² − ‖w‖² is constant along gradient flow. Exact, in two steps as in Appendix C.1: (1) for a generic
/// activation σ (an abstract function) and one symbolic sample (x1…xd, y), the Lie derivative of Q along F = −∇L,
/// L = c·(vσ(wᵀx) − y)², equals 4c·v·r·(u·σ′(u) − σ(u)) with u = wᵀx, r = vσ(u) − y — a zero test; the Lie derivative for
/// n samples is the sum of these. (2) For ReLU, u·σ′(u) − σ(u) = 0 for every real u and every value s ∈ [0, 1] taken for
/// σ′(0) — Z3. The drift of Q along a computed flow on <c>dataset</c> from <c>theta0</c> = (w…, v) is measured (numeric).
/// </summary>
public sealed class BalancednessChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "balancedness";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Needs("d", "integer ≥ 1", "the input dimension of the symbolic identity"),
            ClaimParameter.May("dataset", "dataset", "data for the measured drift along a flow"),
            ClaimParameter.May("theta0", "list of numbers", "the start (w…, v) of the measured flow (needed with dataset)"),
            ClaimParameter.LossScale,
            ClaimParameter.Tolerance,
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        int d = claim.Node.Required("d").Int();
        if (d < 1) throw claim.Node.Required("d").Error("d must be at least 1.");
        var cNode = claim.Node.Optional("loss-scale") ?? context.File.Setup.Optional("loss-scale");
        var c = cNode?.Rational() ?? new Symbolic.Numbers.Rational(1, 2);
        double tol = context.ToleranceOf(claim);
        var facts = new List<Fact>();
        var formulas = new List<Formula>();

        // (1) The Lie derivative for a generic σ and one symbolic sample.
        var names = Enumerable.Range(1, d).Select(i => $"w{i}").Append("v").ToList();
        var u = Add(Enumerable.Range(1, d).Select(i => Mul(Sym($"w{i}"), Sym($"x{i}"))).ToArray());
        var sigma = new AbstractCall("sigma", 0, u);
        var residual = Sub(Mul(Sym("v"), sigma), Sym("y"));
        var loss = Mul(Num(c), Pow(residual, Num(2)));
        var field = Differentiator.Gradient(loss, names).Select(g => Neg(g)).ToList();
        var q = Sub(Pow(Sym("v"), Num(2)), Add(Enumerable.Range(1, d).Select(i => Pow(Sym($"w{i}"), Num(2))).ToArray()));
        var lie = Differentiator.LieDerivative(q, field, names);
        var reduced = Mul(Num(4 * c), Sym("v"), residual, Sub(Mul(u, new AbstractCall("sigma", 1, u)), sigma));
        var difference = Sub(lie, reduced);
        var zero = Simplifier.ZeroTest(difference);
        facts.Add(new ExactIdentity("L_F Q − 4c·v·r·(u·σ′(u) − σ(u)) ≡ 0 for a generic σ (one symbolic sample)", difference, zero));
        formulas.Add(new("Q", q));
        formulas.Add(new("L_F Q (generic σ), simplified", Simplifier.Simplify(lie)));
        formulas.Add(new("claimed reduction 4c·v·r·(u σ′(u) − σ(u))", reduced));

        // (2) ReLU: u·σ′_s(u) − relu(u) = 0 for all u and s ∈ [0, 1].
        var t = Sym("u0");
        var heaviside = (Expr a) => Call(KnownFunctions.Heaviside, a);
        var slope = Sub(heaviside(t), Mul(Sub(Num(1), Sym("s")), Sub(Add(heaviside(t), heaviside(Neg(t))), Num(1))));
        var goal = new Relation(Sub(Mul(t, slope), Call(KnownFunctions.Relu, t)), RelationOperator.Equal, Num(0));
        var assumptions = new[] { new Relation(Sym("s"), RelationOperator.GreaterOrEqual, Num(0)), new Relation(Sym("s"), RelationOperator.LessOrEqual, Num(1)) };
        SmtCheckResult smt;
        try { smt = SmtProver.Prove(goal, assumptions, name: "u·σ′(u) = relu(u) for ReLU, σ′(0) = s ∈ [0, 1]"); }
        catch (Z3NotFoundException ex) { throw new InputException(ex.Message); }
        facts.Add(Evidence.SmtCheck.Of(smt, goal, assumptions));

        var sections = new List<EvidenceSection>
        {
            new(EvidenceLayer.Symbolic, "Appendix C.1: the Lie derivative of Q = v² − ‖w‖² reduces to u·σ′(u) − σ(u)") { Formulas = formulas },
            new(EvidenceLayer.Smt, $"Z3: u·σ′(u) − relu(u) = 0 for all u, with σ′(0) = s ∈ [0, 1]: {smt.Verdict.ToString().ToLowerInvariant()}") { SmtLib = smt.Script },
        };

        // Drift along a computed flow (numeric, context for the exact proof; it is judged).
        if (claim.Node.Optional("dataset") is { } setNode)
        {
            var data = context.DatasetOf(setNode);
            var thetaNode = claim.Node.Required("theta0");
            var theta0 = thetaNode.Rationals().Select(r => r.ToDouble()).ToArray();
            if (theta0.Length != data.Dimension + 1) throw thetaNode.Error($"theta0 is (w…, v): {data.Dimension + 1} numbers.");
            var model = new TwoLayerModel(Activation.Parse("relu(u)"), data.Dimension, 1, c.ToDouble());
            var samples = NeuronInstance.Samples(data);
            var flow = ModelFlowEngine.Run(model, samples, theta0, new FlowOptions { Tolerance = 1e-13 });
            double drift = flow.Conserved.Count > 0 ? flow.Conserved.Max(q => q.MaxDrift) : double.NaN;
            facts.Add(double.IsNaN(drift)
                ? new NumericEstimate("drift of v² − ‖w‖²", double.NaN, double.NaN, tol, "ODE", [], FactOutcome.Undecided)
                : NumericEstimate.Judged($"max drift of v² − ‖w‖² along the flow on {data.Name}", drift, 0, tol, "DOP853 (tolerance 1e-13), every accepted step"));
            sections.Add(new EvidenceSection(EvidenceLayer.Numeric, $"the drift of v² − ‖w‖² along the flow on {data.Name} (ReLU, σ′(0) = 1)")
            {
                Values = [new("θ₀ = (w, v)", Format.Vector(theta0)), new("limit", $"{Format.Vector(flow.Theta)} ({flow.Outcome})"), new("max drift", Format.Bound(drift))],
            });
        }
        var verdict = VerdictRule.Decide(facts);
        return ClaimResult.FromFacts(claim, facts, verdict switch
        {
            Verdict.Proved => "v² − ‖w‖² is conserved: its Lie derivative reduces exactly to u·σ′(u) − σ(u), which Z3 proves is 0 for ReLU.",
            Verdict.Confirmed => "v² − ‖w‖² is conserved (exact reduction and Z3), and the measured drift along the flow is within the tolerance.",
            _ => "Not established: see the facts.",
        }, sections);
    }
}
