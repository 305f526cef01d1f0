using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Simplification;

namespace ProofWorkbench.Verifier;

/// <summary>Small exact helpers over Symbolic's trusted parts: substitution, the zero test, outward-rounded intervals.</summary>
internal static class Exact
{
    /// <summary>The smallest double interval containing the rational interval [lo, hi] (outward rounding).</summary>
    public static Interval Enclose(Rational lo, Rational hi)
    {
        double l = lo.ToDouble(), h = hi.ToDouble();
        if (Rational.FromDouble(l) > lo) l = Math.BitDecrement(l);
        if (Rational.FromDouble(h) < hi) h = Math.BitIncrement(h);
        return new Interval(l, h);
    }

    /// <summary>The enclosure of one rational.</summary>
    public static Interval Enclose(Rational x) => Enclose(x, x);

    /// <summary>True when the zero test proves e ≡ 0.</summary>
    public static bool IsZero(Expr e) => Simplifier.ZeroTest(e) == ZeroTestResult.Zero;

    /// <summary>e with exact rational values substituted.</summary>
    public static Expr At(Expr e, IReadOnlyDictionary<string, Rational> at) =>
        Substitution.Substitute(e, at.ToDictionary(kv => kv.Key, kv => Expr.Num(kv.Value)));

    /// <summary>The enclosure of e on a box of rational intervals (Symbolic's outward-rounded interval evaluator).</summary>
    public static Interval OnBox(Expr e, IReadOnlyDictionary<string, (Rational Lo, Rational Hi)> box) =>
        IntervalEvaluator.Evaluate(e, box.ToDictionary(kv => kv.Key, kv => Enclose(kv.Value.Lo, kv.Value.Hi)));

    /// <summary>−1 or +1 when the interval lies strictly on one side of 0, else 0.</summary>
    public static int StrictSign(Interval i) => i.Lo > 0 ? 1 : i.Hi < 0 ? -1 : 0;

    /// <summary>The exact rational value of a finite double.</summary>
    public static Rational Of(double x) => Rational.FromDouble(x);
}

/// <summary>Bounded bisection: a property of every sub-interval, shown by testing pieces (halving those that fail) within
/// a fixed budget of tests — a validated evaluation, not a search: it never proves more than the tests show.</summary>
internal static class Bisection
{
    /// <summary>The default number of tests.</summary>
    public const int Budget = 20000;

    /// <summary>True when <paramref name="test"/> holds on pieces covering <paramref name="on"/>.</summary>
    public static bool Covers(Interval on, Func<Interval, bool> test, int budget = Budget)
    {
        var stack = new Stack<Interval>();
        stack.Push(on);
        while (stack.Count > 0)
        {
            var i = stack.Pop();
            if (--budget < 0) return false;
            if (test(i)) continue;
            double mid = i.Mid;
            if (!(mid > i.Lo && mid < i.Hi)) return false; // cannot split further
            stack.Push(new Interval(mid, i.Hi));
            stack.Push(new Interval(i.Lo, mid));
        }
        return true;
    }

    /// <summary>The enclosure of g over x ∈ on, or null when the evaluation fails or is not finite.</summary>
    public static Interval? Eval(Symbolic.Expressions.Expr g, string x, Interval on, IReadOnlyDictionary<string, Interval>? extra = null)
    {
        try
        {
            var r = IntervalEvaluator.Evaluate(g, new Dictionary<string, Interval>(extra ?? new Dictionary<string, Interval>()) { [x] = on });
            return double.IsFinite(r.Lo) && double.IsFinite(r.Hi) ? r : null;
        }
        catch (InputException) { return null; }
    }
}

/// <summary>An integral term of a fact (docs/certificates.md): <c>symbol</c> stands for ∫_{lower}^{v} integrand, enclosed by
/// Symbolic's validated quadrature (Taylor models with interval jets, <see cref="ValidatedQuadrature"/>).</summary>
internal static class Integral
{
    /// <summary>{symbol: an enclosure of ∫_{lower}^{v} integrand for every v ∈ <paramref name="at"/>}, or null without a term.</summary>
    public static Dictionary<string, Interval>? Over(J? term, Interval at) => term is null || term.IsNull ? null
        : new() { [term["symbol"].Str()] = ValidatedQuadrature.Integrate(term["integrand"].Expr(), term["variable"].Str(), Exact.Enclose(term["lower"].Rat()), at) };
}
