using ProofWorkbench.Dynamics;
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
    public IReadOnlyList<string> Parameters => ["activation", "from", "datasets", "tolerance", "slope-tolerance"];

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
        var runs = sets.Select(s => (Data: s, Flow: context.Flow(sigma, s, theta0))).ToList();
        var evidence = runs.Select(r => FlowEvidence.Of($"flow on {r.Data.Name} from θ₀", r.Flow)).ToList();
        if (FlowFigure.Draw($"{claim.Id}.svg", "One-point overlap in the (w, a) plane", "Trajectories (solid) to one limit and the zero sets M_S (dashed) (cf. paper 000, Figure 2)", sigma, theta0, runs) is { } fig)
            evidence.Add(new Evidence(EvidenceLayer.Numeric, "phase-plane figure") { Figure = fig });
        if (runs.Any(r => !r.Flow.Converged || r.Flow.Direction is null))
            return new ClaimResult(claim, Verdict.Inconclusive, "A flow did not converge or has no limiting direction.", evidence);

        var failures = new List<string>();
        var undecided = new List<string>();
        var first = runs[0].Flow;
        double spread = runs.Max(r => r.Flow.Theta.Zip(first.Theta, (a, b) => Math.Abs(a - b)).Max());
        double limitError = runs.Max(r => FlowEvidence.LimitError(r.Flow));
        if (spread > tol + 2 * limitError) failures.Add($"the limits differ by {Format.Error(spread)}");
        else if (spread > tol) undecided.Add("the limits' spread is within the error estimates of the tolerance");

        var slopeValues = new List<NamedValue>();
        if (m == 2)
            foreach (var (data, flow) in runs)
            {
                if (flow.Slope is not { } s || flow.SlopeEq26 is not { } s26) { undecided.Add($"no slope for {data.Name}"); continue; }
                double diff = Math.Abs(s - s26);
                slopeValues.Add(new($"{data.Name}: slope ȧ/ẇ vs eq. (26)", $"{Format.Value(s)} vs {Format.Value(s26)} (difference {Format.Error(diff)})"));
                if (diff > slopeTol) failures.Add($"the limiting slope for {data.Name} differs from eq. (26) by {Format.Error(diff)}");
            }

        // Every M of the directions linearly independent: |det| above the determinant's perturbation bound.
        var dirs = runs.Select(r => r.Flow.Direction!).ToList();
        double minDet = double.PositiveInfinity, bound = 0;
        foreach (var subset in Subsets(dirs.Count, m))
        {
            var rows = subset.Select(i => dirs[i].Unit.ToArray()).ToArray();
            double det = Determinant(rows);
            double err = m * subset.Sum(i => dirs[i].ErrorEstimate) + 1e-14; // unit rows: |∂det/∂row| ≤ 1 per entry
            if (Math.Abs(det) < minDet) { minDet = Math.Abs(det); bound = err; }
            if (Math.Abs(det) <= err) undecided.Add($"the directions {string.Join(", ", subset.Select(i => runs[i].Data.Name))} are not certainly independent (|det| = {Format.Error(Math.Abs(det))})");
        }
        evidence.Add(new Evidence(EvidenceLayer.Numeric, "Lemma 5.2's hypotheses")
        {
            Values =
            [
                new("largest distance between limits", Format.Error(spread)),
                new("limit error estimate", Format.Error(limitError)),
                new($"smallest |det| of {m} limiting directions", $"{Format.Error(minDet)} (error bound {Format.Error(bound)})"),
                .. slopeValues,
            ],
        });
        if (failures.Count > 0) return new ClaimResult(claim, Verdict.Refuted, "Refuted: " + string.Join("; ", failures) + ".", evidence);
        if (undecided.Count > 0) return new ClaimResult(claim, Verdict.Inconclusive, "Not decided: " + string.Join("; ", undecided) + ".", evidence);
        return new ClaimResult(claim, Verdict.Confirmed,
            $"All {runs.Count} flows reach one limit (spread {Format.Error(spread)}), every {m} limiting directions are linearly independent (smallest |det| {Format.Error(minDet)} ≫ {Format.Error(bound)})"
            + (m == 2 ? $", and each limiting slope matches eq. (26) within {Format.Error(slopeTol)}." : "."), evidence);
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
