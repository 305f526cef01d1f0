using MathNet.Numerics.LinearAlgebra;

namespace ProofWorkbench.Dynamics;

/// <summary>
/// The second-order model of L_S at a point: the Hessian H = ∇²L_S(θ) = −∂θ̇/∂θ (the exact Jacobian of the
/// field, symmetrized against round-off), eigen-decomposed. Near a minimum the flow is θ̇ ≈ −H(θ − θ*), so
/// ‖H⁺∇L(θ)‖ — H's pseudo-inverse on the eigenvalues that are not zero relative to the largest — estimates the
/// distance to the limit, whatever the ratio of the slow and fast rates (a fast mode disturbed at the tolerance
/// level inflates ‖∇L‖ by its large eigenvalue but not this distance), and the flow arrives along an eigenvector.
/// </summary>
public sealed class LocalQuadraticModel
{
    /// <summary>|λ| below this fraction of the largest |λ| counts as zero (directions tangent to a set of minima).</summary>
    public const double ZeroEigenvalueFraction = 1e-9;

    private readonly double[] values;
    private readonly Matrix<double> vectors;

    private LocalQuadraticModel(double[] values, Matrix<double> vectors)
    {
        this.values = values; this.vectors = vectors;
    }

    /// <summary>The eigenvalues of H (ascending).</summary>
    public IReadOnlyList<double> EigenValues => values;

    /// <summary>max |λ|, the spectral norm of H.</summary>
    public double Norm => values.Length == 0 ? 0 : values.Max(Math.Abs);

    /// <summary>The unit eigenvector number <paramref name="k"/>.</summary>
    public double[] EigenVector(int k) => vectors.Column(k).ToArray();

    /// <summary>The model at θ, or null when the Hessian is not finite there.</summary>
    public static LocalQuadraticModel? At(GradientFlowSystem system, ReadOnlySpan<double> theta)
    {
        var jacobian = system.JacobianAt(theta);
        int n = system.Dimension;
        var hessian = Matrix<double>.Build.Dense(n, n, (i, j) => -0.5 * (jacobian[i, j] + jacobian[j, i]));
        if (!hessian.Enumerate().All(double.IsFinite)) return null;
        var evd = hessian.Evd(Symmetricity.Symmetric);
        return new LocalQuadraticModel(evd.EigenValues.Select(c => c.Real).ToArray(), evd.EigenVectors);
    }

    /// <summary>True when eigenvalue <paramref name="k"/> is not zero relative to the largest.</summary>
    public bool IsNonZero(int k) => Math.Abs(values[k]) > ZeroEigenvalueFraction * Norm;

    /// <summary>‖H⁺g‖ over the non-zero eigenvalues (|λ| used, so a saddle gives a distance too).</summary>
    public double NewtonDistance(ReadOnlySpan<double> gradient)
    {
        double sum = 0;
        for (int k = 0; k < values.Length; k++)
        {
            if (!IsNonZero(k)) continue;
            double c = 0;
            for (int i = 0; i < gradient.Length; i++) c += vectors[i, k] * gradient[i];
            sum += c * c / (values[k] * values[k]);
        }
        return Math.Sqrt(sum);
    }
}
