using ProofWorkbench.Dynamics;
using ProofWorkbench.Evidence;
using ProofWorkbench.Models;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Simplification;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.VardiShamir2021.Checkers;

/// <summary>
/// <c>balanced-limit-extrapolation</c> (paper 002, Assumption 6.1 and Corollary 6.2): gradient flow of N(x) = v·σ(wᵀx),
/// σ = ReLU (σ′(0) = 1), from (w, v) = (<c>w0</c>, ε) for each ε of <c>epsilons</c> (halving), to zero loss; the limit of
/// component <c>component</c> of w as ε → 0 by Richardson extrapolation (order <c>order</c> in ε, default 2) with its
/// error, and its <c>sign</c> (negative, positive or zero). When every input has 0 in that component, the component's
/// field is identically 0 (exact) and the component never moves: the zero case is then proved.
/// </summary>
public sealed class BalancedLimitChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "balanced-limit-extrapolation";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Dataset,
            ClaimParameter.W0,
            ClaimParameter.Needs("epsilons", "list of positive numbers", "the ε of the starts (w, v) = (w₀, ε), halving"),
            ClaimParameter.Needs("component", "integer", "the component of w whose limit as ε → 0 is extrapolated (1-based)"),
            ClaimParameter.May("order", "integer", "the order in ε of the Richardson extrapolation; default 2"),
            ClaimParameter.Needs("sign", "negative, positive or zero", "the claimed sign of the extrapolated limit"),
            ClaimParameter.LossScale,
            ClaimParameter.Tolerance,
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var data = context.DatasetOf(claim.Node.Required("dataset"));
        int d = data.Dimension;
        var compNode = claim.Node.Required("component");
        int k = compNode.Int() - 1;
        if (k < 0 || k >= d) throw compNode.Error($"component must be between 1 and {d}.");
        var signNode = claim.Node.Required("sign");
        var sign = signNode.Text() switch { "negative" => -1, "positive" => 1, "zero" => 0, var s => throw signNode.Error($"sign is negative, positive or zero, not '{s}'.") };
        var epsNode = claim.Node.Required("epsilons");
        var eps = epsNode.Rationals();
        if (eps.Count < 2 || eps.Any(e => e.Sign <= 0)) throw epsNode.Error("give at least two positive ε.");
        for (int j = 1; j < eps.Count; j++)
            if (eps[j] * 2 != eps[j - 1]) throw epsNode.Error("the ε must halve from one to the next (Richardson extrapolation at ratio 2).");
        int order = claim.Node.Optional("order")?.Int() ?? 2;
        var w0 = claim.Node.Optional("w0")?.Rationals().Select(r => r.ToDouble()).ToArray() ?? new double[d];
        if (w0.Length != d) throw claim.Node.Required("w0").Error($"w0 needs {d} components.");
        var cNode = claim.Node.Optional("loss-scale") ?? context.File.Setup.Optional("loss-scale");
        var cExact = cNode?.Rational() ?? new Symbolic.Numbers.Rational(1, 2);
        double c = cExact.ToDouble();
        double tol = context.ToleranceOf(claim);
        var facts = new List<Fact>();
        var values = new List<NamedValue>();

        // The exact shortcut: the component's field vanishes identically when every xᵢ has 0 there.
        if (sign == 0 && data.Samples.All(s => s.X[k] is Number { Value.IsZero: true }) && w0[k] == 0)
        {
            var names = Enumerable.Range(1, d).Select(i => $"w{i}").Append("v").ToList();
            var loss = Add(data.Samples.Select(s => Pow(Sub(Mul(Sym("v"), Call(KnownFunctions.Relu, Add(s.X.Select((x, l) => Mul(x, Sym($"w{l + 1}"))).ToArray()))), s.Y), Num(2))).ToArray());
            var component = Differentiator.Gradient(Mul(Num(cExact), loss), names)[k];
            var zero = Simplifier.ZeroTest(component);
            facts.Add(new ExactIdentity($"∂L/∂w{k + 1} ≡ 0 on {data.Name} (every input has 0 in component {k + 1})", component, zero));
            return ClaimResult.FromFacts(claim, facts, zero == ZeroTestResult.Zero
                ? $"Every input has 0 in component {k + 1}, so ∂L/∂w{k + 1} vanishes identically: w{k + 1}(t) = w{k + 1}(0) = 0 for every ε, and the limit as ε → 0 is exactly 0."
                : "Not decided: the zero test could not show that the component's field vanishes.",
                [new EvidenceSection(EvidenceLayer.Symbolic, $"the field of w{k + 1} on {data.Name}") { Formulas = [new($"∂L/∂w{k + 1}", component)] }]);
        }

        var samples = NeuronInstance.Samples(data);
        var limits = new List<double>();
        double inputError = 0;
        foreach (var e in eps)
        {
            var model = new TwoLayerModel(Activation.Parse("relu(u)"), d, 1, c);
            var flow = ModelFlowEngine.Run(model, samples, w0.Append(e.ToDouble()).ToList(), new FlowOptions { Tolerance = 1e-13 });
            if (!flow.Converged)
                return ClaimResult.FromFacts(claim, [new NumericEstimate($"the flow from ε = {e}", double.NaN, double.NaN, null, "DOP853", [], FactOutcome.Undecided)],
                    $"Not decided: the flow from ε = {e} did not converge to zero loss ({flow.Message}).", []);
            double err = double.IsFinite(flow.LimitErrorEstimate) ? flow.LimitErrorEstimate : flow.FinalPointDistance;
            inputError = Math.Max(inputError, err);
            limits.Add(flow.Theta[k]);
            double balance = flow.Theta[d] * flow.Theta[d] - flow.Theta.Take(d).Sum(x => x * x);
            facts.Add(NumericEstimate.Judged($"ε = {e}: loss at the limit (Assumption 6.1: the flow reaches zero loss)", flow.Loss, 0, tol, "DOP853 (tolerance 1e-13)"));
            // Corollary 6.1: v² − ‖w‖² = ε² − ‖w₀‖² all along, so at the limit too.
            double expected = e.ToDouble() * e.ToDouble() - w0.Sum(x => x * x);
            facts.Add(NumericEstimate.Judged($"ε = {e}: |v² − ‖w‖² − (ε² − ‖w₀‖²)| at the limit (Corollary 6.1)", Math.Abs(balance - expected),
                2 * (d + 1) * err * Math.Max(1, flow.Theta.Select(Math.Abs).Max()), tol, "DOP853 limit"));
            values.Add(new($"ε = {e}", $"w{k + 1}(∞) = {Format.Value(flow.Theta[k])} (error {Format.Bound(err)}); limit {Format.Vector(flow.Theta)}; v² − ‖w‖² = {Format.Value(balance)} (ε² = {Format.Value(e.ToDouble() * e.ToDouble())}); loss {Format.Bound(flow.Loss)}"));
        }
        var rich = Richardson.Of(limits, order, inputError);
        values.Add(new("observed orders in ε", string.Join(", ", rich.ObservedOrders.Select(o => Format.Value(Math.Round(o, 3))))));
        values.Add(new("Richardson diagonal", string.Join(", ", rich.Diagonal.Select(Format.Value))));
        values.Add(new($"lim_(ε→0) w{k + 1}(∞) (extrapolated)", $"{Format.Value(rich.Estimate)} ± {Format.Bound(rich.Error)}"));
        // The observed order must match the assumed one (else the extrapolation's error estimate means nothing).
        double orderError = rich.ObservedOrders.Count == 0 ? 0 : Math.Abs(rich.ObservedOrders[^1] - order);
        facts.Add(NumericEstimate.Judged($"|observed order − {order}| at the smallest ε", orderError, 0, 0.1, "log₂ of the ratio of consecutive differences"));
        var outcome = sign switch
        {
            0 => VerdictRule.Judge(Magnitude.Estimated(Math.Abs(rich.Estimate), rich.Error), tol).Outcome,
            _ => sign * rich.Estimate - rich.Error > 0 ? FactOutcome.Confirms : sign * rich.Estimate + rich.Error < 0 ? FactOutcome.Refutes : FactOutcome.Undecided,
        };
        facts.Add(new NumericEstimate($"lim_(ε→0) w{k + 1}(∞) is {signNode.Text()}", rich.Estimate, rich.Error, null, $"Richardson extrapolation (order {order}) of {eps.Count} flows", [], outcome));
        return ClaimResult.FromFacts(claim, facts, VerdictRule.Decide(facts) == Verdict.Confirmed
            ? $"The flows reach zero loss for every ε, and w{k + 1}(∞) → {Format.Value(rich.Estimate)} ± {Format.Bound(rich.Error)} as ε → 0 (Richardson, observed order {Format.Value(Math.Round(rich.ObservedOrders.LastOrDefault(), 3))}): the limit exists and is {signNode.Text()}."
            : "Not established: see the facts.",
            [new EvidenceSection(EvidenceLayer.Numeric, "flows of v·ReLU(wᵀx) from (w₀, ε) and the extrapolation ε → 0") { Values = values }]);
    }
}
