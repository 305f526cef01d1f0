using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;

namespace ProofWorkbench.Papers.Zhang2023.Constructions;

/// <summary>
/// Certified linear independence of vectors with transcendental entries (paper 000, Lemma 5.2's hypothesis and the
/// One-point Recipe's step (b)): each entry is enclosed by outward-rounded interval arithmetic, and a k×k minor whose
/// determinant enclosure (Laplace expansion in interval arithmetic) excludes 0 proves that the k vectors are independent.
/// </summary>
public static class IntervalDeterminant
{
    /// <summary>An enclosure of det(m) for a square matrix of intervals (Laplace expansion along the first row).</summary>
    public static Interval Of(IReadOnlyList<IReadOnlyList<Interval>> m)
    {
        int n = m.Count;
        if (n == 0) return Interval.Point(1);
        if (m.Any(r => r.Count != n)) throw new ArgumentException("The matrix must be square.", nameof(m));
        if (n == 1) return m[0][0];
        var sum = Interval.Point(0);
        for (int j = 0; j < n; j++)
        {
            var minor = m.Skip(1).Select(r => (IReadOnlyList<Interval>)r.Where((_, c) => c != j).ToList()).ToList();
            var term = m[0][j] * Of(minor);
            sum = j % 2 == 0 ? sum + term : sum - term;
        }
        return sum;
    }

    /// <summary>det(m) as an expression, by the same Laplace expansion as <see cref="Of"/> (so interval evaluation of the
    /// expression repeats that enclosure): a certificate states it with its enclosure for an independent re-check.</summary>
    public static Expr Expression(IReadOnlyList<IReadOnlyList<Expr>> m)
    {
        int n = m.Count;
        if (n == 0) return Expr.One;
        if (m.Any(r => r.Count != n)) throw new ArgumentException("The matrix must be square.", nameof(m));
        if (n == 1) return m[0][0];
        Expr? sum = null;
        for (int j = 0; j < n; j++)
        {
            var minor = m.Skip(1).Select(r => (IReadOnlyList<Expr>)r.Where((_, c) => c != j).ToList()).ToList();
            var term = Expr.Mul(m[0][j], Expression(minor));
            sum = sum is null ? term : j % 2 == 0 ? Expr.Add(sum, term) : Expr.Sub(sum, term);
        }
        return sum!;
    }

    /// <summary>
    /// The columns of a k×k minor of the k vectors (rows) whose determinant enclosure excludes 0, searched in
    /// lexicographic order of column sets (at most <paramref name="maxMinors"/> of them); null when none is found.
    /// </summary>
    public static (int[] Columns, Interval Determinant)? IndependentMinor(IReadOnlyList<IReadOnlyList<Interval>> rows, int maxMinors = 5000)
    {
        int k = rows.Count;
        if (k == 0) return ([], Interval.Point(1));
        int m = rows[0].Count;
        if (k > m) return null;
        int tried = 0;
        foreach (var cols in Combinations(m, k))
        {
            if (++tried > maxMinors) break;
            var det = Of(rows.Select(r => (IReadOnlyList<Interval>)cols.Select(c => r[c]).ToList()).ToList());
            if (double.IsFinite(det.Lo) && double.IsFinite(det.Hi) && !det.ContainsZero) return (cols, det);
        }
        return null;
    }

    private static IEnumerable<int[]> Combinations(int n, int k)
    {
        var c = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return (int[])c.Clone();
            int i = k - 1;
            while (i >= 0 && c[i] == n - k + i) i--;
            if (i < 0) yield break;
            c[i]++;
            for (int j = i + 1; j < k; j++) c[j] = c[j - 1] + 1;
        }
    }
}
