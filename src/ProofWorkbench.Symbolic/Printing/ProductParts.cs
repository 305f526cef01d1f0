using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Symbolic.Printing;

/// <summary>A term split for printing as sign·(numerator)/(denominator); shared by the printers.</summary>
internal sealed record ProductParts(bool Negative, Rational Coefficient, List<Expr> Numerator, List<Expr> Denominator)
{
    public static ProductParts Of(Expr e)
    {
        var coefficient = Rational.One;
        var factors = e is Product p ? p.Factors : [e];
        var num = new List<Expr>();
        var den = new List<Expr>();
        foreach (var f in factors)
        {
            if (f is Number n) { coefficient *= n.Value; continue; }
            if (f is Power { Exponent: Number { Value.Sign: < 0 } k } pw)
                den.Add(Expr.Pow(pw.Base, Expr.Num(-k.Value)));
            else num.Add(f);
        }
        return new ProductParts(coefficient.Sign < 0, coefficient.Abs(), num, den);
    }

    /// <summary>A sum's terms in printing order: positive terms first, then negative ones ("a*σ(w) - y").</summary>
    public static IReadOnlyList<Expr> PrintingOrder(Sum s) =>
        s.Terms.Where(t => !IsNegative(t)).Concat(s.Terms.Where(IsNegative)).ToList();

    /// <summary>True when the term prints with a leading minus sign.</summary>
    public static bool IsNegative(Expr e) => e switch
    {
        Number n => n.Value.Sign < 0,
        Product { Factors: [Number c, ..] } => c.Value.Sign < 0,
        _ => false,
    };
}
