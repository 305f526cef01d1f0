using static ProofWorkbench.Numerics.Ode.Radau5Tableau;

namespace ProofWorkbench.Numerics.Ode;

/// <summary>
/// RADAU5: the implicit 3-stage Radau IIA method of order 5 (stiffly accurate, L-stable) with simplified
/// Newton iterations decoupled into one real and one complex linear system, the filtered embedded error
/// estimate, Gustafsson's predictive step-size controller and the collocation polynomial as dense output;
/// a transcription of routine RADCOR of Hairer's radau5.f for an explicit ODE (identity mass matrix,
/// full Jacobian). Reference: Hairer &amp; Wanner, <i>Solving ODEs II</i>, Sec. IV.8.
/// The Jacobian comes from <see cref="OdeProblem.Jacobian"/> if given, else from forward differences.
/// </summary>
public sealed class Radau5 : IOdeMethod
{
    /// <summary>Maximal Newton iterations per step (radau5.f NIT, default 7).</summary>
    public int MaxNewtonIterations { get; init; } = 7;

    /// <summary>Safety factor (radau5.f SAFE, default 0.9).</summary>
    public double Safety { get; init; } = 0.9;

    /// <summary>Reuse the Jacobian if the Newton contraction θ ≤ this (radau5.f THET, default 0.001).</summary>
    public double JacobianRecomputeFactor { get; init; } = 0.001;

    /// <summary>Use Gustafsson's predictive controller (default true, radau5.f IWORK(8) = 1).</summary>
    public bool PredictiveController { get; init; } = true;

    /// <inheritdoc />
    public string Name => "Radau5";

    /// <inheritdoc />
    public OdeStepper CreateStepper(OdeProblem problem, OdeOptions options, OdeStatistics statistics) =>
        new Radau5Stepper(problem, options, statistics, this);
}

/// <summary>The Radau5 stepper (radau5.f RADCOR, ESTRAD, SLVRAD, DECOMR/DECOMC for IJOB = 1).</summary>
public sealed class Radau5Stepper : OdeStepper
{
    private const double Uround = 1e-16; // radau5.f default WORK(1)
    private readonly double[] z1, z2, z3, f1, f2, f3, y0, scal, cont, tmp, ytry;
    private readonly double[,] fjac;
    private readonly double[] e1, e2r, e2i;
    private readonly int[] ip1, ip2;
    private readonly int nit;
    private readonly double safe, thet, fnewt, cfac, atolT, rtolT;
    private readonly bool pred;
    private const double Quot1 = 1.0, Quot2 = 1.2, Facl = 5.0, Facr = 0.125;

    private enum Next { Jacobian, Decompose, Step }

    private Next next = Next.Jacobian;
    private bool started, first = true, reject, last, caljac, denseReady;
    private double h, hold, hopt, hacc, erracc, faccon = 1.0, theta, thqold, dynold, posneg = 1, hmaxn = double.PositiveInfinity, fac1, alphn, betan;
    private int nsing, newtonFailures;
    private bool nonFiniteSeen;
    private long naccpt;
    private double restartStep;

    /// <summary>Creates the stepper.</summary>
    /// <param name="problem">Problem.</param>
    /// <param name="options">Options.</param>
    /// <param name="statistics">Counters.</param>
    /// <param name="method">Method parameters.</param>
    public Radau5Stepper(OdeProblem problem, OdeOptions options, OdeStatistics statistics, Radau5 method)
        : base(problem, options, statistics)
    {
        int n = N;
        double[] V() => new double[n];
        z1 = V(); z2 = V(); z3 = V(); f1 = V(); f2 = V(); f3 = V(); y0 = V(); scal = V(); tmp = V(); ytry = V();
        cont = new double[4 * n];
        fjac = new double[n, n];
        e1 = new double[n * n]; e2r = new double[n * n]; e2i = new double[n * n];
        ip1 = new int[n]; ip2 = new int[n];
        nit = method.MaxNewtonIterations;
        safe = method.Safety;
        thet = method.JacobianRecomputeFactor;
        pred = method.PredictiveController;
        // radau5.f: the tolerances are transformed, rtol' = 0.1·rtol^(2/3), atol' = rtol'·atol/rtol.
        double rtol = Math.Max(options.RelativeTolerance, 1e-14);
        double quot = options.AbsoluteTolerance / rtol;
        rtolT = 0.1 * Math.Pow(rtol, 2.0 / 3.0);
        atolT = rtolT * quot;
        // FNEWT = max(10·uround/rtol', min(0.03, rtol'^0.5)); CFAC = SAFE·(1 + 2·NIT).
        fnewt = Math.Max(10 * Uround / rtolT, Math.Min(0.03, Math.Sqrt(rtolT)));
        cfac = safe * (1 + 2 * nit);
    }

