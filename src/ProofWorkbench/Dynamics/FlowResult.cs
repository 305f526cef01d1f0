namespace ProofWorkbench.Dynamics;

/// <summary>
/// The drift of one conserved quantity Q along a computed trajectory: max over the accepted steps of
/// |Q(θ(t_k)) − Q(θ0)|. A gradient-flow solution that is accurate keeps it near round-off; a large drift
/// exposes a wrong trajectory (or a wrong conservation law).
/// </summary>
/// <param name="Name">Short name, e.g. "a^2/2 - h(w)".</param>
/// <param name="Expression">Q as an expression (h written h(·) when it is integrated by quadrature).</param>
/// <param name="Source">Where the law comes from (paper, lemma, equation).</param>
/// <param name="Evaluation">"closed form" or "quadrature of h'" (Gauss–Kronrod).</param>
/// <param name="Proved">True when its Lie derivative along the flow simplifies to 0 exactly.</param>
/// <param name="InitialValue">Q(θ0) (for quadrature: a0²/2, h(w0) taken as 0).</param>
/// <param name="MaxDrift">max_k |Q(θ_k) − Q(θ0)|; NaN when Q could not be evaluated along the trajectory.</param>
/// <param name="MaxLevelSetDistance">max_k |Q(θ_k) − Q(θ0)|/‖∇Q(θ_k)‖: to first order, how far the computed states
/// strayed from the level set {Q = Q(θ0)}, in units of θ (scale-free, unlike the drift when ∇Q is large).</param>
/// <param name="Note">Why the drift is NaN, or null.</param>
public sealed record ConservedDrift(string Name, string Expression, string Source, string Evaluation, bool Proved,
    double InitialValue, double MaxDrift, double MaxLevelSetDistance, string? Note);

/// <summary>
/// The limiting direction lim θ̇/|θ̇| (paper 000, Lemma 5.2), by two routes. Along the trajectory: the unit field
/// θ̇_k/|θ̇_k| at an accepted step of the final phase (see <see cref="GradientFlowEngine"/>), with the change over
/// the two steps before it. From the Hessian at the limit: near a minimum θ̇ ≈ −∇²L(θ*)(θ − θ*), so the flow
/// arrives along an eigenvector of ∇²L(θ*) with positive eigenvalue, the slowest mode present (for one sample
/// ∇²L(θ*) = 2∇f∇fᵀ and the eigenvector is ∇f(θ*): eq. (26)). When the trajectory's direction is within
/// <see cref="LimitingDirectionCheck.MatchDistance"/> of such an eigenvector, that eigenvector is the answer (the
/// trajectory says which one; the Hessian gives it to near machine precision), with the change of the eigenvector
/// between the last two accepted states as its error estimate; otherwise the trajectory's direction is the answer,
/// with max(its step change, its distance to the nearest eigenvector) as the estimate.
/// </summary>
/// <param name="Unit">The unit vector over (w, a).</param>
/// <param name="ErrorEstimate">Its error estimate (Euclidean), as above.</param>
/// <param name="Source">"hessian eigenvector" or "trajectory".</param>
/// <param name="TrajectoryUnit">The direction seen along the trajectory.</param>
/// <param name="TrajectoryStepChange">Its change over the two steps before the chosen one.</param>
/// <param name="HessianEigenvalue">The eigenvalue λ of the matched eigenvector (θ − θ* decays like e^{−λt} along it), or null.</param>
/// <param name="TrajectoryToHessian">Distance from <paramref name="TrajectoryUnit"/> to the nearest eigenvector, or null.</param>
public sealed record LimitingDirection(IReadOnlyList<double> Unit, double ErrorEstimate, string Source,
    IReadOnlyList<double> TrajectoryUnit, double TrajectoryStepChange, double? HessianEigenvalue, double? TrajectoryToHessian);

/// <summary>
/// The limit computed by the second, independent route of Lemma A.3 (paper 000): the unique zero of
/// φ(s) = s·σ(u(s)) − y on the level set a²/2 − h = a0²/2 − h(θ0) of the first integral, found by 1-D root
/// finding (the inner inversion of h by root finding too; h by quadrature when it has no closed form).
/// </summary>
/// <param name="W">w* (d components).</param>
/// <param name="A">a*.</param>
/// <param name="Evaluation">How h was evaluated: "closed form" or "quadrature of h'".</param>
/// <param name="QuadratureError">Error estimate of the quadrature of h at the root (0 for a closed form).</param>
/// <param name="Residual">|a*σ(w*ᵀx) − y| at the computed point.</param>
public sealed record ConservedLimit(IReadOnlyList<double> W, double A, string Evaluation, double QuadratureError, double Residual);

/// <summary>The second route's answer: a limit, or the reason there is none.</summary>
/// <param name="Limit">The limit, or null.</param>
/// <param name="Reason">Why the route does not apply or failed (null when <paramref name="Limit"/> is set).</param>
public sealed record ConservedRoute(ConservedLimit? Limit, string? Reason);

