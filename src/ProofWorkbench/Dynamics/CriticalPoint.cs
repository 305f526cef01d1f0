namespace ProofWorkbench.Dynamics;

/// <summary>
/// Tells a limit in M_S (a zero of the loss) from a critical point that is not (issue 9, item 8): gradient flow can
/// stop at any critical point of L_S — e.g. σ(u) = u² from (w, a) = (1, 1) on (x, y) = (1, −1) ends on the line
/// w = 0 where L_S = 1, while L_S = 0 at (1, −1). A converged state whose loss exceeds
/// √T·max(1, L_S(θ0)) cannot be a zero of the loss to the accuracy of the run (a zero known to error E has
/// loss O(‖∇f‖²E²), far below that level), so it is reported as a critical point: a saddle when ∇²L_S has a negative
/// eigenvalue there, otherwise a critical point with positive loss (a local minimum, or a global one if min L_S &gt; 0,
/// which the flow cannot decide).
/// </summary>
public static class CriticalPoint
{
    /// <summary>The sentence describing the critical point at <paramref name="theta"/>, or null when the loss vanishes there.</summary>
    public static string? Classify(GradientFlowSystem system, IReadOnlyList<double> theta, IReadOnlyList<double> theta0,
        FlowOptions options, LimitErrorBound bound)
    {
        double loss = system.LossAt(theta.ToArray());
        double threshold = Math.Sqrt(options.Tolerance) * Math.Max(1, system.LossAt(theta0.ToArray()));
        if (!(loss > threshold)) return null;
        var model = LocalQuadraticModel.At(system, theta.ToArray());
        double lowest = model is null ? double.NaN : model.EigenValues.Min();
        bool saddle = model is not null && lowest < -LocalQuadraticModel.ZeroEigenvalueFraction * model.Norm;
        string kind = saddle
            ? $"a saddle point (∇²L_S has the eigenvalue {lowest.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)} < 0 there)"
            : "a critical point with positive loss (a local minimum, or a global one only if min L_S > 0, which is not decided)";
        return $"The flow converged to {kind}, not to a zero of the loss: L_S = {loss.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)} " +
               $"> {threshold.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)} at the limit, so the limit is not shown to be in M_S.";
    }
}
