using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Papers.Woodworth2020;

/// <summary>
/// Solves the KKT system of min Q_α(β) s.t. Xβ = y (paper 003, Theorem 1 / Theorem 3 and eq. (11)): the unique β with
/// Xβ = y and β = g(Xᵀν) for some ν (<see cref="KktLink"/>). ν minimizes the strictly convex dual potential
/// φ(ν) = Σ_j G((Xᵀν)_j) − yᵀν, whose gradient is F(ν) = X g(Xᵀν) − y; damped Newton on φ (Armijo backtracking, staying
/// inside the domain of g), at most <see cref="MaxIterations"/> iterations.
/// <para>A-posteriori bound: the Jacobian X diag(g′) Xᵀ ⪰ g′(0)·XXᵀ ⪰ μ I everywhere, μ = g′(0)·λ_min(XXᵀ), so F is
/// μ-strongly monotone and ‖ν − ν*‖₂ ≤ ‖F(ν)‖₂ / μ. λ_min(XXᵀ) is bounded below exactly: λ_min ≥ 1/‖(XXᵀ)⁻¹‖_F with the
/// inverse computed over ℚ. ‖F(ν)‖₂ is the computed residual plus a bound on its rounding error. Then, with
/// δ_j = ‖X_{:,j}‖₂ ‖ν − ν*‖₂ and S_j = max_{|s| ≤ |z_j| + δ_j} g′(s), |β_j − β*_j| ≤ min(S_j δ_j, √S_j ‖F‖₂/√μ) (the second
/// from the weighted identity β − β* = D Xᵀ(XDXᵀ)⁻¹F), plus the rounding of g. The rounding allowances are estimates
/// (they assume the library's sinh/pow are accurate to a few ulps), so the bound is a numeric error bound, not a proof.</para>
/// </summary>
public static class KktSolver
{
    private const double Unit = 1.1102230246251565e-16; // unit roundoff 2⁻⁵³

    /// <summary>Newton iterations allowed.</summary>
    public const int MaxIterations = 500;

