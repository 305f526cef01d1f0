using ProofWorkbench.ConservedQuantities;
using ProofWorkbench.Models;
using ProofWorkbench.Numerics.Ode;
using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Expressions;

namespace ProofWorkbench.Dynamics;

/// <summary>
/// Integrates gradient flow θ̇ = −∇L_S(θ) "to infinity" and reports its limit (paper 000, Sections 5–6: "the
/// limit" is lim_{t→∞} θ(t)). The run steps an <see cref="OdeIntegrator"/> without end time other than the time
/// budget and stops when the last step moved θ by at most ε = <see cref="FlowOptions.LimitToleranceFactor"/>·T·max(1, ‖θ‖),
/// the distance to the limit estimated by the local quadratic model, ‖H⁺∇L(θ)‖ (<see cref="LocalQuadraticModel"/>),
/// is at most ε too, and ‖∇L‖ ≤ max(T·max(1, ‖∇L(θ0)‖), ‖H‖·ε), the gradient that a state resolved to ε can still
/// show. Divergence (‖θ‖ past a bound), exhausted budgets, NaN and solver failures end the run with that outcome
/// and a sentence; nothing hangs (step and time budgets) and no number is reported as a limit unless the run
/// converged. Along the way it measures the drift of every known
/// conserved quantity (<see cref="ConservedMonitor"/>); at the end it estimates the limiting direction
/// lim θ̇/|θ̇| (Lemma 5.2) and, for one sample, computes the limit a second way (<see cref="ConservedRouteSolver"/>).
/// </summary>
public static class GradientFlowEngine
{
    /// <summary>Builds the flow of <paramref name="model"/> on <paramref name="data"/> and runs it from <paramref name="theta0"/>.</summary>
    public static FlowResult Run(OneNeuronModel model, IReadOnlyList<Sample> data, IReadOnlyList<double> theta0, FlowOptions? options = null) =>
        Run(GradientFlowSystem.Create(model, data), theta0, options);

