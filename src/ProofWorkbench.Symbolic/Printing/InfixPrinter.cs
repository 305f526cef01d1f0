using System.Text;
using ProofWorkbench.Symbolic.Expressions;

namespace ProofWorkbench.Symbolic.Printing;

/// <summary>
/// Prints expressions in the plain syntax that <see cref="Parsing.Parser"/> reads back:
/// Parse(Print(e)) equals e for every canonical expression.
/// </summary>
public static class InfixPrinter
{
    private const int SumLevel = 1, ProductLevel = 2, PowerLevel = 3, AtomLevel = 4;

    /// <summary>The plain-syntax text of <paramref name="e"/>.</summary>
    public static string Print(Expr e)
    {
        var sb = new StringBuilder();
        Write(sb, e, 0);
        return sb.ToString();
    }

    private static int Level(Expr e) => e switch
    {
        Sum => SumLevel,
        Relation => 0,
        Number n => n.Value.Sign < 0 ? SumLevel : n.Value.IsInteger ? AtomLevel : ProductLevel,
        Product => ProductParts.IsNegative(e) ? SumLevel : ProductLevel,
        Power p when p.Exponent is Number { Value.Sign: < 0 } => ProductLevel,
        Power p when p.Exponent is Number k && k.Value.Numerator.IsOne && k.Value.Denominator == 2 => AtomLevel,
        Power => PowerLevel,
        _ => AtomLevel,
    };

    private static void Write(StringBuilder sb, Expr e, int context)
    {
        bool parens = Level(e) < context || (context == PowerLevel + 1 && Level(e) == PowerLevel);
        if (parens) sb.Append('(');
        WriteBare(sb, e);
        if (parens) sb.Append(')');
    }

    private static void WriteBare(StringBuilder sb, Expr e)
    {
        switch (e)
        {
            case Number n: sb.Append(n.Value.ToString()); break;
            case Symbol s: sb.Append(s.Name); break;
            case NamedConstant c: sb.Append(c.Name); break;
            case Sum s: WriteSum(sb, s); break;
            case Product or Power: WriteTerm(sb, e); break;
            case FunctionCall f:
                sb.Append(f.Function.Name).Append('(');
                for (int i = 0; i < f.Arguments.Count; i++) { if (i > 0) sb.Append(", "); Write(sb, f.Arguments[i], 0); }
                sb.Append(')');
                break;
            case AbstractCall a:
                sb.Append(a.Name).Append('\'', a.Order).Append('(');
                Write(sb, a.Argument, 0);
                sb.Append(')');
                break;
            case Relation r:
                Write(sb, r.Left, SumLevel);
                sb.Append(' ').Append(Relation.Text(r.Operator)).Append(' ');
                Write(sb, r.Right, SumLevel);
                break;
            case Piecewise pw:
                sb.Append("piecewise(");
                foreach (var (cond, value) in pw.Pieces)
                {
                    WriteBare(sb, cond); sb.Append(", ");
                    Write(sb, value, 0); sb.Append(", ");
                }
                Write(sb, pw.Otherwise, 0);
                sb.Append(')');
                break;
            default: throw new InvalidOperationException($"No printer for {e.GetType().Name}.");
        }
    }

    private static void WriteSum(StringBuilder sb, Sum s)
    {
        // Positive terms first, then negative ones, each group in canonical order: "a*sigmoid(w) - y".
        var ordered = ProductParts.PrintingOrder(s);
        for (int i = 0; i < ordered.Count; i++)
        {
            var t = ordered[i];
            if (i > 0) sb.Append(ProductParts.IsNegative(t) ? " - " : " + ");
            if (i > 0 && ProductParts.IsNegative(t)) Write(sb, Expr.Neg(t), ProductLevel);
            else if (ProductParts.IsNegative(t)) { sb.Append('-'); Write(sb, Expr.Neg(t), ProductLevel); }
            else Write(sb, t, SumLevel + 1);
        }
    }

    private static void WriteTerm(StringBuilder sb, Expr e)
    {
        if (e is Power { Exponent: Number k } root && k.Value.Numerator.IsOne && k.Value.Denominator == 2)
        {
            sb.Append("sqrt("); Write(sb, root.Base, 0); sb.Append(')');
            return;
        }
        var parts = ProductParts.Of(e);
        if (parts.Negative) sb.Append('-');
        var num = parts.Numerator;
        bool wroteNumerator = false;
        if (!parts.Coefficient.Numerator.IsOne || num.Count == 0)
        {
            sb.Append(parts.Coefficient.Numerator.ToString());
            wroteNumerator = true;
        }
        foreach (var f in num)
        {
            if (wroteNumerator) sb.Append('*');
            WriteFactor(sb, f);
            wroteNumerator = true;
        }
        var den = parts.Denominator;
        bool numericDen = !parts.Coefficient.Denominator.IsOne;
        if (den.Count == 0 && !numericDen) return;
        if (numericDen && den.Count > 0)
        {
            // "x/3/(2 + x^2)", not "x/(3*(2 + x^2))": the latter parses to x/(6 + 3*x^2), another canonical form.
            sb.Append('/').Append(parts.Coefficient.Denominator.ToString());
            numericDen = false;
        }
        sb.Append('/');
        int count = den.Count + (numericDen ? 1 : 0);
        if (count > 1) sb.Append('(');
        bool first = true;
        if (numericDen) { sb.Append(parts.Coefficient.Denominator.ToString()); first = false; }
        foreach (var f in den)
        {
            if (!first) sb.Append('*');
            if (count == 1) Write(sb, f, PowerLevel + 1 - (f is Power ? 1 : 0)); else WriteFactor(sb, f);
            first = false;
        }
        if (count > 1) sb.Append(')');
    }

    private static void WriteFactor(StringBuilder sb, Expr f)
    {
        if (f is Power p && !(p.Exponent is Number { Value.Sign: < 0 }))
        {
            if (p.Exponent is Number k && k.Value.Numerator.IsOne && k.Value.Denominator == 2) { WriteTerm(sb, p); return; }
            Write(sb, p.Base, PowerLevel + 1);
            sb.Append('^');
            Write(sb, p.Exponent, PowerLevel + 1);
            return;
        }
        Write(sb, f, ProductLevel + 1);
    }
}
