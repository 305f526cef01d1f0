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
                FunctionCall f => Function(f.Function.Name, f.Arguments.Select(Go).ToArray()),
                _ => throw new SymbolicException($"No interval Taylor arithmetic for '{n}'."),
            };
            memo[n] = r;
            return r;
        }
        return Go(e);
    }

    private static IntervalJet Function(string name, IntervalJet[] a)
    {
        var x = a[0];
        int p = x.Order;
        IntervalJet One() => IntervalJet.Constant(Interval.Point(1), p);
        switch (name)
        {
            case "exp": return x.Exp();
            case "log": return x.Log();
            // σ′ = σ(1 − σ) (paper 000's sigmoid), tanh′ = 1 − tanh²: the rules of functions given by an ODE.
            case "sigmoid": return x.Integrate(IntervalFunctions.Sigmoid(x.Value), f => f * (One() - f));
            case "tanh": return x.Integrate(IntervalFunctions.Tanh(x.Value), f => One() - f * f);
            case "softplus":
            {
                var s = Function("sigmoid", a);
                return x.Integrate(IntervalFunctions.Softplus(x.Value), _ => s);
            }
            case "atan": { var d = One() / (One() + x * x); return x.Integrate(IntervalFunctions.Atan(x.Value), _ => d); }
            case "asinh": { var d = (One() + x * x).RealPow(Interval.Point(-0.5)); return x.Integrate(IntervalFunctions.Asinh(x.Value), _ => d); }
            case "gaussian": return (-(x * x)).Exp();
            case "sin" or "cos":
            {
                // S′ = C, C′ = −S: the coupled recurrences S_k = Σ j x_j C_{k−j}/k, C_k = −Σ j x_j S_{k−j}/k.
                var s = new Interval[p + 1];
                var c = new Interval[p + 1];
                s[0] = new Interval(-1, 1);
                c[0] = new Interval(-1, 1);
                for (int k = 1; k <= p; k++)
                {
                    Interval ss = Interval.Point(0), cc = Interval.Point(0);
                    for (int j = 1; j <= k; j++) { ss += Interval.Point(j) * x[j] * c[k - j]; cc += Interval.Point(j) * x[j] * s[k - j]; }
                    s[k] = ss / Interval.Point(k); c[k] = -(cc / Interval.Point(k));
                }
                return IntervalJet.FromCoefficients(name == "sin" ? s : c);
            }
            case "abs" when x.Value.Lo > 0: return x;
            case "abs" when x.Value.Hi < 0: return -x;
            case "relu" when x.Value.Lo > 0: return x;
            case "relu" when x.Value.Hi < 0: return IntervalJet.Constant(Interval.Point(0), p);
            case "heaviside" or "sign" when x.Value.Lo > 0: return One();
            case "heaviside" when x.Value.Hi < 0: return IntervalJet.Constant(Interval.Point(0), p);
            case "sign" when x.Value.Hi < 0: return -One();
            case "max":
            {
                var diff = (x - a[1]).Value;
                if (diff.Lo > 0) return x;
                if (diff.Hi < 0) return a[1];
                break;
            }
        }
        throw new SymbolicException($"No interval Taylor arithmetic for {name} on an interval where it is not smooth.");
    }
}
