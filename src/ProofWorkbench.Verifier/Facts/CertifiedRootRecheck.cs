using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Verifier.Facts;

/// <summary><c>certified-root</c>: the function's strict sign at each bracket end by outward-rounded intervals (exactly when
/// it evaluates to a rational), and, when a derivative sign is claimed, the derivative (differentiated by the verifier) of
/// that strict sign on the whole bracket, bisecting a bounded number of times. Opposite end signs prove a zero in the bracket
/// (IVT; the function must be continuous there, which the interval evaluation on the whole bracket shows by being finite).
/// Where doubles leave an end's sign undecided, 160-bit rational intervals (<see cref="Precise"/>) decide it. An integral
/// term I = ∫_{lower}^{x} integrand is enclosed by Symbolic's validated quadrature (<see cref="Integral"/>).</summary>
internal sealed class CertifiedRootRecheck : IFactRechecker
{
    public string Kind => "certified-root";

    public FactCheck Recheck(J fact)
    {
        var f = fact["function"].Expr();
        var x = fact["variable"].Str();
        var (lo, hi) = fact["bracket"].Interval();
        var integral = fact["integral"].IsNull ? null : fact["integral"];
        if (integral is not null && integral["variable"].Str() != x) throw new CertificateFormatException(integral["variable"].Path, $"the integral's variable must be the root's variable '{x}'");
        int sLo = SignAt(f, x, lo, integral), sHi = SignAt(f, x, hi, integral);
        if ((sLo == 0 || sHi == 0) && sLo != -fact["sign_at_lo"].Int() && sHi != -fact["sign_at_hi"].Int())
            return new FactCheck(fact.Path, Kind, fact["outcome"].Str(), false, "the sign at a bracket end is not decided by outward-rounded intervals nor by 160-bit rational intervals (not re-checked)");
        if (sLo != fact["sign_at_lo"].Int()) throw new RejectException($"{fact.Path} (certified-root): the sign of {f} at {lo} is {Text(sLo)}, the certificate states {fact["sign_at_lo"].Int()}");
        if (sHi != fact["sign_at_hi"].Int()) throw new RejectException($"{fact.Path} (certified-root): the sign of {f} at {hi} is {Text(sHi)}, the certificate states {fact["sign_at_hi"].Int()}");
        int ds = fact["derivative_sign"].Int();
        var on = Exact.Enclose(lo, hi);
        // With an integral term I(x) = ∫ integrand: d/dx f(x, I(x)) = ∂f/∂x + ∂f/∂I · integrand(x); I over the whole bracket by quadrature.
        var extra = Integral.Over(integral, on);
        var df = integral is null ? Differentiator.Derivative(f, x)
            : Expr.Add(Differentiator.Derivative(f, x), Expr.Mul(Differentiator.Derivative(f, integral["symbol"].Str()), integral["integrand"].Expr()));
        if (ds != 0 && !SignOn(df, x, on, ds, extra))
            throw new RejectException($"{fact.Path} (certified-root): the derivative of {f} is not shown to have the sign {ds} on [{lo}, {hi}]");
        if (ds == 0 && !SignOn(f, x, on, 2, extra))
            throw new RejectException($"{fact.Path} (certified-root): {f} is not shown to be defined and finite on [{lo}, {hi}]");
        var outcome = sLo * sHi < 0 ? Outcomes.Proves : Outcomes.Undecided;
        return new FactCheck(fact.Path, Kind, outcome, true, $"signs {Text(sLo)} / {Text(sHi)} at the ends" + (ds != 0 ? $", derivative sign {ds} on the bracket" : "")
            + (integral is null ? "" : ", the integral term by validated quadrature"));
    }

    private static string Text(int s) => s switch { 1 => "+1", -1 => "-1", _ => "undecided" };

    /// <summary>The strict sign of f at the exact point x = v (exactly when it simplifies to a rational, else by intervals), 0 when undecided.</summary>
    internal static int SignAt(Expr f, string x, Rational v, J? integral = null)
    {
        var at = Symbolic.Simplification.Simplifier.Simplify(Substitution.Substitute(f, x, Expr.Num(v)));
        if (at is Number n) return n.Value.Sign;
        var box = Integral.Over(integral, Exact.Enclose(v)) ?? [];
        int sign;
        try { sign = Exact.StrictSign(IntervalEvaluator.Evaluate(at, box)); }
        catch (InputException) { sign = 0; }
        return sign != 0 ? sign : Precise.Sign(at, box);
    }

    /// <summary>True when g has the strict sign <paramref name="sign"/> on the whole interval (sign 2: merely defined and finite), by bounded bisection.</summary>
    internal static bool SignOn(Expr g, string x, Interval on, int sign, Dictionary<string, Interval>? extra = null) =>
        Bisection.Covers(on, i => Bisection.Eval(g, x, i, extra) is { } r && (sign == 2 || Exact.StrictSign(r) == sign));

}
