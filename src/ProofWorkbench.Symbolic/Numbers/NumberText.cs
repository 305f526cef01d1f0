using System.Globalization;
using System.Numerics;

namespace ProofWorkbench.Symbolic.Numbers;

/// <summary>Readable exact text for rationals in explanations.</summary>
public static class NumberText
{
    /// <summary>An exact decimal when the denominator is 2^a·5^b and the text is short, p/q when short, else a round-trip double.</summary>
    public static string Show(Rational r)
    {
        var den = r.Denominator;
        int twos = 0, fives = 0;
        while (den % 2 == 0) { den /= 2; twos++; }
        while (den % 5 == 0) { den /= 5; fives++; }
        if (den.IsOne && Math.Max(twos, fives) <= 30)
        {
            int digits = Math.Max(twos, fives);
            var scaled = r * new Rational(BigInteger.Pow(10, digits));
            var s = BigInteger.Abs(scaled.Numerator).ToString(CultureInfo.InvariantCulture).PadLeft(digits + 1, '0');
            var text = digits == 0 ? s : s[..^digits] + "." + s[^digits..];
            return (r.Sign < 0 ? "-" : "") + text;
        }
        var frac = r.ToString();
        return frac.Length <= 24 ? frac : r.ToDouble().ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>"(a, b, c)".</summary>
    public static string Show(IEnumerable<Rational> v) => "(" + string.Join(", ", v.Select(Show)) + ")";
}
