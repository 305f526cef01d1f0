namespace ProofWorkbench.Numerics.Ode;

/// <summary>
/// Automatic stiffness switching: integrates with DOP853 while the problem is non-stiff and switches to
/// Radau5 when DOP853's stiffness test (Hairer, Nørsett &amp; Wanner, <i>Solving ODEs I</i>, Sec. IV.2 /
/// dop853.f: h·|λ| ≈ h‖f(y_new) − f(y_12)‖/‖y_new − y_12‖ &gt; 6.1) is positive
/// <see cref="StiffSwitchCount"/> times in a row (the test runs at every step here, not every 1000).
/// While on Radau5 it estimates h·ρ(J) from the Jacobian Radau5 already has (a few deterministic power
/// iterations) and switches back to DOP853 after <see cref="NonStiffSwitchCount"/> consecutive steps with
/// h·ρ(J) &lt; <see cref="NonStiffThreshold"/>, i.e. when Radau5's accuracy-limited step would be well
/// inside DOP853's stability region. The idea follows LSODA and OrdinaryDiffEq.jl's <c>AutoSwitch</c>.
/// </summary>
public sealed class AutoSwitching : IOdeMethod
{
    /// <summary>Consecutive positive stiffness tests before switching to Radau5 (default 15, dop853.f's IASTI = 15).</summary>
    public int StiffSwitchCount { get; init; } = 15;

    /// <summary>Consecutive Radau5 steps with h·ρ(J) below the threshold before switching back (default 15).</summary>
    public int NonStiffSwitchCount { get; init; } = 15;

    /// <summary>h·ρ(J) below which a Radau5 step counts as non-stiff (default 3, about half DOP853's 6.1).</summary>
    public double NonStiffThreshold { get; init; } = 3.0;

    /// <summary>The non-stiff method.</summary>
    public Dop853 NonStiff { get; init; } = new();

    /// <summary>The stiff method.</summary>
    public Radau5 Stiff { get; init; } = new();

    /// <inheritdoc />
    public string Name => "AutoSwitching(DOP853/Radau5)";

    /// <inheritdoc />
    public OdeStepper CreateStepper(OdeProblem problem, OdeOptions options, OdeStatistics statistics) =>
        new AutoSwitchingStepper(problem, options, statistics, this);
}

/// <summary>The auto-switching stepper: owns a DOP853 and a Radau5 stepper and delegates to the active one.</summary>
public sealed class AutoSwitchingStepper : OdeStepper
{
    private readonly AutoSwitching method;
    private readonly Dop853Stepper dop;
    private readonly Radau5Stepper radau;
    private readonly double[] v, w;
    private OdeStepper active, lastStepper;
    private int nonStiffCount;

    /// <summary>Creates the stepper.</summary>
    /// <param name="problem">Problem.</param>
    /// <param name="options">Options.</param>
    /// <param name="statistics">Counters (shared by both methods).</param>
    /// <param name="method">Switching parameters.</param>
    public AutoSwitchingStepper(OdeProblem problem, OdeOptions options, OdeStatistics statistics, AutoSwitching method)
        : base(problem, options, statistics)
    {
        this.method = method;
        var sub = options with { StopOnStiffness = false };
        dop = new Dop853Stepper(problem, sub, statistics, method.NonStiff, stiffnessTestInterval: 1);
        radau = new Radau5Stepper(problem, sub, statistics, method.Stiff);
        active = lastStepper = dop;
        v = new double[N];
        w = new double[N];
    }

    /// <summary>True while Radau5 is the active method.</summary>
    public bool IsStiffMode => active == radau;

    /// <inheritdoc />
    public override IDenseInterpolator DenseInterpolator => lastStepper.DenseInterpolator;

    /// <inheritdoc />
    public override int DenseCoefficientCount => lastStepper.DenseCoefficientCount;

    /// <inheritdoc />
    public override void CopyDenseCoefficients(Span<double> destination) => lastStepper.CopyDenseCoefficients(destination);

    /// <inheritdoc />
    public override ReadOnlySpan<double> CurrentDerivative() => lastStepper.CurrentDerivative();

    /// <inheritdoc />
    public override void Interpolate(double t, Span<double> result) => lastStepper.Interpolate(t, result);

    /// <inheritdoc />
    public override OdeStatus Advance(double tEnd, bool needDense)
    {
        if (dop.StepAttempts + radau.StepAttempts >= Options.MaxSteps) return FailMaxSteps();
        var stepper = active;
        var st = stepper.Advance(tEnd, needDense);
        StepAttempts = dop.StepAttempts + radau.StepAttempts;
        lastStepper = stepper;
        stepper.Y.CopyTo(y);
        T = stepper.T;
        TPrevious = stepper.TPrevious;
        NextStepSize = stepper.NextStepSize;
        if (st != OdeStatus.Running) { Message = stepper.Message; return st; }

        if (stepper == dop)
        {
            if (dop.ConsecutiveStiffTests >= method.StiffSwitchCount && T != tEnd)
            {
                StiffnessDetectedAt ??= T;
                Statistics.MethodSwitches++;
                radau.Restart(T, y, Math.Abs(dop.NextStepSize));
                active = radau;
            }
        }
        else if (T != tEnd)
        {
            double hrho = Math.Abs(radau.LastStepSize) * SpectralRadiusEstimate(radau.Jacobian);
            nonStiffCount = hrho < method.NonStiffThreshold ? nonStiffCount + 1 : 0;
            if (nonStiffCount >= method.NonStiffSwitchCount)
            {
                nonStiffCount = 0;
                Statistics.MethodSwitches++;
                dop.Restart(T, y, Math.Abs(radau.NextStepSize));
                active = dop;
            }
        }
        return OdeStatus.Running;
    }

    /// <summary>|λ_max(J)| by 12 power iterations from (1, …, 1) (rough for complex pairs, which is enough here).</summary>
    private double SpectralRadiusEstimate(double[,] jac)
    {
        int n = N;
        for (int i = 0; i < n; i++) v[i] = 1.0 / Math.Sqrt(n) * (1.0 + 0.1 * i);
        double est = 0, prev = 0;
        for (int it = 0; it < 12; it++)
        {
            double norm = 0;
            for (int i = 0; i < n; i++)
            {
                double s = 0;
                for (int j = 0; j < n; j++) s += jac[i, j] * v[j];
                w[i] = s;
                norm += s * s;
            }
            norm = Math.Sqrt(norm);
            double vnorm = 0;
            for (int i = 0; i < n; i++) vnorm += v[i] * v[i];
            vnorm = Math.Sqrt(vnorm);
            prev = est;
            est = vnorm > 0 ? norm / vnorm : 0;
            if (norm == 0 || !double.IsFinite(norm)) break;
            for (int i = 0; i < n; i++) v[i] = w[i] / norm;
        }
        return Math.Max(est, prev);
    }
}
