using ProofWorkbench.Symbolic.Expressions;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Symbolic.Simplification;

/// <summary>The outcome of an exact zero test.</summary>
public enum ZeroTestResult
{
    /// <summary>The expression is identically zero (exact).</summary>
    Zero,
    /// <summary>The expression is not identically zero (exact: its kernels are algebraically independent).</summary>
    NonZero,
    /// <summary>The normal form is nonzero but involves kernels that may satisfy an identity (sin/cos, roots, log, π with e).</summary>
    Unknown,
}

/// <summary>Simplification and exact zero testing through the factored rational normal form.</summary>
public static class Simplifier
{
    /// <summary>
    /// Returns an equivalent expression: the rational normal form (activations expanded, common factors
    /// cancelled) when it is no larger than the local canonical form, else the local form; 0 whenever the
    /// expression is identically zero as a rational-exponential expression.
    /// </summary>
    public static Expr Simplify(Expr e)
    {
        if (e is Number or Symbol) return e;
        if (PiecewiseLifting.HasPiecewise(e))
        {
            // Branch by branch (issue 9, item 4): lift the piecewise subterms to the top and simplify each branch.
            var lifted = PiecewiseLifting.Lift(e);
            if (lifted is Piecewise lp)
            {
                var branches = Cases(lp.Pieces.Select(p => (p.Condition, Simplify(p.Value))).ToList(), Simplify(lp.Otherwise));
                var whole = SimplifyWhole(e);
                return branches.Size <= whole.Size ? branches : whole;
            }
        }
        return SimplifyWhole(e);
    }

    private static Expr SimplifyWhole(Expr e)
    {
        KernelTable table;
        RationalForm form;
        try { (table, form) = KernelTable.Convert(e); }
        catch (SymbolicException) { return e; }
        if (form.IsZero) return Zero;
        var normal = form.ToExpr(table);
        return normal.Size < e.Size ? normal : e;
    }

    /// <summary>The rational normal form itself (activations expanded), whatever its size.</summary>
    public static Expr Together(Expr e)
    {
        var (table, form) = KernelTable.Convert(e);
        return form.ToExpr(table);
    }

    /// <summary>Decides whether <paramref name="e"/> is identically zero; see <see cref="ZeroTestResult"/>.</summary>
    public static ZeroTestResult ZeroTest(Expr e)
    {
        if (PiecewiseLifting.HasPiecewise(e) && PiecewiseLifting.Lift(e) is Piecewise lifted)
        {
            // Zero on every branch is zero; a branch nonzero as a function may still vanish on its region: unknown.
            var values = lifted.Pieces.Select(p => p.Value).Append(lifted.Otherwise).ToList();
            if (values.All(v => ZeroTest(v) == ZeroTestResult.Zero)) return ZeroTestResult.Zero;
            return ZeroTestResult.Unknown;
        }
        var (table, form) = KernelTable.Convert(e);
        if (form.IsZero) return ZeroTestResult.Zero;
        bool independent = table.Kernels.All(k => k is Symbol or NamedConstant
            || (k is FunctionCall { Function.Name: "exp" } f && IsMonomial(f.Argument)));
        bool hasPiAndE = table.Kernels.Any(k => k is NamedConstant { Name: "pi" })
            && table.Kernels.Any(k => k is FunctionCall { Function.Name: "exp", Argument: Number });
        return independent && !hasPiAndE ? ZeroTestResult.NonZero : ZeroTestResult.Unknown;
    }

    // exp kernels are exp(m) for monomials m with coefficient 1 (or m = 1), so distinct kernels are independent.
    private static bool IsMonomial(Expr m) => m switch
    {
        Number n => n.Value.IsOne,
        Symbol => true,
        Power { Base: Symbol, Exponent: Number { Value.IsInteger: true } k } => k.Value.Sign > 0,
        Product p => p.Factors.All(f => f is not Number && IsMonomial(f)),
        _ => false,
    };

    /// <summary>True when a − b is identically zero by <see cref="ZeroTest"/> (exact; false means not proved).</summary>
    public static bool AreEqual(Expr a, Expr b) => ZeroTest(Sub(a, b)) == ZeroTestResult.Zero;

    /// <summary>Multiplies out products of sums and positive integer powers of sums.</summary>
    public static Expr Expand(Expr e) => e.Map(n => n switch
    {
        Product p => p.Factors.Aggregate((Expr)One, (acc, f) => Distribute(acc, f)),
        Power { Base: Sum s, Exponent: Number { Value.IsInteger: true } k } when k.Value.Sign > 0 && k.Value.Numerator <= 16 =>
            Enumerable.Repeat((Expr)s, (int)k.Value.Numerator).Aggregate((Expr)One, Distribute),
        _ => n,
    });

    private static Expr Distribute(Expr a, Expr b)
    {
        var xs = a is Sum sa ? sa.Terms : [a];
        var ys = b is Sum sb ? sb.Terms : [b];
        return Add(xs.SelectMany(x => ys.Select(y => Mul(x, y))));
    }
}
