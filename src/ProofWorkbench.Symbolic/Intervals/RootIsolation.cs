using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Simplification;

namespace ProofWorkbench.Symbolic.Intervals;

/// <summary>An interval [Lo, Hi] that contains exactly one zero of the function (proved by sign change and monotonicity).</summary>
public sealed record RootEnclosure(double Lo, double Hi)
{
    /// <summary>The midpoint, the reported root.</summary>
    public double Root => Lo + (Hi - Lo) / 2;
}

/// <summary>The zeros of f on [lo, hi]: isolated roots, plus any sub-intervals that could not be decided.</summary>
public sealed record RootIsolationResult(IReadOnlyList<RootEnclosure> Roots, IReadOnlyList<Interval> Unresolved)
{
    /// <summary>True when every zero in the interval is among <see cref="Roots"/>.</summary>
    public bool Complete => Unresolved.Count == 0;
}

/// <summary>
/// Finds every zero of a univariate expression on a closed interval by interval bisection:
/// a sub-interval is discarded only when the interval extension of f excludes 0 there; it is accepted
/// as holding exactly one zero when the extension of f′ excludes 0 (f strictly monotone) and f has
/// strictly opposite signs at its ends; that zero is then narrowed by bisection to the tolerance.
/// Sub-intervals narrower than the resolution that remain undecided (double zeros, or zeros at
/// ends where f cannot be signed) are returned as <see cref="RootIsolationResult.Unresolved"/>, never dropped.
/// Soundness rests on <see cref="Interval"/>'s outward rounding.
/// </summary>
public static class RootIsolation
{
    /// <summary>Isolates the zeros of <paramref name="f"/> in <paramref name="variable"/> on [lo, hi].</summary>
    public static RootIsolationResult FindRoots(Expr f, string variable, double lo, double hi, double tolerance = 1e-12, int maxBoxes = 200_000) =>
        FindRoots(f, variable, lo, hi, tolerance, maxBoxes, rescale: true);

    private static RootIsolationResult FindRoots(Expr f, string variable, double lo, double hi, double tolerance, int maxBoxes, bool rescale)
    {
        if (!(lo <= hi)) throw new ArgumentException("Expected lo ≤ hi.");
        var df = Simplifier.Simplify(Differentiator.Derivative(f, variable));
        var roots = new List<RootEnclosure>();
        var unresolved = new List<Interval>();
        var stack = new Stack<Interval>();
        stack.Push(new Interval(lo, hi));
        int boxes = 0;
        Interval At(Interval x) => IntervalEvaluator.Evaluate(f, new Dictionary<string, Interval> { [variable] = x });
        Interval SlopeAt(Interval x) => IntervalEvaluator.Evaluate(df, new Dictionary<string, Interval> { [variable] = x });

        while (stack.Count > 0)
        {
            var x = stack.Pop();
            if (++boxes > maxBoxes) { unresolved.Add(x); continue; }
            if (!At(x).ContainsZero) continue;
            double resolution = 1e-3 * tolerance * Math.Max(1, Math.Max(Math.Abs(x.Lo), Math.Abs(x.Hi)));
            if (!SlopeAt(x).ContainsZero)
            {
                var fl = At(Interval.Point(x.Lo));
                var fh = At(Interval.Point(x.Hi));
                if (!fl.ContainsZero && !fh.ContainsZero)
                {
                    if (Math.Sign(fl.Lo) == Math.Sign(fh.Lo)) continue; // monotone, same sign: no zero
                    roots.Add(Narrow(x, At, fl.Lo > 0, tolerance));
                    continue;
                }
            }
            if (x.Width <= resolution) { unresolved.Add(x); continue; }
            double m = x.Mid;
            stack.Push(new Interval(m, x.Hi)); // left half processed first
            stack.Push(new Interval(x.Lo, m));
        }
        // A zero that falls exactly on a bisection point leaves two tiny undecided pieces; decide them
        // on a slightly larger neighbourhood, where monotonicity and a strict sign change prove one zero.
        var open = new List<Interval>();
        unresolved.Sort((a, b) => a.Lo.CompareTo(b.Lo));
        foreach (var u in Merge(unresolved))
        {
            var n = new Interval(Math.Max(lo, u.Lo - tolerance), Math.Min(hi, u.Hi + tolerance));
            var fl = At(Interval.Point(n.Lo));
            var fh = At(Interval.Point(n.Hi));
            if (u.Width <= tolerance && !SlopeAt(n).ContainsZero && !fl.ContainsZero && !fh.ContainsZero && Math.Sign(fl.Lo) != Math.Sign(fh.Lo))
                roots.Add(new RootEnclosure(n.Lo, n.Hi));
            else open.Add(u);
        }
        if (rescale && open.Count > 0)
        {
            // Where exp overflows (|u| ≳ 709 in double precision) f cannot be evaluated; its zeros there are the zeros of
            // its numerator rescaled by exp(−k·u), k the largest (right) or smallest (left) exp rate (issue 9, item 7).
            var still = new List<Interval>();
            foreach (var w in open)
            {
                var at = At(w);
                if (double.IsFinite(at.Lo) && double.IsFinite(at.Hi)) { still.Add(w); continue; }
                var scaled = Rescaled(f, variable, right: w.Mid > 0, w);
                if (scaled is null) { still.Add(w); continue; }
                var r = FindRoots(scaled, variable, w.Lo, w.Hi, tolerance, maxBoxes, rescale: false);
                roots.AddRange(r.Roots);
                still.AddRange(r.Unresolved);
            }
            open = still;
        }
        roots.Sort((a, b) => a.Lo.CompareTo(b.Lo));
        return new RootIsolationResult(roots, open);
    }

