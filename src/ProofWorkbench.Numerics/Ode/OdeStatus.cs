namespace ProofWorkbench.Numerics.Ode;

/// <summary>Outcome of an integration. Failing integrations are reported here, never thrown.</summary>
public enum OdeStatus
{
    /// <summary>The integrator can still take steps (only seen while stepping an <see cref="OdeIntegrator"/>).</summary>
    Running,
    /// <summary>The final time was reached.</summary>
    Success,
    /// <summary>The maximal number of steps (<see cref="OdeOptions.MaxSteps"/>) was reached first.</summary>
    MaxStepsReached,
    /// <summary>The step size fell below the round-off level of t (often: a singularity or blow-up).</summary>
    StepSizeTooSmall,
    /// <summary>NaN or ±Infinity appeared in the state or in the right-hand side.</summary>
    NonFinite,
    /// <summary>A terminal event stopped the integration.</summary>
    StoppedByEvent,
    /// <summary>The caller's stop rule (<see cref="OdeOptions.StopWhen"/>) or the caller itself stopped the integration.</summary>
    StoppedByCaller,
    /// <summary>DOP853's stiffness test fired and <see cref="OdeOptions.StopOnStiffness"/> was set (Hairer's IDID = −4).</summary>
    ProbablyStiff,
    /// <summary>Radau5: the iteration matrix was singular repeatedly (Hairer's IDID = −4 in RADAU5).</summary>
    SingularMatrix,
}
