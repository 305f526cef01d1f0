namespace ProofWorkbench.Numerics.Ode;

/// <summary>Shared step-size helpers of Hairer's codes.</summary>
internal static class StepSizeControl
{
    /// <summary>Unit round-off as in dop853.f (UROUND = 2.3e-16).</summary>
    public const double URound = 2.3e-16;

    /// <summary>
    /// Hairer's HINIT (dop853.f / dopri5.f; Hairer, Nørsett &amp; Wanner, Solving ODEs I, Sec. II.4, p. 169):
    /// h0 = 0.01·‖y0‖/‖f0‖, one explicit Euler step to estimate ‖y''‖, then
    /// h = min(100 h0, (0.01 / max(‖f0‖, ‖y''‖))^(1/order), hmax). Norms are the unweighted-by-n sums of
    /// (v_i / sk_i)² with sk_i = atol + rtol·|y0_i|, as in the Fortran. Costs one f-evaluation.
    /// </summary>
    public static double HInit(VectorField f, double x, ReadOnlySpan<double> y, double posneg, ReadOnlySpan<double> f0,
        Span<double> y1, Span<double> f1, int order, double hmax, double atol, double rtol)
    {
        int n = y.Length;
        double dnf = 0, dny = 0;
        for (int i = 0; i < n; i++)
        {
            double sk = atol + rtol * Math.Abs(y[i]);
            dnf += (f0[i] / sk) * (f0[i] / sk);
            dny += (y[i] / sk) * (y[i] / sk);
        }
        double h = (dnf <= 1e-10 || dny <= 1e-10) ? 1.0e-6 : Math.Sqrt(dny / dnf) * 0.01;
        h = Math.Min(h, hmax);
        h = Math.CopySign(h, posneg);
        for (int i = 0; i < n; i++) y1[i] = y[i] + h * f0[i];
        f(x + h, y1, f1);
        double der2 = 0;
        for (int i = 0; i < n; i++)
        {
            double sk = atol + rtol * Math.Abs(y[i]);
            double d = (f1[i] - f0[i]) / sk;
            der2 += d * d;
        }
        der2 = Math.Sqrt(der2) / h;
        double der12 = Math.Max(Math.Abs(der2), Math.Sqrt(dnf));
        double h1 = der12 <= 1e-15 ? Math.Max(1.0e-6, Math.Abs(h) * 1.0e-3) : Math.Pow(0.01 / der12, 1.0 / order);
        h = Math.Min(Math.Min(100 * Math.Abs(h), h1), hmax);
        if (!double.IsFinite(h) || h <= 0) h = 1e-6;
        return Math.CopySign(h, posneg);
    }
}
