using ProofWorkbench.Evidence;
using ProofWorkbench.Smt;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.VardiShamir2021.Checkers;

/// <summary>
/// <c>relu-distance-bound</c> (paper 002, Theorem 5.1): for σ non-decreasing, if the flow from w₀ converges to a zero-loss
/// w^∞ and w* is a zero-loss point closest to w₀, then ‖w^∞ − w₀‖ ≤ 2‖w* − w₀‖. On a ReLU-neuron instance: Z3 proves that
/// <c>closest</c> has zero loss and that no zero-loss point is closer to w₀ (ReLU as if-then-else, nonlinear real
/// arithmetic); the limit ℓ (exact affine limit of the last phase over a box of half-width <c>tolerance</c>, supported
/// by the two routes) satisfies ‖ℓ − w₀‖² ≤ 4‖w* − w₀‖² exactly over the box. The proof's key step — t ↦ ‖w(t) − v‖ is
/// non-increasing for every zero-loss v — is checked for each of <c>points</c>: Z3 proves v has zero loss, and the
/// distance is measured along the closed form (a grid) and the ODE's accepted steps (largest increase ≤ tolerance),
/// and ‖ℓ − v‖ ≤ ‖w₀ − v‖ exactly over the box.
/// </summary>
public sealed class ReluDistanceBoundChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "relu-distance-bound";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Dataset,
            ClaimParameter.W0,
            ClaimParameter.LossScale,
            ClaimParameter.ReluDerivativeAtZero,
            ClaimParameter.Needs("closest", "list of numbers", "a zero-loss point w* closest to w₀"),
            ClaimParameter.May("points", "list of points", "zero-loss points v for the monotonicity of t ↦ ‖w(t) − v‖"),
            ClaimParameter.Tolerance,
            ClaimParameter.FlowTolerance,
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var inst = NeuronInstance.Of(claim, context);
        if (inst.ExactY is null) throw claim.Node.Required("dataset").Error("the labels must be exact rationals.");
        double tol = context.ToleranceOf(claim);
        double flowTol = claim.Node.Optional("flow-tolerance")?.Double() ?? 2e-14;
        var closestNode = claim.Node.Required("closest");
        var closest = closestNode.Rationals();
        if (closest.Count != inst.Dimension) throw closestNode.Error($"'closest' needs {inst.Dimension} components.");
        var points = (claim.Node.Optional("points")?.Items() ?? []).Select(n =>
        {
            var v = n.Rationals();
            return v.Count == inst.Dimension ? v : throw n.Error($"a point needs {inst.Dimension} components.");
        }).ToList();

        var routes = ReluTwoRoutes.Run(inst, flowTol);
        var limit = routes.Closed.Failure is null ? AffineLimit.Of(inst, routes.Closed, Rational.FromDouble(tol)) : null;
        if (limit is null)
            return ClaimResult.FromFacts(claim, [new NumericEstimate("the flow's limit", double.NaN, double.NaN, null, "closed form", [], FactOutcome.Undecided)],
                $"Not decided: the closed form failed ({routes.Closed.Failure ?? "inconsistent active rows"}).", []);
        var facts = new List<Fact>
        {
            NumericEstimate.Judged("max over the ODE's accepted steps of ‖w_ODE − w_closed‖∞ (supports the box of the last phase's start)", routes.TrajectoryDistance,
                64 * 2.2e-16 * 10, tol, "closed form evaluated at every accepted ODE time"),
        };
        var values = new List<NamedValue>();
        var w = Enumerable.Range(1, inst.Dimension).Select(i => Sym($"w{i}")).ToArray();
        var lossW = inst.ZeroLoss(w);
        string? script = null;

        // w* has zero loss, and no zero-loss point is closer to w₀.
        var onSet = Prove(new Relation(inst.ZeroLoss(closest.Select(Num).ToArray()), RelationOperator.Equal, Num(0)), [], "w* ∈ M_S");
        facts.Add(onSet.Fact);
        var dStar = SquaredDistance(closest, inst.ExactW0);
        var distW = Add(w.Select((s, l) => Pow(Sub(s, Num(inst.ExactW0[l])), Num(2))).ToArray());
        var nearest = Prove(new Relation(Sub(distW, Num(dStar)), RelationOperator.GreaterOrEqual, Num(0)),
            [new Relation(lossW, RelationOperator.Equal, Num(0))], "every w ∈ M_S has ‖w − w₀‖² ≥ ‖w* − w₀‖²");
        facts.Add(nearest.Fact);
        script = nearest.Script;
        values.Add(new("‖w* − w₀‖² (exact)", dStar.ToString()));
        values.Add(new("Z3: w* ∈ M_S; no zero-loss point closer to w₀", $"{onSet.Verdict}; {nearest.Verdict}"));

        // The bound ‖ℓ − w₀‖² ≤ 4‖w* − w₀‖², exactly over the box of ℓ.
        var (lo, hi) = limit.SquaredDistanceRange(inst.ExactW0);
        var slack = 4 * dStar - hi;
        facts.Add(new ExactValue("4‖w* − w₀‖² − max over the box of ‖ℓ − w₀‖² (Theorem 5.1's bound, squared)", Num(slack), [], slack, null,
            slack >= Rational.Zero ? FactOutcome.Proves : lo > 4 * dStar ? FactOutcome.Refutes : FactOutcome.Undecided));
        values.Add(new("‖ℓ − w₀‖ / ‖w* − w₀‖ (the bound says ≤ 2)", Format.Value(Math.Sqrt(hi.ToDouble() / dStar.ToDouble()))));

        // The proof's monotonicity for each zero-loss v.
        double horizon = ReluPiecewiseSolution.Horizon(routes.Closed.Phases[^1]);
        foreach (var v in points)
        {
            string name = "(" + string.Join(", ", v) + ")";
            var member = Prove(new Relation(inst.ZeroLoss(v.Select(Num).ToArray()), RelationOperator.Equal, Num(0)), [], $"v = {name} ∈ M_S");
            facts.Add(member.Fact);
            var vd = v.Select(q => q.ToDouble()).ToArray();
            double rise = 0, previous = Distance(inst.W0, vd);
            for (int j = 1; j <= ReluPiecewiseSolution.GridPoints; j++)
            {
                double r = (double)j / ReluPiecewiseSolution.GridPoints, d = Distance(routes.Closed.At(horizon * r * r), vd);
                rise = Math.Max(rise, d - previous);
                previous = d;
            }
            previous = Distance(inst.W0, vd);
            foreach (var (_, state) in routes.Flow.Trajectory)
            {
                double d = Distance(state, vd);
                rise = Math.Max(rise, d - previous);
                previous = d;
            }
            facts.Add(NumericEstimate.Judged($"largest increase of ‖w(t) − v‖ along the flow, v = {name}", rise, 64 * 2.2e-16 * 10, tol,
                $"closed form on {ReluPiecewiseSolution.GridPoints} times up to {Format.Value(horizon)} and the ODE's accepted steps"));
            var (vlo, vhi) = limit.SquaredDistanceRange(v);
            var gain = SquaredDistance(v, inst.ExactW0) - vhi;
            facts.Add(new ExactValue($"‖w₀ − v‖² − max over the box of ‖ℓ − v‖², v = {name}", Num(gain), [], gain, null,
                gain >= Rational.Zero ? FactOutcome.Proves : vlo > SquaredDistance(v, inst.ExactW0) ? FactOutcome.Refutes : FactOutcome.Undecided));
            values.Add(new($"v = {name}: Z3 v ∈ M_S; largest increase of ‖w(t) − v‖; ‖w₀ − v‖ → ‖ℓ − v‖",
                $"{member.Verdict}; {Format.Error(rise)}; {Format.Value(Math.Sqrt(SquaredDistance(v, inst.ExactW0).ToDouble()))} → {Format.Value(Math.Sqrt(vhi.ToDouble()))}"));
        }
        var verdict = VerdictRule.Decide(facts);
        return ClaimResult.FromFacts(claim, facts, verdict is Verdict.Proved or Verdict.Confirmed
            ? $"‖w^∞ − w₀‖ ≤ 2‖w* − w₀‖ holds (ratio {Format.Value(Math.Sqrt(hi.ToDouble() / dStar.ToDouble()))}), with w* proved closest by Z3; the distance to every listed zero-loss point never increases along the flow."
            : "Not established: see the facts.",
            [new EvidenceSection(EvidenceLayer.Smt, "w* closest (Z3), the bound over the limit's box (exact), monotone distances (numeric along both routes)") { Values = values, SmtLib = script }]);
    }

    private static Rational SquaredDistance(IReadOnlyList<Rational> a, IReadOnlyList<Rational> b) =>
        a.Zip(b, (p, q) => (p - q) * (p - q)).Aggregate(Rational.Zero, (s, t) => s + t);

    private static double Distance(IReadOnlyList<double> a, IReadOnlyList<double> b) => Math.Sqrt(a.Zip(b, (p, q) => (p - q) * (p - q)).Sum());

    private static (Fact Fact, string Verdict, string Script) Prove(Relation goal, IReadOnlyList<Relation> assumptions, string name)
    {
        SmtCheckResult r;
        try { r = SmtProver.Prove(goal, assumptions, name: name); }
        catch (Z3NotFoundException ex) { throw new InputException(ex.Message); }
        return (Evidence.SmtCheck.Of(r, goal, assumptions), r.Verdict.ToString().ToLowerInvariant(), r.Script);
    }
}
