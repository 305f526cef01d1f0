namespace ProofWorkbench.Symbolic.Numbers;

/// <summary>Exact linear algebra over ℚ (Gaussian elimination in <see cref="Rational"/> arithmetic).</summary>
public static class ExactLinearAlgebra
{
    /// <summary>The determinant of a square matrix given by rows.</summary>
    public static Rational Determinant(IReadOnlyList<IReadOnlyList<Rational>> rows)
    {
        int n = rows.Count;
        if (rows.Any(r => r.Count != n)) throw new ArgumentException("The matrix must be square.", nameof(rows));
        var a = rows.Select(r => r.ToArray()).ToArray();
        Rational det = Rational.One;
        for (int col = 0; col < n; col++)
        {
            int pivot = -1;
            for (int r = col; r < n; r++) if (!a[r][col].IsZero) { pivot = r; break; }
            if (pivot < 0) return Rational.Zero;
            if (pivot != col) { (a[pivot], a[col]) = (a[col], a[pivot]); det = -det; }
            det *= a[col][col];
            for (int r = col + 1; r < n; r++)
            {
                if (a[r][col].IsZero) continue;
                var f = a[r][col] / a[col][col];
                for (int c = col; c < n; c++) a[r][c] -= f * a[col][c];
            }
        }
        return det;
    }

    /// <summary>The rank of a matrix given by rows (all rows of equal length).</summary>
    public static int Rank(IReadOnlyList<IReadOnlyList<Rational>> rows)
    {
        if (rows.Count == 0) return 0;
        int m = rows[0].Count;
        if (rows.Any(r => r.Count != m)) throw new ArgumentException("All rows must have the same length.", nameof(rows));
        var a = rows.Select(r => r.ToArray()).ToList();
        int rank = 0;
        for (int col = 0; col < m && rank < a.Count; col++)
        {
            int pivot = -1;
            for (int r = rank; r < a.Count; r++) if (!a[r][col].IsZero) { pivot = r; break; }
            if (pivot < 0) continue;
            (a[pivot], a[rank]) = (a[rank], a[pivot]);
            for (int r = rank + 1; r < a.Count; r++)
            {
                if (a[r][col].IsZero) continue;
                var f = a[r][col] / a[rank][col];
                for (int c = col; c < m; c++) a[r][c] -= f * a[rank][c];
            }
            rank++;
        }
        return rank;
    }

    /// <summary>Solves A·x = b for a square nonsingular A given by rows (Gauss–Jordan); null when A is singular.</summary>
    public static Rational[]? Solve(IReadOnlyList<IReadOnlyList<Rational>> rows, IReadOnlyList<Rational> b)
    {
        int n = b.Count;
        if (rows.Count != n || rows.Any(r => r.Count != n)) throw new ArgumentException("A must be square and match b.", nameof(rows));
        var a = rows.Select((r, i) => r.Append(b[i]).ToArray()).ToArray();
        for (int col = 0; col < n; col++)
        {
            int pivot = -1;
            for (int r = col; r < n; r++) if (!a[r][col].IsZero) { pivot = r; break; }
            if (pivot < 0) return null;
            (a[pivot], a[col]) = (a[col], a[pivot]);
            for (int r = 0; r < n; r++)
            {
                if (r == col || a[r][col].IsZero) continue;
                var f = a[r][col] / a[col][col];
                for (int c = col; c <= n; c++) a[r][c] -= f * a[col][c];
            }
        }
        return Enumerable.Range(0, n).Select(i => a[i][n] / a[i][i]).ToArray();
    }

    /// <summary>The dot product.</summary>
    public static Rational Dot(IReadOnlyList<Rational> a, IReadOnlyList<Rational> b)
    {
        if (a.Count != b.Count) throw new ArgumentException("Vectors of different lengths.");
        var s = Rational.Zero;
        for (int i = 0; i < a.Count; i++) s += a[i] * b[i];
        return s;
    }

    /// <summary>a − b.</summary>
    public static Rational[] Subtract(IReadOnlyList<Rational> a, IReadOnlyList<Rational> b)
    {
        if (a.Count != b.Count) throw new ArgumentException("Vectors of different lengths.");
        return a.Select((x, i) => x - b[i]).ToArray();
    }
}
