using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Simplification;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Symbolic.Calculus;

/// <summary>Taylor polynomials by repeated exact differentiation.</summary>
public static class TaylorSeries
{
    /// <summary>The coefficients c_k = f^(k)(x0)/k!, k = 0..order, each simplified.</summary>
    public static IReadOnlyList<Expr> Coefficients(Expr f, string x, Expr x0, int order)
    {
        if (order < 0) throw new ArgumentOutOfRangeException(nameof(order));
        var result = new List<Expr>();
        var d = f;
        Rational factorial = Rational.One;
        for (int k = 0; k <= order; k++)
        {
            if (k > 0) { d = Differentiator.Derivative(d, x); factorial *= k; }
            result.Add(Simplifier.Simplify(Mul(Num(Rational.One / factorial), Substitution.Substitute(d, x, x0))));
        }
        return result;
    }

    /// <summary>Σ_{k ≤ order} c_k (x − x0)^k.</summary>
    public static Expr Polynomial(Expr f, string x, Expr x0, int order) =>
        Add(Coefficients(f, x, x0, order).Select((c, k) => Mul(c, Pow(Sub(Sym(x), x0), Num(k)))));
}