    /// <summary>Runs the flow of <paramref name="system"/> from θ0 = (w0, a0).</summary>
    public static FlowResult Run(GradientFlowSystem system, IReadOnlyList<double> theta0, FlowOptions? options = null)
    {
        options ??= new FlowOptions();
        options.Validate();
        int n = system.Dimension;
        if (theta0.Count != n)
            throw new InputException($"θ0 has {theta0.Count} components but the model has {n} parameters (w with d = {n - 1} components, then a).");
        if (theta0.Any(v => !double.IsFinite(v))) throw new InputException("θ0 must be finite.");
        var model = system.Model;
        var start = theta0.ToArray();

        var h = OneSampleFirstIntegral(system, start);
        var monitor = new ConservedMonitor(system, h, start);
        if (options.RecordTrajectory) monitor.RecordTrajectory();
        var clock = WallClock.Start(options);
        var run = Integrate(system, start, options, monitor, clock);
        LimitErrorBound? bound = null;
        if (run.Outcome == FlowOutcome.Converged)
        {
            bound = LimitErrorBound.FromReferenceRun(run.Theta, run.LimitErrorEstimate, options,
                reference => Integrate(system, start, reference, null, clock) is { Outcome: FlowOutcome.Converged } r
                    ? (r.Theta, r.LimitErrorEstimate, Name: $"{r.Solver} at tolerance {reference.Tolerance.ToString("G2", System.Globalization.CultureInfo.InvariantCulture)}")
                    : null);
            if (CriticalPoint.Classify(system, run.Theta, start, options, bound.Value) is { } critical)
                run = run with { Outcome = FlowOutcome.CriticalPoint, Message = critical + " " + run.Message };
        }

        var sample = system.Data.Count == 1 ? system.Data[0] : null;
        ConservedRoute? route = null;
        if (sample is not null)
        {
            string? reason = ConservedRouteSolver.Inapplicable(model, system.Data);
            route = reason is not null || h is null
                ? new ConservedRoute(null, reason ?? "h′ of the first integral could not be derived")
                : ConservedRouteSolver.Solve(h, model.Activation, start[..^1], start[^1], Constant(sample.Y));
        }
        double? distance = run.Outcome == FlowOutcome.Converged && route?.Limit is { } lim
            ? Math.Sqrt(lim.W.Select((w, i) => Square(w - run.Theta[i])).Sum() + Square(lim.A - run.Theta[^1]))
            : null;
        // Where both routes exist the distance between them bounds the error too (if the conserved route is exact to
        // round-off); the reported estimate is the larger of the two constructions.
        double errorEstimate = run.Outcome == FlowOutcome.Converged && bound is { } b
            ? Math.Max(b.Value, distance is { } dd && route?.Limit is { } rl ? dd + rl.QuadratureError : 0)
            : run.LimitErrorEstimate;
        var direction = run.Outcome is FlowOutcome.Converged or FlowOutcome.CriticalPoint && run.Direction is { } seen
            ? LimitingDirectionCheck.Combine(system, run.Theta, run.PreviousTheta, seen.Unit, seen.Change)
            : null;
        double? slope = model.Dimension == 1 && run.Outcome == FlowOutcome.Converged && direction is { } d ? Finite(d.Unit[1] / d.Unit[0]) : null;
        double? slope26 = model.Dimension == 1 && sample is not null && run.Outcome == FlowOutcome.Converged
            ? Finite(SlopeEq26(model.Activation, Constant(sample.X[0]), run.Theta[0], run.Theta[1]))
            : null;

        return new FlowResult
        {
            Outcome = run.Outcome,
            Message = run.Message,
            Parameters = system.Parameters,
            Theta0 = start,
            Theta = run.Theta,
            Loss = system.LossAt(run.Theta),
            Time = run.Time,
            GradientNorm = run.GradientNorm,
            LastStepChange = run.LastStepChange,
            LimitErrorEstimate = errorEstimate,
            FinalPointDistance = run.LimitErrorEstimate,
            ReferenceRun = bound?.Reference,
            ReferenceDistance = bound?.ReferenceDistance,
            Steps = run.Steps,
            RhsEvaluations = run.RhsEvaluations,
            Method = options.Method,
            Solver = run.Solver,
            Direction = direction,
            Conserved = monitor.Drifts(),
            OneNeuron = new OneNeuronDiagnostics(route, distance, slope, slope26),
            Trajectory = monitor.Trajectory,
        };
    }

    /// <summary>
    /// ȧ/ẇ in the limit by paper 000, eq. (26): σ(xw)/(a x σ′(xw)) at θ* (for θ* = (w0, −a0) this is
    /// −σ(xw0)/(a0 x σ′(xw0))). Exactly the ratio of the two components of the one-sample field (17).
    /// </summary>
    public static double SlopeEq26(Activation sigma, double x, double w, double a)
    {
        var s = Compiler.Compile(sigma.Definition, [sigma.Variable]);
        var s1 = Compiler.Compile(sigma.Derivative(1), [sigma.Variable]);
        double u = x * w;
        return s([u]) / (a * x * s1([u]));
    }

    private static double Constant(Expr e) => Evaluator.Evaluate(e, new Dictionary<string, double>());

    private static double Square(double v) => v * v;

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    private static FirstIntegralH? OneSampleFirstIntegral(GradientFlowSystem system, double[] theta0)
    {
        if (system.Data.Count != 1) return null;
        var sample = system.Data[0];
        if (sample.X.All(c => Constant(c) == 0)) return null; // h′ = σ/(xσ′) is undefined for x = 0
        var quantity = ConservedQuantity.Derive(system.Model, sample);
        return FirstIntegralH.Create(system.Model, sample, quantity, theta0[..^1]);
    }

    /// <summary>What the integration loop found.</summary>
    private sealed record Integration(FlowOutcome Outcome, string Message, double[] Theta, double Time, double GradientNorm,
        double LastStepChange, double LimitErrorEstimate, long Steps, long RhsEvaluations, string Solver, SeenDirection? Direction,
        double[] PreviousTheta);

    /// <summary>The unit field at the chosen step and its change over the two steps before it.</summary>
    private sealed record SeenDirection(double[] Unit, double Change);

