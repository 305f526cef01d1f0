using ProofWorkbench.Symbolic.Expressions;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Symbolic.Calculus;

/// <summary>
/// Exact differentiation, gradients, Jacobians, Hessians and Lie derivatives. The derivative of a
/// piecewise expression is taken piece by piece (valid off the junctions; the recipes check junctions
/// separately); heaviside, sign and relu are differentiated almost everywhere, with relu′(0) = 1.
/// </summary>
public static class Differentiator
{
    /// <summary>∂e/∂x.</summary>
    public static Expr Derivative(Expr e, string x)
    {
        var cache = new Dictionary<Expr, Expr>();
        return D(e, x, cache);
    }

    /// <summary>The n-th derivative ∂ⁿe/∂xⁿ.</summary>
    public static Expr Derivative(Expr e, string x, int n)
    {
        for (int i = 0; i < n; i++) e = Derivative(e, x);
        return e;
    }

    private static bool DependsOn(Expr e, string x) => e.Any(n => n is Symbol s && s.Name == x);

    private static Expr D(Expr e, string x, Dictionary<Expr, Expr> cache)
    {
        if (!DependsOn(e, x)) return Zero;
        if (cache.TryGetValue(e, out var done)) return done;
        Expr result = e switch
        {
            Symbol => One,
            Sum s => Add(s.Terms.Select(t => D(t, x, cache))),
            Product p => Add(Enumerable.Range(0, p.Factors.Count).Select(i =>
                Mul(p.Factors.Select((f, j) => i == j ? D(f, x, cache) : f)))),
            Power pw when !DependsOn(pw.Exponent, x) =>
                Mul(pw.Exponent, Pow(pw.Base, Sub(pw.Exponent, One)), D(pw.Base, x, cache)),
            Power pw when !DependsOn(pw.Base, x) =>
                Mul(pw, Call(KnownFunctions.Log, pw.Base), D(pw.Exponent, x, cache)),
            Power pw => Mul(pw, Add(Mul(D(pw.Exponent, x, cache), Call(KnownFunctions.Log, pw.Base)),
                                    Div(Mul(pw.Exponent, D(pw.Base, x, cache)), pw.Base))),
            FunctionCall f => Add(Enumerable.Range(0, f.Arguments.Count).Select(i =>
                Mul(f.Function.Derivative(f.Arguments.ToArray(), i), D(f.Arguments[i], x, cache)))),
            AbstractCall a => Mul(new AbstractCall(a.Name, a.Order + 1, a.Argument), D(a.Argument, x, cache)),
            Piecewise pw => Cases(pw.Pieces.Select(p => (p.Condition, D(p.Value, x, cache))).ToList(), D(pw.Otherwise, x, cache)),
            _ => throw new SymbolicException($"Cannot differentiate the relation '{e}'."),
        };
        cache[e] = result;
        return result;
    }

    /// <summary>∇e with respect to <paramref name="variables"/>, in order.</summary>
    public static IReadOnlyList<Expr> Gradient(Expr e, IReadOnlyList<string> variables) =>
        variables.Select(v => Derivative(e, v)).ToArray();

    /// <summary>J[i, j] = ∂f_i/∂x_j.</summary>
    public static Expr[,] Jacobian(IReadOnlyList<Expr> f, IReadOnlyList<string> variables)
    {
        var j = new Expr[f.Count, variables.Count];
        for (int r = 0; r < f.Count; r++)
            for (int c = 0; c < variables.Count; c++) j[r, c] = Derivative(f[r], variables[c]);
        return j;
    }

    /// <summary>H[i, j] = ∂²e/∂x_i∂x_j.</summary>
    public static Expr[,] Hessian(Expr e, IReadOnlyList<string> variables) => Jacobian(Gradient(e, variables), variables);

    /// <summary>
    /// The Lie derivative L_F Q = Σ_i (∂Q/∂v_i)·F_i of <paramref name="quantity"/> along the vector field
    /// F = <paramref name="field"/> over <paramref name="variables"/>: the rate of change of Q along the flow
    /// v̇ = F(v). Q is a first integral iff this vanishes identically (paper 000, Lemma A.3).
    /// </summary>
    public static Expr LieDerivative(Expr quantity, IReadOnlyList<Expr> field, IReadOnlyList<string> variables)
    {
        if (field.Count != variables.Count) throw new ArgumentException("The field needs one component per variable.");
        return Add(variables.Select((v, i) => Mul(Derivative(quantity, v), field[i])));
    }
}
