using System.Globalization;
using System.Numerics;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Papers.Zhang2023.Constructions;

/// <summary>Exact text for rationals in generated theorem files: a terminating decimal when there is one, else p/q.</summary>
public static class ExactText
{
    /// <summary>"12.307", "-1/3", "2".</summary>
    public static string Of(Rational r)
    {
        var den = r.Denominator;
        int twos = 0, fives = 0;
        while (den % 2 == 0) { den /= 2; twos++; }
        while (den % 5 == 0) { den /= 5; fives++; }
        if (!den.IsOne || Math.Max(twos, fives) > 40) return r.ToString();
        int digits = Math.Max(twos, fives);
        var scaled = r * new Rational(BigInteger.Pow(10, digits));
        var s = BigInteger.Abs(scaled.Numerator).ToString(CultureInfo.InvariantCulture).PadLeft(digits + 1, '0');
        var text = digits == 0 ? s : s[..^digits] + "." + s[^digits..];
        return (r.Sign < 0 ? "-" : "") + text;
    }

    /// <summary>"[a, b, c]" of exact texts.</summary>
    public static string List(IEnumerable<Rational> v) => "[" + string.Join(", ", v.Select(Of)) + "]";
}
