using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Verifier.Facts;

/// <summary><c>certified-root</c>: the function's strict sign at each bracket end by outward-rounded intervals (exactly when
/// it evaluates to a rational), and, when a derivative sign is claimed, the derivative (differentiated by the verifier) of
/// that strict sign on the whole bracket, bisecting a bounded number of times. Opposite end signs prove a zero in the bracket
/// (IVT; the function must be continuous there, which the interval evaluation on the whole bracket shows by being finite).</summary>
internal sealed class CertifiedRootRecheck : IFactRechecker
{
    public string Kind => "certified-root";

    public FactCheck Recheck(J fact)
    {
        if (fact.Has("integral") && !fact["integral"].IsNull)
            return new FactCheck(fact.Path, Kind, fact["outcome"].Str(), false, "an integral term (validated quadrature) is not re-checked yet");
        var f = fact["function"].Expr();
        var x = fact["variable"].Str();
        var (lo, hi) = fact["bracket"].Interval();
        int sLo = SignAt(f, x, lo), sHi = SignAt(f, x, hi);
        if ((sLo == 0 || sHi == 0) && sLo != -fact["sign_at_lo"].Int() && sHi != -fact["sign_at_hi"].Int())
            return new FactCheck(fact.Path, Kind, fact["outcome"].Str(), false, "the sign at a bracket end is not decided by outward-rounded double intervals (not re-checked)");
        if (sLo != fact["sign_at_lo"].Int()) throw new RejectException($"{fact.Path} (certified-root): the sign of {f} at {lo} is {Text(sLo)}, the certificate states {fact["sign_at_lo"].Int()}");
        if (sHi != fact["sign_at_hi"].Int()) throw new RejectException($"{fact.Path} (certified-root): the sign of {f} at {hi} is {Text(sHi)}, the certificate states {fact["sign_at_hi"].Int()}");
        int ds = fact["derivative_sign"].Int();
        if (ds != 0 && !SignOn(Differentiator.Derivative(f, x), x, Exact.Enclose(lo, hi), ds))
            throw new RejectException($"{fact.Path} (certified-root): the derivative of {f} is not shown to have the sign {ds} on [{lo}, {hi}]");
        if (ds == 0 && !SignOn(f, x, Exact.Enclose(lo, hi), 2))
            throw new RejectException($"{fact.Path} (certified-root): {f} is not shown to be defined and finite on [{lo}, {hi}]");
        var outcome = sLo * sHi < 0 ? Outcomes.Proves : Outcomes.Undecided;
        return new FactCheck(fact.Path, Kind, outcome, true, $"signs {Text(sLo)} / {Text(sHi)} at the ends" + (ds != 0 ? $", derivative sign {ds} on the bracket" : ""));
    }

    private static string Text(int s) => s switch { 1 => "+1", -1 => "-1", _ => "undecided" };

    /// <summary>The strict sign of f at the exact point x = v (exactly when it simplifies to a rational, else by intervals), 0 when undecided.</summary>
    internal static int SignAt(Expr f, string x, Rational v)
    {
        var at = Symbolic.Simplification.Simplifier.Simplify(Substitution.Substitute(f, x, Expr.Num(v)));
        if (at is Number n) return n.Value.Sign;
        try { return Exact.StrictSign(IntervalEvaluator.Evaluate(at, new Dictionary<string, Interval>())); }
        catch (InputException) { return 0; }
    }

    /// <summary>True when g has the strict sign <paramref name="sign"/> on the whole interval (sign 2: merely defined and finite), by bounded bisection.</summary>
    internal static bool SignOn(Expr g, string x, Interval on, int sign) =>
        Bisection.Covers(on, i => Bisection.Eval(g, x, i) is { } r && (sign == 2 || Exact.StrictSign(r) == sign));

}
