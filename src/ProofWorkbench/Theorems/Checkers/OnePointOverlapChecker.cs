using ProofWorkbench.Dynamics;
using ProofWorkbench.Evidence;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// <c>one-point-overlap</c>: the hypotheses of Lemma 5.2 (paper 000) for θ₀ (<c>from</c>) and datasets
/// (<c>datasets: [...]</c>): every flow reaches the same θ* (within <c>tolerance</c>), with limiting directions
/// lim θ̇/|θ̇| such that every M = d + 1 of them are linearly independent (|det| above the directions' error
/// bound). For d = 1 each limiting slope ȧ/ẇ must also match eq. (26) within <c>slope-tolerance</c>.
/// </summary>
public sealed class OnePointOverlapChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "one-point-overlap";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Activation,
            ClaimParameter.From,
            ClaimParameter.Datasets,
            ClaimParameter.Tolerance,
            ClaimParameter.May("slope-tolerance", "positive number", "for d = 1: the tolerance of each limiting slope ȧ/ẇ against eq. (26)"),
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var sigma = context.ActivationOf(claim);
        var theta0 = context.Point(claim.Node.Required("from"));
        var sets = claim.Node.Required("datasets").Items().Select(context.DatasetOf).ToList();
        int m = theta0.W.Count + 1;
        if (sets.Count < m) throw claim.Node.Required("datasets").Error($"Lemma 5.2 needs at least M = d + 1 = {m} trajectories; {sets.Count} datasets are given.");
        double tol = context.ToleranceOf(claim);
        double slopeTol = claim.Node.Optional("slope-tolerance")?.Double() ?? 1e-6;
        VerdictRule.CheckTolerance(slopeTol);
        var runs = sets.Select(s => (Data: s, Flow: context.Flow(sigma, s, theta0))).ToList();
        var contexts = runs.Select(r => FlowEvidence.Context($"flow on {r.Data.Name} from θ₀", sigma, r.Data, theta0, r.Flow)).ToList();
        var evidence = contexts.Select(c => c.Section).ToList();
        var facts = new List<Fact>(contexts.Select(c => c.Run));
        evidence.Add(new EvidenceSection(EvidenceLayer.Numeric, "phase-plane figure")
        {
            Figure = new PhasePlane($"{claim.Id}.svg", "One-point overlap in the (w, a) plane",
                "Trajectories (solid) to one limit and the zero sets M_S (dashed) (cf. paper 000, Figure 2)", contexts.Select(c => c.Run).ToList()),
        });
        if (runs.Any(r => !r.Flow.Converged || r.Flow.Direction is null))
            return new ClaimResult(claim, Verdict.Inconclusive, "A flow did not converge or has no limiting direction.", evidence) { Facts = facts };

        var first = runs[0].Flow;
        double spread = runs.Max(r => r.Flow.Theta.Zip(first.Theta, (a, b) => Math.Abs(a - b)).Max());
        double limitError = runs.Max(r => FlowEvidence.LimitError(r.Flow));
        var spreadFact = NumericEstimate.Judged("largest distance between the limits (max norm)", spread, 2 * limitError, tol, "differences of gradient-flow limits");
        facts.Add(spreadFact);

        var slopeValues = new List<NamedValue>();
        var slopeFacts = new List<NumericEstimate>();
        if (m == 2)
            foreach (var (data, flow) in runs)
            {
                if (flow.OneNeuron?.Slope is not { } s || flow.OneNeuron.SlopeEq26 is not { } s26)
                {
                    facts.Add(new NumericEstimate($"{data.Name}: limiting slope", double.NaN, double.NaN, slopeTol, "no limiting slope", [], FactOutcome.Undecided));
                    continue;
                }
                double diff = Math.Abs(s - s26);
                slopeValues.Add(new($"{data.Name}: slope ȧ/ẇ vs eq. (26)", $"{Format.Value(s)} vs {Format.Value(s26)} (difference {Format.Error(diff)})"));
                var slopeFact = NumericEstimate.Judged($"{data.Name}: |limiting slope ȧ/ẇ − eq. (26)|", diff, flow.Direction!.ErrorEstimate, slopeTol, "limiting direction vs eq. (26) at the limit");
                slopeFacts.Add(slopeFact);
                facts.Add(slopeFact);
            }

        // Every M of the directions linearly independent: |det| above the determinant's perturbation bound.
        var dirs = runs.Select(r => r.Flow.Direction!).ToList();
        double minDet = double.PositiveInfinity, bound = 0;
        var undecidedSets = new List<string>();
        foreach (var subset in Subsets(dirs.Count, m))
        {
            var rows = subset.Select(i => dirs[i].Unit.ToArray()).ToArray();
            double det = Determinant(rows);
            double err = m * subset.Sum(i => dirs[i].ErrorEstimate) + 1e-14; // unit rows: |∂det/∂row| ≤ 1 per entry
            if (Math.Abs(det) < minDet) { minDet = Math.Abs(det); bound = err; }
            var independent = VerdictRule.JudgeNonzero(Magnitude.Estimated(Math.Abs(det), err));
            facts.Add(new NumericEstimate($"|det| of the limiting directions on {string.Join(", ", subset.Select(i => runs[i].Data.Name))}",
                Math.Abs(det), err, null, "determinant of unit directions in floating point, perturbation bound", [], independent.Outcome));
            if (independent.Outcome == FactOutcome.Undecided)
                undecidedSets.Add($"the directions {string.Join(", ", subset.Select(i => runs[i].Data.Name))} are not certainly independent (|det| = {Format.Error(Math.Abs(det))})");
        }
        evidence.Add(new EvidenceSection(EvidenceLayer.Numeric, "Lemma 5.2's hypotheses")
        {
            Values =
            [
                new("largest distance between limits", Format.Error(spread)),
                new("limit error estimate", Format.Error(limitError)),
                new($"smallest |det| of {m} limiting directions", $"{Format.Error(minDet)} (error bound {Format.Error(bound)})"),
                .. slopeValues,
            ],
        });
        var failures = new List<string>();
        var undecided = new List<string>(undecidedSets);
        if (spreadFact.Outcome == FactOutcome.Refutes) failures.Add($"the limits differ by {Format.Error(spread)}");
        else if (spreadFact.Outcome == FactOutcome.Undecided) undecided.Add("the limits' spread is within the error estimates of the tolerance");
        foreach (var f in slopeFacts.Where(f => f.Outcome == FactOutcome.Refutes)) failures.Add($"{f.Label} is {Format.Error(f.Value)}");
        foreach (var f in slopeFacts.Where(f => f.Outcome == FactOutcome.Undecided)) undecided.Add($"{f.Label} ({Format.Error(f.Value)}) is within its error of the tolerance");
        var verdict = VerdictRule.Decide(facts);
        string explanation = verdict switch
        {
            Verdict.Refuted => "Refuted: " + string.Join("; ", failures) + ".",
            Verdict.Inconclusive => "Not decided: " + string.Join("; ", undecided.DefaultIfEmpty("a limiting slope is missing")) + ".",
            _ => $"All {runs.Count} flows reach one limit (spread {Format.Error(spread)}), every {m} limiting directions are linearly independent (smallest |det| {Format.Error(minDet)} ≫ {Format.Error(bound)})"
                + (m == 2 ? $", and each limiting slope matches eq. (26) within {Format.Error(slopeTol)}." : "."),
        };
        return ClaimResult.FromFacts(claim, facts, explanation, evidence);
    }

    private static IEnumerable<int[]> Subsets(int n, int k)
    {
        if (k == 0) { yield return []; yield break; }
        for (int i = n - 1; i >= k - 1; i--)
            foreach (var rest in Subsets(i, k - 1)) yield return [.. rest, i];
    }

    private static double Determinant(double[][] rows) =>
        MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowArrays(rows).Determinant();
}
