using ProofWorkbench.Symbolic.Expressions;

namespace ProofWorkbench.Symbolic.Simplification;

/// <summary>What structural sign analysis proves about an expression for all real values of its symbols.</summary>
public enum ProvenSign
{
    /// <summary>Nothing proved.</summary>
    Unknown,
    /// <summary>&gt; 0 everywhere it is defined.</summary>
    Positive,
    /// <summary>≥ 0 everywhere it is defined.</summary>
    NonNegative,
    /// <summary>&lt; 0 everywhere it is defined.</summary>
    Negative,
    /// <summary>≤ 0 everywhere it is defined.</summary>
    NonPositive,
}

/// <summary>
/// Exact sign proofs by structure, for all real values of the symbols: exp, sigmoid, softplus and
/// gaussian are positive; sums and products combine signs; even powers are nonnegative;
/// log(c + p) &gt; 0 when c ≥ 1 and p ≥ 0 with one of them strict. Sound but incomplete: Unknown
/// means "not proved", and callers fall back to interval or SMT reasoning.
/// </summary>
public static class SignAnalysis
{
    /// <summary>The sign proved for <paramref name="e"/>.</summary>
    public static ProvenSign Of(Expr e)
    {
        switch (e)
        {
            case Number n: return n.Value.Sign > 0 ? ProvenSign.Positive : n.Value.Sign < 0 ? ProvenSign.Negative : ProvenSign.NonNegative;
            case NamedConstant: return ProvenSign.Positive;
            case FunctionCall { Function.Sign: { } sign } f: return sign([.. f.Arguments], Of);
            case Sum s:
            {
                var signs = s.Terms.Select(Of).ToList();
                if (signs.All(IsNonNegative)) return signs.Any(x => x == ProvenSign.Positive) ? ProvenSign.Positive : ProvenSign.NonNegative;
                if (signs.All(IsNonPositive)) return signs.Any(x => x == ProvenSign.Negative) ? ProvenSign.Negative : ProvenSign.NonPositive;
                return ProvenSign.Unknown;
            }
            case Product p: return p.Factors.Select(Of).Aggregate(ProvenSign.Positive, Multiply);
            case Power { Exponent: Number { Value.IsInteger: true } k } pw when k.Value.Numerator.IsEven:
                return Of(pw.Base) is ProvenSign.Positive or ProvenSign.Negative ? ProvenSign.Positive : ProvenSign.NonNegative;
            case Power pw:
            {
                var b = Of(pw.Base);
                if (b == ProvenSign.Positive) return ProvenSign.Positive; // b^t = exp(t log b) > 0
                if (pw.Exponent is Number { Value.IsInteger: true }) return b; // odd integer power keeps the sign
                return b == ProvenSign.NonNegative ? ProvenSign.NonNegative : ProvenSign.Unknown;
            }
            default: return ProvenSign.Unknown;
        }
    }

    private static bool IsNonNegative(ProvenSign s) => s is ProvenSign.Positive or ProvenSign.NonNegative;
    private static bool IsNonPositive(ProvenSign s) => s is ProvenSign.Negative or ProvenSign.NonPositive;

    private static ProvenSign Multiply(ProvenSign a, ProvenSign b)
    {
        if (a == ProvenSign.Unknown || b == ProvenSign.Unknown) return ProvenSign.Unknown;
        bool strict = (a is ProvenSign.Positive or ProvenSign.Negative) && (b is ProvenSign.Positive or ProvenSign.Negative);
        bool negative = IsNonPositive(a) ^ IsNonPositive(b);
        return (strict, negative) switch
        {
            (true, false) => ProvenSign.Positive,
            (true, true) => ProvenSign.Negative,
            (false, false) => ProvenSign.NonNegative,
            _ => ProvenSign.NonPositive,
        };
    }
}
