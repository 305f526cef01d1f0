using MathNet.Numerics.LinearAlgebra;

namespace ProofWorkbench.GradientFlow;

/// <summary>
/// The Hessian cross-check of the limiting direction (see <see cref="LimitingDirection"/>): eigen-decomposes
/// ∇²L(θ*) = −∂θ̇/∂θ at the limit and picks the eigenvector with positive eigenvalue closest to the direction seen
/// along the trajectory (paper 000, Lemma 5.2 needs lim θ̇/|θ̇|; near a Morse–Bott minimum it is such an eigenvector).
/// </summary>
public static class LimitingDirectionCheck
{
    /// <summary>Eigenvalues below this fraction of the largest one count as zero (tangent to the set of minima).</summary>
    private const double ZeroEigenvalueFraction = 1e-9;

    /// <summary>
    /// The trajectory's direction <paramref name="unit"/> (with its <paramref name="stepChange"/>) completed with the
    /// Hessian eigenvector at <paramref name="limit"/>; the error estimate becomes max(step change, |unit − eigenvector|).
    /// </summary>
    public static LimitingDirection Check(GradientFlowSystem system, IReadOnlyList<double> limit, IReadOnlyList<double> unit, double stepChange)
    {
        var jacobian = system.JacobianAt(limit.ToArray());
        int n = system.Dimension;
        var hessian = Matrix<double>.Build.Dense(n, n, (i, j) => -0.5 * (jacobian[i, j] + jacobian[j, i]));
        if (!hessian.Enumerate().All(double.IsFinite)) return new LimitingDirection(unit, stepChange, stepChange, null, null);
        var evd = hessian.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(c => c.Real).ToArray();
        double largest = values.Max(Math.Abs);
        int best = -1;
        double bestDot = 0;
        for (int k = 0; k < n; k++)
        {
            if (!(values[k] > ZeroEigenvalueFraction * largest)) continue;
            double dot = 0;
            for (int i = 0; i < n; i++) dot += evd.EigenVectors[i, k] * unit[i];
            if (Math.Abs(dot) > Math.Abs(bestDot)) { best = k; bestDot = dot; }
        }
        if (best < 0) return new LimitingDirection(unit, stepChange, stepChange, null, null);
        double sign = bestDot < 0 ? -1 : 1;
        var v = Enumerable.Range(0, n).Select(i => sign * evd.EigenVectors[i, best]).ToArray();
        double distance = Math.Sqrt(v.Select((c, i) => (c - unit[i]) * (c - unit[i])).Sum());
        return new LimitingDirection(unit, Math.Max(stepChange, distance), stepChange, v, values[best]);
    }
}
