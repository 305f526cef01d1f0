using ProofWorkbench.Evidence;
using ProofWorkbench.Models;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Printing;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// <c>kkt</c>: is the gradient-flow limit θ* a KKT point of min_{θ ∈ M_S} G(θ, θ₀) (paper 000,
/// Definitions 4.4–4.5)? Stationarity asks ∇_θ G(θ*, θ₀) = Σᵢ λᵢ ∇_θ rᵢ(θ*) with rᵢ = f(θ; xᵢ) − yᵢ.
/// The multipliers λ solve the normal equations exactly; the stationarity residual is then exact.
/// <para><c>model: linear</c> is the linear regression of Section 4.1, f(w; x) = wᵀx: its flow stays in
/// w₀ + row(X) (ẇ = −2Xᵀ(Xw − y)) and converges to the point of that affine space with Xw = y, computed
/// here exactly. For the one-hidden-neuron model, θ* is given exactly in <c>theta</c>.</para>
/// G is an expression in the parameters (w or w1…wd, and a) and the initial point (w0 or w0_1…, a0).
/// </summary>
public sealed class KktChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "kkt";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.May("model", "one-neuron or linear", "the model; default one-neuron (aσ(wᵀx)), linear is f(w; x) = wᵀx of Section 4.1"),
            ClaimParameter.Needs("G", "expression in θ and θ₀", "the candidate regularizer G(θ, θ₀): w or w1…wd, a; w0 or w0_1…, a0"),
            ClaimParameter.Dataset,
            ClaimParameter.Needs("theta0", "point", "the initialization θ₀"),
            ClaimParameter.May("theta", "point", "the exact limit θ* (needed for the one-neuron model)"),
            ClaimParameter.Activation,
            ClaimParameter.Tolerance,
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var modelName = claim.Node.Optional("model")?.Text() ?? "one-neuron";
        var data = context.DatasetOf(claim.Node.Required("dataset"));
        var g = claim.Node.Required("G").Expression();
        var theta0 = context.Point(claim.Node.Required("theta0"));
        int d = data.Dimension;
        var wNames = d == 1 ? new[] { "w" } : Enumerable.Range(1, d).Select(i => $"w{i}").ToArray();
        var w0Names = d == 1 ? new[] { "w0" } : Enumerable.Range(1, d).Select(i => $"w0_{i}").ToArray();
        if (theta0.W.Count != d) throw claim.Node.Required("theta0").Error($"theta0 has {theta0.W.Count} weights but the data have d = {d}.");

        string[] parameters;
        Expr[] residuals;
        Rational[] limit;
        string limitOrigin;
        if (modelName == "linear")
        {
            parameters = wNames;
            residuals = data.Samples.Select(s => Sub(Add(wNames.Select((w, i) => Mul(Sym(w), s.X[i]))), s.Y)).ToArray();
            limit = LinearLimit(data, theta0, claim);
            limitOrigin = "the exact limit of the linear flow: the point of w₀ + row(X) with Xw = y";
        }
        else if (modelName == "one-neuron")
        {
            var model = new OneNeuronModel(context.ActivationOf(claim), d);
            parameters = [.. model.ParameterNames];
            residuals = data.Samples.Select(model.Residual).ToArray();
            var thetaNode = claim.Node.Optional("theta")
                ?? throw claim.Node.Error("a one-neuron 'kkt' claim needs 'theta': the limit θ* (a point), or 'flow-limit' for the gradient-flow limit.");
            if (!thetaNode.IsMapping && thetaNode.Text() == "flow-limit")
            {
                var flow = context.Flow(model.Activation, data, theta0);
                if (!flow.Converged)
                {
                    var (run, section) = FlowEvidence.Context("gradient flow", model.Activation, data, theta0, flow);
                    return new ClaimResult(claim, Verdict.Inconclusive, $"The flow did not converge: {flow.Message}", [section]) { Facts = [run with { Outcome = FactOutcome.Undecided }] };
                }
                return LimitKkt(claim, g, model, data, theta0, flow, parameters, w0Names);
            }
            var t = context.Point(thetaNode);
            limit = [.. t.W, t.A];
            limitOrigin = "θ* as given in the claim";
            // A KKT point of min G over M_S lies in M_S: a θ* with a certainly nonzero residual is a file error, not a verdict.
            var thetaAt = parameters.Select((p, i) => (p, Num(limit[i]))).ToDictionary(x => x.p, x => x.Item2);
            for (int i = 0; i < residuals.Length; i++)
            {
                var r = Substitution.Substitute(residuals[i], thetaAt);
                if (Symbolic.Simplification.Simplifier.ZeroTest(r) == Symbolic.Simplification.ZeroTestResult.Zero) continue;
                var enclosure = Symbolic.Intervals.IntervalEvaluator.Evaluate(r, new Dictionary<string, Symbolic.Intervals.Interval>());
                if (enclosure.Lo > 0 || enclosure.Hi < 0)
                    throw thetaNode.Error($"θ* = ({string.Join(", ", limit.Select(v => v.ToString()))}) is not in M_S of {data.Name}: sample {i + 1} has residual {r} ≈ {Format.Value(enclosure.Mid)} ≠ 0, and a KKT point of min G over M_S must lie in M_S (Definitions 4.4–4.5).");
            }
        }
        else throw claim.Node.Required("model").Error($"unknown model '{modelName}'; write linear or one-neuron.");

        var at = new Dictionary<string, Expr>();
        for (int i = 0; i < parameters.Length; i++) at[parameters[i]] = Num(limit[i]);
        for (int i = 0; i < d; i++) at[w0Names[i]] = Num(theta0.W[i]);
        at["a0"] = Num(theta0.A);
        var unknown = g.FreeSymbols().Where(s => !at.ContainsKey(s)).ToList();
        if (unknown.Count > 0)
            throw claim.Node.Required("G").Error($"G uses {string.Join(", ", unknown)}, which are neither parameters ({string.Join(", ", parameters)}) nor initial values ({string.Join(", ", w0Names)}, a0).");

        var gradGSymbolic = Differentiator.Gradient(g, parameters);
        var gradRSymbolic = residuals.Select(r => Differentiator.Gradient(r, parameters)).ToArray();
        var gradG = gradGSymbolic.Select(e => Substitution.Substitute(e, at)).ToArray();
        var gradR = gradRSymbolic.Select(row => row.Select(e => Substitution.Substitute(e, at)).ToArray()).ToArray();
        var point = at.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new KeyValuePair<string, Rational>(kv.Key, ((Number)kv.Value).Value)).ToList();
        var thetaText = "(" + string.Join(", ", limit.Select(r => r.ToString())) + $") — {limitOrigin}";
        if (gradG.All(e => e is Number { Value.IsZero: true }))
            return ClaimResult.FromFacts(claim,
                gradGSymbolic.Select((e, k) => (Fact)new ExactValue($"∂G/∂{parameters[k]} at θ*", e, point, Rational.Zero, null, FactOutcome.Proves)).ToList(),
                "∇G(θ*, θ₀) = 0 exactly, so θ* is a KKT point with all multipliers λ = 0 (whatever the constraint gradients are).",
                [new EvidenceSection(EvidenceLayer.Symbolic, "exact gradient of G at θ*")
                {
                    Formulas = [new("G(θ, θ₀)", g)],
                    Values = [new("θ*", thetaText), new("∇G(θ*)", "(" + string.Join(", ", gradG.Select(e => e.ToString())) + ")")],
                }]);
        if (gradG.Concat(gradR.SelectMany(x => x)).Any(e => e is not Number))
            return NumericKkt(claim, g, thetaText, gradG, gradR);

        var G = gradG.Select(e => ((Number)e).Value).ToArray();
        var R = gradR.Select(row => row.Select(e => ((Number)e).Value).ToArray()).ToArray();
        // Normal equations (R Rᵀ) λ = R ∇G for the multipliers.
        int n = R.Length, m = parameters.Length;
        var rrt = R.Select(ri => (IReadOnlyList<Rational>)R.Select(rj => ExactLinearAlgebra.Dot(ri, rj)).ToArray()).ToArray();
        var rg = R.Select(ri => ExactLinearAlgebra.Dot(ri, G)).ToArray();
        var lambda = ExactLinearAlgebra.Solve(rrt, rg)
            ?? throw claim.Node.Required("dataset").Error("the constraint gradients ∇rᵢ(θ*) are linearly dependent; the KKT multipliers are not unique.");
        var residual = Enumerable.Range(0, m).Select(k => G[k] - Enumerable.Range(0, n).Aggregate(Rational.Zero, (acc, i) => acc + lambda[i] * R[i][k])).ToArray();
        var stationarity = Enumerable.Range(0, m).Select(k => (Fact)new ExactValue($"(∇G − Σλᵢ∇rᵢ)_{parameters[k]} at θ*",
            Sub(gradGSymbolic[k], Add(Enumerable.Range(0, n).Select(i => Mul(Num(lambda[i]), gradRSymbolic[i][k])))), point, residual[k], null,
            VerdictRule.JudgeZero(Magnitude.Exact(residual[k])).Outcome)).ToList();
        var evidence = new EvidenceSection(EvidenceLayer.Symbolic, "exact multipliers and stationarity residual over ℚ")
        {
            Formulas = [new("G(θ, θ₀)", g)],
            Values =
            [
                new("θ*", "(" + string.Join(", ", limit.Select(r => r.ToString())) + $") — {limitOrigin}"),
                new("∇G(θ*)", "(" + string.Join(", ", G.Select(r => r.ToString())) + ")"),
                new("λ", "(" + string.Join(", ", lambda.Select(r => r.ToString())) + ")"),
                new("∇G − Σλᵢ∇rᵢ", "(" + string.Join(", ", residual.Select(r => r.ToString())) + ")"),
            ],
        };
        return ClaimResult.FromFacts(claim, stationarity, VerdictRule.Decide(stationarity) == Verdict.Proved
            ? "θ* is a KKT point of min G over M_S: the stationarity residual is exactly 0."
            : "θ* is not a KKT point of min G over M_S: the exact stationarity residual is nonzero, so G cannot characterize the flow on this data.", [evidence]);
    }

    /// <summary>
    /// Stationarity in floating point when the gradients at θ* are transcendental numbers: λ by least squares,
    /// the residual ‖∇G − Σλᵢ∇rᵢ‖, and its rounding error bound (a few ulps of the magnitudes involved).
    /// </summary>
    private static ClaimResult NumericKkt(Claim claim, Expr g, string thetaText, Expr[] gradG, Expr[][] gradR)
    {
        var empty = new Dictionary<string, double>();
        var G = gradG.Select(e => Symbolic.Compilation.Evaluator.Evaluate(e, empty)).ToArray();
        var R = gradR.Select(row => row.Select(e => Symbolic.Compilation.Evaluator.Evaluate(e, empty)).ToArray()).ToArray();
        int n = R.Length, m = G.Length;
        var a = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(m, n, (k, i) => R[i][k]);
        var b = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(G);
        var lambda = a.QR().Solve(b);
        var residual = b - a * lambda;
        double scale = G.Select(Math.Abs).Append(1).Max() * (1 + lambda.AbsoluteMaximum() * R.SelectMany(r => r).Select(Math.Abs).Append(1).Max());
        double bound = 1e-14 * scale; // rounding of the evaluations and of the QR solve, with margin
        double norm = residual.L2Norm();
        var evidence = new EvidenceSection(EvidenceLayer.Numeric, "multipliers by least squares in floating point, residual with rounding bound")
        {
            Formulas = [new("G(θ, θ₀)", g)],
            Values =
            [
                new("θ*", thetaText),
                new("∇G(θ*)", Format.Vector(G)),
                new("λ", Format.Vector(lambda)),
                new("‖∇G − Σλᵢ∇rᵢ‖", Format.Error(norm)),
                new("rounding error bound", Format.Error(bound)),
            ],
        };
        var fact = new NumericEstimate("‖∇G − Σλᵢ∇rᵢ‖ at θ*", norm, bound, null, "least squares in floating point, rounding bound", [],
            VerdictRule.JudgeZero(Magnitude.Estimated(norm, bound)).Outcome);
        return ClaimResult.FromFacts(claim, [fact], fact.Outcome == FactOutcome.Refutes
            ? $"θ* is not a KKT point: the stationarity residual {Format.Error(norm)} exceeds its rounding error bound {Format.Error(bound)}."
            : $"The stationarity residual {Format.Error(norm)} is within its rounding error bound {Format.Error(bound)}.", [evidence]);
    }

    /// <summary>
    /// Stationarity at a numerically computed limit: the residual ‖∇G − Σλᵢ∇rᵢ‖ at θ*, and its uncertainty
    /// from θ*'s error estimate (the largest change of the residual over θ* ± error in each coordinate) plus rounding.
    /// </summary>
    private static ClaimResult LimitKkt(Claim claim, Expr g, OneNeuronModel model, Dataset data, Theta theta0,
        Dynamics.FlowResult flow, string[] parameters, string[] w0Names)
    {
        var env0 = new Dictionary<string, double>();
        for (int i = 0; i < w0Names.Length; i++) env0[w0Names[i]] = theta0.W[i].ToDouble();
        env0["a0"] = theta0.A.ToDouble();
        var gradG = Differentiator.Gradient(g, parameters);
        var gradR = data.Samples.Select(s => Differentiator.Gradient(model.Residual(s), parameters)).ToArray();
        double Residual(IReadOnlyList<double> theta)
        {
            var env = new Dictionary<string, double>(env0);
            for (int i = 0; i < parameters.Length; i++) env[parameters[i]] = theta[i];
            var G = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(gradG.Select(e => Symbolic.Compilation.Evaluator.Evaluate(e, env)).ToArray());
            var a = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(parameters.Length, gradR.Length,
                (k, i) => Symbolic.Compilation.Evaluator.Evaluate(gradR[i][k], env));
            return (G - a * a.QR().Solve(G)).L2Norm();
        }
        double err = FlowEvidence.LimitError(flow);
        double norm = Residual(flow.Theta);
        double spread = 0;
        for (int i = 0; i < parameters.Length; i++)
            foreach (var sgn in new[] { -1.0, 1.0 })
            {
                var t = flow.Theta.ToArray();
                t[i] += sgn * err;
                spread = Math.Max(spread, Math.Abs(Residual(t) - norm));
            }
        double bound = spread + 1e-13 * Math.Max(1, norm);
        var context = FlowEvidence.Context("gradient flow to the limit θ*", model.Activation, data, theta0, flow);
        var evidence = new List<EvidenceSection>
        {
            context.Section,
            new(EvidenceLayer.Numeric, "stationarity of G at the computed limit")
            {
                Formulas = [new("G(θ, θ₀)", g)],
                Values = [new("‖∇G − Σλᵢ∇rᵢ‖ at θ*", Format.Error(norm)), new("uncertainty (θ* error and rounding)", Format.Error(bound))],
            },
        };
        var fact = new NumericEstimate("‖∇G − Σλᵢ∇rᵢ‖ at the flow's limit θ*", norm, bound, null, "least squares at the computed limit; uncertainty from θ*'s error bound and rounding", [],
            VerdictRule.JudgeZero(Magnitude.Estimated(norm, bound)).Outcome);
        return fact.Outcome == FactOutcome.Refutes
            ? new ClaimResult(claim, Verdict.Refuted, $"The flow's limit is not a KKT point of min G over M_S: the stationarity residual {Format.Error(norm)} exceeds its uncertainty {Format.Error(bound)}, so G cannot characterize the flow on this data (Definitions 4.4–4.5).", evidence) { Facts = [context.Run, fact] }
            : new ClaimResult(claim, Verdict.Confirmed, $"The stationarity residual {Format.Error(norm)} is within its uncertainty {Format.Error(bound)}.", evidence) { Facts = [context.Run, fact] };
    }

    private static Rational[] LinearLimit(Dataset data, Theta theta0, Claim claim)
    {
        int n = data.Samples.Count, d = data.Dimension;
        var X = data.Samples.Select(s => s.X.Select(e => ((Number)e).Value).ToArray()).ToArray();
        var y = data.Samples.Select(s => s.Y is Number n ? n.Value
            : throw claim.Node.Required("dataset").Error("the linear model needs exact rational labels y.")).ToArray();
        var xxt = X.Select(xi => (IReadOnlyList<Rational>)X.Select(xj => ExactLinearAlgebra.Dot(xi, xj)).ToArray()).ToArray();
        var rhs = X.Select((xi, i) => y[i] - ExactLinearAlgebra.Dot(xi, theta0.W)).ToArray();
        var c = ExactLinearAlgebra.Solve(xxt, rhs)
            ?? throw claim.Node.Required("dataset").Error("the inputs are linearly dependent (XXᵀ is singular); give linearly independent xᵢ.");
        return Enumerable.Range(0, d).Select(k => theta0.W[k] + Enumerable.Range(0, n).Aggregate(Rational.Zero, (acc, i) => acc + c[i] * X[i][k])).ToArray();
    }
}
