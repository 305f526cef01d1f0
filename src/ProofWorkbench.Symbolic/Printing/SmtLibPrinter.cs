using System.Text;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Symbolic.Printing;

/// <summary>
/// Prints the polynomial and rational part of an expression as an SMT-LIB2 term over the reals
/// (QF_NRA): numbers as exact <c>(/ p q)</c>, sums, products, integer powers (as repeated products),
/// and division. Every other node — transcendental functions, fractional powers, abstract functions,
/// piecewise — is handed to the <c>opaque</c> callback, which the SMT layer uses to abstract it by a fresh
/// variable with sound axioms. Without a handler such a node is an error: this printer never guesses.
/// Symbols must be SMT-LIB simple symbols; names are printed as given.
/// </summary>
public static class SmtLibPrinter
{
    /// <summary>The SMT-LIB2 term for <paramref name="e"/>.</summary>
    public static string Print(Expr e, Func<Expr, string>? opaque = null)
    {
        var sb = new StringBuilder();
        Write(sb, e, opaque);
        return sb.ToString();
    }

    /// <summary>An exact SMT-LIB2 real literal: <c>3.0</c>, <c>(- 3.0)</c>, <c>(/ 1.0 2.0)</c>.</summary>
    public static string Literal(Rational r)
    {
        string Int(System.Numerics.BigInteger n) => $"{n}.0";
        var abs = r.Abs();
        var body = abs.IsInteger ? Int(abs.Numerator) : $"(/ {Int(abs.Numerator)} {Int(abs.Denominator)})";
        return r.Sign < 0 ? $"(- {body})" : body;
    }

    private static void Write(StringBuilder sb, Expr e, Func<Expr, string>? opaque)
    {
        switch (e)
        {
            case Number n: sb.Append(Literal(n.Value)); break;
            case Symbol s: sb.Append(s.Name); break;
            case Sum s:
                sb.Append("(+");
                foreach (var t in s.Terms) { sb.Append(' '); Write(sb, t, opaque); }
                sb.Append(')');
                break;
            case Product p:
                sb.Append("(*");
                foreach (var f in p.Factors) { sb.Append(' '); Write(sb, f, opaque); }
                sb.Append(')');
                break;
            case Power { Exponent: Number k } pw when k.Value.IsInteger && k.Value.Numerator != 0:
            {
                int n = (int)System.Numerics.BigInteger.Abs(k.Value.Numerator);
                var b = new StringBuilder();
                if (n == 1) Write(b, pw.Base, opaque);
                else
                {
                    b.Append("(*");
                    for (int i = 0; i < n; i++) { b.Append(' '); Write(b, pw.Base, opaque); }
                    b.Append(')');
                }
                if (k.Value.Sign < 0) sb.Append("(/ 1.0 ").Append(b).Append(')'); else sb.Append(b);
                break;
            }
            default:
                if (opaque is null)
                    throw new SymbolicException($"'{e}' is not polynomial or rational; the SMT layer must abstract it.");
                sb.Append(opaque(e));
                break;
        }
    }
}
