using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Papers.Woodworth2020;

/// <summary>An enclosure of β̂_α on the line of interpolants: β̂_α = p + t*·n with t* ∈ [TLow, THigh].</summary>
/// <param name="Base">The exact base point p (an exact interpolant).</param>
/// <param name="Direction">The exact integer null vector n of X.</param>
/// <param name="TLow">A t with h(t) &lt; 0 certified (up to the rounding bound of h).</param>
/// <param name="THigh">A t with h(t) &gt; 0 certified.</param>
public sealed record LineEnclosure(IReadOnlyList<Rational> Base, IReadOnlyList<Rational> Direction, double TLow, double THigh)
{
    /// <summary>Upper bound of ‖β̂_α‖₁ over the enclosure (each |p_j + t n_j| is convex in t: its max is at an end), with a rounding allowance.</summary>
    public double L1Upper => Enumerable.Range(0, Base.Count).Sum(j => Math.Max(Math.Abs(At(j, TLow)), Math.Abs(At(j, THigh)))) * (1 + 1e-14);

    /// <summary>Upper bound of ‖β̂_α‖₂² over the enclosure.</summary>
    public double L2SquaredUpper => Enumerable.Range(0, Base.Count).Sum(j => Math.Max(At(j, TLow) * At(j, TLow), At(j, THigh) * At(j, THigh))) * (1 + 1e-14);

    /// <summary>The midpoint β.</summary>
    public double[] Mid => Enumerable.Range(0, Base.Count).Select(j => At(j, (TLow + THigh) / 2)).ToArray();

    private double At(int j, double t) => Base[j].ToDouble() + t * Direction[j].ToDouble();
}

/// <summary>
/// The primal route to β̂_α = argmin Q_α(β) s.t. Xβ = y (paper 003, Theorem 1) when the interpolants form a line
/// (d = N + 1): β = p + t·n with p an exact interpolant and n the exact null vector of X. On that line Q_α is strictly
/// convex in t and its derivative is proportional to h(t) = Σ_j n_j asinh((p_j + t n_j)/(2α²)) (eq. (19)), which is
/// increasing; the minimizer is the root of h. A sign change of h, each sign certified beyond a bound on the rounding
/// error of its evaluation, encloses t*. Unlike the dual (KKT) route in ν, whose error bound divides by
/// 2α²·λ_min(XXᵀ) and is useless at α ≈ 1e-13, this route is well conditioned at small α: h′(t) = Σ n_j²/√(4α⁴ + β_j²)
/// is large there. The rounding bound assumes asinh accurate to a few ulps (a numeric bound, not a proof).
/// </summary>
public static class NullLineEnclosure
{
    private const double Unit = 1.1102230246251565e-16;

    /// <summary>The exact integer null vector of an N × (N+1) matrix of full rank (generalized cross product), or null when d ≠ N + 1.</summary>
    public static Rational[]? NullVector(IReadOnlyList<IReadOnlyList<Rational>> x)
    {
        int n = x.Count, d = x[0].Count;
        if (d != n + 1) return null;
        var v = Enumerable.Range(0, d).Select(j =>
        {
            var minor = x.Select(row => (IReadOnlyList<Rational>)row.Where((_, k) => k != j).ToArray()).ToArray();
            var det = ExactLinearAlgebra.Determinant(minor);
            return j % 2 == 0 ? det : -det;
        }).ToArray();
        if (v.All(c => c.IsZero)) return null;
        // Scale to coprime integers, so n_j and t·n_j are exact or correctly rounded in double.
        var lcm = v.Aggregate(System.Numerics.BigInteger.One, (acc, c) => acc / System.Numerics.BigInteger.GreatestCommonDivisor(acc, c.Denominator) * c.Denominator);
        var ints = v.Select(c => c.Numerator * (lcm / c.Denominator)).ToArray();
        var g = ints.Aggregate(System.Numerics.BigInteger.Zero, (acc, c) => System.Numerics.BigInteger.GreatestCommonDivisor(acc, c));
        return ints.Select(c => new Rational(c / g)).ToArray();
    }

    /// <summary>
    /// Encloses β̂_α starting from the guess <paramref name="guess"/> (e.g. the KKT solution; any point works) by widening a
    /// bracket until both end signs are certified and then bisecting; null when the interpolants are not a line or no sign
    /// change was certified within 2000 widenings.
    /// </summary>
    public static LineEnclosure? Enclose(IReadOnlyList<IReadOnlyList<Rational>> x, IReadOnlyList<Rational> basePoint, double alpha, IReadOnlyList<double>? guess)
    {
        var n = NullVector(x);
        if (n is null) return null;
        var p = basePoint.Select(v => v.ToDouble()).ToArray();
        var nd = n.Select(v => v.ToDouble()).ToArray();
        double nn = nd.Sum(v => v * v);
        double t0 = guess is not null && guess.All(double.IsFinite) ? guess.Select((b, j) => (b - p[j]) * nd[j]).Sum() / nn : 0;
        double w = Math.Max(Math.Abs(t0), 1e-300) * 1e-15;
        for (int i = 0; i < 2000; i++, w *= 1.5)
        {
            double lo = t0 - w, hi = t0 + w;
            var (hLo, eLo) = H(p, nd, alpha, lo);
            var (hHi, eHi) = H(p, nd, alpha, hi);
            if (hLo + eLo < 0 && hHi - eHi > 0) return Refine(p, nd, alpha, basePoint, n, lo, hi);
        }
        return null;
    }

    // Bisection while the midpoint's sign is certified (at most 200 halvings): a bracket found from a poor guess narrows to
    // the rounding level of h.
    private static LineEnclosure Refine(double[] p, double[] nd, double alpha, IReadOnlyList<Rational> basePoint, Rational[] n, double lo, double hi)
    {
        for (int k = 0; k < 200; k++)
        {
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) break;
            var (h, e) = H(p, nd, alpha, mid);
            if (h - e > 0) hi = mid;
            else if (h + e < 0) lo = mid;
            else break;
        }
        return new LineEnclosure(basePoint, n, lo, hi);
    }

    // h(t) and a bound on the rounding error of its evaluation: β_j = p_j + t n_j with error ≤ 2u(|p_j| + |t n_j|) (p_j's own
    // rounding, the product and the sum), propagated through asinh(β_j/(2α²)) with slope 1/√(4α⁴ + β_j²); asinh itself to 4u;
    // the sum to (d + 1)u of the sum of magnitudes; all doubled.
    private static (double H, double Error) H(double[] p, double[] n, double alpha, double t)
    {
        double a2 = 2 * alpha * alpha, h = 0, mag = 0, err = 0;
        for (int j = 0; j < p.Length; j++)
        {
            if (n[j] == 0) continue;
            double b = p[j] + t * n[j];
            double term = n[j] * Math.Asinh(b / a2);
            h += term;
            mag += Math.Abs(term);
            double db = 2 * Unit * (Math.Abs(p[j]) + Math.Abs(t * n[j]));
            err += Math.Abs(n[j]) * (db / Math.Sqrt(a2 * a2 + b * b) + 4 * Unit * Math.Abs(Math.Asinh(b / a2)));
        }
        return (h, 2 * (err + (p.Length + 1) * Unit * mag));
    }
}
