using ProofWorkbench.Symbolic.Compilation;

namespace ProofWorkbench.Symbolic.Intervals;

/// <summary>
/// Enclosures of the elementary functions over an interval, rounded outward (two ulps for library calls, the
/// assumption of <see cref="Interval"/>). The activations are built from exp and log here so that they inherit the same
/// assumption instead of adding their own.
/// </summary>
public static class IntervalFunctions
{
    /// <summary>exp, nonnegative.</summary>
    public static Interval Exp(Interval x)
    {
        var r = x.Monotone(Math.Exp);
        return r with { Lo = Math.Max(0, r.Lo) };
    }

    /// <summary>log; the whole line when the argument reaches 0 or below (undefined somewhere in it).</summary>
    public static Interval Log(Interval x) => x.Lo <= 0 ? Interval.Entire : x.Monotone(Math.Log);

    /// <summary>√x; the whole line when x &lt; 0 somewhere.</summary>
    public static Interval Sqrt(Interval x) => x.Lo < 0 ? Interval.Entire : x.Monotone(Math.Sqrt) with { Lo = Math.Max(0, x.Monotone(Math.Sqrt).Lo) };

    /// <summary>The logistic sigmoid 1/(1 + e^{−x}), within [0, 1].</summary>
    public static Interval Sigmoid(Interval x)
    {
        var r = Interval.Point(1) / (Interval.Point(1) + Exp(-x));
        return Clamp(r, 0, 1);
    }

    /// <summary>softplus log(1 + e^x) = x + log(1 + e^{−x}); the second form where x is large (no overflow).</summary>
    public static Interval Softplus(Interval x)
    {
        if (x.Hi <= 20) return Positive(Log(Interval.Point(1) + Exp(x)));
        if (x.Lo >= 0) return Positive(x + Log(Interval.Point(1) + Exp(-x)));
        return Softplus(new Interval(x.Lo, 0)).Hull(Softplus(new Interval(0, x.Hi)));
    }

    /// <summary>tanh, within [−1, 1] (library call, monotone).</summary>
    public static Interval Tanh(Interval x) => Clamp(x.Monotone(Math.Tanh), -1, 1);

    /// <summary>arctan (library call, monotone).</summary>
    public static Interval Atan(Interval x) => x.Monotone(Math.Atan);

    /// <summary>arsinh (library call, monotone).</summary>
    public static Interval Asinh(Interval x) => x.Monotone(Math.Asinh);

    /// <summary>e^{−x²}, within [0, 1].</summary>
    public static Interval Gaussian(Interval x) => Clamp(Exp(-x.Pow(2)), 0, 1);

    /// <summary>sin: [−1, 1] unless the interval is short and its image is decided by the library values at its ends
    /// (only used as a bound; a coarse answer is always sound).</summary>
    public static Interval Sin(Interval x) => new(-1, 1);

    /// <summary>cos: [−1, 1] (see <see cref="Sin"/>).</summary>
    public static Interval Cos(Interval x) => new(-1, 1);

    /// <summary>relu = max(x, 0).</summary>
    public static Interval Relu(Interval x) => new(Math.Max(0, x.Lo), Math.Max(0, x.Hi));

    /// <summary>|x|.</summary>
    public static Interval Abs(Interval x) => x.ContainsZero ? new(0, Math.Max(-x.Lo, x.Hi)) : x.Lo > 0 ? x : -x;

    /// <summary>Heaviside with H(0) = 1.</summary>
    public static Interval Heaviside(Interval x) => new(ScalarFunctions.Heaviside(x.Lo), ScalarFunctions.Heaviside(x.Hi));

    /// <summary>sign ∈ {−1, 0, 1}.</summary>
    public static Interval Sign(Interval x) => new(Math.Sign(x.Lo), Math.Sign(x.Hi));

    /// <summary>r with its lower end raised to 0 (a nonnegative function's enclosure).</summary>
    internal static Interval Positive(Interval r) => r with { Lo = Math.Max(0, r.Lo) };
    /// <summary>r intersected with [lo, hi] (a bounded function's enclosure).</summary>
    internal static Interval Clamp(Interval r, double lo, double hi) => new(Math.Max(lo, r.Lo), Math.Min(hi, r.Hi));
}
