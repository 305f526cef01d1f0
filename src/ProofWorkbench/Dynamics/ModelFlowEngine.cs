using MathNet.Numerics.LinearAlgebra;
using ProofWorkbench.Models;
using ProofWorkbench.Numerics.Ode;

namespace ProofWorkbench.Dynamics;

/// <summary>
/// Gradient flow θ̇ = −∇L_S(θ), L_S = c·Σᵢ (f(θ; xᵢ) − yᵢ)², of any <see cref="IModel"/>, integrated by DOP853 to its
/// limit with a cost per field evaluation linear in the number of parameters M: the field is the vectorized
/// ∇L_S = 2c·Σᵢ rᵢ∇f(θ; xᵢ), and no M×M matrix is ever formed. Stop rule as in <see cref="GradientFlowEngine"/>: the
/// last step moved θ by at most ε = 10·T·max(1, ‖θ‖), the Gauss–Newton distance ‖Jᵀ(JJᵀ)⁺r‖ to the zero set of the
/// residuals (an n×n problem, n samples) is at most ε, and ‖∇L‖ is at the level such a state can show. The error
/// bound comes from a reference run (<see cref="LimitErrorBound"/>); a limit with positive loss is a
/// <see cref="FlowOutcome.CriticalPoint"/>. For a <see cref="IPiecewiseModel"/> (ReLU) every crossing of a kink is
/// located by DOP853's event location on its dense output, recorded, and the flow continues with the new active set;
/// when both branches push the state onto the kink (Filippov sliding) the run stops with <see cref="FlowOutcome.Sliding"/>.
/// </summary>
public static class ModelFlowEngine
{
    /// <summary>Most kink crossings followed before the run stops (chattering guard).</summary>
    public const int MaxEvents = 1000;

    /// <summary>Runs the flow of <paramref name="model"/> on <paramref name="data"/> from <paramref name="theta0"/>.</summary>
    public static FlowResult Run(IModel model, IReadOnlyList<NumericSample> data, IReadOnlyList<double> theta0,
        FlowOptions? options = null, bool recordTrajectory = false)
    {
        options ??= new FlowOptions();
        options.Validate();
        if (options.Method is not (FlowMethod.Auto or FlowMethod.Dop853))
            throw new InputException($"--method {FlowMethods.Name(options.Method)} needs the symbolic Jacobian or Taylor program of the one-neuron model; --model {model.Name} integrates with dop853 (the default).");
        if (data.Count == 0) throw new InputException("The dataset is empty; give at least one sample (x, y).");
        if (theta0.Count != model.ParameterCount)
            throw new InputException($"θ0 has {theta0.Count} components but the model {model.Name} has {model.ParameterCount} parameters.");
        if (theta0.Any(v => !double.IsFinite(v))) throw new InputException("θ0 must be finite.");
        foreach (var s in data)
            if (s.X.Length != model.InputDimension)
                throw new InputException($"Sample {s.Index + 1} has an input with {s.X.Length} components but the model has d = {model.InputDimension}.");

        var start = theta0.ToArray();
        var laws = model.ConservedLaws(data);
        var monitor = new LawMonitor(laws, start);
        var clock = WallClock.Start(options);
        var main = Integrate(model, data, start, options, monitor, recordTrajectory, clock);
        double bound = double.NaN;
        string? reference = null;
        long referenceEvaluations = 0;
        var outcome = main.Outcome;
        string message = main.Message;
        if (outcome == FlowOutcome.Converged)
        {
            var b = LimitErrorBound.FromReferenceRun(main.Theta, main.FinalDistance, options, o =>
            {
                var r = Integrate(model, data, start, o, null, false, clock);
                referenceEvaluations = r.RhsEvaluations;
                return r.Outcome == FlowOutcome.Converged ? (r.Theta, r.FinalDistance, $"DOP853 at tolerance {o.Tolerance.ToString("G2", System.Globalization.CultureInfo.InvariantCulture)}") : null;
            });
            bound = b.Value;
            reference = b.Reference;
            double loss0 = Loss(model, data, start), loss = Loss(model, data, main.Theta);
            double threshold = Math.Sqrt(options.Tolerance) * Math.Max(1, loss0);
            if (loss > threshold)
            {
                outcome = FlowOutcome.CriticalPoint;
                message = $"The flow converged to a critical point with positive loss L_S = {loss:G6} > {threshold:G3} (a local minimum, a saddle, " +
                          $"or a global minimum only if min L_S > 0, which is not decided), not to a zero of the loss: the limit is not shown to be in M_S. {message}";
            }
        }
        bool hasLimit = outcome is FlowOutcome.Converged or FlowOutcome.CriticalPoint;
        return new FlowResult
        {
            Outcome = outcome,
            Message = message,
            Parameters = Enumerable.Range(0, model.ParameterCount).Select(model.ParameterName).ToArray(),
            Theta0 = start,
            Theta = main.Theta,
            Loss = Loss(model, data, main.Theta),
            Time = main.Time,
            GradientNorm = main.GradientNorm,
            LastStepChange = main.LastStepChange,
            FinalPointDistance = main.FinalDistance,
            LimitErrorEstimate = bound,
            ReferenceRun = reference,
            Steps = main.Steps,
            RhsEvaluations = main.RhsEvaluations,
            ReferenceRhsEvaluations = referenceEvaluations,
            Method = FlowMethod.Dop853,
            Solver = "DOP853",
            Events = main.Events,
            Conserved = monitor.Drifts(),
            // Seen along the trajectory only (no Hessian at M up to millions): the change over the two steps before is its estimate.
            Direction = hasLimit && main.Direction is { } unit && main.DirectionChange is { } change
                ? new LimitingDirection(unit, change, "trajectory", unit, change, null, null)
                : null,
            Trajectory = main.Trajectory,
        };
    }

