using static ProofWorkbench.Numerics.Ode.Dop853Tableau;

namespace ProofWorkbench.Numerics.Ode;

/// <summary>
/// DOP853: the explicit Runge–Kutta method of order 8 of Dormand &amp; Prince with Hairer's 5th/3rd-order
/// combined error estimator, step-size control, stiffness detection and order-7 dense output, as in
/// Hairer's dop853.f and Hairer, Nørsett &amp; Wanner, <i>Solving ODEs I</i>, Sec. II.10 (coefficients in
/// <see cref="Dop853Tableau"/>). Defaults are those of dop853.f: fac1 = 0.333, fac2 = 6, safe = 0.9, beta = 0.
/// </summary>
public sealed class Dop853 : IOdeMethod
{
    /// <summary>Lower bound of h_new/h (dop853.f FAC1, default 0.333).</summary>
    public double Fac1 { get; init; } = 0.333;

    /// <summary>Upper bound of h_new/h (dop853.f FAC2, default 6).</summary>
    public double Fac2 { get; init; } = 6.0;

    /// <summary>Safety factor (dop853.f SAFE, default 0.9).</summary>
    public double Safety { get; init; } = 0.9;

    /// <summary>Lund stabilization exponent β (dop853.f BETA, default 0; ≤ 0.04 recommended if used).</summary>
    public double Beta { get; init; }

    /// <inheritdoc />
    public string Name => "DOP853";

    /// <inheritdoc />
    public OdeStepper CreateStepper(OdeProblem problem, OdeOptions options, OdeStatistics statistics) =>
        new Dop853Stepper(problem, options, statistics, this);
}

/// <summary>The DOP853 stepper (routine DP86CO of dop853.f, step by step).</summary>
public sealed class Dop853Stepper : OdeStepper
{
    private readonly double[] k1, k2, k3, k4, k5, k6, k7, k8, k9, k10, k11, k12, k14, k15, k16;
    private readonly double[] ystage, ynew, fnew, cont;
    private readonly double fac1Inv, fac2Inv, safe, beta, expo1;
    private readonly int nstiff;
    private double h, facold = 1e-4, hlamb, hmax = double.PositiveInfinity, posneg = 1, hStep;
    private bool started, reject, denseReady;
    private int iasti, nonsti, nonFiniteRejects;

    /// <summary>Creates the stepper.</summary>
    /// <param name="problem">Problem.</param>
    /// <param name="options">Options.</param>
    /// <param name="statistics">Counters.</param>
    /// <param name="method">Method parameters.</param>
    /// <param name="stiffnessTestInterval">Overrides <see cref="OdeOptions.StiffnessTestInterval"/> (used by auto-switching).</param>
    public Dop853Stepper(OdeProblem problem, OdeOptions options, OdeStatistics statistics, Dop853 method, int? stiffnessTestInterval = null)
        : base(problem, options, statistics)
    {
        double[] V() => new double[N];
        k1 = V(); k2 = V(); k3 = V(); k4 = V(); k5 = V(); k6 = V(); k7 = V(); k8 = V(); k9 = V(); k10 = V();
        k11 = V(); k12 = V(); k14 = V(); k15 = V(); k16 = V(); ystage = V(); ynew = V(); fnew = V();
        cont = new double[8 * N];
        // dop853.f: EXPO1 = 1/8 − 0.2·BETA, FACC1 = 1/FAC1, FACC2 = 1/FAC2.
        fac1Inv = 1.0 / method.Fac1;
        fac2Inv = 1.0 / method.Fac2;
        safe = method.Safety;
        beta = method.Beta;
        expo1 = 1.0 / 8.0 - beta * 0.2;
        nstiff = stiffnessTestInterval ?? options.StiffnessTestInterval;
    }

    /// <summary>Number of consecutive positive stiffness tests (dop853.f IASTI).</summary>
    public int ConsecutiveStiffTests => iasti;

