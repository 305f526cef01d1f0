using ProofWorkbench.Numerics.Ode;
using ProofWorkbench.Symbolic.Compilation;

namespace ProofWorkbench.Papers.Blanc2020;

/// <summary>The predicted slow path θ(τ) at the requested times, with an error estimate.</summary>
/// <param name="Times">τ values.</param>
/// <param name="Theta">θ(τ) per time.</param>
/// <param name="Error">max-norm difference of the runs at tolerances 1e-10 and 1e-12 over all times (the error estimate).</param>
/// <param name="FieldEvaluations">Right-hand-side evaluations of the accurate run.</param>
/// <param name="Coarse">θ(τ) per time from the run at tolerance 1e-10 (the error estimate's comparison).</param>
public sealed record DriftPath(IReadOnlyList<double> Times, IReadOnlyList<double[]> Theta, double Error, long FieldEvaluations, IReadOnlyList<double[]> Coarse);

/// <summary>
/// The slow motion along the zero-loss manifold that the label-noise analysis predicts (Blanc et al. 2020, Section 3.3;
/// the Ornstein–Uhlenbeck picture): with τ = η²·Var ξ·k/n after k steps (i uniform over n samples; one sample: τ =
/// η²·Var ξ·k), θ follows dθ/dτ = −P_T(θ)∇R(θ), P_T the orthogonal projection on the tangent space {v : ∇hᵢ·v = 0 ∀i}.
/// Derivation (to leading order in η): the OU covariance of the normal fluctuation is E[δδᵀ] ≈ η·Var ξ·P_N, and the
/// 2nd-order term −2η h_i^{j,θ} h_i^θ of eq. (6) then has mean −η²·Var ξ·∂_j R/n; the normal part of the drift is
/// absorbed by the mean reversion. Integrated with DOP853 (tolerance 1e-12, dense output); the error estimate is the
/// difference to a run at 1e-10.
/// </summary>
public static class ManifoldDriftPath
{
    /// <summary>θ(τ) at <paramref name="times"/> (ascending, ≥ 0) from <paramref name="theta0"/>.</summary>
    public static DriftPath Predict(ImplicitRegularizer r, IReadOnlyList<double> theta0, IReadOnlyList<double> times)
    {
        int m = r.Parameters.Count, n = r.Outputs.Count;
        var exprs = r.Gradients.SelectMany(g => g).Concat(r.RegularizerGradient).ToArray();
        var compiled = Compiler.CompileVector(exprs, r.Parameters);
        VectorField field = (_, y, dydt) =>
        {
            var buffer = new double[exprs.Length];
            compiled(y.ToArray(), buffer);
            var dR = buffer.AsSpan(n * m, m).ToArray();
            Project(buffer.AsSpan(0, n * m), dR, m, n);
            for (int j = 0; j < m; j++) dydt[j] = -dR[j];
        };
        double tEnd = times.Max();
        if (tEnd == 0) return new DriftPath(times, times.Select(_ => theta0.ToArray()).ToArray(), 0, 0, times.Select(_ => theta0.ToArray()).ToArray());
        var accurate = Solve(field, theta0, tEnd, 1e-12);
        var coarse = Solve(field, theta0, tEnd, 1e-10);
        var thetas = new List<double[]>();
        var coarseThetas = new List<double[]>();
        double error = 0;
        foreach (var t in times)
        {
            var a = t == 0 ? theta0.ToArray() : accurate.Evaluate(t);
            var c = t == 0 ? theta0.ToArray() : coarse.Evaluate(t);
            for (int j = 0; j < m; j++) error = Math.Max(error, Math.Abs(a[j] - c[j]));
            thetas.Add(a);
            coarseThetas.Add(c);
        }
        return new DriftPath(times, thetas, error, accurate.Statistics.RhsEvaluations, coarseThetas);
    }

    private static OdeSolution Solve(VectorField field, IReadOnlyList<double> theta0, double tEnd, double tol)
    {
        var solution = OdeSolver.Solve(new OdeProblem(field, 0, theta0.ToArray(), tEnd), new Dop853(),
            new OdeOptions { RelativeTolerance = tol, AbsoluteTolerance = tol, DenseOutput = true, MaxSteps = 1_000_000 });
        if (!solution.IsSuccess) throw new InvalidOperationException($"the drift ODE failed: {solution.Message}");
        return solution;
    }

    /// <summary>v ← v − Gᵀ(GGᵀ)⁻¹Gv, G the n×m matrix of the sample gradients (rows); Gaussian elimination on GGᵀ.</summary>
    public static void Project(ReadOnlySpan<double> g, double[] v, int m, int n)
    {
        var gram = new double[n, n + 1];
        for (int a = 0; a < n; a++)
        {
            for (int b = 0; b < n; b++)
            {
                double s = 0;
                for (int j = 0; j < m; j++) s += g[a * m + j] * g[b * m + j];
                gram[a, b] = s;
            }
            double gv = 0;
            for (int j = 0; j < m; j++) gv += g[a * m + j] * v[j];
            gram[a, n] = gv;
        }
        for (int p = 0; p < n; p++)
        {
            int pivot = p;
            for (int q = p + 1; q < n; q++) if (Math.Abs(gram[q, p]) > Math.Abs(gram[pivot, p])) pivot = q;
            for (int c = 0; c <= n; c++) (gram[p, c], gram[pivot, c]) = (gram[pivot, c], gram[p, c]);
            for (int q = 0; q < n; q++)
            {
                if (q == p) continue;
                double f = gram[q, p] / gram[p, p];
                for (int c = p; c <= n; c++) gram[q, c] -= f * gram[p, c];
            }
        }
        for (int a = 0; a < n; a++)
        {
            double lambda = gram[a, n] / gram[a, a];
            for (int j = 0; j < m; j++) v[j] -= lambda * g[a * m + j];
        }
    }
}