    /// <summary>L_S(θ) = c·Σᵢ (f(θ; xᵢ) − yᵢ)².</summary>
    public static double Loss(IModel model, IReadOnlyList<NumericSample> data, ReadOnlySpan<double> theta)
    {
        double sum = 0;
        foreach (var s in data)
        {
            double r = model.Output(theta, s) - s.Y;
            sum += r * r;
        }
        return model.LossScale * sum;
    }

    /// <summary>θ̇ = −∇L_S(θ) = −2c·Σᵢ rᵢ∇f(θ; xᵢ), written into <paramref name="field"/>.</summary>
    public static void Field(IModel model, IReadOnlyList<NumericSample> data, ReadOnlySpan<double> theta, Span<double> field) =>
        Field(model, data, theta, field, new double[model.ParameterCount]);

    /// <summary>As <see cref="Field(IModel, IReadOnlyList{NumericSample}, ReadOnlySpan{double}, Span{double})"/>, with a scratch buffer of length M.</summary>
    private static void Field(IModel model, IReadOnlyList<NumericSample> data, ReadOnlySpan<double> theta, Span<double> field, double[] scratch)
    {
        double c = -2 * model.LossScale;
        if (data.Count == 1)
        {
            // One pass: ∇f into the output, then scaled by −2c·r.
            double r = model.OutputAndGradient(theta, data[0], field) - data[0].Y;
            for (int i = 0; i < field.Length; i++) field[i] *= c * r;
            return;
        }
        field.Clear();
        foreach (var s in data)
        {
            double r = model.OutputAndGradient(theta, s, scratch) - s.Y;
            if (r == 0) continue;
            for (int i = 0; i < field.Length; i++) field[i] += c * r * scratch[i];
        }
    }

    private sealed record Integration(FlowOutcome Outcome, string Message, double[] Theta, double Time, double GradientNorm,
        double LastStepChange, double FinalDistance, long Steps, long RhsEvaluations, IReadOnlyList<FlowEvent> Events,
        double[]? Direction, double? DirectionChange, IReadOnlyList<TrajectoryPoint> Trajectory);