    private static Integration Integrate(GradientFlowSystem system, double[] theta0, FlowOptions options, ConservedMonitor? monitor, WallClock clock)
    {
        int n = system.Dimension;
        var method = FlowMethods.Create(options.Method);
        var f0 = new double[n];
        system.FieldAt(theta0, f0);
        double g0 = Norm(f0);
        if (!double.IsFinite(g0))
            return new Integration(FlowOutcome.NonFinite,
                $"The gradient-flow field is not finite at θ0 = ({Format(theta0)}): σ or σ′ is undefined or overflows there.",
                theta0, 0, g0, 0, double.NaN, 0, 1, method.Name, null, theta0);
        if (g0 == 0)
            return new Integration(FlowOutcome.Converged, "θ0 is a stationary point (∇L(θ0) = 0): the flow stays there.",
                theta0, 0, 0, 0, 0, 0, 1, method.Name, null, theta0);

        double gradientTolerance = options.Tolerance * Math.Max(1.0, g0);
        var problem = system.ToOdeProblem(theta0, options.MaxTime);
        var odeOptions = new OdeOptions
        {
            RelativeTolerance = options.Tolerance,
            AbsoluteTolerance = options.Tolerance,
            DenseOutput = false,
            SaveSteps = false,
            MaxSteps = options.MaxSteps,
        };
        var integrator = new OdeIntegrator(problem, method, odeOptions);
        monitor?.Observe(0, theta0);

        var previous = theta0.ToArray();
        var beforeLast = theta0.ToArray();
        double change = 0, remaining = double.NaN, g = g0;
        var directions = new DirectionTracker(Scale(f0, 1 / g0), Math.Sqrt(g0 * gradientTolerance));
        FlowOutcome? outcome = null;
        string message = "";
        while (integrator.Status == OdeStatus.Running)
        {
            var step = integrator.Step();
            if (step.Status is not (OdeStatus.Running or OdeStatus.Success)) break;
            var theta = integrator.Y;
            var f = integrator.Derivative;
            monitor?.Observe(integrator.T, theta);
            g = Norm(f);
            change = Distance(theta, previous);
            if (g > 0 && double.IsFinite(g)) directions.Add(Scale(f, 1 / g), g);
            previous.CopyTo(beforeLast);
            theta.CopyTo(previous);

            double norm = Norm(theta);
            double limitTolerance = options.LimitToleranceFactor * options.Tolerance * Math.Max(1.0, norm);
            bool converged = false;
            if (change <= limitTolerance && double.IsFinite(g) && LocalQuadraticModel.At(system, theta) is { } model)
            {
                // The state is resolved to about limitTolerance, which leaves a gradient of up to ‖H‖·limitTolerance.
                remaining = model.NewtonDistance(f);
                double gradientLimit = Math.Max(gradientTolerance, model.Norm * limitTolerance);
                converged = g <= gradientLimit && remaining <= limitTolerance;
                if (converged)
                    message = $"Converged at t = {integrator.T:R}: ‖∇L‖ = {g:G3} ≤ {gradientLimit:G3}, the last step moved θ by {change:G3} " +
                              $"and the distance to the limit is ≈ ‖H⁺∇L‖ = {remaining:G3}.";
            }
            else remaining = double.NaN;
            if (!double.IsFinite(g))
            {
                outcome = FlowOutcome.NonFinite;
                message = $"The gradient-flow field became NaN or infinite at t = {integrator.T:R}, θ = ({Format(theta)}).";
            }
            else if (norm > options.DivergenceBound)
            {
                outcome = FlowOutcome.Diverged;
                message = $"The flow diverges: ‖θ‖ = {norm:G6} exceeded the bound {options.DivergenceBound:G3} at t = {integrator.T:R} " +
                          $"(θ = ({Format(theta)}), loss {system.LossAt(theta):G6}); no limit exists along this trajectory within the bound.";
            }
            else if (converged) outcome = FlowOutcome.Converged;
            else if (clock.Expired)
            {
                outcome = FlowOutcome.BudgetExhausted;
                message = $"No convergence: {clock.Describe(integrator.T)} with ‖∇L‖ = {g:G3} and a last step of {change:G3} at θ = ({Format(theta)}).";
            }
            if (outcome is not null) { integrator.Stop(message); break; }
        }

        var last = integrator.Y.ToArray();
        var stats = integrator.Statistics;
        long evaluations = stats.RhsEvaluations + stats.TaylorEvaluations;
        if (outcome is null)
        {
            (outcome, message) = integrator.Status switch
            {
                OdeStatus.Success or OdeStatus.MaxStepsReached =>
                    (FlowOutcome.BudgetExhausted, BudgetMessage(integrator, options, g, change, Norm(theta0), last)),
                OdeStatus.NonFinite => (FlowOutcome.NonFinite, $"The integration stopped on NaN or infinity near θ = ({Format(last)}): {integrator.Message}"),
                _ => (FlowOutcome.SolverFailure, $"The ODE solver {method.Name} failed: {integrator.Message}"),
            };
        }
        return new Integration(outcome.Value, message, last, integrator.T, g, change, remaining, stats.AcceptedSteps, evaluations,
            method.Name, directions.Best(), beforeLast);
    }

