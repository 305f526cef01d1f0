using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Papers.Woodworth2020;

/// <summary>
/// One α of the sweep: β̂_α from the KKT system (paper 003, Theorem 1: β = 2α² sinh(Xᵀν), Xβ = y) with its a-posteriori
/// error bound, ‖β̂_α‖₁, and the Euclidean distances to the exact minimum-ℓ1 and minimum-ℓ2 interpolants, each with a
/// bound on its error (the triangle inequality: |dist(β̂) − dist(β)| ≤ ‖β̂ − β‖₂ ≤ ‖error bound‖₂).
/// </summary>
/// <param name="Alpha">α.</param>
/// <param name="Kkt">The KKT solution.</param>
/// <param name="L1Norm">‖β̂_α‖₁.</param>
/// <param name="L1NormError">Its error bound, Σ_j (bound on |β_j − β*_j|).</param>
/// <param name="DistanceToL1">‖β̂_α − β*_L1‖₂.</param>
/// <param name="DistanceToL2">‖β̂_α − β*_L2‖₂.</param>
/// <param name="DistanceError">The error bound of either distance, ‖(bound on |β_j − β*_j|)_j‖₂.</param>
public sealed record SweepPoint(double Alpha, KktSolution Kkt, double L1Norm, double L1NormError, double DistanceToL1, double DistanceToL2, double DistanceError);

/// <summary>
/// The α sweep of paper 003, Section 4 (the paragraph after Theorem 1, and Theorem 2): as α → 0 the diagonal network's
/// limit β̂_α tends to the minimum-ℓ1 interpolant (rich regime), as α → ∞ to the minimum-ℓ2 one (kernel regime). The
/// references are exact over ℚ (<see cref="ExactInterpolants"/>: the ℓ1 LP by exact vertex enumeration, the ℓ2 one by the
/// exact normal equations); β̂_α is solved on a log grid from the KKT system, continuing ν from one α to the next.
/// </summary>
public static class AlphaSweep
{
    /// <summary>
    /// The grid α_k = 10^(e₀ + k/perDecade), k = 0..n, from 10^e₀ to 10^e₁ (integer decade exponents e₀ &lt; e₁); the
    /// decade points are exact powers of 10.
    /// </summary>
    public static IReadOnlyList<double> Grid(int fromExponent, int toExponent, int perDecade)
    {
        if (toExponent <= fromExponent) throw new InputException($"the sweep needs alpha-from < alpha-to (decades {fromExponent} and {toExponent}).");
        if (perDecade < 1 || perDecade > 50) throw new InputException($"'points-per-decade' must be between 1 and 50, not {perDecade}.");
        int n = (toExponent - fromExponent) * perDecade;
        return Enumerable.Range(0, n + 1).Select(k => k % perDecade == 0
            ? double.Parse($"1e{fromExponent + k / perDecade}", System.Globalization.CultureInfo.InvariantCulture)
            : Math.Pow(10, fromExponent + (double)k / perDecade)).ToList();
    }

    /// <summary>β̂_α at every α of <paramref name="alphas"/> (ascending), with the distances to <paramref name="l1"/> and <paramref name="l2"/>.</summary>
    public static IReadOnlyList<SweepPoint> Run(DiagonalInstance instance, IReadOnlyList<double> alphas, IReadOnlyList<Rational> l1, IReadOnlyList<Rational> l2)
    {
        var b1 = l1.Select(v => v.ToDouble()).ToArray();
        var b2 = l2.Select(v => v.ToDouble()).ToArray();
        var points = new SweepPoint[alphas.Count];
        double[]? nu = null;
        // From large α down: there β̂_α ≈ β*_L2 and ν is small; each solution starts the next (continuation), so Newton never
        // has to cross the exponentially flat region of the dual potential at small α from ν = 0.
        for (int k = alphas.Count - 1; k >= 0; k--)
        {
            var s = KktSolver.Solve(instance.X, instance.Y, 2, alphas[k], nu);
            nu = s.Nu;
            double distErr = Math.Sqrt(s.BetaErrorBound.Sum(e => e * e)) * (1 + 1e-12);
            points[k] = new SweepPoint(alphas[k], s, s.Beta.Sum(Math.Abs), s.BetaErrorBound.Sum(), Distance(s.Beta, b1), Distance(s.Beta, b2), distErr);
        }
        return points;
    }

    /// <summary>‖a − b‖₂.</summary>
    public static double Distance(IReadOnlyList<double> a, IReadOnlyList<double> b) => Math.Sqrt(a.Zip(b, (p, q) => (p - q) * (p - q)).Sum());

    /// <summary>
    /// The largest decrease max_k (v_k − v_{k+1}, 0) of a sequence that should be nondecreasing, with the error bound
    /// e_k + e_{k+1} of that difference.
    /// </summary>
    public static (double Decrease, double Error) LargestDecrease(IReadOnlyList<double> v, IReadOnlyList<double> e)
    {
        double worst = 0, err = 0;
        for (int k = 0; k + 1 < v.Count; k++)
        {
            double dec = v[k] - v[k + 1], ek = e[k] + e[k + 1];
            if (dec + ek > worst + err) { worst = Math.Max(0, dec); err = ek; }
        }
        return (worst, err);
    }
}