    private static Integration Integrate(IModel model, IReadOnlyList<NumericSample> data, double[] theta0, FlowOptions options,
        LawMonitor? monitor, bool recordTrajectory, WallClock clock)
    {
        int n = model.ParameterCount;
        var piecewise = model as IPiecewiseModel;
        var active = piecewise is null ? null : data.Select(s => Side(piecewise, theta0, s)).ToArray();
        var events = new List<FlowEvent>();
        var trajectory = new List<TrajectoryPoint>();
        if (recordTrajectory) trajectory.Add(new(0, theta0.ToArray()));
        var theta = theta0.ToArray();
        var f = new double[n];
        var segmentModel = Segment(model, active);
        Field(segmentModel, data, theta, f);
        double g0 = Norm(f), g = g0;
        monitor?.Observe(theta);
        if (!double.IsFinite(g0))
            return new Integration(FlowOutcome.NonFinite, "The gradient-flow field is not finite at θ0.", theta, 0, g0, 0, double.NaN, 0, 1, events, null, null, trajectory);
        if (g0 == 0)
            return new Integration(FlowOutcome.Converged, "θ0 is a stationary point (∇L(θ0) = 0): the flow stays there.",
                theta, 0, 0, 0, 0, 0, 1, events, null, null, trajectory);

        double gradientTolerance = options.Tolerance * Math.Max(1, g0);
        double t = 0, change = 0, finalDistance = double.NaN;
        long steps = 0, evaluations = 1;
        var previous = theta.ToArray();
        var tracker = new DirectionTracker(Math.Sqrt(g0 * gradientTolerance));
        int dense = recordTrajectory ? options.DenseTrajectoryPoints : 0;
        tracker.Add(f, g0);
        string solverMessage = "";
        while (true)
        {
            var current = segmentModel;
            // Each kink event watches only the direction that leaves the sample's current branch: a restart whose located
            // crossing point still lies a rounding error on the old side must not count the same crossing twice (which
            // was reported as sliding for paper 002's Theorem 4.1 instance at tolerances below 1e-13).
            var branches = active;
            var kinks = piecewise is null ? [] : data.Select((s, i) => new OdeEvent((_, y) => piecewise.KinkFunction(y, s), $"u{i + 1}", Terminal: true,
                Direction: branches is null ? 0 : branches[i] ? -1 : 1)).ToArray();
            var scratch = new double[n];
            var problem = new OdeProblem((_, y, dy) => Field(current, data, y, dy, scratch), t, theta, options.MaxTime);
            var integrator = new OdeIntegrator(problem, new Dop853(), new OdeOptions
            {
                RelativeTolerance = options.Tolerance,
                AbsoluteTolerance = options.Tolerance,
                DenseOutput = false,
                InterpolateSteps = dense > 0,
                SaveSteps = false,
                MaxSteps = Math.Max(1, options.MaxSteps - steps),
                Events = kinks,
            });
            FlowOutcome? outcome = null;
            string message = "";
            while (integrator.Status == OdeStatus.Running)
            {
                var step = integrator.Step();
                if (step.Status is not (OdeStatus.Running or OdeStatus.Success or OdeStatus.StoppedByEvent)) break;
                if (step.Status == OdeStatus.StoppedByEvent) break;
                AddDensePoints(integrator, t, integrator.T);
                integrator.Y.CopyTo(theta);
                t = integrator.T;
                monitor?.Observe(theta);
                if (recordTrajectory) trajectory.Add(new(t, theta.ToArray()));
                var dy = integrator.Derivative;
                g = Norm(dy);
                change = Distance(theta, previous);
                theta.CopyTo(previous);
                if (g > 0 && double.IsFinite(g)) tracker.Add(dy, g);
                double norm = Norm(theta);
                double eps = options.LimitToleranceFactor * options.Tolerance * Math.Max(1, norm);
                if (!double.IsFinite(g)) { outcome = FlowOutcome.NonFinite; message = $"The field became NaN or infinite at t = {t:R}."; }
                else if (norm > options.DivergenceBound)
                {
                    outcome = FlowOutcome.Diverged;
                    message = $"The flow diverges: ‖θ‖ = {norm:G6} exceeded the bound {options.DivergenceBound:G3} at t = {t:R}.";
                }
                else if (change <= eps)
                {
                    var (distance, curvature) = GaussNewton(current, data, theta);
                    finalDistance = distance;
                    double gradientLimit = Math.Max(gradientTolerance, curvature * eps);
                    if (g <= gradientLimit && distance <= eps)
                    {
                        outcome = FlowOutcome.Converged;
                        message = $"Converged at t = {t:R}: ‖∇L‖ = {g:G3} ≤ {gradientLimit:G3}, the last step moved θ by {change:G3} " +
                                  $"and the Gauss–Newton distance to the zero set is {distance:G3}.";
                    }
                }
                if (outcome is null && clock.Expired)
                {
                    outcome = FlowOutcome.BudgetExhausted;
                    message = $"No convergence: {clock.Describe(t)} with ‖∇L‖ = {g:G3} and a last step of {change:G3}.";
                }
                if (outcome is not null) { integrator.Stop(message); break; }
            }
            var stats = integrator.Statistics;
            steps += stats.AcceptedSteps;
            evaluations += stats.RhsEvaluations;
            if (outcome is { } done)
                return Finish(done, message);
            if (integrator.Status == OdeStatus.StoppedByEvent && piecewise is not null && active is not null)
            {
                // The kink crossings of this step (a terminal event stops at the first one; simultaneous ones are all flipped).
                var hit = integrator.EventOccurrences[^1];
                AddDensePoints(integrator, t, hit.T);
                t = hit.T;
                hit.Y.CopyTo(theta);
                monitor?.Observe(theta);
                if (recordTrajectory) trajectory.Add(new(t, theta.ToArray()));
                int i = hit.EventIndex;
                var after = active.ToArray();
                after[i] = !active[i];
                // Sliding: the new branch's field pushes uᵢ back across the kink (and the old one pushed it here).
                var next = Segment(model, after);
                Field(next, data, theta, f);
                evaluations++;
                double rate = KinkRate(piecewise, data[i], theta, f);
                bool backwards = after[i] ? rate < 0 : rate > 0;
                if (backwards)
                {
                    events.Add(new FlowEvent(t, i + 1, Branch(active[i]), "sliding"));
                    return Finish(FlowOutcome.Sliding,
                        $"At t = {t:R} the pre-activation of sample {i + 1} reached 0 and both branches of ReLU push it back onto u = 0: the flow slides along the kink (Filippov); the run stops there instead of chattering.");
                }
                events.Add(new FlowEvent(t, i + 1, Branch(active[i]), Branch(after[i])));
                if (events.Count >= MaxEvents)
                    return Finish(FlowOutcome.BudgetExhausted, $"More than {MaxEvents} kink crossings: the run stops (chattering guard).");
                active = after;
                segmentModel = next;
                continue;
            }
            solverMessage = integrator.Message ?? "";
            var final = integrator.Status switch
            {
                OdeStatus.Success or OdeStatus.MaxStepsReached => (FlowOutcome.BudgetExhausted,
                    $"No convergence: the {(integrator.Status == OdeStatus.Success ? "time" : "step")} budget ran out at t = {t:R} with ‖∇L‖ = {g:G3} and a last step of {change:G3}."),
                OdeStatus.NonFinite => (FlowOutcome.NonFinite, $"The integration stopped on NaN or infinity: {solverMessage}"),
                _ => (FlowOutcome.SolverFailure, $"The ODE solver DOP853 failed: {solverMessage}"),
            };
            return Finish(final.Item1, final.Item2);
        }

        // The dense output of the step just taken, at `dense` equally spaced interior times of (from, to).
        void AddDensePoints(OdeIntegrator integrator, double from, double to)
        {
            for (int k = 1; k <= dense; k++)
            {
                double tk = from + (to - from) * k / (dense + 1);
                if (!(tk > from && tk < to)) continue;
                var state = new double[n];
                integrator.Interpolate(tk, state);
                trajectory.Add(new(tk, state));
            }
        }

        Integration Finish(FlowOutcome outcome, string message)
        {
            var best = tracker.Best();
            return new Integration(outcome, message, theta.ToArray(), t, g, change, finalDistance, steps, evaluations, events,
                best?.Unit, best?.Change, trajectory);
        }
    }