    /// <summary>Last estimate of h·|λ| from the stiffness test (dop853.f HLAMB; the stability boundary is ≈ 6.1).</summary>
    public double StiffnessRatio => hlamb;

    /// <summary>Starts from a given state (used by auto-switching); the next step size is h0 (0 = HINIT).</summary>
    /// <param name="t">Time.</param>
    /// <param name="state">State.</param>
    /// <param name="h0">First step size, or 0 for automatic.</param>
    public void Restart(double t, ReadOnlySpan<double> state, double h0)
    {
        T = TPrevious = t;
        state.CopyTo(y);
        started = false;
        reject = false;
        iasti = nonsti = 0;
        facold = 1e-4;
        hlamb = 0;
        restartStep = h0;
    }

    private double restartStep;

    /// <inheritdoc />
    public override IDenseInterpolator DenseInterpolator => Dop853Interpolator.Instance;

    /// <inheritdoc />
    public override int DenseCoefficientCount => 8 * N;

    /// <inheritdoc />
    public override void CopyDenseCoefficients(Span<double> destination) => cont.CopyTo(destination);

    /// <inheritdoc />
    public override ReadOnlySpan<double> CurrentDerivative()
    {
        if (!started) { Rhs(T, y, k1); }
        return k1;
    }

    /// <inheritdoc />
    public override void Interpolate(double t, Span<double> result)
    {
        if (!denseReady) throw new InvalidOperationException("No dense output was prepared for the last step.");
        Dop853Interpolator.Instance.Evaluate(t, TPrevious, T, cont, result);
    }

    private bool Start(double tEnd)
    {
        // dop853.f: one f-evaluation at (x0, y0), then HINIT (one more) unless H was given.
        Rhs(T, y, k1);
        started = true;
        if (!AllFinite(k1)) return false;
        posneg = tEnd >= T ? 1.0 : -1.0;
        hmax = Math.Min(Options.MaxStepSize, Math.Abs(tEnd - T));
        if (Options.FixedStepSize is { } hf) h = posneg * hf;
        else if (restartStep != 0) h = posneg * Math.Min(Math.Abs(restartStep), hmax);
        else if (Options.InitialStep > 0) h = posneg * Math.Min(Options.InitialStep, hmax);
        else
        {
            h = StepSizeControl.HInit(Problem.F, T, y, posneg, k1, k2, k3, 8, hmax,
                Options.AbsoluteTolerance, Options.RelativeTolerance);
            CountRhs();
        }
        return true;
    }

