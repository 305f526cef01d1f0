using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Papers.Woodworth2020;

/// <summary>The exact minimum-ℓ1 interpolants: every optimal vertex and the optimal value.</summary>
/// <param name="Minimizers">The optimal basic solutions (one when the minimizer is unique among vertices).</param>
/// <param name="Norm">min ‖β‖₁ over Xβ = y.</param>
/// <param name="VerticesExamined">How many bases were solved.</param>
public sealed record L1Solution(IReadOnlyList<Rational[]> Minimizers, Rational Norm, int VerticesExamined);

/// <summary>
/// The two references of paper 003, Section 4: β*_L2 = argmin ‖β‖₂ s.t. Xβ = y (the kernel regime, α → ∞) and
/// β*_L1 = argmin ‖β‖₁ s.t. Xβ = y (the rich regime, α → 0), both exactly over ℚ.
/// </summary>
public static class ExactInterpolants
{
    /// <summary>Most bases enumerated for the ℓ1 problem (bounded search).</summary>
    public const int MaxBases = 200_000;

    /// <summary>β*_L2 = Xᵀ(XXᵀ)⁻¹y, exactly; throws <see cref="InputException"/> when X has dependent rows.</summary>
    public static Rational[] MinL2(IReadOnlyList<IReadOnlyList<Rational>> x, IReadOnlyList<Rational> y)
    {
        int n = x.Count, d = x[0].Count;
        var gram = Enumerable.Range(0, n).Select(i => (IReadOnlyList<Rational>)Enumerable.Range(0, n).Select(k => ExactLinearAlgebra.Dot(x[i], x[k])).ToArray()).ToArray();
        var c = ExactLinearAlgebra.Solve(gram, y) ?? throw new InputException("X has linearly dependent rows (XXᵀ is singular); remove the redundant samples.");
        return Enumerable.Range(0, d).Select(j => Enumerable.Range(0, n).Aggregate(Rational.Zero, (s, i) => s + x[i][j] * c[i])).ToArray();
    }

    /// <summary>
    /// min ‖β‖₁ s.t. Xβ = y as the linear program min 𝟏ᵀ(u + v) s.t. [X, −X](u; v) = y, u, v ≥ 0: its optimum is attained
    /// at a basic feasible solution, so every choice of N linearly independent columns of [X, −X] is solved exactly and the
    /// feasible ones compared. Bounded by <see cref="MaxBases"/>.
    /// </summary>
    public static L1Solution MinL1(IReadOnlyList<IReadOnlyList<Rational>> x, IReadOnlyList<Rational> y)
    {
        int n = x.Count, d = x[0].Count, m = 2 * d;
        Rational Column(int c, int i) => c < d ? x[i][c] : -x[i][c - d];
        var best = new List<Rational[]>();
        Rational? bestNorm = null;
        int examined = 0;
        foreach (var basis in Combinations(m, n))
        {
            if (++examined > MaxBases) throw new InputException($"the ℓ1 reference needs more than {MaxBases} bases; use a smaller instance.");
            // Skip bases using both u_j and v_j (their columns are dependent).
            if (basis.Any(c => c < d && basis.Contains(c + d))) continue;
            var a = Enumerable.Range(0, n).Select(i => (IReadOnlyList<Rational>)basis.Select(c => Column(c, i)).ToArray()).ToArray();
            var s = ExactLinearAlgebra.Solve(a, y);
            if (s is null || s.Any(v => v.Sign < 0)) continue;
            var beta = Enumerable.Repeat(Rational.Zero, d).ToArray();
            for (int k = 0; k < n; k++) beta[basis[k] % d] += basis[k] < d ? s[k] : -s[k];
            var norm = beta.Aggregate(Rational.Zero, (acc, v) => acc + v.Abs());
            if (bestNorm is null || norm < bestNorm) { bestNorm = norm; best = [beta]; }
            else if (norm == bestNorm && !best.Any(b => b.SequenceEqual(beta))) best.Add(beta);
        }
        if (bestNorm is null) throw new InputException("Xβ = y has no solution; the data cannot be interpolated.");
        return new L1Solution(best, bestNorm.Value, examined);
    }

    private static IEnumerable<int[]> Combinations(int m, int k)
    {
        var c = Enumerable.Range(0, k).ToArray();
        if (k > m) yield break;
        while (true)
        {
            yield return (int[])c.Clone();
            int i = k - 1;
            while (i >= 0 && c[i] == m - k + i) i--;
            if (i < 0) yield break;
            c[i]++;
            for (int j = i + 1; j < k; j++) c[j] = c[j - 1] + 1;
        }
    }
}
