using ProofWorkbench.Dynamics;
using ProofWorkbench.Evidence;
using ProofWorkbench.Models;
using ProofWorkbench.Reports;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Papers.Woodworth2020;

/// <summary>
/// <c>diagonal-alpha-sweep</c> (paper 003, Section 4, the paragraph after Theorem 1, and Theorem 2): the two limits of the
/// depth-2 diagonal network's implicit bias, α → 0 (minimum ℓ1) and α → ∞ (minimum ℓ2), checked on a log grid of α.
/// β̂_α comes from the KKT system β = 2α² sinh(Xᵀν), Xβ = y (<see cref="AlphaSweep"/>, Newton with an a-posteriori bound);
/// the references β*_L1 and β*_L2 are exact over ℚ (<see cref="ExactInterpolants"/>). Facts:
/// <list type="bullet">
/// <item>‖β̂_α − β*_L1‖₂ ≤ <c>l1-end-tolerance</c> at the smallest α, and ‖β̂_α − β*_L2‖₂ ≤ <c>l2-end-tolerance</c> at the largest;</item>
/// <item>the trend is monotone: the largest decrease of ‖β̂_α − β*_L1‖₂ along increasing α, and of ‖β̂_α − β*_L2‖₂ along
/// decreasing α, is at most <c>monotone-tolerance</c> (errors included);</item>
/// <item>at each α of <c>flow-alphas</c>, the gradient flow's limit (DOP853 from w₊ = w₋ = α𝟏, loss scale <c>loss-scale</c>)
/// agrees with β̂_α within <c>flow-tolerance</c> including both error bounds: the independent route.</item>
/// </list>
/// All numeric (a sampled check of limits): confirmed at best. The report draws ‖β̂_α‖₁ and both distances against α.
/// </summary>
public sealed class AlphaSweepChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "diagonal-alpha-sweep";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.DesignMatrix,
            ClaimParameter.Labels,
            ClaimParameter.Needs("alpha-from", "power of ten", "the smallest α of the sweep, e.g. 1e-4"),
            ClaimParameter.Needs("alpha-to", "power of ten", "the largest α of the sweep, e.g. 1e2"),
            ClaimParameter.May("points-per-decade", "integer", "grid points per decade of α; default 4"),
            ClaimParameter.May("flow-alphas", "list of positive numbers", "the α at which the gradient flow's limit is computed as the independent route"),
            ClaimParameter.DiagonalLossScale,
            ClaimParameter.Needs("flow-tolerance", "positive number", "agreement required between the flow's limit and β̂_α, error bounds included"),
            ClaimParameter.Needs("l1-end-tolerance", "positive number", "bound on ‖β̂_α − β*_L1‖₂ at the smallest α"),
            ClaimParameter.Needs("l2-end-tolerance", "positive number", "bound on ‖β̂_α − β*_L2‖₂ at the largest α"),
            ClaimParameter.Needs("monotone-tolerance", "positive number", "largest increase allowed in the distance to β*_L1 as α decreases (errors included)"),
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var inst = DiagonalInstance.Of(claim);
        int from = Decade(claim.Node.Required("alpha-from")), to = Decade(claim.Node.Required("alpha-to"));
        int perDecade = claim.Node.Optional("points-per-decade")?.Int() ?? 4;
        var grid = AlphaSweep.Grid(from, to, perDecade);
        double Tol(string key) => claim.Node.Required(key).Double() is var t && t > 0 && double.IsFinite(t) ? t
            : throw claim.Node.Required(key).Error($"'{key}' must be a positive number.");
        double l1Tol = Tol("l1-end-tolerance"), l2Tol = Tol("l2-end-tolerance"), monoTol = Tol("monotone-tolerance"), flowTol = Tol("flow-tolerance");
        double lossScale = claim.Node.Optional("loss-scale")?.Double() ?? 1;
        if (!(lossScale > 0)) throw claim.Node.Required("loss-scale").Error("'loss-scale' must be positive.");

        var l1 = ExactInterpolants.MinL1(inst.X, inst.Y);
        var l2 = ExactInterpolants.MinL2(inst.X, inst.Y);
        var l1Beta = l1.Minimizers[0];
        var l1Norm2 = l2.Aggregate(Rational.Zero, (s, v) => s + v.Abs());
        var points = AlphaSweep.Run(inst, grid, l1Beta, l2);
        var facts = new List<Fact>();
        var referenceValues = new List<NamedValue>
        {
            new("β*_L1 (exact LP: all vertices of the feasible polyhedron solved over ℚ)", string.Join("; ", l1.Minimizers.Select(Vec)) + $", ‖β*_L1‖₁ = {l1.Norm} ({l1.VerticesExamined} bases examined)"),
            new("β*_L2 = Xᵀ(XXᵀ)⁻¹y (exact)", Vec(l2) + $", ‖β*_L2‖₁ = {l1Norm2}"),
            new("‖β*_L2 − β*_L1‖₂ (the distance the sweep travels)", Format.Value(AlphaSweep.Distance(l1Beta.Select(v => v.ToDouble()).ToArray(), l2.Select(v => v.ToDouble()).ToArray()))),
        };
        if (l1.Minimizers.Count > 1)
            facts.Add(new NumericEstimate("the minimum-ℓ1 interpolant is unique", double.NaN, double.NaN, l1Tol,
                $"exact LP: {l1.Minimizers.Count} optimal vertices; the α → 0 limit is one point of their hull, not checked against a vertex", [], FactOutcome.Undecided));

        var first = points[0];
        var last = points[^1];
        facts.Add(NumericEstimate.Judged($"α = {Format.Value(first.Alpha)}: ‖β̂_α − β*_L1‖₂ (rich end)", first.DistanceToL1, first.DistanceError, l1Tol,
            "KKT solution (Newton on ν, a-posteriori bound) against the exact LP solution"));
        facts.Add(NumericEstimate.Judged($"α = {Format.Value(last.Alpha)}: ‖β̂_α − β*_L2‖₂ (kernel end)", last.DistanceToL2, last.DistanceError, l2Tol,
            "KKT solution (Newton on ν, a-posteriori bound) against the exact Xᵀ(XXᵀ)⁻¹y"));
        var errors = points.Select(p => p.DistanceError).ToList();
        var (dec1, dec1Err) = AlphaSweep.LargestDecrease(points.Select(p => p.DistanceToL1).ToList(), errors);
        var (dec2, dec2Err) = AlphaSweep.LargestDecrease(points.Select(p => p.DistanceToL2).Reverse().ToList(), errors.AsEnumerable().Reverse().ToList());
        facts.Add(NumericEstimate.Judged("largest decrease of ‖β̂_α − β*_L1‖₂ as α grows along the grid (monotone trend)", dec1, dec1Err, monoTol,
            $"{points.Count} grid points, errors of both neighbours included"));
        facts.Add(NumericEstimate.Judged("largest decrease of ‖β̂_α − β*_L2‖₂ as α shrinks along the grid (monotone trend)", dec2, dec2Err, monoTol,
            $"{points.Count} grid points, errors of both neighbours included"));

        var sweepValues = points.Where((_, k) => k % perDecade == 0).Select(p => new NamedValue($"α = {Format.Value(p.Alpha)}",
            $"‖β̂_α‖₁ = {Format.Value(p.L1Norm)}, ‖β̂_α − β*_L1‖₂ = {Format.Value(p.DistanceToL1)}, ‖β̂_α − β*_L2‖₂ = {Format.Value(p.DistanceToL2)} (± {Format.Error(p.DistanceError)}; Newton {p.Kkt.Iterations} it.)")).ToList();
        sweepValues.Add(new("log-log slope of ‖β̂_α − β*_L1‖₂ over the first decade", Format.Value(Slope(points, perDecade, p => p.DistanceToL1, atStart: true))));
        sweepValues.Add(new("log-log slope of ‖β̂_α − β*_L2‖₂ over the last decade", Format.Value(Slope(points, perDecade, p => p.DistanceToL2, atStart: false))));

        // The independent route: the flow's limit at a few α.
        var flowValues = new List<NamedValue>();
        var flowPoints = new List<(double, double)>();
        if (claim.Node.Optional("flow-alphas") is { } flowNode)
        {
            var model = new DiagonalModel(inst.Dimension, 2, lossScale);
            var samples = inst.Samples();
            foreach (var a in flowNode.Rationals())
            {
                if (a.Sign <= 0) throw flowNode.Error("every α in 'flow-alphas' must be positive.");
                double alpha = a.ToDouble();
                var kkt = KktSolver.Solve(inst.X, inst.Y, 2, alpha, points.MinBy(p => Math.Abs(Math.Log(p.Alpha / alpha)))!.Kkt.Nu);
                var flow = ModelFlowEngine.Run(model, samples, model.Initialization(alpha));
                if (!flow.Converged)
                {
                    facts.Add(new NumericEstimate($"α = {a}: flow limit", double.NaN, double.NaN, flowTol, $"DOP853: {flow.Message}", [], FactOutcome.Undecided));
                    flowValues.Add(new($"α = {a}", $"flow did not converge: {flow.Message}"));
                    continue;
                }
                var beta = model.Beta(flow.Theta.ToArray());
                double e = flow.LimitErrorEstimate, wMax = flow.Theta.Max(Math.Abs) + e;
                double flowErr = 4 * wMax * e; // |Δ(w²)| ≤ 2(|w| + e)e for each of w₊, w₋
                double diff = beta.Zip(kkt.Beta, (p, q) => Math.Abs(p - q)).Max();
                facts.Add(NumericEstimate.Judged($"α = {a}: ‖β_flow − β_KKT‖∞", diff, flowErr + kkt.MaxBetaError, flowTol,
                    "flow limit (DOP853 from w₊ = w₋ = α𝟏) against the KKT solution; error = flow limit bound + KKT bound",
                    [new("flow time", flow.Time), new("flow steps", flow.Steps), new("flow limit error (θ)", e)]));
                flowValues.Add(new($"α = {a}", $"β_flow = {Format.Vector(beta)}, ‖β_flow − β_KKT‖∞ = {Format.Error(diff)} (bound {Format.Error(flowErr + kkt.MaxBetaError)}), t = {Format.Value(flow.Time)}, {flow.Steps} steps"));
                flowPoints.Add((alpha, beta.Sum(Math.Abs)));
            }
        }

        var normCurves = new List<PlotCurve>
        {
            new("‖β(α)‖₁ (KKT)", points.Select(p => (p.Alpha, p.L1Norm)).ToList(), Color: 0),
            new("‖β*ℓ₁‖₁ (exact LP)", [(first.Alpha, l1.Norm.ToDouble()), (last.Alpha, l1.Norm.ToDouble())], Color: 1, Dashed: true),
            new("‖β*ℓ₂‖₁ (exact)", [(first.Alpha, l1Norm2.ToDouble()), (last.Alpha, l1Norm2.ToDouble())], Color: 2, Dashed: true),
        };
        if (flowPoints.Count > 0) normCurves.Add(new("‖β(α)‖₁ by the flow (DOP853)", flowPoints, Color: 6) { MarkersOnly = true });
        var distCurves = new List<PlotCurve>
        {
            new("‖β(α) − β*ℓ₁‖₂", points.Select(p => (p.Alpha, p.DistanceToL1)).ToList(), Color: 1) { Markers = true },
            new("‖β(α) − β*ℓ₂‖₂", points.Select(p => (p.Alpha, p.DistanceToL2)).ToList(), Color: 2) { Markers = true },
        };
        string range = $"α from {Format.Value(first.Alpha)} to {Format.Value(last.Alpha)}, {perDecade} points per decade";
        var sections = new List<EvidenceSection>
        {
            new(EvidenceLayer.Numeric, $"The exact references on {inst}") { Values = referenceValues },
            new(EvidenceLayer.Numeric, $"‖β̂_α‖₁ and the distances against α ({range}; the table lists the decade points, the figures every grid point)")
            {
                Values = sweepValues,
                LineFigure = new LinePlot($"{claim.Id}.norm.svg", "ℓ₁ norm of the limit β(α) against the initialization scale α",
                    $"‖β̂_α‖₁ (β(α) in the legend; KKT) against α on a log axis, between the exact ‖β*_L1‖₁ = {l1.Norm} (α → 0) and ‖β*_L2‖₁ = {l1Norm2} (α → ∞); dots: the flow's limit.",
                    new PlotAxes("α", "ℓ₁ norm", XLog: true), normCurves),
            },
            new(EvidenceLayer.Numeric, $"Distances of β̂_α to the two interpolants ({range})")
            {
                LineFigure = new LinePlot($"{claim.Id}.distance.svg", "Distance of the limit β(α) to the minimum-ℓ₁ and minimum-ℓ₂ interpolants",
                    "β(α) = β̂_α in the legend: ‖β̂_α − β*_L1‖₂ → 0 as α → 0 (rich regime) and ‖β̂_α − β*_L2‖₂ → 0 as α → ∞ (kernel regime); both axes logarithmic.",
                    new PlotAxes("α", "distance (ℓ₂ norm)", XLog: true, YLog: true), distCurves),
            },
        };
        if (flowValues.Count > 0)
            sections.Add(new EvidenceSection(EvidenceLayer.Numeric, "The independent route: the gradient flow's limit at the decade points") { Values = flowValues });
        var verdict = VerdictRule.Decide(facts);
        string explanation = verdict switch
        {
            Verdict.Confirmed => $"β̂_α is within {Format.Error(first.DistanceToL1 + first.DistanceError)} of the exact minimum-ℓ1 interpolant at α = {Format.Value(first.Alpha)} and within {Format.Error(last.DistanceToL2 + last.DistanceError)} of the exact minimum-ℓ2 interpolant at α = {Format.Value(last.Alpha)}; in between the distance to the first grows and the distance to the second shrinks monotonically, and the flow's limit agrees with the KKT solution at every checked α.",
            Verdict.Refuted => "An end distance, the monotone trend, or the flow-against-KKT agreement fails beyond its tolerance by more than its error.",
            _ => "Not decided: a value lies within its error of its tolerance, a flow did not converge, or the ℓ1 minimizer is not unique.",
        };
        return ClaimResult.FromFacts(claim, facts, explanation, sections);
    }

    // The decade exponent of an exact power of ten (1/10000 → −4, 100 → 2).
    private static int Decade(YamlValue node)
    {
        var r = node.Rational();
        for (int e = -30; e <= 30; e++)
            if (r == (e >= 0 ? new Rational(System.Numerics.BigInteger.Pow(10, e)) : new Rational(1, System.Numerics.BigInteger.Pow(10, -e)))) return e;
        throw node.Error($"'{node.Path}' must be an exact power of ten between 1e-30 and 1e30 (e.g. 1/10000 or 100), not {node.Text()}.");
    }

    private static double Slope(IReadOnlyList<SweepPoint> p, int perDecade, Func<SweepPoint, double> f, bool atStart)
    {
        var (a, b) = atStart ? (p[0], p[perDecade]) : (p[^(perDecade + 1)], p[^1]);
        return Math.Log10(f(b) / f(a)) / Math.Log10(b.Alpha / a.Alpha);
    }

    private static string Vec(IEnumerable<Rational> v) => "(" + string.Join(", ", v) + ")";
}
