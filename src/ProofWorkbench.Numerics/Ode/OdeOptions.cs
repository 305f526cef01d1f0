namespace ProofWorkbench.Numerics.Ode;

/// <summary>
/// Options of an integration. Error control is component-wise with sk = atol + rtol·max(|y_i|, |ŷ_i|)
/// (Hairer's ITOL = 0: scalar tolerances).
/// </summary>
public sealed record OdeOptions
{
    /// <summary>Relative tolerance (default 1e-6).</summary>
    public double RelativeTolerance { get; init; } = 1e-6;

    /// <summary>Absolute tolerance (default 1e-6).</summary>
    public double AbsoluteTolerance { get; init; } = 1e-6;

    /// <summary>Initial step size; 0 (default) chooses it automatically (Hairer's HINIT).</summary>
    public double InitialStep { get; init; }

    /// <summary>Largest step size (default: unbounded, i.e. |tEnd − t0| as in Hairer's codes).</summary>
    public double MaxStepSize { get; init; } = double.PositiveInfinity;

    /// <summary>
    /// If set, the method takes steps of exactly this size (the last one shortened to hit tEnd), with no
    /// error control: used to measure convergence orders.
    /// </summary>
    public double? FixedStepSize { get; init; }

    /// <summary>Maximal number of step attempts — the time budget, counted in steps (default 100 000; Hairer's NMAX).</summary>
    public long MaxSteps { get; init; } = 100_000;

    /// <summary>Keep the dense output of every step so that <see cref="OdeSolution.Evaluate(double)"/> works (default true).
    /// DOP853 then spends 3 extra f-evaluations per step (Hairer's IOUT = 2).</summary>
    public bool DenseOutput { get; init; } = true;

    /// <summary>
    /// Prepare each accepted step's dense interpolant so that <see cref="OdeIntegrator.Interpolate"/> works on the last
    /// step, without keeping it (default false; implied by <see cref="DenseOutput"/> and by events). DOP853 spends the
    /// same 3 extra f-evaluations per step as for <see cref="DenseOutput"/>, but memory stays O(n).
    /// </summary>
    public bool InterpolateSteps { get; init; }

    /// <summary>Keep the accepted (t, y) points (default true).</summary>
    public bool SaveSteps { get; init; } = true;

    /// <summary>Event functions; their sign changes are located on the dense output.</summary>
    public IReadOnlyList<OdeEvent> Events { get; init; } = [];

    /// <summary>Caller's stop rule checked after each accepted step (status <see cref="OdeStatus.StoppedByCaller"/>).</summary>
    public StopCondition? StopWhen { get; init; }

    /// <summary>DOP853: stop with <see cref="OdeStatus.ProbablyStiff"/> when the stiffness test fires (default false: note it and go on).</summary>
    public bool StopOnStiffness { get; init; }

    /// <summary>DOP853: test stiffness every this many accepted steps (Hairer's NSTIFF, default 1000; after a positive test, at every step).</summary>
    public int StiffnessTestInterval { get; init; } = 1000;

    /// <summary>Validates the options (programming errors only).</summary>
    /// <exception cref="ArgumentException">A tolerance is negative or not finite, or both are zero, etc.</exception>
    public void Validate()
    {
        if (!(RelativeTolerance >= 0) || !double.IsFinite(RelativeTolerance))
            throw new ArgumentException($"The relative tolerance must be a finite number ≥ 0, not {RelativeTolerance}.");
        if (!(AbsoluteTolerance >= 0) || !double.IsFinite(AbsoluteTolerance))
            throw new ArgumentException($"The absolute tolerance must be a finite number ≥ 0, not {AbsoluteTolerance}.");
        if (RelativeTolerance == 0 && AbsoluteTolerance == 0)
            throw new ArgumentException("At least one of the tolerances must be positive.");
        if (!(InitialStep >= 0)) throw new ArgumentException($"The initial step must be ≥ 0 (0 = automatic), not {InitialStep}.");
        if (!(MaxStepSize > 0)) throw new ArgumentException($"The maximal step size must be > 0, not {MaxStepSize}.");
        if (FixedStepSize is { } h && !(h > 0 && double.IsFinite(h))) throw new ArgumentException($"The fixed step size must be a finite number > 0, not {h}.");
        if (MaxSteps <= 0) throw new ArgumentException($"MaxSteps must be positive, not {MaxSteps}.");
        if (StiffnessTestInterval <= 0) throw new ArgumentException($"StiffnessTestInterval must be positive, not {StiffnessTestInterval}.");
        if (Events is null) throw new ArgumentException("Events must not be null (use an empty list).");
    }
}
