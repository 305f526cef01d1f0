namespace ProofWorkbench.Symbolic.Intervals;

/// <summary>
/// A closed interval [Lo, Hi] of reals with outward rounding: every operation widens its double result
/// by one ulp per endpoint (two for library functions), so the true result is enclosed provided the
/// platform's Math functions are accurate to within one ulp (the documented assumption; IEEE-754
/// arithmetic itself is correctly rounded).
/// </summary>
public readonly record struct Interval(double Lo, double Hi)
{
    /// <summary>The whole real line (also the answer where a function is undefined somewhere in the argument).</summary>
    public static readonly Interval Entire = new(double.NegativeInfinity, double.PositiveInfinity);

    /// <summary>The point interval [x, x].</summary>
    public static Interval Point(double x) => new(x, x);

    /// <summary>True when 0 ∈ [Lo, Hi] (or the interval is not finite).</summary>
    public bool ContainsZero => !(Lo > 0 || Hi < 0);
    /// <summary>Hi − Lo.</summary>
    public double Width => Hi - Lo;
    /// <summary>Midpoint.</summary>
    public double Mid => Lo + (Hi - Lo) / 2;

    private static double Down(double x, int ulps = 1)
    {
        if (double.IsNaN(x)) return double.NegativeInfinity;
        for (int i = 0; i < ulps; i++) x = Math.BitDecrement(x);
        return x;
    }

    private static double Up(double x, int ulps = 1)
    {
        if (double.IsNaN(x)) return double.PositiveInfinity;
        for (int i = 0; i < ulps; i++) x = Math.BitIncrement(x);
        return x;
    }

    /// <summary>Sum.</summary>
    public static Interval operator +(Interval a, Interval b) => new(Down(a.Lo + b.Lo), Up(a.Hi + b.Hi));
    /// <summary>Negation (exact).</summary>
    public static Interval operator -(Interval a) => new(-a.Hi, -a.Lo);
    /// <summary>Difference.</summary>
    public static Interval operator -(Interval a, Interval b) => a + -b;

    /// <summary>Product.</summary>
    public static Interval operator *(Interval a, Interval b)
    {
        double p1 = a.Lo * b.Lo, p2 = a.Lo * b.Hi, p3 = a.Hi * b.Lo, p4 = a.Hi * b.Hi;
        if (double.IsNaN(p1) || double.IsNaN(p2) || double.IsNaN(p3) || double.IsNaN(p4)) return Entire; // 0·∞
        return new(Down(Math.Min(Math.Min(p1, p2), Math.Min(p3, p4))), Up(Math.Max(Math.Max(p1, p2), Math.Max(p3, p4))));
    }

    /// <summary>Quotient; the entire line when the divisor contains 0.</summary>
    public static Interval operator /(Interval a, Interval b)
    {
        if (b.ContainsZero) return Entire;
        return a * new Interval(Down(1 / b.Hi), Up(1 / b.Lo));
    }

    /// <summary>x^n for an integer n.</summary>
    public Interval Pow(int n)
    {
        if (n == 0) return Point(1);
        if (n < 0) return Point(1) / Pow(-n);
        double lo = Math.Pow(Lo, n), hi = Math.Pow(Hi, n);
        if (n % 2 == 1) return new(Down(lo, 2), Up(hi, 2));
        if (ContainsZero) return new(0, Up(Math.Max(lo, hi), 2));
        return new(Math.Max(0, Down(Math.Min(lo, hi), 2)), Up(Math.Max(lo, hi), 2));
    }

    /// <summary>Image under a nondecreasing library function.</summary>
    public Interval Monotone(Func<double, double> f) => new(Down(f(Lo), 2), Up(f(Hi), 2));

    /// <summary>Convex hull of two intervals.</summary>
    public Interval Hull(Interval other) => new(Math.Min(Lo, other.Lo), Math.Max(Hi, other.Hi));

    /// <inheritdoc/>
    public override string ToString() => $"[{Lo:R}, {Hi:R}]";
}
