using System.Globalization;
using System.Numerics;
using System.Text;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Symbolic.Printing;

/// <summary>
/// Prints expressions as Presentation MathML (W3C MathML Core), which browsers render natively — the reports'
/// math needs no network and no script. One printer per target, as SymPy's <c>sympy/printing/mathml.py</c>:
/// dispatch per node type, a table of known functions, symbols split into stem and subscript (w1 → w₁,
/// sigma → σ). Output is deterministic: no attributes depend on the machine or culture.
/// </summary>
public static class MathMLPrinter
{
    /// <summary>The MathML namespace.</summary>
    public const string Namespace = "http://www.w3.org/1998/Math/MathML";

    /// <summary>A complete <c>&lt;math&gt;</c> element for <paramref name="e"/>; <paramref name="display"/> selects block layout.</summary>
    public static string Print(Expr e, bool display = false)
    {
        var sb = new StringBuilder();
        sb.Append("<math xmlns=\"").Append(Namespace).Append('"');
        if (display) sb.Append(" display=\"block\"");
        sb.Append('>');
        Write(sb, e, 0);
        sb.Append("</math>");
        return sb.ToString();
    }

    /// <summary>The MathML of <paramref name="e"/> without the surrounding <c>&lt;math&gt;</c> element (one <c>mrow</c> or token).</summary>
    public static string PrintContent(Expr e)
    {
        var sb = new StringBuilder();
        Write(sb, e, 0);
        return sb.ToString();
    }

    /// <summary>
    /// A symbol name as MathML: stem and subscript, Greek names as letters. "w1" → w₁, "w1_2" → w₁,₂, "sigma" → σ,
    /// "theta0" → θ₀. Usable for labels that are not expressions (names of parameters, of datasets).
    /// </summary>
    public static string Identifier(string name)
    {
        var (stem, rest) = SymbolNames.Split(name);
        string stemMl = stem.Length == 0 ? ""
            : SymbolNames.Greek.TryGetValue(stem, out var g) ? $"<mi>{g}</mi>"
            : stem.Length == 1 ? $"<mi>{Escape(stem)}</mi>"
            : $"<mi mathvariant=\"normal\">{Escape(stem)}</mi>";
        if (stem.Length == 0) return $"<mi>{Escape(name)}</mi>";
        if (rest.Length == 0) return stemMl;
        var sub = rest.All(c => char.IsDigit(c)) ? $"<mn>{rest}</mn>" : $"<mi>{Escape(rest)}</mi>";
        return $"<msub>{stemMl}{sub}</msub>";
    }

    private static int Level(Expr e) => e switch
    {
        Relation => 0,
        Sum => 1,
        Number n when n.Value.Sign < 0 => 1,
        Number n when !n.Value.IsInteger => 4,
        Product when ProductParts.IsNegative(e) => 1,
        Product => 2,
        _ => 4,
    };

    // context: 0 anywhere, 2 a term of a sum (after a sign), 3 a factor of a product, 4 a base of a power.
    private static void Write(StringBuilder sb, Expr e, int context)
    {
        if (Level(e) < context)
        {
            sb.Append("<mrow><mo>(</mo>");
            WriteBare(sb, e);
            sb.Append("<mo>)</mo></mrow>");
        }
        else WriteBare(sb, e);
    }

    private static void WriteBare(StringBuilder sb, Expr e)
    {
        switch (e)
        {
            case Number n: WriteNumber(sb, n.Value); break;
            case Symbol s: sb.Append(Identifier(s.Name)); break;
            case NamedConstant c: sb.Append(c.Name == "pi" ? "<mi>π</mi>" : "<mi>e</mi>"); break;
            case Sum s:
            {
                sb.Append("<mrow>");
                var ordered = ProductParts.PrintingOrder(s);
                for (int i = 0; i < ordered.Count; i++)
                {
                    var t = ordered[i];
                    bool neg = ProductParts.IsNegative(t);
                    if (neg) sb.Append("<mo>−</mo>"); else if (i > 0) sb.Append("<mo>+</mo>");
                    Write(sb, neg ? Expr.Neg(t) : t, 2);
                }
                sb.Append("</mrow>");
                break;
            }
            case Product or Power: WriteTerm(sb, e); break;
            case FunctionCall { Function.Name: "exp" } ex:
                sb.Append("<msup><mi>e</mi>");
                Write(sb, ex.Argument, 0);
                sb.Append("</msup>");
                break;
            case FunctionCall { Function.Name: "abs" } ab:
                sb.Append("<mrow><mo>|</mo>");
                Write(sb, ab.Argument, 0);
                sb.Append("<mo>|</mo></mrow>");
                break;
            case FunctionCall f:
                sb.Append("<mrow>").Append(OperatorName(f.Function.MathML)).Append("<mo>&#x2061;</mo>");
                WriteArguments(sb, f.Arguments);
                sb.Append("</mrow>");
                break;
            case AbstractCall a:
                sb.Append("<mrow>");
                var name = Identifier(a.Name);
                if (a.Order == 0) sb.Append(name);
                else if (a.Order <= 3) sb.Append("<msup>").Append(name).Append("<mo>").Append(new string('′', a.Order)).Append("</mo></msup>");
                else sb.Append("<msup>").Append(name).Append("<mrow><mo>(</mo><mn>").Append(a.Order).Append("</mn><mo>)</mo></mrow></msup>");
                sb.Append("<mo>&#x2061;</mo>");
                WriteArguments(sb, [a.Argument]);
                sb.Append("</mrow>");
                break;
            case Relation r:
                sb.Append("<mrow>");
                Write(sb, r.Left, 1);
                sb.Append("<mo>").Append(r.Operator switch
                {
                    RelationOperator.Less => "&lt;", RelationOperator.LessOrEqual => "≤", RelationOperator.Greater => "&gt;",
                    RelationOperator.GreaterOrEqual => "≥", RelationOperator.Equal => "=", _ => "≠",
                }).Append("</mo>");
                Write(sb, r.Right, 1);
                sb.Append("</mrow>");
                break;
            case Piecewise pw:
                sb.Append("<mrow><mo>{</mo><mtable columnalign=\"left\">");
                foreach (var (cond, value) in pw.Pieces)
                {
                    sb.Append("<mtr><mtd>"); Write(sb, value, 0); sb.Append("</mtd><mtd>");
                    WriteBare(sb, cond); sb.Append("</mtd></mtr>");
                }
                sb.Append("<mtr><mtd>"); Write(sb, pw.Otherwise, 0);
                sb.Append("</mtd><mtd><mtext>otherwise</mtext></mtd></mtr></mtable></mrow>");
                break;
            default: throw new InvalidOperationException($"No MathML printer for {e.GetType().Name}.");
        }
    }

