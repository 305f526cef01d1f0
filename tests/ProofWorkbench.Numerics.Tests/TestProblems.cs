using ProofWorkbench.Numerics.Ode;

namespace ProofWorkbench.Numerics.Tests;

/// <summary>Problems with known solutions.</summary>
internal static class TestProblems
{
    public const double Lambda = -0.7;

    /// <summary>y' = λy, y(0) = 1: y = e^{λt}.</summary>
    public static OdeProblem Linear(double tEnd = 2.0) => new(
        (t, y, d) => d[0] = Lambda * y[0], 0.0, [1.0], tEnd,
        (t, y, j) => j[0, 0] = Lambda,
        (t, y, f) => f[0] = Lambda * y[0]);

    public static double LinearExact(double t) => Math.Exp(Lambda * t);

    /// <summary>y' = −y², y(0) = 1: y = 1/(1 + t).</summary>
    public static OdeProblem Riccati(double tEnd = 2.0) => new(
        (t, y, d) => d[0] = -y[0] * y[0], 0.0, [1.0], tEnd,
        (t, y, j) => j[0, 0] = -2 * y[0],
        (t, y, f) => f[0] = -Jet.Square(y[0]));

    public static double RiccatiExact(double t) => 1.0 / (1.0 + t);

    /// <summary>Harmonic oscillator y0' = y1, y1' = −y0, y(0) = (1, 0): y = (cos t, −sin t).</summary>
    public static OdeProblem Oscillator(double tEnd = 10.0) => new(
        (t, y, d) => { d[0] = y[1]; d[1] = -y[0]; }, 0.0, [1.0, 0.0], tEnd,
        (t, y, j) => { j[0, 0] = 0; j[0, 1] = 1; j[1, 0] = -1; j[1, 1] = 0; },
        (t, y, f) => { f[0] = y[1]; f[1] = -y[0]; });

    public static double[] OscillatorExact(double t) => [Math.Cos(t), -Math.Sin(t)];

    /// <summary>
    /// Paper 000's exp-activation gradient flow, one sample (x, y) in d = 3: θ = (w, a),
    /// ẇ = −2 r a e^{w·x} x, ȧ = −2 r e^{w·x}, r = a e^{w·x} − y.
    /// </summary>
    public static readonly double[] ExpW0 = [0.1, -0.2, 0.3];
    public const double ExpA0 = 0.5;
    public static readonly double[] ExpX = [0.3, 0.2, -0.1];
    public const double ExpY = 1.2;

    public static OdeProblem ExpFlow(double? tEnd = 50.0)
    {
        var x = ExpX;
        const double yl = ExpY;
        return new OdeProblem(
            (t, th, d) =>
            {
                double u = th[0] * x[0] + th[1] * x[1] + th[2] * x[2];
                double e = Math.Exp(u), a = th[3], r = a * e - yl;
                for (int i = 0; i < 3; i++) d[i] = -2 * r * a * e * x[i];
                d[3] = -2 * r * e;
            },
            0.0, [.. ExpW0, ExpA0], tEnd,
            null,
            (t, th, f) =>
            {
                var u = th[0] * x[0] + th[1] * x[1] + th[2] * x[2];
                var e = Jet.Exp(u);
                var r = th[3] * e - yl;
                for (int i = 0; i < 3; i++) f[i] = -2.0 * r * th[3] * e * x[i];
                f[3] = -2.0 * r * e;
            });
    }

    /// <summary>Residual of eq. (14): max_i |w_i − w0_i − (a² − a0²)/2 · x_i|.</summary>
    public static double ParabolaResidual(ReadOnlySpan<double> th)
    {
        double a = th[3], m = 0;
        for (int i = 0; i < 3; i++)
            m = Math.Max(m, Math.Abs(th[i] - ExpW0[i] - (a * a - ExpA0 * ExpA0) / 2 * ExpX[i]));
        return m;
    }

    /// <summary>Van der Pol oscillator y1' = y2, y2' = μ(1 − y1²) y2 − y1 (period ≈ (3 − 2 ln 2)μ for large μ).</summary>
    public static OdeProblem VanDerPol(double mu, double tEnd) => new(
        (t, y, d) => { d[0] = y[1]; d[1] = mu * (1 - y[0] * y[0]) * y[1] - y[0]; },
        0.0, [2.0, 0.0], tEnd,
        (t, y, j) => { j[0, 0] = 0; j[0, 1] = 1; j[1, 0] = -2 * mu * y[0] * y[1] - 1; j[1, 1] = mu * (1 - y[0] * y[0]); });

    /// <summary>Robertson's chemical kinetics (Hairer–Wanner II, Sec. IV.1).</summary>
    public static OdeProblem Robertson(double tEnd) => new(
        (t, y, d) =>
        {
            d[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
            d[2] = 3e7 * y[1] * y[1];
            d[1] = -d[0] - d[2];
        },
        0.0, [1.0, 0.0, 0.0], tEnd);

    public static OdeOptions Tol(double tol) => new() { RelativeTolerance = tol, AbsoluteTolerance = tol };

    public static OdeOptions Fixed(double h) => new() { FixedStepSize = h, DenseOutput = true };

    public static double MaxAbs(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double m = 0;
        for (int i = 0; i < a.Length; i++) m = Math.Max(m, Math.Abs(a[i] - b[i]));
        return m;
    }

    public static IOdeMethod[] AdaptiveMethods => [new Dop853(), new Radau5(), new TaylorMethod(), new AutoSwitching()];
}
