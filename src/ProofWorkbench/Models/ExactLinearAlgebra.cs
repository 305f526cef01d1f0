using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Models;

/// <summary>Gaussian elimination over exact rationals (for KKT multipliers and independence checks).</summary>
public static class ExactLinearAlgebra
{
    /// <summary>The determinant of a square matrix.</summary>
    public static Rational Determinant(Rational[,] m)
    {
        int n = m.GetLength(0);
        if (n != m.GetLength(1)) throw new ArgumentException("The matrix must be square.");
        var a = (Rational[,])m.Clone();
        Rational det = Rational.One;
        for (int c = 0; c < n; c++)
        {
            int p = Enumerable.Range(c, n - c).FirstOrDefault(r => !a[r, c].IsZero, -1);
            if (p < 0) return Rational.Zero;
            if (p != c) { Swap(a, p, c); det = -det; }
            det *= a[c, c];
            for (int r = c + 1; r < n; r++)
            {
                var f = a[r, c] / a[c, c];
                if (f.IsZero) continue;
                for (int k = c; k < n; k++) a[r, k] -= f * a[c, k];
            }
        }
        return det;
    }

    /// <summary>Solves A·x = b for square nonsingular A; null when A is singular.</summary>
    public static Rational[]? Solve(Rational[,] m, Rational[] b)
    {
        int n = b.Length;
        var a = new Rational[n, n + 1];
        for (int i = 0; i < n; i++) { for (int j = 0; j < n; j++) a[i, j] = m[i, j]; a[i, n] = b[i]; }
        for (int c = 0; c < n; c++)
        {
            int p = Enumerable.Range(c, n - c).FirstOrDefault(r => !a[r, c].IsZero, -1);
            if (p < 0) return null;
            if (p != c) Swap(a, p, c);
            for (int r = 0; r < n; r++)
            {
                if (r == c || a[r, c].IsZero) continue;
                var f = a[r, c] / a[c, c];
                for (int k = c; k <= n; k++) a[r, k] -= f * a[c, k];
            }
        }
        return Enumerable.Range(0, n).Select(i => a[i, n] / a[i, i]).ToArray();
    }

    /// <summary>The rank of a matrix (rows × columns).</summary>
    public static int Rank(Rational[,] m)
    {
        int rows = m.GetLength(0), cols = m.GetLength(1), rank = 0;
        var a = (Rational[,])m.Clone();
        for (int c = 0; c < cols && rank < rows; c++)
        {
            int p = Enumerable.Range(rank, rows - rank).FirstOrDefault(r => !a[r, c].IsZero, -1);
            if (p < 0) continue;
            Swap(a, p, rank);
            for (int r = rank + 1; r < rows; r++)
            {
                var f = a[r, c] / a[rank, c];
                for (int k = c; k < cols; k++) a[r, k] -= f * a[rank, k];
            }
            rank++;
        }
        return rank;
    }

    private static void Swap(Rational[,] a, int i, int j)
    {
        for (int k = 0; k < a.GetLength(1); k++) (a[i, k], a[j, k]) = (a[j, k], a[i, k]);
    }
}
