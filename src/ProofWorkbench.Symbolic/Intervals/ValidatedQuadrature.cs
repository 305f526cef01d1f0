using ProofWorkbench.Symbolic.Expressions;

namespace ProofWorkbench.Symbolic.Intervals;

/// <summary>
/// A validated quadrature: an interval that certainly contains ∫_a^b f(v) dv, by Taylor models with interval jets
/// (Moore, Kearfott &amp; Cloud, <i>Introduction to Interval Analysis</i>, Sec. 9.3; Berz &amp; Makino's Taylor models).
/// [a, b] is cut into pieces [t, t′] of floating-point ends; with c a double near the middle and s = v − c ∈ [α, β],
/// <para>f(c + s) = Σ_{k&lt;n} f_k(c) s^k + f_n(ξ) s^n, ξ between c and c + s (Taylor with Lagrange remainder),</para>
/// <para>∫_t^{t′} f = Σ_{k&lt;n} f_k(c)(β^{k+1} − α^{k+1})/(k + 1) + R, R ∈ F_n·(β^{n+1} − α^{n+1})/(n + 1),</para>
/// where f_k(c) = f^(k)(c)/k! is enclosed by the jet at the point c and F_n ⊇ {f^(n)(ξ)/n! : ξ ∈ [t, t′]} by the jet over
/// the whole piece; n is even, so s^n ≥ 0 and the mean-value bound on R is valid. Every operation rounds outward.
/// A piece is halved while its remainder is wider than its share of the requested tolerance (bounded).
/// </summary>
public static class ValidatedQuadrature
{
    /// <summary>Taylor order n (even), the widest piece, the requested width of the result and a cap on the pieces.</summary>
    public sealed record Options(int Order = 16, double MaxPieceWidth = 0.25, double Tolerance = 1e-16, int MaxPieces = 20000);

    /// <summary>An enclosure of ∫_a^b f(v) dv for floating-point ends (either order); the whole line when f has no
    /// finite enclosure somewhere (a singularity, overflow) or the piece budget is exhausted.</summary>
    public static Interval Integrate(Expr f, string variable, double a, double b, IReadOnlyDictionary<string, Interval>? box = null, Options? options = null)
    {
        if (a == b) return Interval.Point(0);
        if (a > b) return -Integrate(f, variable, b, a, box, options);
        var o = options ?? new Options();
        if (o.Order % 2 != 0 || o.Order < 2) throw new ArgumentException("The Taylor order must be even and at least 2.", nameof(options));
        int initial = (int)Math.Min(o.MaxPieces, Math.Max(1, Math.Ceiling((b - a) / o.MaxPieceWidth)));
        var ends = new double[initial + 1];
        for (int i = 0; i <= initial; i++) ends[i] = i == initial ? b : a + (b - a) * i / initial;
        var stack = new Stack<(double Lo, double Hi, int Depth)>();
        for (int i = initial - 1; i >= 0; i--) stack.Push((ends[i], ends[i + 1], 0));
        double perUnit = o.Tolerance / (b - a);
        var total = Interval.Point(0);
        int pieces = 0;
        while (stack.Count > 0)
        {
            var (lo, hi, depth) = stack.Pop();
            if (++pieces > o.MaxPieces) return Interval.Entire;
            var (value, remainder) = Piece(f, variable, lo, hi, box, o.Order);
            double mid = lo + (hi - lo) / 2;
            bool canSplit = depth < 40 && mid > lo && mid < hi;
            bool tooWide = !(remainder.Width <= perUnit * (hi - lo));
            bool worthSplitting = double.IsFinite(remainder.Width) || depth < 8; // a singularity stays infinite: give up early
            if (canSplit && tooWide && worthSplitting)
            {
                stack.Push((mid, hi, depth + 1));
                stack.Push((lo, mid, depth + 1));
                continue;
            }
            if (!double.IsFinite(value.Lo) || !double.IsFinite(value.Hi)) return Interval.Entire;
            total += value;
        }
        return total;
    }

    /// <summary>
    /// An enclosure of ∫_a^b f(v) dv for every a ∈ <paramref name="from"/> and b ∈ <paramref name="to"/>: with p, q the
    /// lower ends, ∫_a^b f = ∫_p^q f − ∫_p^a f + ∫_q^b f, and ∫_p^a f ∈ [0, a − p]·f(A) by the mean value theorem.
    /// </summary>
    public static Interval Integrate(Expr f, string variable, Interval from, Interval to, IReadOnlyDictionary<string, Interval>? box = null, Options? options = null)
    {
        var main = Integrate(f, variable, from.Lo, to.Lo, box, options);
        return main - EndCorrection(f, variable, from, box) + EndCorrection(f, variable, to, box);
    }

    private static Interval EndCorrection(Expr f, string variable, Interval end, IReadOnlyDictionary<string, Interval>? box)
    {
        if (end.Width == 0) return Interval.Point(0);
        var values = IntervalTaylor.Jet(f, variable, end, 0, box).Value;
        return new Interval(0, end.Width) * values;
    }

    private static (Interval Value, Interval Remainder) Piece(Expr f, string variable, double lo, double hi, IReadOnlyDictionary<string, Interval>? box, int n)
    {
        double c = lo + (hi - lo) / 2;
        var alpha = Interval.Point(lo) - Interval.Point(c);
        var beta = Interval.Point(hi) - Interval.Point(c);
        var atCenter = IntervalTaylor.Jet(f, variable, Interval.Point(c), n - 1, box);
        var overPiece = IntervalTaylor.Jet(f, variable, new Interval(lo, hi), n, box);
        var sum = Interval.Point(0);
        for (int k = 0; k < n; k++)
            sum += atCenter[k] * (beta.Pow(k + 1) - alpha.Pow(k + 1)) / Interval.Point(k + 1);
        var remainder = overPiece[n] * (beta.Pow(n + 1) - alpha.Pow(n + 1)) / Interval.Point(n + 1);
        return (sum + remainder, remainder);
    }
}
