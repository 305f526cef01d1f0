namespace ProofWorkbench.Numerics.Ode;

/// <summary>
/// Evaluates the dense output of one step from the coefficients the stepper stored for it.
/// </summary>
public interface IDenseInterpolator
{
    /// <summary>Evaluates the interpolant of the step [tStart, tEnd] at t.</summary>
    /// <param name="t">Point (normally inside the step).</param>
    /// <param name="tStart">Start of the step.</param>
    /// <param name="tEnd">End of the step.</param>
    /// <param name="coefficients">The coefficients the stepper stored for this step.</param>
    /// <param name="y">Output, length n.</param>
    void Evaluate(double t, double tStart, double tEnd, ReadOnlySpan<double> coefficients, Span<double> y);
}

/// <summary>
/// The stepping engine of one method on one problem. <see cref="Advance"/> performs one accepted step
/// (with as many rejected attempts as needed) and reports failures as a status. Steppers are created by
/// <see cref="IOdeMethod.CreateStepper"/> and driven by <see cref="OdeIntegrator"/>.
/// </summary>
public abstract class OdeStepper
{
    /// <summary>Current state (end of the last accepted step).</summary>
    protected readonly double[] y;

    /// <summary>Creates the stepper and copies the initial state.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="options">Validated options.</param>
    /// <param name="statistics">Counters to update.</param>
    protected OdeStepper(OdeProblem problem, OdeOptions options, OdeStatistics statistics)
    {
        Problem = problem;
        Options = options;
        Statistics = statistics;
        N = problem.Dimension;
        y = problem.Y0.ToArray();
        T = TPrevious = problem.T0;
    }

    /// <summary>The problem.</summary>
    public OdeProblem Problem { get; }

    /// <summary>The options.</summary>
    public OdeOptions Options { get; }

    /// <summary>The counters.</summary>
    public OdeStatistics Statistics { get; }

    /// <summary>Dimension.</summary>
    protected int N { get; }

    /// <summary>Time at the end of the last accepted step.</summary>
    public double T { get; protected set; }

    /// <summary>Time at the start of the last accepted step.</summary>
    public double TPrevious { get; protected set; }

    /// <summary>Current state.</summary>
    public ReadOnlySpan<double> Y => y;

    /// <summary>Step size proposed for the next step.</summary>
    public double NextStepSize { get; protected set; }

    /// <summary>A sentence explaining the last failure (or null).</summary>
    public string? Message { get; protected set; }

    /// <summary>Time at which a stiffness test first fired (DOP853), or null.</summary>
    public double? StiffnessDetectedAt { get; protected set; }

    /// <summary>Step attempts so far (accepted and rejected; Hairer's NSTEP), compared with <see cref="OdeOptions.MaxSteps"/>.</summary>
    public long StepAttempts { get; protected set; }

    /// <summary>Performs one accepted step towards <paramref name="tEnd"/> (never past it).</summary>
    /// <param name="tEnd">Final time, or ±∞ for no end (the sign gives the direction).</param>
    /// <param name="needDense">Prepare the dense output of this step.</param>
    /// <returns><see cref="OdeStatus.Running"/> after an accepted step; a failure status otherwise.</returns>
    public abstract OdeStatus Advance(double tEnd, bool needDense);

    /// <summary>The dense output of the last accepted step at t ∈ [TPrevious, T] (valid if it was prepared).</summary>
    /// <param name="t">Point.</param>
    /// <param name="result">Output.</param>
    public abstract void Interpolate(double t, Span<double> result);

    /// <summary>f(T, Y); evaluated (and counted) only if the method has not got it already.</summary>
    /// <returns>The derivative at the current point.</returns>
    public abstract ReadOnlySpan<double> CurrentDerivative();

    /// <summary>The interpolator that understands <see cref="CopyDenseCoefficients"/>.</summary>
    public abstract IDenseInterpolator DenseInterpolator { get; }

    /// <summary>Number of dense-output coefficients of the last accepted step.</summary>
    public abstract int DenseCoefficientCount { get; }

    /// <summary>Copies the dense-output coefficients of the last accepted step.</summary>
    /// <param name="destination">Span of length <see cref="DenseCoefficientCount"/>.</param>
    public abstract void CopyDenseCoefficients(Span<double> destination);

    /// <summary>Counts f-evaluations.</summary>
    /// <param name="count">How many.</param>
    protected void CountRhs(int count = 1) => Statistics.RhsEvaluations += count;

    /// <summary>Evaluates f and counts it.</summary>
    /// <param name="t">Time.</param>
    /// <param name="state">State.</param>
    /// <param name="dydt">Output.</param>
    protected void Rhs(double t, ReadOnlySpan<double> state, Span<double> dydt)
    {
        Problem.F(t, state, dydt);
        Statistics.RhsEvaluations++;
    }

    /// <summary>Counts an accepted step.</summary>
    protected void CountAccepted() => Statistics.AcceptedSteps++;

    /// <summary>Counts a rejected step.</summary>
    protected void CountRejected() => Statistics.RejectedSteps++;

    /// <summary>Counts a Jacobian evaluation.</summary>
    protected void CountJacobian() => Statistics.JacobianEvaluations++;

    /// <summary>Counts an LU decomposition.</summary>
    protected void CountDecomposition() => Statistics.LuDecompositions++;

    /// <summary>Counts a linear solve.</summary>
    protected void CountSolve() => Statistics.LinearSolves++;

    /// <summary>Whether all entries are finite.</summary>
    /// <param name="v">Vector.</param>
    /// <returns>True if no NaN or infinity.</returns>
    protected static bool AllFinite(ReadOnlySpan<double> v)
    {
        foreach (var x in v) if (!double.IsFinite(x)) return false;
        return true;
    }

    /// <summary>The stop status for "step size too small", with the standard message.</summary>
    /// <param name="h">The step size.</param>
    /// <returns><see cref="OdeStatus.StepSizeTooSmall"/>.</returns>
    protected OdeStatus FailStepTooSmall(double h)
    {
        Message = $"The step size {Math.Abs(h):G3} became too small at t = {T:R} (round-off level of t); " +
                  "the solution may blow up or have a singularity there.";
        return OdeStatus.StepSizeTooSmall;
    }

    /// <summary>The stop status for "max steps", with the standard message.</summary>
    /// <returns><see cref="OdeStatus.MaxStepsReached"/>.</returns>
    protected OdeStatus FailMaxSteps()
    {
        Message = $"The maximal number of steps ({Options.MaxSteps}) was reached at t = {T:R}; raise MaxSteps or loosen the tolerances.";
        return OdeStatus.MaxStepsReached;
    }

    /// <summary>The stop status for NaN/Inf.</summary>
    /// <param name="where">What was not finite.</param>
    /// <returns><see cref="OdeStatus.NonFinite"/>.</returns>
    protected OdeStatus FailNonFinite(string where)
    {
        Message = $"NaN or infinity appeared in {where} at t = {T:R}; the solution probably diverges (blow-up) near there.";
        return OdeStatus.NonFinite;
    }
}

/// <summary>An ODE method: tableau (data) plus a stepper factory.</summary>
public interface IOdeMethod
{
    /// <summary>Name for reports, e.g. "DOP853".</summary>
    string Name { get; }

    /// <summary>Creates a stepper for the problem.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="options">Validated options.</param>
    /// <param name="statistics">Counters the stepper updates.</param>
    /// <returns>A new stepper positioned at the initial value.</returns>
    OdeStepper CreateStepper(OdeProblem problem, OdeOptions options, OdeStatistics statistics);
}
