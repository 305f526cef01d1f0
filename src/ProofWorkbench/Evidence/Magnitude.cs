using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Evidence;

/// <summary>How a magnitude was established.</summary>
public enum MagnitudeSource
{
    /// <summary>Exact rational arithmetic.</summary>
    Exact,
    /// <summary>A rigorous enclosure (outward-rounded interval arithmetic, validated quadrature).</summary>
    Enclosure,
    /// <summary>A floating-point estimate with an error bound.</summary>
    Estimate,
}

/// <summary>
/// A nonnegative quantity |x| (a residual, a distance) as known to the tool: [Lo, Hi] contains it. Exact values have
/// Lo = Hi; an enclosure of x gives the enclosure of |x|; an estimate v ± e gives [max(0, v − e), v + e].
/// </summary>
/// <param name="Lo">A lower bound of |x|.</param>
/// <param name="Hi">An upper bound of |x|.</param>
/// <param name="Source">How it was established.</param>
/// <param name="Value">The value itself (exact or estimated; the enclosure's largest |end| for enclosures).</param>
/// <param name="Error">The error bound of an estimate (0 otherwise).</param>
/// <param name="IsExactZero">True only when x = 0 exactly.</param>
public readonly record struct Magnitude(double Lo, double Hi, MagnitudeSource Source, double Value, double Error, bool IsExactZero)
{
    /// <summary>|x| for an exact rational x (bounds rounded outward).</summary>
    public static Magnitude Exact(Rational x)
    {
        var a = x.Abs();
        double d = a.ToDouble();
        double lo = Rational.FromDouble(d) > a ? Math.BitDecrement(d) : d, hi = Rational.FromDouble(d) < a ? Math.BitIncrement(d) : d;
        return new(Math.Max(0, lo), hi, MagnitudeSource.Exact, d, 0, x.IsZero);
    }

    /// <summary>|x| for x in a rigorous enclosure.</summary>
    public static Magnitude Enclosed(Interval x)
    {
        double lo = x.ContainsZero ? 0 : Math.Min(Math.Abs(x.Lo), Math.Abs(x.Hi));
        double hi = Math.Max(Math.Abs(x.Lo), Math.Abs(x.Hi));
        return new(lo, hi, MagnitudeSource.Enclosure, hi, 0, x.Lo == 0 && x.Hi == 0);
    }

    /// <summary>A nonnegative estimate <paramref name="value"/> with error bound <paramref name="error"/>.</summary>
    public static Magnitude Estimated(double value, double error) =>
        new(Math.Max(0, value - error), value + error, MagnitudeSource.Estimate, value, error, false);
}
