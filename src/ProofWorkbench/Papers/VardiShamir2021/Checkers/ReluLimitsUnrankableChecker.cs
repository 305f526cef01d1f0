using ProofWorkbench.Evidence;
using ProofWorkbench.Smt;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.VardiShamir2021.Checkers;

/// <summary>
/// <c>relu-limits-unrankable</c> (paper 002, Section 4.2, the step from Theorem 4.1 to Theorem 4.2): the flows of the
/// single ReLU neuron on several <c>datasets</c> from the same <c>w0</c> end at limits ℓ_j that are (i) zero-loss points of
/// EVERY dataset and (ii) pairwise distinct. Then any R with ℓ_j ∈ argmin_{M_j} R for every j satisfies R(ℓ_j) ≤ R(ℓ_k)
/// and R(ℓ_k) ≤ R(ℓ_j): R takes one value on all the limits and cannot rank them; in particular the ℓ2 norm, whose values
/// on the limits differ, is not such an R. Each ℓ_j is the exact affine limit of its last linear phase
/// (<see cref="AffineLimit"/>) of a start point known to lie in a box of half-width <c>tolerance</c>, which the two routes
/// (ODE and closed form) support numerically; (i) is proved by Z3 over the whole box (ReLU as if-then-else, exact
/// rationals), (ii) and the distinct norms by exact interval ranges over ℚ.
/// </summary>
public sealed class ReluLimitsUnrankableChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "relu-limits-unrankable";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Datasets,
            ClaimParameter.W0,
            ClaimParameter.LossScale,
            ClaimParameter.ReluDerivativeAtZero,
            ClaimParameter.May("tolerance", "positive number", "half-width of the box around each last phase's start; default setup.tolerance"),
            ClaimParameter.FlowTolerance,
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        double tol = context.ToleranceOf(claim);
        double flowTol = claim.Node.Optional("flow-tolerance")?.Double() ?? 2e-14;
        var setsNode = claim.Node.Required("datasets");
        var instances = setsNode.Items().Select(n => NeuronInstance.Of(claim, context, context.DatasetOf(n), n)).ToList();
        if (instances.Count < 2) throw setsNode.Error("give at least two datasets.");
        if (instances.Any(i => i.ExactY is null)) throw setsNode.Error("the labels must be exact rationals.");
        var facts = new List<Fact>();
        var values = new List<NamedValue>();
        var limits = new List<AffineLimit>();
        var radius = Rational.FromDouble(tol);
        foreach (var inst in instances)
        {
            var routes = ReluTwoRoutes.Run(inst, flowTol);
            var limit = routes.Closed.Failure is null ? AffineLimit.Of(inst, routes.Closed, radius) : null;
            if (limit is null)
                return ClaimResult.FromFacts(claim, [new NumericEstimate($"limit on {inst.Name}", double.NaN, double.NaN, null, "closed form", [], FactOutcome.Undecided)],
                    $"Not decided: the closed form on {inst.Name} failed ({routes.Closed.Failure ?? "inexact labels or inconsistent active rows"}).", []);
            limits.Add(limit);
            facts.Add(NumericEstimate.Judged($"{inst.Name}: max over the ODE's accepted steps of ‖w_ODE − w_closed‖∞ (supports the box of half-width {Format.Error(tol)} around the last phase's start)",
                routes.TrajectoryDistance, 64 * 2.2e-16 * 10, tol, "closed form evaluated at every accepted ODE time"));
            var ranges = limit.Ranges();
            values.Add(new($"ℓ on {inst.Name}", "(" + string.Join(", ", ranges.Select(r => r.Lo == r.Hi ? r.Lo.ToString() : $"[{Format.Value(r.Lo.ToDouble())} ± {Format.Bound((r.Hi - r.Lo).ToDouble() / 2)}]")) + ")"));
        }

        // (i) every limit has zero loss on every dataset, for every start point in its box (Z3).
        string? script = null;
        for (int j = 0; j < limits.Count; j++)
        {
            var l = limits[j].Components();
            for (int k = 0; k < instances.Count; k++)
            {
                var goal = new Relation(instances[k].ZeroLoss(l), RelationOperator.Equal, Num(0));
                SmtCheckResult r;
                try { r = SmtProver.Prove(goal, limits[j].BoxAssumptions(), name: $"ℓ({instances[j].Name}) ∈ M({instances[k].Name})"); }
                catch (Z3NotFoundException ex) { throw new InputException(ex.Message); }
                script ??= r.Script;
                facts.Add(Evidence.SmtCheck.Of(r, goal, limits[j].BoxAssumptions()));
                values.Add(new($"Z3: Σᵢ|σ(xᵢᵀℓ) − yᵢ| = 0 on {instances[k].Name} for ℓ = ℓ({instances[j].Name}) over its box", r.Verdict.ToString().ToLowerInvariant()));
            }
        }

        // (ii) pairwise distinct limits, and distinct ℓ2 norms (exact ranges over ℚ).
        for (int j = 0; j < limits.Count; j++)
            for (int k = j + 1; k < limits.Count; k++)
            {
                var gap = Separation(limits[j].Ranges(), limits[k].Ranges());
                facts.Add(SeparationFact($"ℓ({instances[j].Name}) ≠ ℓ({instances[k].Name}): gap between their exact coordinate ranges", gap));
                var (a, b) = (limits[j].SquaredDistanceRange(Zero(instances[j].Dimension)), limits[k].SquaredDistanceRange(Zero(instances[k].Dimension)));
                var normGap = Max(a.Lo - b.Hi, b.Lo - a.Hi);
                facts.Add(SeparationFact($"‖ℓ({instances[j].Name})‖² ≠ ‖ℓ({instances[k].Name})‖²: gap between their exact ranges", normGap));
                values.Add(new($"gap ℓ({instances[j].Name}) vs ℓ({instances[k].Name}); gap of ‖ℓ‖²", $"{Format.Value(gap.ToDouble())}; {Format.Value(normGap.ToDouble())}"));
            }
        var sections = new List<EvidenceSection>
        {
            new(EvidenceLayer.Smt, "each limit is a zero-loss point of every dataset (Z3 over the box of the last phase's start; ReLU as if-then-else)") { Values = values, SmtLib = script },
        };
        var verdict = VerdictRule.Decide(facts);
        return ClaimResult.FromFacts(claim, facts, verdict is Verdict.Proved or Verdict.Confirmed
            ? $"The {limits.Count} limits are zero-loss points of all {instances.Count} datasets and pairwise distinct, so a regularizer R whose minimizer over the zero-loss set is the flow's limit on every one of these datasets has R(ℓ_j) ≤ R(ℓ_k) for all j, k: R is constant on the limits and ranks none above another; the ℓ2 norm, which differs between them, is not such an R."
            : "Not established: see the facts (a limit not shown to be a zero of another dataset's loss, or two limits not shown distinct).", sections);
    }

    private static Rational[] Zero(int d) => Enumerable.Repeat(Rational.Zero, d).ToArray();
    private static Rational Max(Rational a, Rational b) => a > b ? a : b;

    // The largest gap between the two boxes' ranges over the coordinates (positive: disjoint).
    private static Rational Separation(IReadOnlyList<(Rational Lo, Rational Hi)> a, IReadOnlyList<(Rational Lo, Rational Hi)> b) =>
        a.Zip(b, (p, q) => Max(p.Lo - q.Hi, q.Lo - p.Hi)).Aggregate(Max);

    private static Fact SeparationFact(string label, Rational gap) =>
        new ExactValue(label, Num(gap), [], gap, null, gap > Rational.Zero ? FactOutcome.Proves : FactOutcome.Undecided);
}