    /// <summary>
    /// Solves for data X (rows are samples, exact), y (exact), depth D and scale α, starting Newton from
    /// <paramref name="nu0"/> (e.g. the solution at a nearby α: continuation) or from ν = 0.
    /// </summary>
    public static KktSolution Solve(IReadOnlyList<IReadOnlyList<Rational>> x, IReadOnlyList<Rational> y, int depth, double alpha, IReadOnlyList<double>? nu0 = null)
    {
        if (!(alpha > 0) || double.IsInfinity(alpha)) throw new InputException($"α must be a positive number, not {alpha}.");
        if (depth < 2) throw new InputException($"the depth D must be at least 2, not {depth}.");
        int n = x.Count, d = x[0].Count;
        var gram = Enumerable.Range(0, n).Select(i => (IReadOnlyList<Rational>)Enumerable.Range(0, n)
            .Select(k => ExactLinearAlgebra.Dot(x[i], x[k])).ToArray()).ToArray();
        double lambdaMin = LambdaMinLowerBound(gram)
            ?? throw new InputException("X has linearly dependent rows (XXᵀ is singular); remove the redundant samples.");
        var link = new KktLink(depth, alpha);
        double mu = link.MinSlope * lambdaMin;
        var X = x.Select(r => r.Select(v => v.ToDouble()).ToArray()).ToArray();
        var Y = y.Select(v => v.ToDouble()).ToArray();

        var nu = new double[n];
        if (nu0 is not null && nu0.Count == n && nu0.All(double.IsFinite)
            && Z(X, nu0.ToArray()).All(v => Math.Abs(v) < link.DomainBound && double.IsFinite(link.G(v))))
            nu = nu0.ToArray();
        var (f, scale) = Residual(X, Y, link, nu);
        double fn = Norm(f);
        int it = 0;
        bool stalled = false;
        int noProgress = 0;
        string message = "";
        for (; it < MaxIterations; it++)
        {
            double floor = 8 * (d + 2) * Unit * scale;
            if (fn <= floor) break;
            var z = Z(X, nu);
            var h = new double[n * n];
            for (int i = 0; i < n; i++)
                for (int k = 0; k < n; k++)
                {
                    double s = 0;
                    for (int j = 0; j < d; j++) s += X[i][j] * X[k][j] * link.GPrime(z[j]);
                    h[i * n + k] = s;
                }
            var p = SolveSpd(h, n, f.Select(v => -v).ToArray());
            if (p is null) { message = "the Newton matrix became singular or not finite"; break; }
            double phi = Potential(X, Y, link, nu), slope = f.Zip(p, (a, b) => a * b).Sum();
            double t = 1;
            bool accepted = false;
            for (int back = 0; back < 80; back++, t /= 2)
            {
                var trial = nu.Zip(p, (a, b) => a + t * b).ToArray();
                if (Z(X, trial).Any(v => Math.Abs(v) >= link.DomainBound || !double.IsFinite(link.G(v)))) continue;
                var (ft, st) = Residual(X, Y, link, trial);
                double ftn = Norm(ft);
                if (Potential(X, Y, link, trial) <= phi + 1e-4 * t * slope || ftn < 0.9 * fn)
                {
                    noProgress = ftn < fn ? 0 : noProgress + 1;
                    stalled = noProgress >= 4; // four steps without residual progress: the rounding floor was reached
                    nu = trial; f = ft; scale = st; fn = ftn;
                    accepted = true;
                    break;
                }
            }
            if (!accepted || stalled) { message = accepted ? "no further progress (rounding floor)" : "the line search found no decrease"; break; }
        }
        if (it >= MaxIterations) message = $"stopped after {MaxIterations} Newton iterations";
        if (message.Length == 0) message = "the residual reached its rounding floor";

        // Rigorous-in-exact-arithmetic bound on ‖F(ν)‖₂: computed value + rounding allowance of the sums and of g.
        double rounding = RoundingAllowance(X, Y, link, nu);
        double nuError = (fn + rounding) / mu;
        var zf = Z(X, nu);
        var beta = zf.Select(link.G).ToArray();
        var betaError = new double[d];
        for (int j = 0; j < d; j++)
        {
            double colNorm = Math.Sqrt(X.Sum(r => r[j] * r[j]));
            double delta = colNorm * nuError * (1 + 1e-12);
            // Weighted bound: β − β* = D Xᵀ Δν with D = diag of mean slopes of g (mean value theorem per coordinate) and
            // X D Xᵀ Δν = F(ν), so ‖D^{-1/2}(β − β*)‖₂ = ‖D^{1/2}Xᵀ(XDXᵀ)⁻¹F‖₂ ≤ ‖F‖₂/√λ_min(XDXᵀ) ≤ ‖F‖₂/√μ; hence
            // |β_j − β*_j| ≤ √(max slope on the segment) · ‖F‖₂/√μ, the segment lying in |s| ≤ |z_j| + δ_j.
            double slope = link.MaxSlope(Math.Abs(zf[j]) + delta);
            betaError[j] = Math.Min(slope * delta, Math.Sqrt(slope) * (fn + rounding) / Math.Sqrt(mu)) * (1 + 1e-12) + 8 * Unit * Math.Abs(beta[j]);
        }
        bool converged = betaError.All(double.IsFinite);
        return new KktSolution(nu, beta, fn, nuError, betaError, it, converged, message);
    }

    /// <summary>
    /// <see cref="Solve"/> at α after solving at α₀ = 1, 1/10, 1/100, … down to α (each solution starting the next): for
    /// small α, Newton from ν = 0 would have to cross the exponentially flat dual potential in one damped step.
    /// </summary>
    public static KktSolution SolveByContinuation(IReadOnlyList<IReadOnlyList<Rational>> x, IReadOnlyList<Rational> y, int depth, double alpha)
    {
        double[]? nu = null;
        for (double a = 1; a > alpha * 10; a /= 10) nu = Solve(x, y, depth, a, nu).Nu;
        return Solve(x, y, depth, alpha, nu);
    }