    private static string BudgetMessage(OdeIntegrator integrator, FlowOptions options, double g, double change, double norm0, double[] theta)
    {
        string budget = integrator.Status == OdeStatus.Success
            ? $"the time budget t = {options.MaxTime:G3} was reached"
            : $"the step budget of {options.MaxSteps} steps ran out at t = {integrator.T:R}";
        return $"No convergence: {budget} with ‖∇L‖ = {g:G3} and a last step of {change:G3} at θ = ({Format(theta)}); " +
               $"‖θ‖ went from {norm0:G4} to {Norm(theta):G4} (the flow may converge too slowly, or drift off to infinity, " +
               "e.g. towards an infimum of the loss that is not attained).";
    }

    /// <summary>
    /// Follows the unit field d_k = θ̇_k/|θ̇_k| and keeps the best estimate of lim θ̇/|θ̇|. Near the limit the
    /// computed θ̇ is dominated by round-off (|θ̇| ~ 1e-13 while the residuals it is made of carry absolute errors
    /// ~1e-16), so the last d_k is not the best one: among the steps of the final phase (|θ̇| below the geometric
    /// mean of its initial value and the gradient tolerance) the estimate is the d_k whose change over the two
    /// preceding steps is smallest. (That change can underestimate the error when the approach is slow; the
    /// Hessian cross-check of <see cref="LimitingDirectionCheck"/> completes the error estimate.)
    /// </summary>
    private sealed class DirectionTracker(double[] initial, double phaseThreshold)
    {
        private readonly List<double[]> recent = [initial];
        private SeenDirection? best;
        private bool inFinalPhase;

        public void Add(double[] unit, double gradientNorm)
        {
            recent.Add(unit);
            if (recent.Count > 3) recent.RemoveAt(0);
            double change = recent.Take(recent.Count - 1).Max(d => Distance(unit, d));
            bool finalPhase = gradientNorm <= phaseThreshold;
            // Before the final phase: the latest step. In it: the first step, then any step with a smaller change.
            bool replace = finalPhase ? !inFinalPhase || change <= best!.Change : true;
            if (replace) best = new SeenDirection(unit, change);
            inFinalPhase |= finalPhase;
        }

        public SeenDirection? Best() => best;
    }

    private static double Norm(ReadOnlySpan<double> v)
    {
        double s = 0;
        foreach (var c in v) s += c * c;
        return Math.Sqrt(s);
    }

    private static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.Sqrt(s);
    }

    private static double[] Scale(ReadOnlySpan<double> v, double factor)
    {
        var r = new double[v.Length];
        for (int i = 0; i < v.Length; i++) r[i] = v[i] * factor;
        return r;
    }

    private static string Format(ReadOnlySpan<double> v)
    {
        var parts = new string[v.Length];
        for (int i = 0; i < v.Length; i++) parts[i] = v[i].ToString("G10", System.Globalization.CultureInfo.InvariantCulture);
        return string.Join(", ", parts);
    }
}
