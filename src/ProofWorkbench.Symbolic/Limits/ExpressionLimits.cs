namespace ProofWorkbench.Symbolic.Limits;

/// <summary>
/// The explicit limits of the expression parser and engine (issue 9, item 5). An input beyond one of them is bad
/// input — reported with its position as a <see cref="Parsing.ParseException"/> by the parser, or as a
/// <see cref="Expressions.SymbolicException"/> by the engine — never a hang or an out-of-memory crash.
/// The values are far above what the papers' expressions need (their largest power is 4, their longest input a
/// few hundred characters) and low enough that every exact operation on an accepted input stays fast.
/// </summary>
public static class ExpressionLimits
{
    /// <summary>Largest |E| in a decimal literal such as <c>1.5e-300</c>: 10^1000 already has 1,001 digits.</summary>
    public const int MaxDecimalExponent = 1000;

    /// <summary>Most digits in the mantissa of a literal (BigInteger parsing is quadratic in the length).</summary>
    public const int MaxLiteralDigits = 10_000;

    /// <summary>Largest |k| of an integer power b^k kept or formed by the engine (x^1000000000 is rejected).</summary>
    public const int MaxIntegerPower = 1000;

    /// <summary>
    /// Most bits of the numerator or denominator of an exact number formed by a power (2^100000000 is rejected):
    /// 2^100000 has 30,103 decimal digits.
    /// </summary>
    public const int MaxNumberBits = 100_000;

    /// <summary>
    /// Most term products of polynomial multiplication in one exact normalization (<see cref="Simplification.Simplifier"/>):
    /// multiplying out (1 + x)^1000·(1 + y)^1000 alone would need 10^6 products of large rationals.
    /// </summary>
    public const int MaxPolynomialProducts = 1_000_000;

    /// <summary>Most characters in one expression text.</summary>
    public const int MaxExpressionLength = 100_000;

    /// <summary>Deepest nesting of parentheses, function calls, powers and signs (the parser is recursive).</summary>
    public const int MaxNesting = 200;
}
