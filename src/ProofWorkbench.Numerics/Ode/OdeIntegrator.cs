using ProofWorkbench.Numerics.RootFinding;

namespace ProofWorkbench.Numerics.Ode;

/// <summary>What one call of <see cref="OdeIntegrator.Step"/> did.</summary>
/// <param name="TStart">Start of the accepted step.</param>
/// <param name="TEnd">End of the accepted step (or the event/stop time).</param>
/// <param name="Status"><see cref="OdeStatus.Running"/> if more steps can be taken.</param>
public readonly record struct OdeStepResult(double TStart, double TEnd, OdeStatus Status)
{
    /// <summary>True while the integrator can go on.</summary>
    public bool IsRunning => Status == OdeStatus.Running;
}

/// <summary>
/// Steps a method through a problem one accepted step at a time, so that a caller can integrate "to
/// infinity" with its own stop rule (e.g. ‖f‖ small); locates events on each step's dense output; and
/// assembles an <see cref="OdeSolution"/>. Never throws for a failing integration: see <see cref="Status"/>.
/// </summary>
public sealed class OdeIntegrator
{
    private readonly OdeStepper stepper;
    private readonly OdeOptions options;
    private readonly double tEnd;
    private readonly DenseOutputStore? dense;
    private readonly List<double> times = [];
    private readonly List<double> states = [];
    private readonly List<OdeEventOccurrence> occurrences = [];
    private readonly double[] gPrev;
    private readonly double[] scratch;
    private readonly bool needDense;
    private double tStop;
    private double[]? yStop;

    /// <summary>Creates an integrator at the initial value of <paramref name="problem"/>.</summary>
    /// <param name="problem">The problem; without <see cref="OdeProblem.TEnd"/> the integration has no end.</param>
    /// <param name="method">The method.</param>
    /// <param name="options">Options (defaults if null).</param>
    /// <exception cref="ArgumentException">Invalid options (negative tolerances, …) or a method that cannot treat the problem.</exception>
    public OdeIntegrator(OdeProblem problem, IOdeMethod method, OdeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(method);
        this.options = options ?? new OdeOptions();
        this.options.Validate();
        Problem = problem;
        Method = method;
        Statistics = new OdeStatistics();
        stepper = method.CreateStepper(problem, this.options, Statistics);
        tEnd = problem.TEnd ?? double.PositiveInfinity;
        needDense = this.options.DenseOutput || this.options.Events.Count > 0 || this.options.InterpolateSteps;
        if (this.options.DenseOutput) dense = new DenseOutputStore();
        scratch = new double[problem.Dimension];
        gPrev = new double[this.options.Events.Count];
        for (int e = 0; e < gPrev.Length; e++) gPrev[e] = this.options.Events[e].Function(problem.T0, problem.Y0);
        if (this.options.SaveSteps) SavePoint(problem.T0, problem.Y0);
        if (problem.TEnd is { } te && te == problem.T0)
        {
            Status = OdeStatus.Success;
            Message = "The final time equals the initial time.";
        }
    }

    /// <summary>The problem.</summary>
    public OdeProblem Problem { get; }

    /// <summary>The method.</summary>
    public IOdeMethod Method { get; }

    /// <summary>The stepper (method-specific state, e.g. the last Taylor order).</summary>
    public OdeStepper Stepper => stepper;

    /// <summary>Current status (<see cref="OdeStatus.Running"/> while steps can be taken).</summary>
    public OdeStatus Status { get; private set; } = OdeStatus.Running;

    /// <summary>A sentence on the current status (null while running normally).</summary>
    public string? Message { get; private set; }

    /// <summary>Work counters (live).</summary>
    public OdeStatistics Statistics { get; }

    /// <summary>Current time.</summary>
    public double T => yStop is null ? stepper.T : tStop;

    /// <summary>Current state.</summary>
    public ReadOnlySpan<double> Y => yStop ?? stepper.Y;

    /// <summary>f(T, Y) (evaluated only if the method does not have it already; after an event stop it is evaluated afresh).</summary>
    public ReadOnlySpan<double> Derivative
    {
        get
        {
            if (yStop is null) return stepper.CurrentDerivative();
            var d = new double[yStop.Length];
            Problem.F(tStop, yStop, d);
            Statistics.RhsEvaluations++;
            return d;
        }
    }

    /// <summary>Located events so far.</summary>
    public IReadOnlyList<OdeEventOccurrence> EventOccurrences => occurrences;

    /// <summary>Takes one accepted step (locating events on it and applying the stop rule).</summary>
    /// <returns>The step taken and the status after it; a no-op if the integrator has stopped.</returns>
    public OdeStepResult Step()
    {
        if (Status != OdeStatus.Running) return new OdeStepResult(T, T, Status);
        double t0 = stepper.T;
        var st = stepper.Advance(tEnd, needDense);
        if (st != OdeStatus.Running)
        {
            Status = st;
            Message = stepper.Message ?? st.ToString();
            return new OdeStepResult(t0, stepper.T, st);
        }
        if (dense is not null) dense.Add(stepper);
        if (options.Events.Count > 0 && LocateEvents()) return new OdeStepResult(t0, tStop, Status);
        if (options.SaveSteps) SavePoint(stepper.T, stepper.Y);
        if (stepper.T == tEnd)
        {
            Status = OdeStatus.Success;
            Message = $"Reached the final time t = {tEnd:R}.";
        }
        else if (options.StopWhen is { } stop && stop(stepper.T, stepper.Y, stepper.CurrentDerivative()))
        {
            Status = OdeStatus.StoppedByCaller;
            Message = $"The caller's stop rule was met at t = {stepper.T:R}.";
        }
        return new OdeStepResult(t0, stepper.T, Status);
    }

