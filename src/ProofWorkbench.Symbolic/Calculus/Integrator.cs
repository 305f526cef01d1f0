using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Simplification;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Symbolic.Calculus;

/// <summary>
/// Rule-based antiderivatives for what the theory needs: polynomials and powers of linear forms,
/// exp of linear forms times polynomials (by parts), 1/(ax + b), log, sin and cos of linear forms.
/// Each candidate is first put into expanded rational normal form; every answer is verified by
/// differentiating it back and testing the difference for zero exactly, so a returned antiderivative
/// is proved. <c>null</c> means "no closed form found" (e.g. softplus needs the dilogarithm), and callers
/// use quadrature.
/// </summary>
public static class Integrator
{
    /// <summary>An antiderivative of <paramref name="f"/> in <paramref name="x"/>, verified, or null.</summary>
    public static Expr? Integrate(Expr f, string x)
    {
        var candidates = new List<Expr> { f };
        try
        {
            candidates.Add(Simplifier.Simplify(f));
            candidates.Add(Simplifier.Together(f));
        }
        catch (SymbolicException) { }
        foreach (var c in candidates.Distinct())
        {
            var g = TryIntegrate(Simplifier.Expand(c), x);
            if (g is not null && Verify(g, f, x)) return g;
        }
        return null;
    }

    private static bool Verify(Expr antiderivative, Expr f, string x)
    {
        // d/dz log|z| = 1/z on both half-lines, so check with log z in place of log|z|.
        var smooth = antiderivative.Map(n => n is FunctionCall { Function.Name: "log", Argument: FunctionCall { Function.Name: "abs" } a }
            ? Call(KnownFunctions.Log, a.Argument) : n);
        return Simplifier.AreEqual(Differentiator.Derivative(smooth, x), f);
    }

    private static bool Depends(Expr e, string x) => e.Any(n => n is Symbol s && s.Name == x);

    /// <summary>The coefficient a of a linear form a·x + b, or null when not linear in x.</summary>
    private static Expr? LinearSlope(Expr e, string x)
    {
        var slope = Simplifier.Simplify(Differentiator.Derivative(e, x));
        return Depends(slope, x) || slope is Number { Value.IsZero: true } ? null : slope;
    }

    private static Expr? TryIntegrate(Expr e, string x)
    {
        if (!Depends(e, x)) return Mul(e, Sym(x));
        if (e is Sum s)
        {
            var parts = new List<Expr>();
            foreach (var t in s.Terms)
            {
                var r = TryIntegrate(t, x);
                if (r is null) return null;
                parts.Add(r);
            }
            return Add(parts);
        }
        var factors = e is Product p ? p.Factors : [e];
        var constant = Mul(factors.Where(f => !Depends(f, x)));
        var variable = factors.Where(f => Depends(f, x)).ToList();
        var core = IntegrateCore(variable, x);
        return core is null ? null : Mul(constant, core);
    }

    private static Expr? IntegrateCore(List<Expr> factors, string x)
    {
        if (factors.Count == 1) return Single(factors[0], x);
        // x^n · exp(a x + b), n a positive integer: by parts, ∫ xⁿ eᴸ = xⁿ eᴸ/a − (n/a) ∫ xⁿ⁻¹ eᴸ.
        if (factors.Count == 2)
        {
            var exp = factors.OfType<FunctionCall>().FirstOrDefault(f => f.Function.Name == "exp");
            var other = factors.FirstOrDefault(f => !ReferenceEquals(f, exp));
            if (exp is not null && other is not null && LinearSlope(exp.Argument, x) is { } a)
            {
                int n = other is Symbol s && s.Name == x ? 1
                      : other is Power { Base: Symbol b, Exponent: Number k } && b.Name == x && k.Value.IsInteger && k.Value.Sign > 0 && k.Value.Numerator <= 32
                          ? (int)k.Value.Numerator : 0;
                if (n > 0)
                {
                    var rest = n == 1 ? Single(exp, x) : IntegrateCore([Pow(Sym(x), Num(n - 1)), exp], x);
                    if (rest is null) return null;
                    return Sub(Div(Mul(other, exp), a), Mul(Div(Num(n), a), rest));
                }
            }
        }
        return null;
    }

    private static Expr? Single(Expr f, string x)
    {
        switch (f)
        {
            case Symbol: return Div(Pow(f, Two), Two);
            case Power { Exponent: Number k } pw when LinearSlope(pw.Base, x) is { } a:
                return k.Value == -1
                    ? Div(Call(KnownFunctions.Log, Call(KnownFunctions.Abs, pw.Base)), a)
                    : Div(Pow(pw.Base, Num(k.Value + 1)), Mul(a, Num(k.Value + 1)));
            case FunctionCall { Function.Name: "exp" } ex when LinearSlope(ex.Argument, x) is { } a:
                return Div(ex, a);
            case FunctionCall { Function.Name: "sin" } sn when LinearSlope(sn.Argument, x) is { } a:
                return Neg(Div(Call(KnownFunctions.Cos, sn.Argument), a));
            case FunctionCall { Function.Name: "cos" } cs when LinearSlope(cs.Argument, x) is { } a:
                return Div(Call(KnownFunctions.Sin, cs.Argument), a);
            case FunctionCall { Function.Name: "log" } lg when LinearSlope(lg.Argument, x) is { } a:
                return Div(Sub(Mul(lg.Argument, lg), lg.Argument), a);
            default: return null;
        }
    }
}