    /// <summary>The last Jacobian used (row i = ∂f_i/∂y_j); read-only use.</summary>
    public double[,] Jacobian => fjac;

    /// <summary>Size of the last accepted step.</summary>
    public double LastStepSize => hold;

    /// <inheritdoc />
    public override IDenseInterpolator DenseInterpolator => Radau5Interpolator.Instance;

    /// <inheritdoc />
    public override int DenseCoefficientCount => 4 * N;

    /// <inheritdoc />
    public override void CopyDenseCoefficients(Span<double> destination) => cont.CopyTo(destination);

    /// <inheritdoc />
    public override ReadOnlySpan<double> CurrentDerivative()
    {
        if (!started || yDerivativeStale) { Rhs(T, y, y0); yDerivativeStale = false; }
        return y0;
    }

    private bool yDerivativeStale;

    /// <inheritdoc />
    public override void Interpolate(double t, Span<double> result)
    {
        if (!denseReady) throw new InvalidOperationException("No dense output is available for the last step.");
        Radau5Interpolator.Instance.Evaluate(t, TPrevious, T, cont, result);
    }

    /// <summary>Starts from a given state (used by auto-switching).</summary>
    /// <param name="t">Time.</param>
    /// <param name="state">State.</param>
    /// <param name="h0">First step size (0: radau5.f default 1e-6).</param>
    public void Restart(double t, ReadOnlySpan<double> state, double h0)
    {
        T = TPrevious = t;
        state.CopyTo(y);
        started = false;
        first = true;
        reject = false;
        last = false;
        faccon = 1.0;
        next = Next.Jacobian;
        restartStep = h0;
        naccpt = 0;
    }

    private void ComputeScal()
    {
        for (int i = 0; i < N; i++) scal[i] = atolT + rtolT * Math.Abs(y[i]);
    }

    private void Start(double tEnd)
    {
        started = true;
        posneg = tEnd >= T ? 1.0 : -1.0;
        hmaxn = Math.Min(Options.MaxStepSize, Math.Abs(tEnd - T));
        double h0 = Options.FixedStepSize ?? (restartStep != 0 ? Math.Abs(restartStep) : Options.InitialStep);
        // radau5.f: IF (ABS(H).LE.10.D0*UROUND) H=1.0D-6
        if (Math.Abs(h0) <= 10 * Uround) h0 = 1.0e-6;
        h = posneg * Math.Min(Math.Abs(h0), hmaxn);
        hold = h;
        reject = false;
        first = true;
        last = false;
        if ((T + h * 1.0001 - tEnd) * posneg >= 0.0) { h = tEnd - T; last = true; }
        hopt = h;
        faccon = 1.0;
        nsing = 0;
        ComputeScal();
        Rhs(T, y, y0);
        next = Next.Jacobian;
    }

    private void ComputeJacobian()
    {
        CountJacobian();
        int n = N;
        if (Problem.Jacobian is { } jac)
        {
            jac(T, y, fjac);
        }
        else
        {
            // radau5.f: forward differences with DELT = sqrt(uround·max(1e-5, |y_i|)).
            for (int i = 0; i < n; i++)
            {
                double ysafe = y[i];
                double delt = Math.Sqrt(Uround * Math.Max(1.0e-5, Math.Abs(ysafe)));
                y[i] = ysafe + delt;
                Rhs(T, y, tmp);
                for (int j = 0; j < n; j++) fjac[j, i] = (tmp[j] - y0[j]) / delt;
                y[i] = ysafe;
            }
        }
        caljac = true;
    }