    /// <summary>Steps until the integration stops (final time, failure, event or stop rule) and returns the solution.</summary>
    /// <returns>The solution.</returns>
    public OdeSolution Run()
    {
        while (Status == OdeStatus.Running) Step();
        return ToSolution();
    }

    /// <summary>Stops the integration at the current point (status <see cref="OdeStatus.StoppedByCaller"/>).</summary>
    /// <param name="reason">Optional sentence for the message.</param>
    public void Stop(string? reason = null)
    {
        if (Status != OdeStatus.Running) return;
        Status = OdeStatus.StoppedByCaller;
        Message = reason ?? $"Stopped by the caller at t = {T:R}.";
    }

    /// <summary>The dense output of the last accepted step at t (requires dense output, events or <see cref="OdeOptions.InterpolateSteps"/>).</summary>
    /// <param name="t">Time within the last step.</param>
    /// <param name="y">Output.</param>
    public void Interpolate(double t, Span<double> y) => stepper.Interpolate(t, y);

    /// <summary>The solution so far (a running integrator is reported as stopped by the caller).</summary>
    /// <returns>The solution.</returns>
    public OdeSolution ToSolution()
    {
        var status = Status == OdeStatus.Running ? OdeStatus.StoppedByCaller : Status;
        var message = Status == OdeStatus.Running ? $"Stopped by the caller at t = {T:R}." : Message ?? status.ToString();
        return new OdeSolution(Method.Name, status, message, Problem.T0, T, Y.ToArray(), times, states, dense,
            Statistics.Clone(), occurrences.ToArray(), stepper.StiffnessDetectedAt);
    }

    private void SavePoint(double t, ReadOnlySpan<double> y)
    {
        times.Add(t);
        foreach (var v in y) states.Add(v);
    }

    /// <summary>Checks every event for a sign change over the last step; true if a terminal event stopped the integration.</summary>
    private bool LocateEvents()
    {
        double ta = stepper.TPrevious, tb = stepper.T;
        List<(double T, int Index, int Dir)>? found = null;
        var events = options.Events;
        for (int e = 0; e < events.Count; e++)
        {
            var ev = events[e];
            double ga = gPrev[e];
            double gb = ev.Function(tb, stepper.Y);
            gPrev[e] = gb;
            if (ga == 0 || double.IsNaN(ga) || double.IsNaN(gb)) continue;
            if (gb != 0 && (ga > 0) == (gb > 0)) continue;
            int dir = ga < 0 ? +1 : -1;
            if (ev.Direction != 0 && ev.Direction != dir) continue;
            double root;
            if (gb == 0) root = tb;
            else
            {
                double tol = 1e-14 * Math.Max(Math.Abs(ta), Math.Abs(tb));
                root = BrentRoot.FindRoot(t =>
                {
                    stepper.Interpolate(t, scratch);
                    return ev.Function(t, scratch);
                }, ta, tb, ga, gb, tol);
            }
            (found ??= []).Add((root, e, dir));
        }
        if (found is null) return false;
        found.Sort((a, b) => (tb >= ta ? 1 : -1) * a.T.CompareTo(b.T));
        foreach (var (t, index, dir) in found)
        {
            var yRoot = new double[Problem.Dimension];
            if (t == tb) stepper.Y.CopyTo(yRoot); else stepper.Interpolate(t, yRoot);
            occurrences.Add(new OdeEventOccurrence(index, events[index].Name, t, yRoot, dir));
            if (events[index].Terminal)
            {
                tStop = t;
                yStop = yRoot;
                if (options.SaveSteps) SavePoint(t, yRoot);
                Status = OdeStatus.StoppedByEvent;
                Message = $"The terminal event '{events[index].Name}' occurred at t = {t:R}.";
                return true;
            }
        }
        return false;
    }
}

/// <summary>Entry point: integrate a problem to its final time with one method.</summary>
public static class OdeSolver
{
    /// <summary>Integrates <paramref name="problem"/> from T0 to TEnd (or until an event, the stop rule or a failure).</summary>
    /// <param name="problem">The problem (with <see cref="OdeProblem.TEnd"/>, unless a stop rule or terminal event ends it).</param>
    /// <param name="method">The method, e.g. <c>new Dop853()</c>.</param>
    /// <param name="options">Options (defaults if null).</param>
    /// <returns>The solution; check <see cref="OdeSolution.Status"/>.</returns>
    public static OdeSolution Solve(OdeProblem problem, IOdeMethod method, OdeOptions? options = null) =>
        new OdeIntegrator(problem, method, options).Run();
}
