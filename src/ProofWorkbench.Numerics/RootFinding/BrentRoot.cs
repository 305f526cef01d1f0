namespace ProofWorkbench.Numerics.RootFinding;

/// <summary>
/// Brent's zero finder (R. P. Brent, <i>Algorithms for Minimization without Derivatives</i>, 1973,
/// Ch. 4, procedure <c>zero</c>): bisection safeguarded inverse quadratic/secant interpolation on a
/// bracketing interval. Used to locate ODE events on the dense output; written here (instead of
/// MathNet's <c>Brent</c>) to get Brent's original x-only stopping rule 2·eps·|b| + tol/2.
/// </summary>
public static class BrentRoot
{
    /// <summary>Finds a root of f in [a, b] given f(a)·f(b) ≤ 0.</summary>
    /// <param name="f">Function.</param>
    /// <param name="a">One end.</param>
    /// <param name="b">Other end.</param>
    /// <param name="fa">f(a).</param>
    /// <param name="fb">f(b).</param>
    /// <param name="tolerance">Absolute tolerance in x (added to 2·eps·|x|).</param>
    /// <param name="maxIterations">Iteration cap.</param>
    /// <returns>A point within the tolerance of a sign change of f.</returns>
    /// <exception cref="ArgumentException">f(a) and f(b) have the same strict sign.</exception>
    public static double FindRoot(Func<double, double> f, double a, double b, double fa, double fb,
        double tolerance = 0.0, int maxIterations = 200)
    {
        if (fa * fb > 0) throw new ArgumentException("The interval does not bracket a root (f(a) and f(b) have the same sign).");
        if (fa == 0) return a;
        if (fb == 0) return b;
        const double eps = 2.220446049250313e-16;
        double c = a, fc = fa, d = b - a, e = d;
        for (int it = 0; it < maxIterations; it++)
        {
            if ((fb > 0) == (fc > 0)) { c = a; fc = fa; d = b - a; e = d; }
            if (Math.Abs(fc) < Math.Abs(fb))
            {
                a = b; b = c; c = a;
                fa = fb; fb = fc; fc = fa;
            }
            double tol = 2 * eps * Math.Abs(b) + 0.5 * tolerance;
            double m = 0.5 * (c - b);
            if (Math.Abs(m) <= tol || fb == 0) return b;
            if (Math.Abs(e) < tol || Math.Abs(fa) <= Math.Abs(fb))
            {
                d = m; e = m;
            }
            else
            {
                double s = fb / fa, p, q;
                if (a == c)
                {
                    p = 2 * m * s; q = 1 - s;
                }
                else
                {
                    double qq = fa / fc, r = fb / fc;
                    p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
                    q = (qq - 1) * (r - 1) * (s - 1);
                }
                if (p > 0) q = -q; else p = -p;
                if (2 * p < 3 * m * q - Math.Abs(tol * q) && p < Math.Abs(0.5 * e * q))
                {
                    e = d; d = p / q;
                }
                else
                {
                    d = m; e = m;
                }
            }
            a = b; fa = fb;
            b += Math.Abs(d) > tol ? d : (m > 0 ? tol : -tol);
            fb = f(b);
        }
        return b;
    }
}
