namespace ProofWorkbench.GradientFlow;

/// <summary>
/// The Hessian cross-check of the limiting direction (see <see cref="LimitingDirection"/>): among the eigenvectors
/// of ∇²L(θ*) with positive eigenvalue (<see cref="LocalQuadraticModel"/>) it picks the one closest to the direction
/// seen along the trajectory (paper 000, Lemma 5.2 needs lim θ̇/|θ̇|; near a Morse–Bott minimum it is such an eigenvector).
/// </summary>
public static class LimitingDirectionCheck
{
    /// <summary>
    /// The trajectory's direction <paramref name="unit"/> (with its <paramref name="stepChange"/>) completed with the
    /// Hessian eigenvector at <paramref name="limit"/>; the error estimate becomes max(step change, |unit − eigenvector|).
    /// </summary>
    public static LimitingDirection Check(GradientFlowSystem system, IReadOnlyList<double> limit, IReadOnlyList<double> unit, double stepChange)
    {
        var model = LocalQuadraticModel.At(system, limit.ToArray());
        if (model is null) return new LimitingDirection(unit, stepChange, stepChange, null, null);
        int n = system.Dimension, best = -1;
        double bestDot = 0;
        for (int k = 0; k < n; k++)
        {
            if (!(model.EigenValues[k] > 0) || !model.IsNonZero(k)) continue;
            var v = model.EigenVector(k);
            double dot = 0;
            for (int i = 0; i < n; i++) dot += v[i] * unit[i];
            if (Math.Abs(dot) > Math.Abs(bestDot)) { best = k; bestDot = dot; }
        }
        if (best < 0) return new LimitingDirection(unit, stepChange, stepChange, null, null);
        double sign = bestDot < 0 ? -1 : 1;
        var e = model.EigenVector(best).Select(c => sign * c).ToArray();
        double distance = Math.Sqrt(e.Select((c, i) => (c - unit[i]) * (c - unit[i])).Sum());
        return new LimitingDirection(unit, Math.Max(stepChange, distance), stepChange, e, model.EigenValues[best]);
    }
}