    /// <inheritdoc />
    public override OdeStatus Advance(double tEnd, bool needDense)
    {
        if (!started && !Start(tEnd)) return FailNonFinite("f(t0, y0)");
        denseReady = false;
        bool fixedStep = Options.FixedStepSize.HasValue;
        double atol = Options.AbsoluteTolerance, rtol = Options.RelativeTolerance;
        int n = N;
        while (true)
        {
            // dop853.f label 1: basic integration step.
            if (StepAttempts >= Options.MaxSteps) return FailMaxSteps();
            if (0.1 * Math.Abs(h) <= Math.Abs(T) * StepSizeControl.URound || h == 0)
                return nonFiniteRejects > 0 ? FailNonFinite("f (NaN or infinity in the stages even for the smallest step sizes)") : FailStepTooSmall(h);
            bool last = false;
            if ((T + 1.01 * h - tEnd) * posneg > 0.0) { h = tEnd - T; last = true; }
            StepAttempts++;
            double x = T;

            // The twelve stages (Solving ODEs I, Sec. II.10; Butcher tableau in Dop853Tableau).
            for (int i = 0; i < n; i++) ystage[i] = y[i] + h * A21 * k1[i];
            Rhs(x + C2 * h, ystage, k2);
            for (int i = 0; i < n; i++) ystage[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
            Rhs(x + C3 * h, ystage, k3);
            for (int i = 0; i < n; i++) ystage[i] = y[i] + h * (A41 * k1[i] + A43 * k3[i]);
            Rhs(x + C4 * h, ystage, k4);
            for (int i = 0; i < n; i++) ystage[i] = y[i] + h * (A51 * k1[i] + A53 * k3[i] + A54 * k4[i]);
            Rhs(x + C5 * h, ystage, k5);
            for (int i = 0; i < n; i++) ystage[i] = y[i] + h * (A61 * k1[i] + A64 * k4[i] + A65 * k5[i]);
            Rhs(x + C6 * h, ystage, k6);
            for (int i = 0; i < n; i++) ystage[i] = y[i] + h * (A71 * k1[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]);
            Rhs(x + C7 * h, ystage, k7);
            for (int i = 0; i < n; i++) ystage[i] = y[i] + h * (A81 * k1[i] + A84 * k4[i] + A85 * k5[i] + A86 * k6[i] + A87 * k7[i]);
            Rhs(x + C8 * h, ystage, k8);
            for (int i = 0; i < n; i++) ystage[i] = y[i] + h * (A91 * k1[i] + A94 * k4[i] + A95 * k5[i] + A96 * k6[i] + A97 * k7[i] + A98 * k8[i]);
            Rhs(x + C9 * h, ystage, k9);
            for (int i = 0; i < n; i++) ystage[i] = y[i] + h * (A101 * k1[i] + A104 * k4[i] + A105 * k5[i] + A106 * k6[i] + A107 * k7[i] + A108 * k8[i] + A109 * k9[i]);
            Rhs(x + C10 * h, ystage, k10);
            for (int i = 0; i < n; i++) ystage[i] = y[i] + h * (A111 * k1[i] + A114 * k4[i] + A115 * k5[i] + A116 * k6[i] + A117 * k7[i] + A118 * k8[i] + A119 * k9[i] + A1110 * k10[i]);
            Rhs(x + C11 * h, ystage, k11);
            double xph = x + h;
            for (int i = 0; i < n; i++) ystage[i] = y[i] + h * (A121 * k1[i] + A124 * k4[i] + A125 * k5[i] + A126 * k6[i] + A127 * k7[i] + A128 * k8[i] + A129 * k9[i] + A1210 * k10[i] + A1211 * k11[i]);
            Rhs(xph, ystage, k12);

            // 8th-order solution and the two error estimates (dop853.f loops 40/41):
            // err5 = h·Σ er_j k_j (5th order), err3 = h·(Σ b_j k_j − bhh1 k1 − bhh2 k9 − bhh3 k12) (3rd order),
            // err = err5² / sqrt(err5² + 0.01·err3²) in the scaled RMS norm (Solving ODEs I, eq. (10.17)).
            double err = 0, err2 = 0;
            for (int i = 0; i < n; i++)
            {
                double bk = B1 * k1[i] + B6 * k6[i] + B7 * k7[i] + B8 * k8[i] + B9 * k9[i] + B10 * k10[i] + B11 * k11[i] + B12 * k12[i];
                double yi = y[i] + h * bk;
                ynew[i] = yi;
                double sk = atol + rtol * Math.Max(Math.Abs(y[i]), Math.Abs(yi));
                double erri = bk - Bhh1 * k1[i] - Bhh2 * k9[i] - Bhh3 * k12[i];
                err2 += (erri / sk) * (erri / sk);
                erri = Er1 * k1[i] + Er6 * k6[i] + Er7 * k7[i] + Er8 * k8[i] + Er9 * k9[i] + Er10 * k10[i] + Er11 * k11[i] + Er12 * k12[i];
                err += (erri / sk) * (erri / sk);
            }
            double deno = err + 0.01 * err2;
            if (deno <= 0.0) deno = 1.0;
            err = Math.Abs(h) * err * Math.Sqrt(1.0 / (n * deno));

            if (!double.IsFinite(err))
            {
                // NaN/Inf in a stage: the trial step may have left the domain of f; retry smaller, give up after 30 tries.
                if (fixedStep || ++nonFiniteRejects > 30) return FailNonFinite("the stage values of a step of size " + h.ToString("G3"));
                reject = true;
                CountRejected();
                h *= 0.25;
                continue;
            }

            // Step-size selection (dop853.f): fac = err^expo1 / facold^beta, 1/fac2 ≤ fac/safe ≤ 1/fac1, h_new = h/fac.
            double fac11 = Math.Pow(err, expo1);
            double fac = fac11 / Math.Pow(facold, beta);
            fac = Math.Max(fac2Inv, Math.Min(fac1Inv, fac / safe));
            double hnew = h / fac;
            if (fixedStep) { err = 0; hnew = posneg * Options.FixedStepSize!.Value; }

            if (err <= 1.0)
            {
                // Step accepted.
                facold = Math.Max(err, 1.0e-4);
                nonFiniteRejects = 0;
                CountAccepted();
                Rhs(xph, ynew, fnew);
                if (!AllFinite(ynew) || !AllFinite(fnew))
                {
                    T = xph;
                    return FailNonFinite("the state or f after the step");
                }

                // Stiffness detection (dop853.f; Solving ODEs I, Sec. IV.2, eq. (2.17)):
                // h·|λ| ≈ h·‖f(x+h, y_new) − k12‖ / ‖y_new − y_stage12‖; stiff if > 6.1 fifteen times in a row.
                bool stiffNow = false;
                if (Statistics.AcceptedSteps % nstiff == 0 || iasti > 0)
                {
                    double stnum = 0, stden = 0;
                    for (int i = 0; i < n; i++)
                    {
                        double a = fnew[i] - k12[i], b = ynew[i] - ystage[i];
                        stnum += a * a;
                        stden += b * b;
                    }
                    if (stden > 0.0) hlamb = Math.Abs(h) * Math.Sqrt(stnum / stden);
                    if (hlamb > 6.1)
                    {
                        nonsti = 0;
                        iasti++;
                        if (iasti == 15) { StiffnessDetectedAt ??= xph; stiffNow = true; }
                    }
                    else
                    {
                        nonsti++;
                        if (nonsti == 6) iasti = 0;
                    }
                }

                if (needDense) PrepareDense(x, h, n);

                Array.Copy(fnew, k1, n);
                Array.Copy(ynew, y, n);
                TPrevious = x;
                T = last ? tEnd : xph;
                hStep = h;
                denseReady = needDense;
                if (last) { h = hnew; NextStepSize = hnew; }
                else
                {
                    if (Math.Abs(hnew) > hmax) hnew = posneg * hmax;
                    if (reject) hnew = posneg * Math.Min(Math.Abs(hnew), Math.Abs(h));
                    reject = false;
                    h = hnew;
                    NextStepSize = hnew;
                }
                if (stiffNow && Options.StopOnStiffness)
                {
                    Message = $"DOP853's stiffness test fired 15 times in a row (h·|λ| ≈ {hlamb:G3} > 6.1) at t = {T:R}: the problem seems to have become stiff; use Radau5 or AutoSwitching.";
                    return OdeStatus.ProbablyStiff;
                }
                return OdeStatus.Running;
            }

            // Step rejected (dop853.f): h_new = h / min(1/fac1, fac11/safe).
            hnew = h / Math.Min(fac1Inv, fac11 / safe);
            reject = true;
            CountRejected();
            h = hnew;
        }
    }

    /// <summary>Dense output of order 7 (dop853.f, IOUT = 2): 3 extra stages and the CONT coefficients.</summary>
    private void PrepareDense(double x, double h, int n)
    {
        var c = cont;
        for (int i = 0; i < n; i++)
        {
            double ydiff = ynew[i] - y[i];
            double bspl = h * k1[i] - ydiff;
            c[i] = y[i];
            c[n + i] = ydiff;
            c[2 * n + i] = bspl;
            c[3 * n + i] = ydiff - h * fnew[i] - bspl;
            c[4 * n + i] = D41 * k1[i] + D46 * k6[i] + D47 * k7[i] + D48 * k8[i] + D49 * k9[i] + D410 * k10[i] + D411 * k11[i] + D412 * k12[i];
            c[5 * n + i] = D51 * k1[i] + D56 * k6[i] + D57 * k7[i] + D58 * k8[i] + D59 * k9[i] + D510 * k10[i] + D511 * k11[i] + D512 * k12[i];
            c[6 * n + i] = D61 * k1[i] + D66 * k6[i] + D67 * k7[i] + D68 * k8[i] + D69 * k9[i] + D610 * k10[i] + D611 * k11[i] + D612 * k12[i];
            c[7 * n + i] = D71 * k1[i] + D76 * k6[i] + D77 * k7[i] + D78 * k8[i] + D79 * k9[i] + D710 * k10[i] + D711 * k11[i] + D712 * k12[i];
        }
        // The next three function evaluations (stages 14–16); fnew plays dop853.f's K4 (f at the new point).
        for (int i = 0; i < n; i++)
            ystage[i] = y[i] + h * (A141 * k1[i] + A147 * k7[i] + A148 * k8[i] + A149 * k9[i] + A1410 * k10[i] + A1411 * k11[i] + A1412 * k12[i] + A1413 * fnew[i]);
        Rhs(x + C14 * h, ystage, k14);
        for (int i = 0; i < n; i++)
            ystage[i] = y[i] + h * (A151 * k1[i] + A156 * k6[i] + A157 * k7[i] + A158 * k8[i] + A1511 * k11[i] + A1512 * k12[i] + A1513 * fnew[i] + A1514 * k14[i]);
        Rhs(x + C15 * h, ystage, k15);
        for (int i = 0; i < n; i++)
            ystage[i] = y[i] + h * (A161 * k1[i] + A166 * k6[i] + A167 * k7[i] + A168 * k8[i] + A169 * k9[i] + A1613 * fnew[i] + A1614 * k14[i] + A1615 * k15[i]);
        Rhs(x + C16 * h, ystage, k16);
        for (int i = 0; i < n; i++)
        {
            c[4 * n + i] = h * (c[4 * n + i] + D413 * fnew[i] + D414 * k14[i] + D415 * k15[i] + D416 * k16[i]);
            c[5 * n + i] = h * (c[5 * n + i] + D513 * fnew[i] + D514 * k14[i] + D515 * k15[i] + D516 * k16[i]);
            c[6 * n + i] = h * (c[6 * n + i] + D613 * fnew[i] + D614 * k14[i] + D615 * k15[i] + D616 * k16[i]);
            c[7 * n + i] = h * (c[7 * n + i] + D713 * fnew[i] + D714 * k14[i] + D715 * k15[i] + D716 * k16[i]);
        }
    }
}

/// <summary>DOP853's dense output (dop853.f CONTD8), θ = (t − t_old)/h.</summary>
public sealed class Dop853Interpolator : IDenseInterpolator
{
    /// <summary>The instance.</summary>
    public static readonly Dop853Interpolator Instance = new();

    private Dop853Interpolator() { }

    /// <inheritdoc />
    public void Evaluate(double t, double tStart, double tEnd, ReadOnlySpan<double> c, Span<double> y)
    {
        int n = y.Length;
        double s = (t - tStart) / (tEnd - tStart);
        double s1 = 1.0 - s;
        for (int i = 0; i < n; i++)
        {
            double conpar = c[4 * n + i] + s * (c[5 * n + i] + s1 * (c[6 * n + i] + s * c[7 * n + i]));
            y[i] = c[i] + s * (c[n + i] + s1 * (c[2 * n + i] + s * (c[3 * n + i] + s1 * conpar)));
        }
    }
}
