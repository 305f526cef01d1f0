namespace ProofWorkbench.Symbolic.Expressions;

/// <summary>
/// The canonical total order on expressions: numbers, constants, symbols, function calls, powers,
/// products, sums, piecewise, relations; a power sorts right after its base, so x, x^2, y, y^3 stay
/// together. Sums and products sort their operands by it, which makes structural equality canonical.
/// </summary>
public static class ExprOrder
{
    /// <summary>Negative, zero or positive as a sorts before, with, or after b.</summary>
    public static int Compare(Expr a, Expr b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is Power pa && b is Power pb)
        {
            int c = Compare(pa.Base, pb.Base);
            return c != 0 ? c : Compare(pa.Exponent, pb.Exponent);
        }
        if (a is Power p1) { int c = Compare(p1.Base, b); return c != 0 ? c : 1; }
        if (b is Power p2) { int c = Compare(a, p2.Base); return c != 0 ? c : -1; }
        if (a.Rank != b.Rank) return a.Rank.CompareTo(b.Rank);
        switch (a)
        {
            case Number na: return na.Value.CompareTo(((Number)b).Value);
            case Symbol sa: return string.CompareOrdinal(sa.Name, ((Symbol)b).Name);
            case NamedConstant ca: return string.CompareOrdinal(ca.Name, ((NamedConstant)b).Name);
            case FunctionCall fa when b is FunctionCall fb:
            {
                int c = string.CompareOrdinal(fa.Function.Name, fb.Function.Name);
                return c != 0 ? c : CompareLists(fa.Children, fb.Children);
            }
            case AbstractCall aa when b is AbstractCall ab:
            {
                int c = string.CompareOrdinal(aa.Name, ab.Name);
                if (c != 0) return c;
                c = aa.Order.CompareTo(ab.Order);
                return c != 0 ? c : Compare(aa.Argument, ab.Argument);
            }
            case FunctionCall: return -1;       // known functions before abstract ones
            case AbstractCall: return 1;
            case Relation ra:
            {
                var rb = (Relation)b;
                int c = ra.Operator.CompareTo(rb.Operator);
                return c != 0 ? c : CompareLists(a.Children, b.Children);
            }
            default: return CompareLists(a.Children, b.Children);
        }
    }

    private static int CompareLists(IReadOnlyList<Expr> x, IReadOnlyList<Expr> y)
    {
        for (int i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            int c = Compare(x[i], y[i]);
            if (c != 0) return c;
        }
        return x.Count.CompareTo(y.Count);
    }

    /// <summary>A comparer over <see cref="Compare"/>.</summary>
    public static readonly IComparer<Expr> Comparer = Comparer<Expr>.Create(Compare);
}
