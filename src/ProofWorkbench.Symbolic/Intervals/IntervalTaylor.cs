using ProofWorkbench.Symbolic.Expressions;

namespace ProofWorkbench.Symbolic.Intervals;

/// <summary>
/// Interval Taylor arithmetic on expressions: the <see cref="IntervalJet"/> of e(v) at v ∈ X, whose coefficient k
/// encloses e^(k)(ξ)/k! for every ξ ∈ X, with every other symbol of e fixed to an interval of the box. Functions with a
/// jump or kink (abs, relu, max, sign, heaviside, piecewise) are accepted only where the interval stays on one side of it.
/// </summary>
public static class IntervalTaylor
{
    /// <summary>The jet of <paramref name="e"/> in <paramref name="variable"/> over <paramref name="x"/>, of the given order.</summary>
    /// <exception cref="SymbolicException">When e has a term without interval Taylor arithmetic (an abstract function,
    /// a kink inside the interval, a symbol missing from the box).</exception>
    public static IntervalJet Jet(Expr e, string variable, Interval x, int order, IReadOnlyDictionary<string, Interval>? box = null)
    {
        var memo = new Dictionary<Expr, IntervalJet>();
        var others = box ?? new Dictionary<string, Interval>();
        IntervalJet Go(Expr n)
        {
            if (memo.TryGetValue(n, out var cached)) return cached;
            var r = n switch
            {
                Number or NamedConstant => IntervalJet.Constant(IntervalEvaluator.Evaluate(n, others), order),
                Symbol s when s.Name == variable => IntervalJet.Variable(x, order),
                Symbol s => others.TryGetValue(s.Name, out var v) ? IntervalJet.Constant(v, order)
                    : throw new SymbolicException($"No interval for the symbol '{s.Name}'."),
                Sum s => s.Terms.Select(Go).Aggregate((a, b) => a + b),
                Product p => p.Factors.Select(Go).Aggregate((a, b) => a * b),
                Power { Exponent: Number k } pw when k.Value.IsInteger && System.Numerics.BigInteger.Abs(k.Value.Numerator) < 1000
                    => Go(pw.Base).Pow((int)k.Value.Numerator),
                Power { Exponent: Number k } pw => Go(pw.Base).RealPow(IntervalEvaluator.Evaluate(k, others)),
                Power pw => (Go(pw.Exponent) * Go(pw.Base).Log()).Exp(),
                FunctionCall f => Function(f.Function, [.. f.Arguments.Select(Go)]),
                _ => throw new SymbolicException($"No interval Taylor arithmetic for '{n}'."),
            };
            memo[n] = r;
            return r;
        }
        return Go(e);
    }

    /// <summary>The function's interval Taylor rule (its entry in <see cref="KnownFunctions"/>).</summary>
    private static IntervalJet Function(FunctionInfo f, IntervalJet[] a) =>
        f.IntervalTaylor?.Invoke(a)
        ?? throw new SymbolicException($"No interval Taylor arithmetic for {f.Name} on an interval where it is not smooth.");
}
