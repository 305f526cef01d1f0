namespace ProofWorkbench.Dynamics;

/// <summary>
/// The Hessian route to the limiting direction (see <see cref="LimitingDirection"/>): among the eigenvectors of
/// ∇²L(θ*) with positive eigenvalue (<see cref="LocalQuadraticModel"/>) it takes the one closest to the direction
/// seen along the trajectory (paper 000, Lemma 5.2 needs lim θ̇/|θ̇|; near a Morse–Bott minimum it is such an eigenvector).
/// </summary>
public static class LimitingDirectionCheck
{
    /// <summary>
    /// The largest distance between the trajectory's direction and an eigenvector for the eigenvector to be taken
    /// (0.01). Eigenvectors are orthonormal, so a match this close is unambiguous.
    /// </summary>
    public const double MatchDistance = 1e-2;

    /// <summary>
    /// Combines the trajectory's direction <paramref name="unit"/> (with its <paramref name="stepChange"/>) with the
    /// Hessian eigenvectors at the limit <paramref name="limit"/> and at the state of the previous accepted step
    /// <paramref name="previous"/> (their difference is the eigenvector's error estimate).
    /// </summary>
    public static LimitingDirection Combine(GradientFlowSystem system, IReadOnlyList<double> limit, IReadOnlyList<double> previous,
        IReadOnlyList<double> unit, double stepChange)
    {
        var trajectoryOnly = new LimitingDirection(unit, stepChange, "trajectory", unit, stepChange, null, null);
        var atLimit = Nearest(system, limit, unit);
        if (atLimit is not { } e) return trajectoryOnly;
        double distance = Distance(e.Vector, unit);
        if (distance > MatchDistance)
            return new LimitingDirection(unit, Math.Max(stepChange, distance), "trajectory", unit, stepChange, e.Value, distance);
        // Sensitivity of the eigenvector to the state: its change over the last step (which moved θ at least as far as
        // the remaining distance to θ*), and round-off in H: ε‖H‖ over the gap to the other eigenvalues.
        double change = Nearest(system, previous, unit) is { } p ? Distance(p.Vector, e.Vector) : double.NaN;
        double roundOff = 1e-15 * e.Norm / Math.Max(e.Gap, 1e-300);
        double error = double.IsNaN(change) ? Math.Max(roundOff, distance) : Math.Max(change, roundOff);
        return new LimitingDirection(e.Vector, error, "hessian eigenvector", unit, stepChange, e.Value, distance);
    }

    private readonly record struct Eigen(double[] Vector, double Value, double Gap, double Norm);

    private static Eigen? Nearest(GradientFlowSystem system, IReadOnlyList<double> theta, IReadOnlyList<double> unit)
    {
        var model = LocalQuadraticModel.At(system, theta.ToArray());
        if (model is null) return null;
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
        if (best < 0) return null;
        double sign = bestDot < 0 ? -1 : 1;
        double gap = double.PositiveInfinity;
        for (int k = 0; k < n; k++)
            if (k != best) gap = Math.Min(gap, Math.Abs(model.EigenValues[k] - model.EigenValues[best]));
        return new Eigen(model.EigenVector(best).Select(c => sign * c).ToArray(), model.EigenValues[best], gap, model.Norm);
    }

    private static double Distance(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Count; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.Sqrt(s);
    }
}
