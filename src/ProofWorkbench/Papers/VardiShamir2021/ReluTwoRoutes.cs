using ProofWorkbench.Dynamics;

namespace ProofWorkbench.Papers.VardiShamir2021;

/// <summary>
/// The two independent routes to the flow of a ReLU-neuron instance (paper 002, Theorem 4.1): the event-driven ODE flow
/// (<see cref="ModelFlowEngine"/>, DOP853 with kink events) and the exact piecewise closed form
/// (<see cref="ReluPiecewiseSolution"/>), with the distances between them.
/// </summary>
/// <param name="Closed">The closed-form route.</param>
/// <param name="Flow">The ODE route (trajectory recorded).</param>
/// <param name="TrajectoryDistance">max over the ODE's accepted states of ‖w_ODE(t_k) − w_closed(t_k)‖∞ (NaN when the closed form failed).</param>
/// <param name="LimitDistance">‖w_ODE(∞) − w_closed(∞)‖∞ (NaN when either has no limit).</param>
public sealed record ReluTwoRoutes(ReluPiecewiseSolution Closed, FlowResult Flow, double TrajectoryDistance, double LimitDistance)
{
    /// <summary>Runs both routes; <paramref name="flowTolerance"/> is the ODE tolerance T (rtol = atol = T).</summary>
    public static ReluTwoRoutes Run(NeuronInstance instance, double flowTolerance)
    {
        var closed = ReluPiecewiseSolution.Solve(instance.X, instance.Y, instance.W0, instance.DerivativeAtZero.ToDouble(), instance.LossScale.ToDouble());
        var flow = ModelFlowEngine.Run(instance.Model(), instance.Samples(), instance.W0, new FlowOptions { Tolerance = flowTolerance }, recordTrajectory: true);
        double trajectory = double.NaN, limit = double.NaN;
        if (closed.Failure is null)
        {
            trajectory = 0;
            foreach (var (t, w) in flow.Trajectory) trajectory = Math.Max(trajectory, MaxDistance(w, closed.At(t)));
            if (closed.Limit is { } l && (flow.Converged || flow.Outcome == FlowOutcome.CriticalPoint)) limit = MaxDistance(flow.Theta, l);
        }
        return new ReluTwoRoutes(closed, flow, trajectory, limit);
    }

    /// <summary>‖a − b‖∞.</summary>
    public static double MaxDistance(IReadOnlyList<double> a, IReadOnlyList<double> b) => a.Zip(b, (p, q) => Math.Abs(p - q)).DefaultIfEmpty(0).Max();
}
