namespace ProofWorkbench.Numerics.Ode;

/// <summary>
/// Dense LU decomposition with partial pivoting for the small systems of Radau5, real and complex
/// (the equivalents of Hairer's DEC/SOL and DECC/SOLC in decsol.f). Hand-written rather than
/// MathNet.Numerics' <c>DenseMatrix.LU()</c> because Radau5 factorizes at most every step and solves
/// several times per step on systems of dimension 2–10: MathNet allocates a new matrix and factor object per
/// decomposition and a vector per solve and has no split real/imaginary complex LU, which for such tiny
/// systems costs more than the arithmetic. Matrices are row-major in flat arrays.
/// </summary>
internal static class SmallLu
{
    /// <summary>In-place LU of the n×n matrix a with row pivots; false if exactly singular or not finite.</summary>
    public static bool Decompose(Span<double> a, int n, Span<int> pivots)
    {
        for (int k = 0; k < n; k++)
        {
            int p = k;
            double max = Math.Abs(a[k * n + k]);
            for (int i = k + 1; i < n; i++)
            {
                double v = Math.Abs(a[i * n + k]);
                if (v > max) { max = v; p = i; }
            }
            pivots[k] = p;
            if (max == 0.0 || !double.IsFinite(max)) return false;
            if (p != k)
                for (int j = 0; j < n; j++) (a[k * n + j], a[p * n + j]) = (a[p * n + j], a[k * n + j]);
            double inv = 1.0 / a[k * n + k];
            for (int i = k + 1; i < n; i++)
            {
                double l = a[i * n + k] * inv;
                a[i * n + k] = l;
                if (l == 0.0) continue;
                for (int j = k + 1; j < n; j++) a[i * n + j] -= l * a[k * n + j];
            }
        }
        return true;
    }

    /// <summary>Solves LU x = b in place (b becomes x).</summary>
    public static void Solve(ReadOnlySpan<double> lu, int n, ReadOnlySpan<int> pivots, Span<double> b)
    {
        for (int k = 0; k < n; k++)
        {
            int p = pivots[k];
            if (p != k) (b[k], b[p]) = (b[p], b[k]);
        }
        for (int i = 1; i < n; i++)
        {
            double s = b[i];
            for (int j = 0; j < i; j++) s -= lu[i * n + j] * b[j];
            b[i] = s;
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double s = b[i];
            for (int j = i + 1; j < n; j++) s -= lu[i * n + j] * b[j];
            b[i] = s / lu[i * n + i];
        }
    }

    /// <summary>In-place complex LU of (ar + i·ai) with row pivots; false if singular or not finite.</summary>
    public static bool DecomposeComplex(Span<double> ar, Span<double> ai, int n, Span<int> pivots)
    {
        for (int k = 0; k < n; k++)
        {
            int p = k;
            double max = Math.Abs(ar[k * n + k]) + Math.Abs(ai[k * n + k]);
            for (int i = k + 1; i < n; i++)
            {
                double v = Math.Abs(ar[i * n + k]) + Math.Abs(ai[i * n + k]);
                if (v > max) { max = v; p = i; }
            }
            pivots[k] = p;
            if (max == 0.0 || !double.IsFinite(max)) return false;
            if (p != k)
                for (int j = 0; j < n; j++)
                {
                    (ar[k * n + j], ar[p * n + j]) = (ar[p * n + j], ar[k * n + j]);
                    (ai[k * n + j], ai[p * n + j]) = (ai[p * n + j], ai[k * n + j]);
                }
            double pr = ar[k * n + k], pi = ai[k * n + k];
            double den = pr * pr + pi * pi;
            double invr = pr / den, invi = -pi / den;
            for (int i = k + 1; i < n; i++)
            {
                double xr = ar[i * n + k], xi = ai[i * n + k];
                double lr = xr * invr - xi * invi, li = xr * invi + xi * invr;
                ar[i * n + k] = lr;
                ai[i * n + k] = li;
                if (lr == 0.0 && li == 0.0) continue;
                for (int j = k + 1; j < n; j++)
                {
                    double ur = ar[k * n + j], ui = ai[k * n + j];
                    ar[i * n + j] -= lr * ur - li * ui;
                    ai[i * n + j] -= lr * ui + li * ur;
                }
            }
        }
        return true;
    }

    /// <summary>Solves the complex system in place: (br + i·bi) becomes the solution.</summary>
    public static void SolveComplex(ReadOnlySpan<double> ar, ReadOnlySpan<double> ai, int n, ReadOnlySpan<int> pivots,
        Span<double> br, Span<double> bi)
    {
        for (int k = 0; k < n; k++)
        {
            int p = pivots[k];
            if (p != k) { (br[k], br[p]) = (br[p], br[k]); (bi[k], bi[p]) = (bi[p], bi[k]); }
        }
        for (int i = 1; i < n; i++)
        {
            double sr = br[i], si = bi[i];
            for (int j = 0; j < i; j++)
            {
                double lr = ar[i * n + j], li = ai[i * n + j];
                sr -= lr * br[j] - li * bi[j];
                si -= lr * bi[j] + li * br[j];
            }
            br[i] = sr; bi[i] = si;
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double sr = br[i], si = bi[i];
            for (int j = i + 1; j < n; j++)
            {
                double ur = ar[i * n + j], ui = ai[i * n + j];
                sr -= ur * br[j] - ui * bi[j];
                si -= ur * bi[j] + ui * br[j];
            }
            double dr = ar[i * n + i], di = ai[i * n + i];
            double den = dr * dr + di * di;
            br[i] = (sr * dr + si * di) / den;
            bi[i] = (si * dr - sr * di) / den;
        }
    }
}
