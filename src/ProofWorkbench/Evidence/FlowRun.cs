namespace ProofWorkbench.Evidence;

/// <summary>The drift of one conserved quantity along a computed trajectory.</summary>
/// <param name="Quantity">The quantity, e.g. "a^2/2 - h(w)".</param>
/// <param name="MaxDrift">max over the accepted states of |Q(θ_k) − Q(θ₀)|.</param>
public sealed record Drift(string Quantity, double MaxDrift);

/// <summary>
/// A gradient-flow run to its t → ∞ limit, as data (independent of the engine's result type): initial point, data,
/// the limit with its error bound, the distance between independent routes, conserved drifts and trajectory samples.
/// Numeric: a verdict resting on it is at best confirmed. Figures are drawn from it at report time.
/// </summary>
/// <param name="Label">Which run (e.g. "gradient flow on S1 from θ₀").</param>
/// <param name="DataName">The dataset's name in the theorem file.</param>
/// <param name="Model">The model and activation, e.g. "one-neuron, σ(u) = 1/(1+exp(-u))".</param>
/// <param name="Activation">The activation in the tool's syntax (for figures of M_S), or null.</param>
/// <param name="ActivationVariable">Its variable.</param>
/// <param name="Parameters">θ's names, in order.</param>
/// <param name="Initial">θ₀ (exact).</param>
/// <param name="Data">The samples as (inputs, label), labels in the tool's syntax.</param>
/// <param name="Converged">True when the run reached its limit.</param>
/// <param name="Ending">How the run ended, one line ("converged", or the outcome and its message).</param>
/// <param name="Limit">The last state: θ* when converged.</param>
/// <param name="LimitError">The error bound of θ*.</param>
/// <param name="Loss">L_S at the limit.</param>
/// <param name="Time">The time reached.</param>
/// <param name="RouteDistance">The distance between two independent routes, when a second exists.</param>
/// <param name="SecondRouteLimit">The second route's limit, when it exists.</param>
/// <param name="SecondRouteNote">Why there is no second route, or null.</param>
/// <param name="Drifts">Conserved-quantity drifts.</param>
/// <param name="Direction">The limiting direction θ̇/|θ̇|, when known.</param>
/// <param name="DirectionError">Its error estimate.</param>
/// <param name="Slope">The limiting slope ȧ/ẇ, when known.</param>
/// <param name="SlopeEq26">Eq. (26)'s slope at the limit, when known.</param>
/// <param name="Method">Solver, steps, RHS evaluations.</param>
/// <param name="Samples">Trajectory samples (states), thinned.</param>
public sealed record FlowRun(string Label, string DataName, string Model, string? Activation, string ActivationVariable, IReadOnlyList<string> Parameters,
    IReadOnlyList<Symbolic.Numbers.Rational> Initial, IReadOnlyList<(IReadOnlyList<string> X, string Y)> Data,
    bool Converged, string Ending, IReadOnlyList<double> Limit, double LimitError, double Loss, double Time,
    double? RouteDistance, IReadOnlyList<double>? SecondRouteLimit, string? SecondRouteNote, IReadOnlyList<Drift> Drifts,
    IReadOnlyList<double>? Direction, double? DirectionError, double? Slope, double? SlopeEq26, string Method,
    IReadOnlyList<IReadOnlyList<double>> Samples)
    : Fact(Label, Converged ? FactOutcome.Confirms : FactOutcome.Undecided)
{
    /// <inheritdoc/>
    public override string Kind => "flow-run";
    /// <inheritdoc/>
    public override bool IsExact => false;
}