    private static string Branch(bool active) => active ? "active" : "inactive";

    private static bool Side(IPiecewiseModel model, double[] theta, NumericSample s)
    {
        double u = model.KinkFunction(theta, s);
        return u > 0 || (u == 0 && model.ActiveAtKink);
    }

    private static IModel Segment(IModel model, bool[]? active) =>
        model is IPiecewiseModel p && active is not null ? p.Segment(active) : model;

    /// <summary>duᵢ/dt = ∇uᵢ·θ̇, by a central difference of uᵢ along θ̇ (uᵢ is linear in θ for the ReLU neuron, so this is exact up to rounding).</summary>
    private static double KinkRate(IPiecewiseModel model, NumericSample s, double[] theta, double[] field)
    {
        double norm = Norm(field);
        if (norm == 0) return 0;
        double h = 1e-3 * Math.Max(1, Norm(theta)) / norm;
        var plus = theta.Select((v, k) => v + h * field[k]).ToArray();
        var minus = theta.Select((v, k) => v - h * field[k]).ToArray();
        return (model.KinkFunction(plus, s) - model.KinkFunction(minus, s)) / (2 * h);
    }

    /// <summary>
    /// The Gauss–Newton distance ‖Jᵀ(JJᵀ)⁺r‖ = √(rᵀ(JJᵀ)⁺r) (J: rows ∇f(θ; xᵢ), an n×M matrix; r: residuals) and
    /// the curvature 2c·λ_max(JJᵀ) ≈ ‖∇²L_S‖ near a zero of the loss. Cost O(n²M).
    /// </summary>
    private static (double Distance, double Curvature) GaussNewton(IModel model, IReadOnlyList<NumericSample> data, double[] theta)
    {
        int n = data.Count, m = model.ParameterCount;
        var rows = new double[n][];
        var r = new double[n];
        for (int i = 0; i < n; i++)
        {
            rows[i] = new double[m];
            model.AddOutputGradient(theta, data[i], 1, rows[i]);
            r[i] = model.Output(theta, data[i]) - data[i].Y;
        }
        var gram = Matrix<double>.Build.Dense(n, n, (i, j) =>
        {
            double s = 0;
            for (int k = 0; k < m; k++) s += rows[i][k] * rows[j][k];
            return s;
        });
        if (!gram.Enumerate().All(double.IsFinite)) return (double.NaN, double.NaN);
        var evd = gram.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(c => c.Real).ToArray();
        double largest = values.Max(Math.Abs);
        double sum = 0;
        for (int k = 0; k < n; k++)
        {
            if (!(values[k] > LocalQuadraticModel.ZeroEigenvalueFraction * largest)) continue;
            double c = 0;
            for (int i = 0; i < n; i++) c += evd.EigenVectors[i, k] * r[i];
            sum += c * c / values[k];
        }
        return (Math.Sqrt(sum), 2 * model.LossScale * largest);
    }

