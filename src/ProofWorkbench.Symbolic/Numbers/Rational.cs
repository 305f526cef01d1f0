using System.Globalization;
using System.Numerics;

namespace ProofWorkbench.Symbolic.Numbers;

/// <summary>
/// An exact rational number p/q with BigInteger numerator and denominator, always in lowest terms
/// with q &gt; 0, so that structural equality is numeric equality.
/// Hand-written (about 150 lines) because the expression core needs a canonical, hashable value;
/// see README, "What is hand-written".
/// </summary>
public readonly struct Rational : IEquatable<Rational>, IComparable<Rational>
{
    /// <summary>The numerator (carries the sign).</summary>
    public BigInteger Numerator { get; }

    /// <summary>The denominator, always positive.</summary>
    public BigInteger Denominator => denominator.IsZero ? BigInteger.One : denominator;

    private readonly BigInteger denominator;

    /// <summary>Zero.</summary>
    public static Rational Zero => new(0);
    /// <summary>One.</summary>
    public static Rational One => new(1);
    /// <summary>Minus one.</summary>
    public static Rational MinusOne => new(-1);

    /// <summary>The integer n.</summary>
    public Rational(BigInteger n) { Numerator = n; denominator = BigInteger.One; }

    /// <summary>p/q reduced to lowest terms; q must not be zero.</summary>
    public Rational(BigInteger p, BigInteger q)
    {
        if (q.IsZero) throw new DivideByZeroException("Rational with zero denominator.");
        if (q.Sign < 0) { p = -p; q = -q; }
        var g = BigInteger.GreatestCommonDivisor(p, q);
        if (!g.IsOne && !g.IsZero) { p /= g; q /= g; }
        Numerator = p;
        denominator = p.IsZero ? BigInteger.One : q;
    }

    /// <summary>True when the value is an integer.</summary>
    public bool IsInteger => Denominator.IsOne;
    /// <summary>True when the value is zero.</summary>
    public bool IsZero => Numerator.IsZero;
    /// <summary>True when the value is one.</summary>
    public bool IsOne => Numerator.IsOne && Denominator.IsOne;
    /// <summary>-1, 0 or 1.</summary>
    public int Sign => Numerator.Sign;

    /// <summary>
    /// Parses an exact decimal or fraction such as "12.307", "-3/4", "1e-3", "2.5E2". False for text that is not such a
    /// number and for literals beyond <see cref="Limits.ExpressionLimits"/>; see the overload with a reason.
    /// </summary>
    public static bool TryParse(string text, out Rational value) => TryParse(text, out value, out _);

    /// <summary>
    /// Parses an exact decimal or fraction such as "12.307", "-3/4", "1e-3", "2.5E2" within the literal limits of
    /// <see cref="Limits.ExpressionLimits"/> (decimal exponent, mantissa digits). This is THE rule for numeric
    /// literals: the expression parser and the theorem-file loader both call it. On failure <paramref name="problem"/>
    /// is one sentence fragment saying why (not a number, or which limit it exceeds).
    /// </summary>
    public static bool TryParse(string text, out Rational value, out string? problem)
    {
        value = Zero;
        problem = null;
        text = text.Trim();
        int slash = text.IndexOf('/');
        if (slash >= 0)
        {
            if (!TryParse(text[..slash], out var p, out problem) || !TryParse(text[(slash + 1)..], out var q, out problem)) return false;
            if (q.IsZero) { problem = $"'{text}' divides by zero"; return false; }
            value = p / q;
            return true;
        }
        int e = text.IndexOfAny(['e', 'E']);
        long exponent = 0;
        string mantissa = text;
        if (e >= 0)
        {
            var exponentText = text[(e + 1)..];
            var digitsOnly = exponentText.TrimStart('+', '-');
            if (exponentText.Length - digitsOnly.Length > 1 || digitsOnly.Length == 0 || !digitsOnly.All(char.IsAsciiDigit))
            {
                problem = $"'{text}' is not a number";
                return false;
            }
            var magnitude = digitsOnly.TrimStart('0');
            if (magnitude.Length > 9 || int.Parse(magnitude.Length == 0 ? "0" : magnitude, CultureInfo.InvariantCulture) > Limits.ExpressionLimits.MaxDecimalExponent)
            {
                problem = $"the decimal exponent of '{Shorten(text)}' is beyond ±{Limits.ExpressionLimits.MaxDecimalExponent} (the limit for exact numbers)";
                return false;
            }
            exponent = long.Parse(exponentText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = text[..e];
        }
        bool negative = mantissa.StartsWith('-');
        if (negative || mantissa.StartsWith('+')) mantissa = mantissa[1..];
        int dot = mantissa.IndexOf('.');
        string digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            problem = $"'{Shorten(text)}' is not a number";
            return false;
        }
        if (digits.Length > Limits.ExpressionLimits.MaxLiteralDigits)
        {
            problem = $"the number '{Shorten(text)}' has {digits.Length} digits, more than {Limits.ExpressionLimits.MaxLiteralDigits} (the limit for exact numbers)";
            return false;
        }
        if (dot >= 0) exponent -= mantissa.Length - dot - 1;
        var n = BigInteger.Parse(digits, CultureInfo.InvariantCulture);
        if (negative) n = -n;
        // |exponent| ≤ MaxDecimalExponent + MaxLiteralDigits here, so the power of ten is at most ~36,000 bits.
        value = exponent >= 0 ? new Rational(n * BigInteger.Pow(10, (int)exponent)) : new Rational(n, BigInteger.Pow(10, (int)-exponent));
        return true;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..20] + "…" + text[^10..];

    /// <summary>Parses like <see cref="TryParse(string, out Rational)"/> and throws <see cref="FormatException"/> on failure.</summary>
    public static Rational Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not an exact decimal or fraction.");

    /// <summary>The exact value of a finite double (every double is a dyadic rational).</summary>
    public static Rational FromDouble(double x)
    {
        if (!double.IsFinite(x)) throw new ArgumentException("Only finite doubles are rational.", nameof(x));
        if (x == 0) return Zero;
        long bits = BitConverter.DoubleToInt64Bits(x);
        bool negative = bits < 0;
        int exp = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exp == 0) exp++; else mantissa |= 1L << 52;
        exp -= 1075;
        BigInteger m = negative ? -mantissa : mantissa;
        return exp >= 0 ? new Rational(m * BigInteger.Pow(2, exp)) : new Rational(m, BigInteger.Pow(2, -exp));
    }

    /// <summary>The nearest double (correctly rounded for moderate sizes).</summary>
    public double ToDouble()
    {
        if (Numerator.IsZero) return 0;
        // Correct rounding (to nearest, ties to even) for normal results: form a quotient of 55 bits
        // exactly, keep round and sticky information, then scale by a power of two.
        var n = BigInteger.Abs(Numerator);
        var d = Denominator;
        long shift = 55 - ((long)n.GetBitLength() - (long)d.GetBitLength());
        var q = BigInteger.DivRem(shift >= 0 ? n << (int)shift : n, shift >= 0 ? d : d << (int)-shift, out var rem);
        while (q.GetBitLength() > 55) { if (!q.IsEven) rem += 1; q >>= 1; shift--; }
        var mantissa = q >> 2;
        bool round = !((q >> 1) & 1).IsZero, sticky = !(q & 1).IsZero || !rem.IsZero;
        if (round && (sticky || !mantissa.IsEven)) mantissa += 1;
        double result = Math.ScaleB((double)mantissa, (int)(2 - shift));
        return Numerator.Sign < 0 ? -result : result;
    }

    /// <summary>Absolute value.</summary>
    public Rational Abs() => Numerator.Sign < 0 ? new Rational(-Numerator, Denominator) : this;

    /// <summary>this^n for an integer n (n &lt; 0 needs a nonzero base).</summary>
    public Rational Pow(int n)
    {
        if (n == 0) return One;
        if (n < 0) return One / Pow(-n);
        return new Rational(BigInteger.Pow(Numerator, n), BigInteger.Pow(Denominator, n));
    }

    /// <summary>The exact rational q-th root when it exists (q ≥ 1), else null.</summary>
    public Rational? ExactRoot(int q)
    {
        if (q == 1) return this;
        if (Sign < 0 && q % 2 == 0) return null;
        var n = IntegerRoot(BigInteger.Abs(Numerator), q);
        var d = IntegerRoot(Denominator, q);
        if (n is null || d is null) return null;
        return new Rational(Sign < 0 ? -n.Value : n.Value, d.Value);
    }

    private static BigInteger? IntegerRoot(BigInteger n, int q)
    {
        if (n.IsZero || n.IsOne) return n;
        var guess = new BigInteger(Math.Round(Math.Pow((double)n, 1.0 / q)));
        for (var c = BigInteger.Max(guess - 2, 0); c <= guess + 2; c++)
            if (BigInteger.Pow(c, q) == n) return c;
        return null;
    }

    /// <summary>Greatest common divisor of two rationals: gcd of numerators over lcm of denominators.</summary>
    public static Rational Gcd(Rational a, Rational b)
    {
        if (a.IsZero) return b.Abs();
        if (b.IsZero) return a.Abs();
        var num = BigInteger.GreatestCommonDivisor(a.Numerator, b.Numerator);
        var den = a.Denominator / BigInteger.GreatestCommonDivisor(a.Denominator, b.Denominator) * b.Denominator;
        return new Rational(num, den);
    }

    /// <summary>Sum.</summary>
    public static Rational operator +(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);
    /// <summary>Difference.</summary>
    public static Rational operator -(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);
    /// <summary>Negation.</summary>
    public static Rational operator -(Rational a) => new(-a.Numerator, a.Denominator);
    /// <summary>Product.</summary>
    public static Rational operator *(Rational a, Rational b) =>
        new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);
    /// <summary>Quotient; throws <see cref="DivideByZeroException"/> for b = 0.</summary>
    public static Rational operator /(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);
    /// <summary>Integer conversion.</summary>
    public static implicit operator Rational(int n) => new(n);
    /// <summary>Integer conversion.</summary>
    public static implicit operator Rational(BigInteger n) => new(n);
    /// <summary>Comparison.</summary>
    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;
    /// <summary>Comparison.</summary>
    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;
    /// <summary>Comparison.</summary>
    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;
    /// <summary>Comparison.</summary>
    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;
    /// <summary>Equality.</summary>
    public static bool operator ==(Rational a, Rational b) => a.Equals(b);
    /// <summary>Inequality.</summary>
    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);

    /// <inheritdoc/>
    public int CompareTo(Rational other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);
    /// <inheritdoc/>
    public bool Equals(Rational other) => Numerator == other.Numerator && Denominator == other.Denominator;
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Rational r && Equals(r);
    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);
    /// <summary>"p" or "p/q".</summary>
    public override string ToString() =>
        IsInteger ? Numerator.ToString(CultureInfo.InvariantCulture)
                  : $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";
}
