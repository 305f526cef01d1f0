using MathNet.Numerics.LinearAlgebra;

namespace ProofWorkbench.Papers.VardiShamir2021;

/// <summary>
/// One phase of the gradient flow of the ReLU neuron with a fixed active set A: the linear system
/// ẇ = −H w + b with H = 2c·X_AᵀX_A and b = 2c·X_Aᵀy_A (loss c·Σ(σ(wᵀxᵢ) − yᵢ)², c = ½ in paper 002, eq. (1)), solved in
/// closed form through the eigen-decomposition H = QΛQᵀ (paper 002, Appendix A, Lemma A.1, eq. (4), and the phase
/// solutions eqs. (6), (8), (9)): with z = Qᵀw, z_k(t) = z_k* + (z_k(s) − z_k*)·e^{−λ_k(t−s)}, z_k* = (Qᵀb)_k/λ_k, for
/// λ_k &gt; 0, and z_k(t) = z_k(s) + (Qᵀb)_k·(t − s) on the kernel of H. Immutable.
/// </summary>
public sealed class LinearPhase
{
    private readonly double[] lambda;
    private readonly double[,] q; // columns: eigenvectors
    private readonly double[] zStart, zTarget, zDrift;
    private readonly bool[] positive;

    /// <summary>The phase of <paramref name="active"/> samples starting at time <paramref name="start"/> from <paramref name="startPoint"/>.</summary>
    public LinearPhase(double[][] x, double[] y, bool[] active, double lossScale, double start, double[] startPoint)
    {
        int d = startPoint.Length;
        Active = (bool[])active.Clone();
        Start = start;
        StartPoint = (double[])startPoint.Clone();
        var h = new double[d, d];
        var b = new double[d];
        for (int i = 0; i < x.Length; i++)
        {
            if (!active[i]) continue;
            for (int k = 0; k < d; k++)
            {
                b[k] += 2 * lossScale * x[i][k] * y[i];
                for (int l = 0; l < d; l++) h[k, l] += 2 * lossScale * x[i][k] * x[i][l];
            }
        }
        var evd = Matrix<double>.Build.DenseOfArray(h).Evd(Symmetricity.Symmetric);
        lambda = evd.EigenValues.Select(e => e.Real).ToArray();
        q = evd.EigenVectors.ToArray();
        double scale = Math.Max(1e-300, lambda.Select(Math.Abs).DefaultIfEmpty(0).Max());
        positive = lambda.Select(l => l > 1e-12 * scale).ToArray();
        zStart = new double[d];
        zTarget = new double[d];
        zDrift = new double[d];
        double residual = 0;
        for (int k = 0; k < d; k++)
        {
            double qb = 0, qw = 0;
            for (int l = 0; l < d; l++) { qb += q[l, k] * b[l]; qw += q[l, k] * startPoint[l]; }
            zStart[k] = qw;
            if (positive[k]) zTarget[k] = qb / lambda[k];
            else { zTarget[k] = qw; zDrift[k] = qb; }
            // ‖HQ − QΛ‖ column k: the decomposition's own residual
            for (int l = 0; l < d; l++)
            {
                double hq = 0;
                for (int m = 0; m < d; m++) hq += h[l, m] * q[m, k];
                residual = Math.Max(residual, Math.Abs(hq - q[l, k] * lambda[k]));
            }
        }
        DecompositionResidual = residual;
        Eigenvalues = lambda.ToArray();
    }

    /// <summary>The start time s.</summary>
    public double Start { get; }
    /// <summary>w(s).</summary>
    public IReadOnlyList<double> StartPoint { get; }
    /// <summary>The active set (true: sample i on the branch uᵢ &gt; 0).</summary>
    public IReadOnlyList<bool> Active { get; }
    /// <summary>The eigenvalues λ_k of H (ascending).</summary>
    public IReadOnlyList<double> Eigenvalues { get; }
    /// <summary>max |(HQ − QΛ)_{lk}|: how well the eigen-decomposition reproduces H.</summary>
    public double DecompositionResidual { get; }
    /// <summary>The smallest positive eigenvalue (∞ when H = 0): the slowest rate of the phase.</summary>
    public double SlowestRate => lambda.Where((_, k) => positive[k]).DefaultIfEmpty(double.PositiveInfinity).Min();
    /// <summary>True when the phase has a finite limit as t → ∞ (no drift along the kernel of H).</summary>
    public bool HasLimit => zDrift.All(g => Math.Abs(g) <= 1e-12 * Math.Max(1, zTarget.Select(Math.Abs).DefaultIfEmpty(0).Max()));

    /// <summary>w(t) for t ≥ s.</summary>
    public double[] At(double t)
    {
        int d = zStart.Length;
        var z = new double[d];
        double tau = t - Start;
        for (int k = 0; k < d; k++)
            z[k] = positive[k] ? zTarget[k] + (zStart[k] - zTarget[k]) * Math.Exp(-lambda[k] * tau) : zStart[k] + zDrift[k] * tau;
        return Rotate(z);
    }

    /// <summary>lim_{t→∞} w(t) of this phase (meaningful when <see cref="HasLimit"/>).</summary>
    public double[] Limit() => Rotate(zTarget);

    /// <summary>ẇ(t) = −H w(t) + b, in closed form: −λ_k (z_k(s) − z_k*) e^{−λ_k(t−s)} per mode.</summary>
    public double[] Velocity(double t)
    {
        int d = zStart.Length;
        var z = new double[d];
        double tau = t - Start;
        for (int k = 0; k < d; k++)
            z[k] = positive[k] ? -lambda[k] * (zStart[k] - zTarget[k]) * Math.Exp(-lambda[k] * tau) : zDrift[k];
        return Rotate(z);
    }

    /// <summary>
    /// A bound on max_{t ≥ T} |xᵀ(w(t) − w(∞))|: Σ_k |xᵀq_k|·|z_k(s) − z_k*|·e^{−λ_k(T−s)} (the tail of the pre-activation
    /// u = xᵀw after time T; infinite when the phase drifts).
    /// </summary>
    public double TailBound(double[] x, double t)
    {
        if (!HasLimit) return double.PositiveInfinity;
        double sum = 0;
        for (int k = 0; k < zStart.Length; k++)
        {
            if (!positive[k]) continue;
            double xq = 0;
            for (int l = 0; l < x.Length; l++) xq += x[l] * q[l, k];
            sum += Math.Abs(xq) * Math.Abs(zStart[k] - zTarget[k]) * Math.Exp(-lambda[k] * (t - Start));
        }
        return sum;
    }

    private double[] Rotate(double[] z)
    {
        int d = z.Length;
        var w = new double[d];
        for (int l = 0; l < d; l++)
        {
            double s = 0;
            for (int k = 0; k < d; k++) s += q[l, k] * z[k];
            w[l] = s;
        }
        return w;
    }
}