    /// <summary>
    /// The numerator N of f = N/D (exact rational normal form), multiplied out and by exp(−k·u), where exp(k·u) is the
    /// fastest-growing exponential towards the side of <paramref name="w"/>; null unless D is certainly nonzero on
    /// <paramref name="w"/> (checked on D rescaled the same way), so that N·exp(−k·u) has exactly the zeros of f there.
    /// </summary>
    private static Expr? Rescaled(Expr f, string variable, bool right, Interval w)
    {
        try
        {
            var normal = Simplifier.Together(f);
            var numerator = new List<Expr>();
            var denominator = new List<Expr>();
            foreach (var factor in normal is Product p ? p.Factors : [normal])
            {
                if (factor is Power { Exponent: Number { Value.Sign: < 0 } k } pw) denominator.Add(Expr.Pow(pw.Base, Expr.Num(-k.Value)));
                else numerator.Add(factor);
            }
            var n = Scale(Simplifier.Expand(Expr.Mul(numerator)), variable, right);
            if (n is null) return null;
            if (denominator.Count > 0)
            {
                var d = Scale(Simplifier.Expand(Expr.Mul(denominator)), variable, right) ?? Simplifier.Expand(Expr.Mul(denominator));
                var di = IntervalEvaluator.Evaluate(d, new Dictionary<string, Interval> { [variable] = w });
                if (di.ContainsZero || !double.IsFinite(di.Lo) || !double.IsFinite(di.Hi)) return null;
            }
            return n;
        }
        catch (SymbolicException) { return null; }
    }

    /// <summary>e·exp(−k·u), multiplied out term by term, with k the extreme rate of the exp(c·u) in e; null when there is none.</summary>
    private static Expr? Scale(Expr e, string variable, bool right)
    {
        var u = Expr.Sym(variable);
        var rates = new List<Numbers.Rational>();
        e.Any(n =>
        {
            if (n is FunctionCall { Function.Name: "exp" } call)
            {
                if (call.Argument.Equals(u)) rates.Add(Numbers.Rational.One);
                else if (call.Argument is Product { Factors: [Number c, Symbol s] } && s.Equals(u)) rates.Add(c.Value);
            }
            return false;
        });
        var candidates = rates.Where(r => right ? r.Sign > 0 : r.Sign < 0).ToList();
        if (candidates.Count == 0) return null;
        var k = right ? candidates.Max() : candidates.Min();
        return Simplifier.Expand(Expr.Mul(e, Expr.Call(KnownFunctions.Exp, Expr.Mul(Expr.Num(-k), u))));
    }

    private static RootEnclosure Narrow(Interval x, Func<Interval, Interval> at, bool positiveAtLo, double tolerance)
    {
        double a = x.Lo, b = x.Hi;
        while (b - a > tolerance)
        {
            double m = a + (b - a) / 2;
            if (m <= a || m >= b) break;
            var fm = at(Interval.Point(m));
            if (fm.ContainsZero) break; // cannot sign f(m): the enclosure stays [a, b]
            if ((fm.Lo > 0) == positiveAtLo) a = m; else b = m;
        }
        return new RootEnclosure(a, b);
    }

    private static List<Interval> Merge(List<Interval> xs)
    {
        var merged = new List<Interval>();
        foreach (var x in xs)
        {
            if (merged.Count > 0 && merged[^1].Hi >= x.Lo) merged[^1] = merged[^1].Hull(x);
            else merged.Add(x);
        }
        return merged;
    }
}
