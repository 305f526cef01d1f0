using System.Text;
using ProofWorkbench.Symbolic.Expressions;

namespace ProofWorkbench.Symbolic.Printing;

/// <summary>Prints expressions as LaTeX math (for reports): fractions, powers, named operators.</summary>
public static class LatexPrinter
{
    /// <summary>The LaTeX text of <paramref name="e"/> (without surrounding $…$).</summary>
    public static string Print(Expr e)
    {
        var sb = new StringBuilder();
        Write(sb, e, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Expr e, int context)
    {
        int level = e switch
        {
            Sum => 1,
            Number n when n.Value.Sign < 0 => 1,
            Product when ProductParts.IsNegative(e) => 1,
            Product => 2,
            _ => 4,
        };
        bool parens = level < context;
        if (parens) sb.Append("\\left(");
        WriteBare(sb, e);
        if (parens) sb.Append("\\right)");
    }

    /// <summary>w1_2 → w_{1,2}; a1 → a_{1}; eta → \eta (the Greek names and the split of <see cref="SymbolNames"/>).</summary>
    private static string Symbol(string name)
    {
        var (stem, rest) = SymbolNames.Split(name);
        if (SymbolNames.Greek.ContainsKey(stem)) stem = "\\" + stem;
        else if (stem.Length > 1) stem = $"\\mathrm{{{stem}}}";
        return rest.Length == 0 ? stem : $"{stem}_{{{rest}}}";
    }

    private static void WriteBare(StringBuilder sb, Expr e)
    {
        switch (e)
        {
            case Number n:
                if (n.Value.IsInteger) sb.Append(n.Value.Numerator.ToString());
                else sb.Append(n.Value.Sign < 0 ? "-" : "").Append($"\\frac{{{System.Numerics.BigInteger.Abs(n.Value.Numerator)}}}{{{n.Value.Denominator}}}");
                break;
            case Symbol s: sb.Append(Symbol(s.Name)); break;
            case NamedConstant c: sb.Append(c.Name == "pi" ? "\\pi" : "e"); break;
            case Sum s:
            {
                var ordered = ProductParts.PrintingOrder(s);
                for (int i = 0; i < ordered.Count; i++)
                {
                    var t = ordered[i];
                    bool neg = ProductParts.IsNegative(t);
                    if (neg) sb.Append(i > 0 ? " - " : "-"); else if (i > 0) sb.Append(" + ");
                    Write(sb, neg ? Expr.Neg(t) : t, 2);
                }
                break;
            }
            case Product or Power: WriteTerm(sb, e); break;
            case FunctionCall { Function.Name: "exp" } ex:
                sb.Append("e^{"); Write(sb, ex.Argument, 0); sb.Append('}');
                break;
            case FunctionCall { Function.Name: "abs" } ab:
                sb.Append("\\left|"); Write(sb, ab.Argument, 0); sb.Append("\\right|");
                break;
            case FunctionCall f:
                sb.Append(f.Function.Latex).Append("\\left(");
                for (int i = 0; i < f.Arguments.Count; i++) { if (i > 0) sb.Append(", "); Write(sb, f.Arguments[i], 0); }
                sb.Append("\\right)");
                break;
            case AbstractCall a:
                sb.Append(Symbol(a.Name));
                sb.Append(a.Order switch { 0 => "", 1 => "'", 2 => "''", 3 => "'''", _ => $"^{{({a.Order})}}" });
                sb.Append("\\left("); Write(sb, a.Argument, 0); sb.Append("\\right)");
                break;
            case Relation r:
                Write(sb, r.Left, 1);
                sb.Append(r.Operator switch
                {
                    RelationOperator.Less => " < ", RelationOperator.LessOrEqual => " \\le ", RelationOperator.Greater => " > ",
                    RelationOperator.GreaterOrEqual => " \\ge ", RelationOperator.Equal => " = ", _ => " \\ne ",
                });
                Write(sb, r.Right, 1);
                break;
            case Piecewise pw:
                sb.Append("\\begin{cases} ");
                foreach (var (cond, value) in pw.Pieces)
                {
                    Write(sb, value, 0); sb.Append(" & "); WriteBare(sb, cond); sb.Append(" \\\\ ");
                }
                Write(sb, pw.Otherwise, 0);
                sb.Append(" & \\text{otherwise} \\end{cases}");
                break;
            default: throw new InvalidOperationException($"No LaTeX printer for {e.GetType().Name}.");
        }
    }

    private static void WriteTerm(StringBuilder sb, Expr e)
    {
        if (e is Power { Exponent: Number k } root && k.Value.Numerator.IsOne && k.Value.Denominator == 2)
        {
            sb.Append("\\sqrt{"); Write(sb, root.Base, 0); sb.Append('}');
            return;
        }
        var parts = ProductParts.Of(e);
        if (parts.Negative) sb.Append('-');
        bool fraction = parts.Denominator.Count > 0 || !parts.Coefficient.Denominator.IsOne;
        var num = new StringBuilder();
        if (!parts.Coefficient.Numerator.IsOne || parts.Numerator.Count == 0) num.Append(parts.Coefficient.Numerator.ToString());
        foreach (var f in parts.Numerator) { if (num.Length > 0) num.Append(" \\, "); WriteFactor(num, f, alone: fraction && parts.Numerator.Count == 1 && num.Length == 0); }
        if (parts.Denominator.Count == 0 && parts.Coefficient.Denominator.IsOne) { sb.Append(num); return; }
        var den = new StringBuilder();
        if (!parts.Coefficient.Denominator.IsOne) den.Append(parts.Coefficient.Denominator.ToString());
        foreach (var f in parts.Denominator) { if (den.Length > 0) den.Append(" \\, "); WriteFactor(den, f, alone: parts.Denominator.Count == 1 && den.Length == 0); }
        sb.Append("\\frac{").Append(num).Append("}{").Append(den).Append('}');
    }

    // A factor of a product; alone (the whole numerator or denominator of a \frac) it needs no parentheses.
    private static void WriteFactor(StringBuilder sb, Expr f, bool alone = false)
    {
        if (f is Power p)
        {
            if (p.Exponent is Number k && k.Value.Numerator.IsOne && k.Value.Denominator == 2) { WriteTerm(sb, p); return; }
            if (p.Base is FunctionCall or AbstractCall or Sum or Product or Power || ProductParts.IsNegative(p.Base))
            {
                sb.Append("\\left("); WriteBare(sb, p.Base); sb.Append("\\right)");
            }
            else WriteBare(sb, p.Base);
            sb.Append("^{"); Write(sb, p.Exponent, 0); sb.Append('}');
            return;
        }
        Write(sb, f, alone ? 0 : 3);
    }
}