/// <summary>
/// The result of integrating θ̇ = −∇L_S(θ) "to infinity" (<see cref="GradientFlowEngine"/>): outcome,
/// the last state (the limit θ* when converged), work counters, conserved-quantity drifts, the limiting
/// direction and, for one sample, the limit by the conserved-quantity route and its distance to θ*.
/// </summary>
public sealed record FlowResult
{
    /// <summary>How the run ended.</summary>
    public required FlowOutcome Outcome { get; init; }
    /// <summary>One sentence on how the run ended.</summary>
    public required string Message { get; init; }
    /// <summary>θ's names (w or w1..wd, then a).</summary>
    public required IReadOnlyList<string> Parameters { get; init; }
    /// <summary>The last state: θ* when converged.</summary>
    public required IReadOnlyList<double> Theta { get; init; }
    /// <summary>L_S at <see cref="Theta"/>.</summary>
    public required double Loss { get; init; }
    /// <summary>The time reached.</summary>
    public required double Time { get; init; }
    /// <summary>‖∇L_S‖ at <see cref="Theta"/>.</summary>
    public required double GradientNorm { get; init; }
    /// <summary>‖θ_k − θ_{k−1}‖ over the last accepted step.</summary>
    public required double LastStepChange { get; init; }
    /// <summary>
    /// The error bound of the limit (<see cref="LimitErrorBound"/>): 4·‖θ − θ_ref‖ to a reference run at a tighter
    /// tolerance plus both final-point terms ‖H⁺∇L‖ plus rounding, and at least the distance between the two routes
    /// where both exist; +∞ when the reference run did not converge; for runs that did not converge, the final-point
    /// term (NaN when the convergence test was not reached).
    /// </summary>
    public required double LimitErrorEstimate { get; init; }
    /// <summary>‖H⁺∇L(θ)‖ at the final state (<see cref="LocalQuadraticModel"/>): the distance to the limit the local model sees.</summary>
    public double FinalPointDistance { get; init; } = double.NaN;
    /// <summary>How the reference run of the error bound was made (null when there was none).</summary>
    public string? ReferenceRun { get; init; }
    /// <summary>‖θ − θ_ref‖ to the reference run, or null.</summary>
    public double? ReferenceDistance { get; init; }
    /// <summary>Accepted steps.</summary>
    public required long Steps { get; init; }
    /// <summary>Evaluations of the field (doubles and jets).</summary>
    public required long RhsEvaluations { get; init; }
    /// <summary>The method used.</summary>
    public required FlowMethod Method { get; init; }
    /// <summary>The solver's name (e.g. "AutoSwitching(DOP853/Radau5)").</summary>
    public required string Solver { get; init; }
    /// <summary>lim θ̇/|θ̇|, or null when θ̇ vanished exactly or the run did not converge.</summary>
    public required LimitingDirection? Direction { get; init; }
    /// <summary>Every conserved quantity known for this model and dataset, with its drift.</summary>
    public required IReadOnlyList<ConservedDrift> Conserved { get; init; }
    /// <summary>The conserved-quantity route (one sample only; null for several samples).</summary>
    public required ConservedRoute? ConservedRoute { get; init; }
    /// <summary>‖θ*_ODE − θ*_conserved‖, when both limits exist.</summary>
    public required double? RoutesDistance { get; init; }
    /// <summary>ȧ/ẇ in the limit from <see cref="Direction"/> (d = 1 only; null when ẇ vanishes in the limit).</summary>
    public required double? Slope { get; init; }
    /// <summary>Eq. (26) of paper 000 at the limit: σ(xw*)/(a* x σ′(xw*)) (d = 1, one sample; null where it is not finite, e.g. x = 0).</summary>
    public required double? SlopeEq26 { get; init; }

    /// <summary>The accepted states θ(tₖ), θ₀ first, when <see cref="FlowOptions.RecordTrajectory"/> was set; else empty.</summary>
    public IReadOnlyList<double[]> Trajectory { get; init; } = [];

    /// <summary>True when the flow converged.</summary>
    public bool Converged => Outcome == FlowOutcome.Converged;
    /// <summary>True when θ(t) has a limit: <see cref="FlowOutcome.Converged"/> or <see cref="FlowOutcome.CriticalPoint"/>.</summary>
    public bool HasLimit => Outcome is FlowOutcome.Converged or FlowOutcome.CriticalPoint;
    /// <summary>w at <see cref="Theta"/>.</summary>
    public IReadOnlyList<double> W => Theta.Take(Theta.Count - 1).ToArray();
    /// <summary>a at <see cref="Theta"/>.</summary>
    public double A => Theta[^1];
    /// <summary>The largest drift over <see cref="Conserved"/> (NaN entries ignored), or null when none was measured.</summary>
    public double? MaxConservedDrift
    {
        get
        {
            var drifts = Conserved.Select(c => c.MaxDrift).Where(double.IsFinite).ToArray();
            return drifts.Length == 0 ? null : drifts.Max();
        }
    }
}
