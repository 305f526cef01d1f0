namespace ProofWorkbench.Dynamics;

/// <summary>How a gradient-flow run ended. Only <see cref="Converged"/> yields a limit.</summary>
public enum FlowOutcome
{
    /// <summary>‖∇L‖ and the step-to-step change fell below the tolerance: θ(t) has (numerically) reached its limit.</summary>
    Converged,
    /// <summary>θ(t) converged, but to a critical point that is not a zero of the loss (a saddle or a positive-loss minimum): not shown to be in M_S.</summary>
    CriticalPoint,
    /// <summary>A piecewise-smooth flow reached a kink that both branches push it towards (Filippov sliding): reported, not chattered through.</summary>
    Sliding,
    /// <summary>‖θ‖ exceeded <see cref="FlowOptions.DivergenceBound"/>: the trajectory runs off to infinity.</summary>
    Diverged,
    /// <summary>The step budget or the time budget ran out before convergence.</summary>
    BudgetExhausted,
    /// <summary>NaN or infinity appeared in θ or in the field (e.g. σ undefined or overflowing).</summary>
    NonFinite,
    /// <summary>The ODE solver gave up (step size below round-off, singular Newton matrix).</summary>
    SolverFailure,
}
