namespace ProofWorkbench.Dynamics;

/// <summary>
/// A located kink crossing of a piecewise-smooth flow: at time <paramref name="T"/> the pre-activation of sample
/// <paramref name="Sample"/> (numbered from 1) crossed 0, from branch <paramref name="From"/> to <paramref name="To"/>
/// ("active": u &gt; 0, "inactive": u &lt; 0, "sliding": the flow stays on u = 0).
/// </summary>
public sealed record FlowEvent(double T, int Sample, string From, string To);

/// <summary>The result of <see cref="ModelFlowEngine"/>: gradient flow of any <see cref="Models.IModel"/> to its limit.</summary>
public sealed record ModelFlowResult
{
    /// <summary>How the run ended.</summary>
    public required FlowOutcome Outcome { get; init; }
    /// <summary>One sentence on how the run ended.</summary>
    public required string Message { get; init; }
    /// <summary>θ0.</summary>
    public required IReadOnlyList<double> Theta0 { get; init; }
    /// <summary>The last state: the limit when converged.</summary>
    public required IReadOnlyList<double> Theta { get; init; }
    /// <summary>L_S at <see cref="Theta"/> (with the model's loss scale).</summary>
    public required double Loss { get; init; }
    /// <summary>The time reached.</summary>
    public required double Time { get; init; }
    /// <summary>‖∇L_S‖ at <see cref="Theta"/>.</summary>
    public required double GradientNorm { get; init; }
    /// <summary>‖θ_k − θ_{k−1}‖ over the last accepted step.</summary>
    public required double LastStepChange { get; init; }
    /// <summary>
    /// The Gauss–Newton distance ‖Jᵀ(JJᵀ)⁺r‖ from the final state to the zero set of the residuals (J: the n×M
    /// Jacobian of the outputs, r the residuals): the final-point term of the error bound (NaN when not reached).
    /// </summary>
    public required double FinalPointDistance { get; init; }
    /// <summary>The error bound of the limit (<see cref="LimitErrorBound"/>); NaN when the run did not converge.</summary>
    public required double LimitErrorEstimate { get; init; }
    /// <summary>How the reference run of the bound was made, or why there is none.</summary>
    public string? ReferenceRun { get; init; }
    /// <summary>Accepted steps (all segments).</summary>
    public required long Steps { get; init; }
    /// <summary>Evaluations of the field.</summary>
    public required long RhsEvaluations { get; init; }
    /// <summary>Evaluations of the field by the reference run of the error bound (0 when there was none).</summary>
    public long ReferenceRhsEvaluations { get; init; }
    /// <summary>Located kink crossings, in time order (piecewise models only).</summary>
    public required IReadOnlyList<FlowEvent> Events { get; init; }
    /// <summary>The drift of every conserved quantity the model knows (max over steps and components).</summary>
    public required IReadOnlyList<ConservedDrift> Conserved { get; init; }
    /// <summary>lim θ̇/|θ̇| seen along the trajectory (the final phase's most stable unit field), or null.</summary>
    public IReadOnlyList<double>? Direction { get; init; }
    /// <summary>The change of <see cref="Direction"/> over the two steps before it (its error indicator).</summary>
    public double? DirectionChange { get; init; }
    /// <summary>Accepted (t, θ) when a trajectory was requested; else empty.</summary>
    public IReadOnlyList<(double T, double[] Theta)> Trajectory { get; init; } = [];
    /// <summary>True when the flow converged to a zero of the loss.</summary>
    public bool Converged => Outcome == FlowOutcome.Converged;
}
