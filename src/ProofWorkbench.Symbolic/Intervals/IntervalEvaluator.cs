using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Expressions;

namespace ProofWorkbench.Symbolic.Intervals;

/// <summary>The natural interval extension of an expression: an enclosure of its range over a box.</summary>
public static class IntervalEvaluator
{
    /// <summary>An interval containing e(x) for every x in the box <paramref name="box"/>.</summary>
    public static Interval Evaluate(Expr e, IReadOnlyDictionary<string, Interval> box)
    {
        switch (e)
        {
            case Number n:
            {
                double d = n.Value.ToDouble();
                return n.Value.IsInteger && Math.Abs(d) < 9e15 ? Interval.Point(d) : new(Math.BitDecrement(d), Math.BitIncrement(d));
            }
            case NamedConstant c: return new(Math.BitDecrement(c.Value), Math.BitIncrement(c.Value));
            case Symbol s:
                return box.TryGetValue(s.Name, out var v) ? v : throw new SymbolicException($"No interval for the symbol '{s.Name}'.");
            case Sum s: return s.Terms.Select(t => Evaluate(t, box)).Aggregate((a, b) => a + b);
            case Product p: return p.Factors.Select(f => Evaluate(f, box)).Aggregate((a, b) => a * b);
            case Power { Exponent: Number k } pw when k.Value.IsInteger && System.Numerics.BigInteger.Abs(k.Value.Numerator) < 1000:
                return Evaluate(pw.Base, box).Pow((int)k.Value.Numerator);
            case Power { Exponent: Number k } pw when k.Value.Numerator.IsOne && k.Value.Denominator == 2:
            {
                var b = Evaluate(pw.Base, box);
                if (b.Lo < 0) return Interval.Entire; // undefined somewhere in the box
                return b.Monotone(Math.Sqrt);
            }
            case Power pw:
            {
                var b = Evaluate(pw.Base, box);
                if (b.Lo <= 0) return Interval.Entire;
                var l = b.Monotone(Math.Log) * Evaluate(pw.Exponent, box);
                return l.Monotone(Math.Exp);
            }
            case FunctionCall f: return Function(f, box);
            case Piecewise pw: return Branches(pw, box);
            default: throw new SymbolicException($"No interval extension for '{e}'.");
        }
    }

    /// <summary>The function's interval extension (its entry in <see cref="KnownFunctions"/>) on the arguments' enclosures.</summary>
    private static Interval Function(FunctionCall f, IReadOnlyDictionary<string, Interval> box)
    {
        var extension = f.Function.Interval ?? throw new SymbolicException($"No interval extension for {f.Function.Name}.");
        return extension([.. f.Arguments.Select(a => Evaluate(a, box))]);
    }

    /// <summary>
    /// A piecewise expression branch by branch (issue 9, item 4): a condition decided on the box (by interval
    /// arithmetic) selects or drops its branch; only the branches that may be taken are evaluated, and their hull is
    /// the enclosure. So piecewise(u &lt; 0, exp(u), 1 + u) on u ∈ [0.1, 10] is enclosed by 1 + u alone.
    /// </summary>
    private static Interval Branches(Piecewise pw, IReadOnlyDictionary<string, Interval> box)
    {
        Interval? hull = null;
        foreach (var (condition, value) in pw.Pieces)
        {
            var decided = Decide(condition, box);
            if (decided == false) continue;
            var v = Evaluate(value, box);
            hull = hull is { } h ? h.Hull(v) : v;
            if (decided == true) return hull.Value;
        }
        var o = Evaluate(pw.Otherwise, box);
        return hull is { } all ? all.Hull(o) : o;
    }

    /// <summary>True or false when interval arithmetic decides the relation on the whole box, else null.</summary>
    public static bool? Decide(Relation r, IReadOnlyDictionary<string, Interval> box)
    {
        Interval i;
        try { i = Evaluate(Expr.Sub(r.Left, r.Right), box); }
        catch (SymbolicException) { return null; }
        if (double.IsNaN(i.Lo) || double.IsNaN(i.Hi)) return null;
        return r.Operator switch
        {
            RelationOperator.Less => i.Hi < 0 ? true : i.Lo >= 0 ? false : null,
            RelationOperator.LessOrEqual => i.Hi <= 0 ? true : i.Lo > 0 ? false : null,
            RelationOperator.Greater => i.Lo > 0 ? true : i.Hi <= 0 ? false : null,
            RelationOperator.GreaterOrEqual => i.Lo >= 0 ? true : i.Hi < 0 ? false : null,
            RelationOperator.Equal => i.Lo == 0 && i.Hi == 0 ? true : i.Lo > 0 || i.Hi < 0 ? false : null,
            _ => i.Lo > 0 || i.Hi < 0 ? true : i.Lo == 0 && i.Hi == 0 ? false : null,
        };
    }
}