    private static double Norm(ReadOnlySpan<double> v)
    {
        double s = 0;
        foreach (var c in v) s += c * c;
        return Math.Sqrt(s);
    }

    private static double Distance(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.Sqrt(s);
    }

    /// <summary>
    /// The limiting direction lim θ̇/|θ̇| (paper 000, Lemma 5.2) along the trajectory: in the final phase (|θ̇| below
    /// the geometric mean of its initial value and the gradient tolerance) the unit field whose change over the two
    /// preceding steps is smallest, as in <see cref="GradientFlowEngine"/>. Keeps three vectors of length M.
    /// </summary>
    private sealed class DirectionTracker(double phaseThreshold)
    {
        private readonly List<double[]> recent = [];
        private (double[] Unit, double Change)? best;
        private bool inFinalPhase;

        public void Add(ReadOnlySpan<double> field, double norm)
        {
            var unit = new double[field.Length];
            for (int i = 0; i < unit.Length; i++) unit[i] = field[i] / norm;
            recent.Add(unit);
            if (recent.Count > 3) recent.RemoveAt(0);
            double change = recent.Count == 1 ? double.PositiveInfinity : recent.Take(recent.Count - 1).Max(d => Distance(unit, d));
            bool finalPhase = norm <= phaseThreshold;
            bool replace = !finalPhase || !inFinalPhase || change <= best!.Value.Change;
            if (replace) best = (unit, change);
            inFinalPhase |= finalPhase;
        }

        public (double[] Unit, double Change)? Best() => best;
    }

    /// <summary>Drifts of the model's conserved quantities, max over observed states and components.</summary>
    private sealed class LawMonitor
    {
        private readonly IReadOnlyList<ConservedLaw> laws;
        private readonly double[][] initial;
        private readonly double[][] scratch;
        private readonly double[] drift;

        public LawMonitor(IReadOnlyList<ConservedLaw> laws, double[] theta0)
        {
            this.laws = laws;
            initial = laws.Select(l => new double[l.Count]).ToArray();
            scratch = laws.Select(l => new double[l.Count]).ToArray();
            drift = new double[laws.Count];
            for (int k = 0; k < laws.Count; k++) laws[k].Evaluate(theta0, initial[k]);
        }

        public void Observe(ReadOnlySpan<double> theta)
        {
            for (int k = 0; k < laws.Count; k++)
            {
                laws[k].Evaluate(theta, scratch[k]);
                for (int j = 0; j < scratch[k].Length; j++)
                {
                    double d = Math.Abs(scratch[k][j] - initial[k][j]);
                    if (!(d <= drift[k])) drift[k] = double.IsNaN(d) ? double.NaN : d;
                }
            }
        }

        public IReadOnlyList<ConservedDrift> Drifts() => laws.Select((l, k) =>
            new ConservedDrift(l.Name, l.Name, l.Source, "closed form", false,
                initial[k].Length == 0 ? 0 : initial[k][0], drift[k], double.NaN,
                initial[k].Length > 1 ? $"{initial[k].Length} components; max drift over all; initial value of the first" : null)).ToArray();
    }
}