    /// <summary>E1 = (γ/h)I − J (real) and E2 = ((α + iβ)/h)I − J (complex), factorized (DECOMR/DECOMC).</summary>
    private bool Decompose()
    {
        int n = N;
        fac1 = U1 / h;
        alphn = Alph / h;
        betan = Beta / h;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double a = -fjac[i, j];
                e1[i * n + j] = a;
                e2r[i * n + j] = a;
                e2i[i * n + j] = 0.0;
            }
        for (int j = 0; j < n; j++)
        {
            e1[j * n + j] += fac1;
            e2r[j * n + j] += alphn;
            e2i[j * n + j] = betan;
        }
        CountDecomposition();
        return SmallLu.Decompose(e1, n, ip1) && SmallLu.DecomposeComplex(e2r, e2i, n, ip2);
    }

    /// <inheritdoc />
    public override OdeStatus Advance(double tEnd, bool needDense)
    {
        if (!started)
        {
            Start(tEnd);
            if (!AllFinite(y0)) return FailNonFinite("f(t0, y0)");
        }
        if (yDerivativeStale) { Rhs(T, y, y0); yDerivativeStale = false; }
        denseReady = false;
        int n = N;
        bool fixedStep = Options.FixedStepSize.HasValue;
        while (true)
        {
            if (next == Next.Jacobian)
            {
                ComputeJacobian();
                next = Next.Decompose;
            }
            if (next == Next.Decompose)
            {
                if (!Decompose())
                {
                    // radau5.f label 78 with IER ≠ 0: singular matrix, halve h (5 times at most).
                    nsing++;
                    if (nsing >= 5)
                    {
                        Message = $"The Radau5 iteration matrix was repeatedly singular at t = {T:R} (step {h:G3}).";
                        return OdeStatus.SingularMatrix;
                    }
                    if (!UnexpectedRejection()) return FailStepTooSmall(h);
                    continue;
                }
                next = Next.Step;
            }

            // radau5.f label 30.
            if (StepAttempts >= Options.MaxSteps) return FailMaxSteps();
            if (0.1 * Math.Abs(h) <= Math.Abs(T) * Uround || h == 0) return FailStepTooSmall(h);
            StepAttempts++;
            double x = T;
            double xph = x + h;

            // Starting values for the Newton iteration: extrapolated collocation polynomial of the last step.
            if (first)
            {
                Array.Clear(z1); Array.Clear(z2); Array.Clear(z3);
                Array.Clear(f1); Array.Clear(f2); Array.Clear(f3);
            }
            else
            {
                double c3q = h / hold, c1q = C1 * c3q, c2q = C2 * c3q;
                for (int i = 0; i < n; i++)
                {
                    double ak1 = cont[n + i], ak2 = cont[2 * n + i], ak3 = cont[3 * n + i];
                    double z1i = c1q * (ak1 + (c1q - C2M1) * (ak2 + (c1q - C1M1) * ak3));
                    double z2i = c2q * (ak1 + (c2q - C2M1) * (ak2 + (c2q - C1M1) * ak3));
                    double z3i = c3q * (ak1 + (c3q - C2M1) * (ak2 + (c3q - C1M1) * ak3));
                    z1[i] = z1i; z2[i] = z2i; z3[i] = z3i;
                    f1[i] = TI11 * z1i + TI12 * z2i + TI13 * z3i;
                    f2[i] = TI21 * z1i + TI22 * z2i + TI23 * z3i;
                    f3[i] = TI31 * z1i + TI32 * z2i + TI33 * z3i;
                }
            }

            // Simplified Newton iteration (Solving ODEs II, eq. (8.17)–(8.18)).
            int newt = 0;
            // With a fixed step (order tests) the step cannot be reduced, so the iteration may run longer.
            int nit = fixedStep ? Math.Max(this.nit, 30) : this.nit;
            faccon = Math.Pow(Math.Max(faccon, Uround), 0.8);
            theta = Math.Abs(thet);
            bool newtonFailed = false, restartWithSmallerH = false;
            while (true)
            {
                if (newt >= nit) { newtonFailed = true; break; }
                for (int i = 0; i < n; i++) tmp[i] = y[i] + z1[i];
                Rhs(x + C1 * h, tmp, z1);
                for (int i = 0; i < n; i++) tmp[i] = y[i] + z2[i];
                Rhs(x + C2 * h, tmp, z2);
                for (int i = 0; i < n; i++) tmp[i] = y[i] + z3[i];
                Rhs(xph, tmp, z3);
                for (int i = 0; i < n; i++)
                {
                    double a1 = z1[i], a2 = z2[i], a3 = z3[i];
                    z1[i] = TI11 * a1 + TI12 * a2 + TI13 * a3;
                    z2[i] = TI21 * a1 + TI22 * a2 + TI23 * a3;
                    z3[i] = TI31 * a1 + TI32 * a2 + TI33 * a3;
                }
                // SLVRAD (IJOB = 1).
                for (int i = 0; i < n; i++)
                {
                    double s2 = -f2[i], s3 = -f3[i];
                    z1[i] -= f1[i] * fac1;
                    z2[i] += s2 * alphn - s3 * betan;
                    z3[i] += s3 * alphn + s2 * betan;
                }
                SmallLu.Solve(e1, n, ip1, z1);
                SmallLu.SolveComplex(e2r, e2i, n, ip2, z2, z3);
                CountSolve();
                newt++;
                double dyno = 0;
                for (int i = 0; i < n; i++)
                {
                    double d = scal[i];
                    dyno += (z1[i] / d) * (z1[i] / d) + (z2[i] / d) * (z2[i] / d) + (z3[i] / d) * (z3[i] / d);
                }
                dyno = Math.Sqrt(dyno / (3 * n));
                if (!double.IsFinite(dyno)) { newtonFailed = true; nonFiniteSeen = true; break; }
                // Bad convergence or number of iterations too large.
                if (newt > 1 && newt < nit)
                {
                    double thq = dyno / dynold;
                    theta = newt == 2 ? thq : Math.Sqrt(thq * thqold);
                    thqold = thq;
                    if (theta < 0.99)
                    {
                        faccon = theta / (1.0 - theta);
                        double dyth = faccon * dyno * Math.Pow(theta, nit - 1 - newt) / fnewt;
                        if (dyth >= 1.0 && !fixedStep)
                        {
                            double qnewt = Math.Max(1.0e-4, Math.Min(20.0, dyth));
                            double hhfac = 0.8 * Math.Pow(qnewt, -1.0 / (4.0 + nit - 1 - newt));
                            h = hhfac * h;
                            reject = true;
                            last = false;
                            restartWithSmallerH = true;
                            break;
                        }
                    }
                    else { newtonFailed = true; break; }
                }
                dynold = Math.Max(dyno, Uround);
                for (int i = 0; i < n; i++)
                {
                    double f1i = f1[i] + z1[i], f2i = f2[i] + z2[i], f3i = f3[i] + z3[i];
                    f1[i] = f1i; f2[i] = f2i; f3[i] = f3i;
                    z1[i] = T11 * f1i + T12 * f2i + T13 * f3i;
                    z2[i] = T21 * f1i + T22 * f2i + T23 * f3i;
                    z3[i] = T31 * f1i + f2i;
                }
                if (faccon * dyno <= fnewt) break;
            }
            if (restartWithSmallerH)
            {
                CountRejected();
                next = caljac ? Next.Decompose : Next.Jacobian;
                continue;
            }
            if (newtonFailed)
            {
                if (++newtonFailures > 50 && nonFiniteSeen) return FailNonFinite("the Newton iterates (50 consecutive Newton failures)");
                if (!UnexpectedRejection())
                    return nonFiniteSeen ? FailNonFinite("f (NaN or infinity in the Newton iteration even for the smallest step sizes)") : FailStepTooSmall(h);
                continue;
            }
            nonFiniteSeen = false;

            // Error estimation (ESTRAD, Solving ODEs II, eq. (8.20)–(8.23)):
            // err = (γ/h·I − J)⁻¹ (f(x, y) + (dd1 z1 + dd2 z2 + dd3 z3)/h), refined once by one more f-evaluation
            // on the first step and after rejections.
            double err = EstimateError(x);
            if (!double.IsFinite(err))
            {
                nonFiniteSeen = true;
                if (++newtonFailures > 50) return FailNonFinite("the error estimate");
                if (!UnexpectedRejection()) return FailNonFinite("the error estimate (even for the smallest step sizes)");
                continue;
            }
            newtonFailures = 0;

            // Computation of h_new; we require 0.2 ≤ h_new/h ≤ 8 (radau5.f).
            double fac = Math.Min(safe, cfac / (newt + 2 * nit));
            double quot = Math.Max(Facr, Math.Min(Facl, Math.Pow(err, 0.25) / fac));
            double hnew = h / quot;
            if (fixedStep) { err = 0; hnew = posneg * Options.FixedStepSize!.Value; quot = 1; }

            if (err < 1.0)
            {
                // Step accepted.
                first = false;
                CountAccepted();
                naccpt++;
                if (pred && !fixedStep)
                {
                    // Predictive controller of Gustafsson (Solving ODEs II, eq. (8.25)).
                    if (naccpt > 1)
                    {
                        double facgus = (hacc / h) * Math.Pow(err * err / erracc, 0.25) / safe;
                        facgus = Math.Max(Facr, Math.Min(Facl, facgus));
                        quot = Math.Max(quot, facgus);
                        hnew = h / quot;
                    }
                    hacc = h;
                    erracc = Math.Max(1.0e-2, err);
                }
                bool wasLast = last;
                TPrevious = x;
                hold = h;
                T = wasLast ? tEnd : xph;
                for (int i = 0; i < n; i++)
                {
                    y[i] += z3[i];
                    double z2i = z2[i], z1i = z1[i];
                    cont[n + i] = (z2i - z3[i]) / C2M1;
                    double ak = (z1i - z2i) / C1MC2;
                    double acont3 = z1i / C1;
                    acont3 = (ak - acont3) / C2;
                    cont[2 * n + i] = (ak - cont[n + i]) / C1M1;
                    cont[3 * n + i] = cont[2 * n + i] - acont3;
                    cont[i] = y[i];
                }
                denseReady = true;
                if (!AllFinite(y)) return FailNonFinite("the state");
                ComputeScal();
                caljac = false;
                if (wasLast)
                {
                    h = hopt;
                    NextStepSize = hopt;
                    yDerivativeStale = true;
                    return OdeStatus.Running;
                }
                Rhs(T, y, y0);
                if (!AllFinite(y0)) return FailNonFinite("f");
                hnew = posneg * Math.Min(Math.Abs(hnew), hmaxn);
                hopt = posneg * Math.Min(Math.Abs(h), Math.Abs(hnew));
                if (reject) hnew = posneg * Math.Min(Math.Abs(hnew), Math.Abs(h));
                reject = false;
                // radau5.f: IF ((X+HNEW/QUOT1-XEND)*POSNEG.GE.0.D0); with a fixed step the remainder is merged
                // into the last step (factor 1.0001) so that rounding in t cannot leave a step of size ~1e-16.
                if ((T + (fixedStep ? 1.0001 * hnew : hnew / Quot1) - tEnd) * posneg >= 0.0)
                {
                    h = tEnd - T;
                    last = true;
                    next = theta <= thet ? Next.Decompose : Next.Jacobian;
                }
                else
                {
                    double qt = hnew / h;
                    if (theta <= thet && qt >= Quot1 && qt <= Quot2) next = Next.Step;
                    else
                    {
                        h = hnew;
                        next = theta <= thet ? Next.Decompose : Next.Jacobian;
                    }
                }
                if (fixedStep && !last) { h = posneg * Options.FixedStepSize!.Value; next = theta <= thet ? Next.Decompose : Next.Jacobian; }
                NextStepSize = h;
                return OdeStatus.Running;
            }

            // Step rejected.
            reject = true;
            last = false;
            if (first) h *= 0.1;
            else h = hnew;
            CountRejected();
            next = caljac ? Next.Decompose : Next.Jacobian;
        }
    }

    /// <summary>radau5.f label 78: halve the step after a Newton failure; false if h underflows.</summary>
    private bool UnexpectedRejection()
    {
        h *= 0.5;
        reject = true;
        last = false;
        CountRejected();
        next = caljac ? Next.Decompose : Next.Jacobian;
        return 0.1 * Math.Abs(h) > Math.Abs(T) * Uround;
    }

    private double EstimateError(double x)
    {
        int n = N;
        double hee1 = DD1 / h, hee2 = DD2 / h, hee3 = DD3 / h;
        for (int i = 0; i < n; i++)
        {
            f2[i] = hee1 * z1[i] + hee2 * z2[i] + hee3 * z3[i];
            tmp[i] = f2[i] + y0[i];
        }
        SmallLu.Solve(e1, n, ip1, tmp);
        CountSolve();
        double err = 0;
        for (int i = 0; i < n; i++) err += (tmp[i] / scal[i]) * (tmp[i] / scal[i]);
        err = Math.Max(Math.Sqrt(err / n), 1.0e-10);
        if (err < 1.0) return err;
        if (first || reject)
        {
            for (int i = 0; i < n; i++) ytry[i] = y[i] + tmp[i];
            Rhs(x, ytry, f1);
            for (int i = 0; i < n; i++) tmp[i] = f1[i] + f2[i];
            SmallLu.Solve(e1, n, ip1, tmp);
            CountSolve();
            err = 0;
            for (int i = 0; i < n; i++) err += (tmp[i] / scal[i]) * (tmp[i] / scal[i]);
            err = Math.Max(Math.Sqrt(err / n), 1.0e-10);
        }
        return err;
    }
}

/// <summary>Radau5's dense output: the collocation polynomial (radau5.f CONTR5), s = (t − t_new)/h.</summary>
public sealed class Radau5Interpolator : IDenseInterpolator
{
    /// <summary>The instance.</summary>
    public static readonly Radau5Interpolator Instance = new();

    private Radau5Interpolator() { }

    /// <inheritdoc />
    public void Evaluate(double t, double tStart, double tEnd, ReadOnlySpan<double> c, Span<double> y)
    {
        int n = y.Length;
        double s = (t - tEnd) / (tEnd - tStart);
        for (int i = 0; i < n; i++)
            y[i] = c[i] + s * (c[n + i] + (s - C2M1) * (c[2 * n + i] + (s - C1M1) * c[3 * n + i]));
    }
}
