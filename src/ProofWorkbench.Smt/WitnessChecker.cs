using System.Globalization;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Domains;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Smt;

/// <summary>
/// Checks a candidate counterexample against the real functions: exactly, by substituting exact
/// rationals (the canonical constructors fold rational arithmetic exactly), when every value is rational
/// and the claim reduces to numbers; otherwise by interval arithmetic with outward rounding at the
/// witness, which confirms a violation only when the enclosure lies strictly on the violating side.
/// </summary>
public static class WitnessChecker
{
    /// <summary>
    /// Whether <paramref name="witness"/> certainly violates <paramref name="claim"/> while satisfying every
    /// assumption (and lying in the domain of all terms, including <paramref name="domain"/>, the domain of the
    /// expressions as written: a point where the original is undefined refutes nothing).
    /// </summary>
    public static WitnessCheck CheckCounterexample(Relation claim, IReadOnlyList<Relation> assumptions, Witness witness,
        IReadOnlyList<DomainCondition>? domain = null)
    {
        foreach (var d in domain ?? [])
        {
            bool? inPath = d.Path.Aggregate((bool?)true, (acc, r) => acc == false ? false : And(acc, At(r, witness)));
            if (inPath == false) continue;
            if (inPath == true && At(d.Condition, witness) == true) continue;
            var method = witness.IsExact ? WitnessCheckMethod.Exact : WitnessCheckMethod.Interval;
            return new WitnessCheck(method, false, inPath == true && At(d.Condition, witness) == false
                ? $"the witness lies outside the domain of the expression as written: {d.Reason} ({d}) fails there"
                : $"the witness cannot be shown to lie in the domain of the expression as written ({d})");
        }
        var exact = TryExact(claim, assumptions, witness);
        if (exact is not null) return exact;
        return Interval(claim, assumptions, witness);
    }

    private static WitnessCheck? TryExact(Relation claim, IReadOnlyList<Relation> assumptions, Witness witness)
    {
        if (!witness.IsExact) return null;
        var map = witness.Values.ToDictionary(kv => kv.Key, kv => Expr.Num(kv.Value.Exact!.Value), StringComparer.Ordinal);
        try
        {
            var diff = Substitution.Substitute(Expr.Sub(claim.Left, claim.Right), map);
            if (diff is not Number d) return null;
            foreach (var a in assumptions)
            {
                var ad = Substitution.Substitute(Expr.Sub(a.Left, a.Right), map);
                if (ad is not Number n) return null;
                if (!Holds(a.Operator, n.Value))
                    return new WitnessCheck(WitnessCheckMethod.Exact, false, $"the assumption {a} fails at the witness ({a.Left} - ({a.Right}) = {n.Value})");
            }
            bool violated = !Holds(claim.Operator, d.Value);
            return new WitnessCheck(WitnessCheckMethod.Exact, violated,
                violated ? $"exact: {Expr.Sub(claim.Left, claim.Right)} = {d.Value} at the witness, so '{claim}' fails"
                         : $"exact: {Expr.Sub(claim.Left, claim.Right)} = {d.Value} at the witness, so '{claim}' holds there");
        }
        catch (SymbolicException e)
        {
            return new WitnessCheck(WitnessCheckMethod.Exact, false, $"the witness is outside the domain: {e.Message}");
        }
    }

    private static bool? And(bool? a, bool? b) => a == false || b == false ? false : a == true && b == true ? true : null;

    /// <summary>Whether <paramref name="r"/> holds at the witness: true or false when certain (exactly or by intervals), else null.</summary>
    private static bool? At(Relation r, Witness witness)
    {
        try
        {
            if (witness.IsExact)
            {
                var map = witness.Values.ToDictionary(kv => kv.Key, kv => Expr.Num(kv.Value.Exact!.Value), StringComparer.Ordinal);
                if (Substitution.Substitute(Expr.Sub(r.Left, r.Right), map) is Number n) return Holds(r.Operator, n.Value);
            }
            var box = witness.Values.ToDictionary(kv => kv.Key, kv => PointBox(kv.Value), StringComparer.Ordinal);
            var i = IntervalEvaluator.Evaluate(Expr.Sub(r.Left, r.Right), box);
            return CertainlyHolds(r.Operator, i) ? true : CertainlyFails(r.Operator, i) ? false : null;
        }
        catch (SymbolicException) { return null; }
    }

    private static bool Holds(RelationOperator op, Rational d) => op switch
    {
        RelationOperator.Less => d.Sign < 0,
        RelationOperator.LessOrEqual => d.Sign <= 0,
        RelationOperator.Greater => d.Sign > 0,
        RelationOperator.GreaterOrEqual => d.Sign >= 0,
        RelationOperator.Equal => d.IsZero,
        _ => !d.IsZero,
    };

    private static WitnessCheck Interval(Relation claim, IReadOnlyList<Relation> assumptions, Witness witness)
    {
        var box = witness.Values.ToDictionary(kv => kv.Key, kv => PointBox(kv.Value), StringComparer.Ordinal);
        try
        {
            foreach (var a in assumptions)
            {
                var ai = IntervalEvaluator.Evaluate(Expr.Sub(a.Left, a.Right), box);
                if (!CertainlyHolds(a.Operator, ai))
                    return new WitnessCheck(WitnessCheckMethod.Interval, false, $"the assumption {a} is not certain at the witness ({a.Left} - ({a.Right}) ∈ {ai})");
            }
            var i = IntervalEvaluator.Evaluate(Expr.Sub(claim.Left, claim.Right), box);
            bool violated = CertainlyFails(claim.Operator, i);
            return new WitnessCheck(WitnessCheckMethod.Interval, violated,
                violated ? $"interval arithmetic: {Expr.Sub(claim.Left, claim.Right)} ∈ {i} at the witness, so '{claim}' fails"
                         : $"interval arithmetic: {Expr.Sub(claim.Left, claim.Right)} ∈ {i} at the witness, which does not show that '{claim}' fails");
        }
        catch (SymbolicException e)
        {
            return new WitnessCheck(WitnessCheckMethod.Interval, false, $"the witness could not be evaluated: {e.Message}");
        }
    }

    private static Interval PointBox(WitnessValue v)
    {
        double d = v.Approximation;
        if (double.IsNaN(d)) return Symbolic.Intervals.Interval.Entire;
        if (v.Exact is { } r && r.IsInteger && Math.Abs(d) < 9e15) return Symbolic.Intervals.Interval.Point(d);
        return new Interval(Math.BitDecrement(Math.BitDecrement(d)), Math.BitIncrement(Math.BitIncrement(d)));
    }

    private static bool CertainlyHolds(RelationOperator op, Interval i) => op switch
    {
        RelationOperator.Less => i.Hi < 0,
        RelationOperator.LessOrEqual => i.Hi <= 0,
        RelationOperator.Greater => i.Lo > 0,
        RelationOperator.GreaterOrEqual => i.Lo >= 0,
        RelationOperator.Equal => i.Lo == 0 && i.Hi == 0,
        _ => i.Lo > 0 || i.Hi < 0,
    };

    private static bool CertainlyFails(RelationOperator op, Interval i) => op switch
    {
        RelationOperator.Less => i.Lo >= 0,
        RelationOperator.LessOrEqual => i.Lo > 0,
        RelationOperator.Greater => i.Hi <= 0,
        RelationOperator.GreaterOrEqual => i.Hi < 0,
        RelationOperator.Equal => i.Lo > 0 || i.Hi < 0,
        _ => i.Lo == 0 && i.Hi == 0,
    };

    internal static string Format(double d) => d.ToString("R", CultureInfo.InvariantCulture);
}
