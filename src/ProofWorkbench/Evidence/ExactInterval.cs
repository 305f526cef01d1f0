using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Evidence;

/// <summary>A closed interval [Lo, Hi] with exact rational ends (a box side or an enclosure in a certificate).</summary>
public sealed record ExactInterval(Rational Lo, Rational Hi)
{
    /// <summary>The interval with the exact values of a double interval's ends (no rounding: every double is a rational).</summary>
    public static ExactInterval Of(Interval i) => new(Rational.FromDouble(i.Lo), Rational.FromDouble(i.Hi));

    /// <summary>The degenerate interval [x, x].</summary>
    public static ExactInterval Point(Rational x) => new(x, x);

    /// <summary>The ends as doubles, rounded outward so that the double interval contains this one.</summary>
    public Interval ToInterval()
    {
        double lo = Lo.ToDouble(), hi = Hi.ToDouble();
        if (Rational.FromDouble(lo) > Lo) lo = Math.BitDecrement(lo);
        if (Rational.FromDouble(hi) < Hi) hi = Math.BitIncrement(hi);
        return new Interval(lo, hi);
    }

    /// <inheritdoc/>
    public override string ToString() => $"[{Lo}, {Hi}]";
}
