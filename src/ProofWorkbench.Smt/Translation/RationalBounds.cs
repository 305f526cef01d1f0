using System.Numerics;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Smt.Translation;

/// <summary>
/// Rigorous rational enclosures lo ≤ f(c) ≤ hi of transcendental values at rational points, for the
/// bound axioms of the SMT translation. Each is a truncated series plus a bound on the remainder,
/// computed in exact rational arithmetic and rounded outward (lo down, hi up) to 160 significant bits.
/// </summary>
public static class RationalBounds
{
    private const int Bits = 160;

    /// <summary>
    /// π ∈ [3.141592653589793, 3.141592653589794] from its decimal expansion 3.14159265358979323846…
    /// (the first 16 digits, truncated and rounded up).
    /// </summary>
    public static (Rational Lo, Rational Hi) Pi { get; } =
        (new Rational(3141592653589793, 1000000000000000), new Rational(3141592653589794, 1000000000000000));

    /// <summary>
    /// Bounds on e^c, or null when |c| &gt; 4096 (no bound is needed there for soundness).
    /// Method: halve c until |x| ≤ 1/4; e^x = Σ_{k≤24} x^k/k! + R with |R| ≤ 2|x|^25/25! (Taylor with
    /// Lagrange remainder, e^{|x|} ≤ 2); then square m times (e^c = (e^x)^{2^m}; both bounds are positive,
    /// so squaring is monotone).
    /// </summary>
    public static (Rational Lo, Rational Hi)? Exp(Rational c)
    {
        if (c.IsZero) return (Rational.One, Rational.One);
        if (c.Abs() > new Rational(4096)) return null;
        int m = 0;
        var x = c;
        var quarter = new Rational(1, 4);
        while (x.Abs() > quarter) { x /= 2; m++; }
        const int N = 24;
        Rational sum = Rational.Zero, term = Rational.One;
        for (int k = 0; k <= N; k++)
        {
            sum += term;
            term = term * x / (k + 1); // term = x^{k+1}/(k+1)!
        }
        var remainder = 2 * term.Abs(); // 2|x|^{N+1}/(N+1)!
        Rational lo = RoundDown(sum - remainder), hi = RoundUp(sum + remainder);
        for (int i = 0; i < m; i++) { lo = RoundDown(lo * lo); hi = RoundUp(hi * hi); }
        return (lo, hi);
    }

    /// <summary>
    /// Bounds on log c for c &gt; 0. Method: c = 2^m·r with r ∈ [3/4, 3/2); log c = m·log 2 + log r with
    /// log y = 2·atanh((y − 1)/(y + 1)) = 2 Σ z^{2k+1}/(2k+1), whose tail after K terms is at most
    /// 2|z|^{2K+3}/((2K+3)(1 − z²)); log 2 uses z = 1/3, log r uses |z| ≤ 1/5.
    /// </summary>
    public static (Rational Lo, Rational Hi) Log(Rational c)
    {
        if (c.Sign <= 0) throw new ArgumentOutOfRangeException(nameof(c), "log needs a positive argument.");
        if (c.IsOne) return (Rational.Zero, Rational.Zero);
        int m = (int)(c.Numerator.GetBitLength() - c.Denominator.GetBitLength());
        var r = c / Pow2(m);
        var threeQuarters = new Rational(3, 4);
        var threeHalves = new Rational(3, 2);
        while (r < threeQuarters) { r *= 2; m--; }
        while (r >= threeHalves) { r /= 2; m++; }
        var (l2Lo, l2Hi) = AtanhTimesTwo(new Rational(1, 3));
        var (lrLo, lrHi) = AtanhTimesTwo((r - 1) / (r + 1));
        Rational lo = m >= 0 ? m * l2Lo + lrLo : m * l2Hi + lrLo;
        Rational hi = m >= 0 ? m * l2Hi + lrHi : m * l2Lo + lrHi;
        return (RoundDown(lo), RoundUp(hi));
    }

    private static (Rational Lo, Rational Hi) AtanhTimesTwo(Rational z)
    {
        if (z.IsZero) return (Rational.Zero, Rational.Zero);
        const int K = 40;
        var z2 = z * z;
        Rational sum = Rational.Zero, power = z;
        for (int k = 0; k <= K; k++)
        {
            sum += power / (2 * k + 1);
            power *= z2;
            power = power.Sign >= 0 ? RoundUp(power) : RoundDown(power); // keep sizes small; covered by the tail slack below
        }
        // power = z^{2K+3} (up to rounding); tail ≤ |z|^{2K+3}/((2K+3)(1 − z²)); double it for rounding slack.
        var tail = 2 * power.Abs() / ((2 * K + 3) * (1 - z2)) + Pow2(-Bits + 8);
        return (RoundDown(2 * (sum - tail)), RoundUp(2 * (sum + tail)));
    }

    /// <summary>
    /// r rounded to <paramref name="digits"/> significant decimal digits, down or up (outward rounding of a
    /// lower or upper bound keeps it a bound while keeping certificates readable).
    /// </summary>
    public static Rational RoundDecimal(Rational r, int digits, bool up)
    {
        if (r.IsZero) return r;
        var abs = r.Abs();
        int exponent = (int)Math.Floor(BigInteger.Log10(abs.Numerator) - BigInteger.Log10(abs.Denominator)); // ≈ floor(log10 |r|), may be off by one
        int scale = digits - 1 - exponent;
        var factor = BigInteger.Pow(10, Math.Abs(scale));
        BigInteger num = r.Numerator, den = r.Denominator;
        if (scale >= 0) num *= factor; else den *= factor;
        var q = BigInteger.DivRem(num, den, out var rem);
        if (!rem.IsZero)
        {
            if (up && num.Sign > 0) q += 1;
            if (!up && num.Sign < 0) q -= 1;
        }
        return scale >= 0 ? new Rational(q, factor) : new Rational(q * factor);
    }

    private static Rational Pow2(int k) => k >= 0 ? new Rational(BigInteger.One << k) : new Rational(BigInteger.One, BigInteger.One << -k);

    /// <summary>The largest rational with a power-of-two denominator and about 160 significant bits that is ≤ r.</summary>
    public static Rational RoundDown(Rational r) => Round(r, up: false);

    /// <summary>The smallest rational with a power-of-two denominator and about 160 significant bits that is ≥ r.</summary>
    public static Rational RoundUp(Rational r) => Round(r, up: true);

    private static Rational Round(Rational r, bool up)
    {
        if (r.IsZero) return r;
        long magnitude = (long)BigInteger.Abs(r.Numerator).GetBitLength() - (long)r.Denominator.GetBitLength();
        long shift = Bits - magnitude; // scale so the integer part has about Bits bits
        if (shift <= 0 && r.IsInteger) return r;
        if (r.Denominator.IsPowerOfTwo && r.Denominator.GetBitLength() - 1 <= Math.Max(shift, 0)) return r;
        BigInteger num = r.Numerator, den = r.Denominator;
        if (shift >= 0) num <<= (int)shift; else den <<= (int)-shift;
        var q = BigInteger.DivRem(num, den, out var rem);
        if (!rem.IsZero)
        {
            // BigInteger division truncates toward zero; fix up to floor / ceiling.
            if (up && num.Sign > 0) q += 1;
            if (!up && num.Sign < 0) q -= 1;
        }
        return shift >= 0 ? new Rational(q, BigInteger.One << (int)shift) : new Rational(q * (BigInteger.One << (int)-shift));
    }
}
