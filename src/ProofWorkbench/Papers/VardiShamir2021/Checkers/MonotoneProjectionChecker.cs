using ProofWorkbench.Dynamics;
using ProofWorkbench.Evidence;
using ProofWorkbench.Models;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.VardiShamir2021.Checkers;

/// <summary>
/// <c>monotone-projection-limit</c> (paper 002, Theorem 3.1): for a strictly monotone σ, the flow of N(x) = σ(wᵀx) from w₀
/// converges (when it reaches zero loss) to the Euclidean projection of w₀ onto {w : Xw = σ⁻¹(y)}. The projection is the
/// KKT point of min ½‖w − w₀‖² s.t. Xw = z, z = σ⁻¹(y): w = w₀ + Xᵀλ with λ = (XXᵀ)⁻¹(z − Xw₀) — (XXᵀ)⁻¹ exact over ℚ,
/// each zᵢ a certified root of σ(z) − yᵢ (<see cref="PreimageEnclosure"/>), so λ and w are enclosed rigorously. Against it:
/// the ODE flow's limit (distance to the enclosure, within its error bound), the proof's KKT condition at that limit
/// (w − w₀ ∈ row(X): the component of w − w₀ orthogonal to row(X)), and the stated <c>projection</c>.
/// </summary>
public sealed class MonotoneProjectionChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "monotone-projection-limit";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Activation,
            ClaimParameter.Dataset,
            ClaimParameter.W0,
            ClaimParameter.LossScale,
            ClaimParameter.Needs("projection", "list of numbers", "the stated projection of w₀ onto {w : Xw = σ⁻¹(y)}"),
            ClaimParameter.Tolerance,
            ClaimParameter.FlowTolerance,
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var sigma = context.ActivationOf(claim);
        var inst = NeuronInstance.Of(claim, context);
        if (inst.ExactY is not { } y) throw claim.Node.Required("dataset").Error("the labels must be exact rationals.");
        double tol = context.ToleranceOf(claim);
        double flowTol = claim.Node.Optional("flow-tolerance")?.Double() ?? 1e-13;
        var statedNode = claim.Node.Required("projection");
        var stated = statedNode.Rationals();
        int n = inst.ExactX.Count, d = inst.Dimension;
        if (stated.Count != d) throw statedNode.Error($"the projection needs {d} components.");
        var facts = new List<Fact>();
        var values = new List<NamedValue>();

        // z = σ⁻¹(y), certified.
        var box = new List<KeyValuePair<string, Interval>>();
        var exactZ = new Rational?[n];
        for (int i = 0; i < n; i++)
        {
            var root = PreimageEnclosure.Of(sigma, y[i], $"z{i + 1} = σ⁻¹(y{i + 1}): σ(z) − {y[i]} changes sign on the bracket, σ′ > 0 there");
            if (root is not null && PreimageEnclosure.Exact(sigma, y[i], root.Bracket.Lo.ToDouble()) is { } exact)
            {
                // σ⁻¹(yᵢ) is rational: exact, and the uniqueness still rests on σ′ > 0 on the certified bracket.
                facts.Add(new ExactValue($"z{i + 1} = σ⁻¹(y{i + 1}) exactly: σ({exact}) − {y[i]}", Sub(sigma.At(Num(exact)), Num(y[i])), [], Rational.Zero, null, FactOutcome.Proves));
                facts.Add(root with { Outcome = root.DerivativeSign > 0 ? FactOutcome.Proves : FactOutcome.Undecided });
                exactZ[i] = exact;
                box.Add(new($"z{i + 1}", ExactInterval.Point(exact).ToInterval()));
                values.Add(new($"z{i + 1} = σ⁻¹({y[i]})", $"{exact} (exact)"));
                continue;
            }
            if (root is null)
                return ClaimResult.FromFacts(claim, [new NumericEstimate($"σ⁻¹(y{i + 1})", double.NaN, double.NaN, null, "interval bisection", [], FactOutcome.Undecided)],
                    $"Not decided: σ⁻¹({y[i]}) could not be enclosed (outside σ's range, or σ′ not shown positive).", []);
            facts.Add(root);
            box.Add(new($"z{i + 1}", root.Bracket.ToInterval()));
            values.Add(new($"z{i + 1} = σ⁻¹({y[i]})", $"{Format.Value(root.Bracket.Lo.ToDouble())}, bracket width {Format.Bound((root.Bracket.Hi - root.Bracket.Lo).ToDouble())}"));
        }

        // λ = (XXᵀ)⁻¹(z − Xw₀), w = w₀ + Xᵀλ, linear in z with exact coefficients.
        var gram = inst.ExactX.Select(a => (IReadOnlyList<Rational>)inst.ExactX.Select(b => ExactLinearAlgebra.Dot(a, b)).ToArray()).ToArray();
        var inverse = new Rational[n][];
        for (int k = 0; k < n; k++)
            inverse[k] = ExactLinearAlgebra.Solve(gram, Enumerable.Range(0, n).Select(i => i == k ? Rational.One : Rational.Zero).ToArray())
                ?? throw claim.Node.Required("dataset").Error("the inputs are linearly dependent (XXᵀ is singular); Theorem 3.1's projection needs independent xᵢ here.");
        var rhs = Enumerable.Range(0, n).Select(i => Sub(Sym($"z{i + 1}"), Num(ExactLinearAlgebra.Dot(inst.ExactX[i], inst.ExactW0)))).ToArray();
        var lambda = Enumerable.Range(0, n).Select(i => Add(Enumerable.Range(0, n).Select(k => Mul(Num(inverse[k][i]), rhs[k])).ToArray())).ToArray();
        var w = Enumerable.Range(0, d).Select(l => Add(Enumerable.Range(0, n).Select(i => Mul(Num(inst.ExactX[i][l]), lambda[i])).Append(Num(inst.ExactW0[l])).ToArray())).ToArray();
        var wBox = new Interval[d];
        for (int i = 0; i < n; i++)
        {
            var e = IntervalEnclosure.Compute($"KKT multiplier λ{i + 1} = ((XXᵀ)⁻¹(z − Xw₀))_{i + 1}", lambda[i], box, null);
            facts.Add(e);
            values.Add(new($"λ{i + 1}", Format.Value(e.Enclosure.Lo.ToDouble())));
        }
        bool allExact = exactZ.All(z => z is not null);
        var zMap = allExact ? Enumerable.Range(0, n).ToDictionary(i => $"z{i + 1}", i => (Expr)Num(exactZ[i]!.Value)) : null;
        for (int l = 0; l < d; l++)
        {
            if (zMap is not null && Symbolic.Calculus.Substitution.Substitute(w[l], zMap) is Number exactW)
            {
                // Every σ⁻¹(yᵢ) is rational: the projection is exact.
                facts.Add(new ExactValue($"projection coordinate w{l + 1} = (w₀ + Xᵀλ)_{l + 1} (exact)", w[l],
                    zMap.Select(kv => new KeyValuePair<string, Rational>(kv.Key, ((Number)kv.Value).Value)).ToList(), exactW.Value, null, FactOutcome.Proves));
                wBox[l] = ExactInterval.Point(exactW.Value).ToInterval();
                continue;
            }
            var e = IntervalEnclosure.Compute($"projection coordinate w{l + 1} = (w₀ + Xᵀλ)_{l + 1}", w[l], box, null);
            facts.Add(e);
            wBox[l] = e.Enclosure.ToInterval();
        }
        values.Add(new("projection of w₀ onto {Xw = σ⁻¹(y)}", Format.Vector(wBox.Select(b => b.Mid)) + $", enclosure width {Format.Bound(wBox.Max(b => b.Width))}"));

        // The stated projection against the enclosure (exact distance to the box).
        var statedGap = stated.Select((s, l) => Gap(s, wBox[l])).Aggregate(Rational.Zero, (a, b) => a > b ? a : b);
        var statedJudgement = VerdictRule.Judge(Magnitude.Exact(statedGap), tol);
        facts.Add(new ExactValue("max-norm distance from the stated projection to the enclosure", Num(statedGap), [], statedGap, Rational.FromDouble(tol), statedJudgement.Outcome));

        // The ODE route.
        var model = new MonotoneNeuronModel(sigma, d, inst.LossScale.ToDouble());
        var flow = ModelFlowEngine.Run(model, inst.Samples(), inst.W0, new FlowOptions { Tolerance = flowTol });
        values.Add(new("ODE limit", $"{Format.Vector(flow.Theta)} ({flow.Outcome}; error bound {Format.Bound(flow.LimitErrorEstimate)})"));
        if (!flow.Converged)
            facts.Add(new NumericEstimate("the ODE flow's limit", double.NaN, double.NaN, tol, "DOP853", [], FactOutcome.Undecided));
        else
        {
            double err = double.IsFinite(flow.LimitErrorEstimate) ? flow.LimitErrorEstimate : flow.FinalPointDistance;
            double distance = flow.Theta.Select((v, l) => v < wBox[l].Lo ? wBox[l].Lo - v : v > wBox[l].Hi ? v - wBox[l].Hi : 0).Max();
            facts.Add(NumericEstimate.Judged("max-norm distance from the ODE limit to the projection's enclosure", distance, err, tol, "DOP853 to the limit"));
            // KKT stationarity along the flow: w − w₀ ∈ row(X). Orthogonal component (I − Xᵀ(XXᵀ)⁻¹X)(w − w₀).
            var delta = flow.Theta.Select((v, l) => v - inst.W0[l]).ToArray();
            var coef = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Sum(k => inverse[k][i].ToDouble() * Enumerable.Range(0, d).Sum(l => inst.X[k][l] * delta[l]))).ToArray();
            double orthogonal = Enumerable.Range(0, d).Max(l => Math.Abs(delta[l] - Enumerable.Range(0, n).Sum(i => inst.X[i][l] * coef[i])));
            facts.Add(NumericEstimate.Judged("KKT stationarity at the ODE limit: ‖(I − Xᵀ(XXᵀ)⁻¹X)(w − w₀)‖∞", orthogonal, err * Math.Sqrt(d), tol, "DOP853 limit"));
            values.Add(new("distance ODE limit → enclosure; component of w − w₀ orthogonal to row(X)", $"{Format.Error(distance)}; {Format.Error(orthogonal)}"));
        }
        var verdict = VerdictRule.Decide(facts);
        return ClaimResult.FromFacts(claim, facts, verdict is Verdict.Confirmed or Verdict.Proved
            ? $"The flow's limit is the projection of w₀ onto {{w : Xw = σ⁻¹(y)}} (enclosed rigorously through exact KKT multipliers) to within {Format.Error(tol)}, and w − w₀ stays in row(X) as the proof says."
            : "Not established: see the facts.",
            [new EvidenceSection(EvidenceLayer.Interval, "the projection by KKT (exact (XXᵀ)⁻¹, certified σ⁻¹(y)) against the ODE flow") { Values = values }]);
    }

    // Exact distance from a rational point to an interval (0 inside).
    private static Rational Gap(Rational s, Interval b)
    {
        var (lo, hi) = (Rational.FromDouble(b.Lo), Rational.FromDouble(b.Hi));
        return s < lo ? lo - s : s > hi ? s - hi : Rational.Zero;
    }
}