    /// <summary>The upright operator name of a function (its entry's MathML name); single letters (H) stay italic.</summary>
    private static string OperatorName(string shown) =>
        shown.Length == 1 ? $"<mi>{Escape(shown)}</mi>" : $"<mi mathvariant=\"normal\">{Escape(shown)}</mi>";

    private static void WriteArguments(StringBuilder sb, IReadOnlyList<Expr> args)
    {
        sb.Append("<mrow><mo>(</mo>");
        for (int i = 0; i < args.Count; i++)
        {
            if (i > 0) sb.Append("<mo>,</mo>");
            Write(sb, args[i], 0);
        }
        sb.Append("<mo>)</mo></mrow>");
    }

    private static void WriteNumber(StringBuilder sb, Rational value)
    {
        if (value.Sign < 0) sb.Append("<mrow><mo>−</mo>");
        var abs = value.Abs();
        if (abs.IsInteger) sb.Append("<mn>").Append(Integer(abs.Numerator)).Append("</mn>");
        else sb.Append("<mfrac><mn>").Append(Integer(abs.Numerator)).Append("</mn><mn>").Append(Integer(abs.Denominator)).Append("</mn></mfrac>");
        if (value.Sign < 0) sb.Append("</mrow>");
    }

    private static string Integer(BigInteger n) => n.ToString(CultureInfo.InvariantCulture);

    private static void WriteTerm(StringBuilder sb, Expr e)
    {
        if (e is Power { Exponent: Number k } root && k.Value.Numerator.IsOne && k.Value.Denominator == 2)
        {
            sb.Append("<msqrt>"); Write(sb, root.Base, 0); sb.Append("</msqrt>");
            return;
        }
        var parts = ProductParts.Of(e);
        if (parts.Negative) sb.Append("<mrow><mo>−</mo>");
        var num = new StringBuilder();
        int numCount = WriteFactors(num, parts.Coefficient.Numerator, parts.Numerator);
        if (parts.Denominator.Count == 0 && parts.Coefficient.Denominator.IsOne)
            sb.Append(numCount > 1 ? $"<mrow>{num}</mrow>" : num.ToString());
        else
        {
            var den = new StringBuilder();
            int denCount = WriteFactors(den, parts.Coefficient.Denominator, parts.Denominator);
            // A fraction bar groups on its own: a lone factor above or below it needs no parentheses (1/(1+e^−u)).
            if (numCount == 1 && parts.Coefficient.Numerator.IsOne && parts.Numerator.Count == 1) { num.Clear(); Write(num, parts.Numerator[0], 0); }
            if (denCount == 1 && parts.Coefficient.Denominator.IsOne && parts.Denominator.Count == 1) { den.Clear(); Write(den, parts.Denominator[0], 0); }
            sb.Append("<mfrac>").Append(numCount > 1 ? $"<mrow>{num}</mrow>" : num.ToString())
              .Append(denCount > 1 ? $"<mrow>{den}</mrow>" : den.ToString()).Append("</mfrac>");
        }
        if (parts.Negative) sb.Append("</mrow>");
    }

    // Writes coefficient·f₁·f₂… (coefficient 1 omitted unless there is nothing else), joined by invisible times;
    // returns the number of items written.
    private static int WriteFactors(StringBuilder sb, BigInteger coefficient, IReadOnlyList<Expr> factors)
    {
        int count = 0;
        if (!coefficient.IsOne || factors.Count == 0) { sb.Append("<mn>").Append(Integer(coefficient)).Append("</mn>"); count++; }
        foreach (var f in factors)
        {
            if (count > 0) sb.Append("<mo>&#x2062;</mo>");
            WriteFactor(sb, f);
            count++;
        }
        return count;
    }

    private static void WriteFactor(StringBuilder sb, Expr f)
    {
        if (f is Power p)
        {
            if (p.Exponent is Number k && k.Value.Numerator.IsOne && k.Value.Denominator == 2) { WriteTerm(sb, p); return; }
            sb.Append("<msup>");
            if (p.Base is FunctionCall or AbstractCall or Sum or Product or Power || ProductParts.IsNegative(p.Base)
                || p.Base is Number { Value.IsInteger: false })
            {
                sb.Append("<mrow><mo>(</mo>"); WriteBare(sb, p.Base); sb.Append("<mo>)</mo></mrow>");
            }
            else WriteBare(sb, p.Base);
            Write(sb, p.Exponent, 0);
            sb.Append("</msup>");
            return;
        }
        Write(sb, f, 3);
    }

    /// <summary>Escapes text for an XML text node.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