    /// <summary>A lower bound of λ_min(A) for a symmetric positive definite rational A: 1/‖A⁻¹‖_F (exact inverse), rounded down; null when A is singular.</summary>
    public static double? LambdaMinLowerBound(IReadOnlyList<IReadOnlyList<Rational>> a)
    {
        int n = a.Count;
        Rational frob = Rational.Zero;
        for (int c = 0; c < n; c++)
        {
            var e = Enumerable.Range(0, n).Select(i => i == c ? Rational.One : Rational.Zero).ToArray();
            var col = ExactLinearAlgebra.Solve(a, e);
            if (col is null) return null;
            foreach (var v in col) frob += v * v;
        }
        // 1/√frob, rounded down: compute in double and step down a few ulps to cover the rounding of ToDouble and √.
        double bound = 1 / Math.Sqrt(frob.ToDouble());
        for (int i = 0; i < 4; i++) bound = Math.BitDecrement(bound);
        return bound;
    }

    // Cholesky solve of the small symmetric positive definite Newton system (N ≤ a few dozen); null when not SPD or not finite.
    private static double[]? SolveSpd(double[] a, int n, double[] b)
    {
        var l = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int k = 0; k <= i; k++)
            {
                double s = a[i * n + k];
                for (int m = 0; m < k; m++) s -= l[i * n + m] * l[k * n + m];
                if (i == k) { if (!(s > 0) || !double.IsFinite(s)) return null; l[i * n + i] = Math.Sqrt(s); }
                else l[i * n + k] = s / l[k * n + k];
            }
        var x = (double[])b.Clone();
        for (int i = 0; i < n; i++) { for (int m = 0; m < i; m++) x[i] -= l[i * n + m] * x[m]; x[i] /= l[i * n + i]; }
        for (int i = n - 1; i >= 0; i--) { for (int m = i + 1; m < n; m++) x[i] -= l[m * n + i] * x[m]; x[i] /= l[i * n + i]; }
        return x.All(double.IsFinite) ? x : null;
    }

    // Bound on ‖fl(F(ν)) − F(ν)‖₂ (estimate: assumes g is evaluated to within 4 ulps of g(fl(z))): per residual,
    // γ_{d+1}(Σ_j |X_ij β_j| + |y_i|) for the sum, and Σ_j |X_ij| (g′(z_j)·γ_{N}·Σ_k |X_kj ν_k| + 4u|β_j|) for the rounding
    // of z_j = (Xᵀν)_j propagated through g and for g itself.
    private static double RoundingAllowance(double[][] x, double[] y, KktLink link, double[] nu)
    {
        int n = x.Length, d = x[0].Length;
        var z = Z(x, nu);
        var perBeta = new double[d];
        for (int j = 0; j < d; j++)
        {
            double zAbs = 0;
            for (int k = 0; k < n; k++) zAbs += Math.Abs(x[k][j] * nu[k]);
            double zErr = (n + 1) * Unit * zAbs * 1.01;
            perBeta[j] = link.MaxSlope(Math.Abs(z[j]) + zErr) * zErr + 4 * Unit * Math.Abs(link.G(z[j]));
        }
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double mag = Math.Abs(y[i]), prop = 0;
            for (int j = 0; j < d; j++) { mag += Math.Abs(x[i][j] * link.G(z[j])); prop += Math.Abs(x[i][j]) * perBeta[j]; }
            double e = (d + 2) * Unit * 1.01 * mag + prop;
            sum += e * e;
        }
        return Math.Sqrt(sum);
    }

    private static double[] Z(double[][] x, double[] nu)
    {
        int d = x[0].Length;
        var z = new double[d];
        for (int j = 0; j < d; j++) for (int i = 0; i < x.Length; i++) z[j] += x[i][j] * nu[i];
        return z;
    }

    private static (double[] F, double Scale) Residual(double[][] x, double[] y, KktLink link, double[] nu)
    {
        var beta = Z(x, nu).Select(link.G).ToArray();
        var f = new double[x.Length];
        double scale = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double s = -y[i], a = Math.Abs(y[i]);
            for (int j = 0; j < beta.Length; j++) { s += x[i][j] * beta[j]; a += Math.Abs(x[i][j] * beta[j]); }
            f[i] = s;
            scale = Math.Max(scale, a);
        }
        return (f, scale);
    }

    private static double Potential(double[][] x, double[] y, KktLink link, double[] nu) =>
        Z(x, nu).Sum(link.Potential) - nu.Zip(y, (a, b) => a * b).Sum();

    private static double Norm(double[] v) => Math.Sqrt(v.Sum(a => a * a));
}
