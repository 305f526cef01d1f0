namespace ProofWorkbench.Dynamics;

/// <summary>
/// How <see cref="GradientFlowEngine"/> integrates a gradient flow "to infinity" and when it stops.
/// Every run is bounded: by <see cref="MaxSteps"/> step attempts, by the time <see cref="MaxTime"/>, and by the
/// wall-clock budget <see cref="WallClockBudget"/> (main run and reference run together), each reported as
/// <see cref="FlowOutcome.BudgetExhausted"/> with the budget that ran out.
/// </summary>
public sealed record FlowOptions
{
    /// <summary>The ODE method (default <see cref="FlowMethod.Auto"/>).</summary>
    public FlowMethod Method { get; init; } = FlowMethod.Auto;

    /// <summary>
    /// The tolerance T (default 1e-12): the solver runs with rtol = atol = T, and the flow counts as converged once
    /// ‖∇L(θ)‖ ≤ T·max(1, ‖∇L(θ0)‖) (or the gradient left by a state error ε, see <see cref="GradientFlowEngine"/>), and both
    /// the last step and the estimated distance to the limit are at most ε = <see cref="LimitToleranceFactor"/>·T·max(1, ‖θ‖).
    /// </summary>
    public double Tolerance { get; init; } = 1e-12;

    /// <summary>ε/(T·max(1, ‖θ‖)): the step-to-step change and the distance to the limit allowed at convergence, in units of <see cref="Tolerance"/> (default 10).</summary>
    public double LimitToleranceFactor { get; init; } = 10;

    /// <summary>Step attempts allowed (default 200 000).</summary>
    public long MaxSteps { get; init; } = 200_000;

    /// <summary>The time budget: the flow is integrated on [0, MaxTime] at most (default 1e12).</summary>
    public double MaxTime { get; init; } = 1e12;

    /// <summary>
    /// ‖θ‖ beyond which the flow is reported as diverging (default 1e6). Along gradient flow
    /// ‖θ(t) − θ0‖ ≤ √(t·(L(θ0) − L(θ(t)))) (path length by Cauchy–Schwarz, since |θ̇|² = −dL/dt), so a
    /// trajectory drifting to infinity is slow: within the time budget it may end as
    /// <see cref="FlowOutcome.BudgetExhausted"/> instead, with the growth of ‖θ‖ in the message.
    /// </summary>
    public double DivergenceBound { get; init; } = 1e6;

    /// <summary>Keep every accepted state in <see cref="FlowResult.Trajectory"/> (for figures).</summary>
    public bool RecordTrajectory { get; init; }

    /// <summary>
    /// The wall-clock budget of one <c>Run</c> (default 300 s), measured by <see cref="Clock"/> after every accepted
    /// step: when it is spent the run stops as <see cref="FlowOutcome.BudgetExhausted"/>, saying so; a reference run
    /// of the error bound gets what the main run left, and when it runs out the bound is +∞.
    /// </summary>
    public TimeSpan WallClockBudget { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>The clock of <see cref="WallClockBudget"/> (default <see cref="TimeProvider.System"/>; tests pass a scripted one).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// <see cref="ModelFlowEngine"/> with a recorded trajectory: points of DOP853's dense output (its 7th-order
    /// interpolant) added inside every accepted step, equally spaced in t (default 0: accepted states only). Costs 3
    /// field evaluations per step, memory O(M) beyond the recorded states.
    /// </summary>
    public int DenseTrajectoryPoints { get; init; }

    /// <summary>Checks the options; throws <see cref="InputException"/> for impossible values.</summary>
    public void Validate()
    {
        if (!(Tolerance > 0 && Tolerance < 1) || !double.IsFinite(Tolerance))
            throw new InputException($"The tolerance {Tolerance:R} must be a number in (0, 1), e.g. 1e-12.");
        if (Tolerance < 1e-15)
            throw new InputException($"The tolerance {Tolerance:R} is below the double-precision round-off level; use 1e-15 or more.");
        if (!(LimitToleranceFactor >= 1) || !double.IsFinite(LimitToleranceFactor))
            throw new InputException($"The limit tolerance factor {LimitToleranceFactor:R} must be a finite number ≥ 1.");
        if (MaxSteps <= 0) throw new InputException($"The step budget {MaxSteps} must be positive.");
        if (!(MaxTime > 0) || !double.IsFinite(MaxTime)) throw new InputException($"The time budget {MaxTime:R} must be a finite positive number.");
        if (!(WallClockBudget > TimeSpan.Zero))
            throw new InputException($"The wall-clock budget {WallClockBudget.TotalSeconds.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} s must be positive.");
        if (DenseTrajectoryPoints < 0) throw new InputException($"The number of dense-output points per step {DenseTrajectoryPoints} must be 0 or more.");
        if (!(DivergenceBound > 0) || !double.IsFinite(DivergenceBound))
            throw new InputException($"The divergence bound {DivergenceBound:R} must be a finite positive number.");
    }
}
