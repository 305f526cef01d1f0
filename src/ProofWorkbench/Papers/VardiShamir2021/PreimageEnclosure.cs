using ProofWorkbench.Evidence;
using ProofWorkbench.Models;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.VardiShamir2021;

/// <summary>
/// σ⁻¹(y) for a strictly increasing σ (paper 002, Section 3: σ(wᵀx) = y iff wᵀx = σ⁻¹(y)), enclosed rigorously: a double
/// bisection finds z with σ(z) ≈ y, then outward-rounded interval arithmetic certifies σ(lo) − y &lt; 0 &lt; σ(hi) − y on a
/// few-ulp bracket and σ′ &gt; 0 on it (one zero, by the intermediate value theorem and monotonicity). When y is a value of
/// σ at a rational point the caller can state it exactly instead.
/// </summary>
public static class PreimageEnclosure
{
    /// <summary>The certified root of σ(z) − y, or null when no bracket could be certified (y outside σ's range, σ′ not shown positive).</summary>
    public static CertifiedRoot? Of(Activation sigma, Rational y, string label)
    {
        var f = Sub(sigma.At(Sym("z")), Num(y));
        double target = y.ToDouble();
        double g(double z) => Symbolic.Compilation.Evaluator.Evaluate(f, new Dictionary<string, double> { ["z"] = z });
        // Bracket in doubles: expand until the signs differ.
        double lo = -1, hi = 1;
        for (int k = 0; k < 60 && g(lo) > 0; k++) lo *= 2;
        for (int k = 0; k < 60 && g(hi) < 0; k++) hi *= 2;
        if (!(g(lo) <= 0 && g(hi) >= 0)) return null;
        for (int k = 0; k < 200; k++)
        {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            if (g(mid) < 0) lo = mid; else hi = mid;
        }
        // Widen by a few ulps until interval arithmetic certifies the signs.
        for (int widen = 0; widen < 40; widen++)
        {
            int sLo = Sign(f, lo), sHi = Sign(f, hi);
            if (sLo < 0 && sHi > 0)
            {
                var slope = IntervalEvaluator.Evaluate(sigma.Derivative(1), new Dictionary<string, Interval> { [sigma.Variable] = new(lo, hi) });
                int derivativeSign = slope.Lo > 0 ? 1 : 0;
                return new CertifiedRoot(label, f, "z", new ExactInterval(Rational.FromDouble(lo), Rational.FromDouble(hi)), sLo, sHi, derivativeSign);
            }
            double step = Math.Max(Math.Abs(lo), 1e-300) * 2.2e-16 * (1 << Math.Min(widen, 20));
            lo -= step;
            hi += step;
        }
        return null;
    }

    /// <summary>
    /// An exact rational preimage: the best rational approximations (continued fractions, denominators up to 10⁶) of the
    /// double root, each tested exactly (σ(r) − y simplifies to the number 0). Null when none is exact.
    /// </summary>
    public static Rational? Exact(Activation sigma, Rational y, double root)
    {
        var f = Sub(sigma.At(Sym("z")), Num(y));
        foreach (var r in Convergents(root, 1_000_000))
            if (Symbolic.Calculus.Substitution.Substitute(f, "z", Num(r)) is Number { Value.IsZero: true }) return r;
        return null;
    }

    // The continued-fraction convergents of x with denominators up to maxDenominator.
    private static IEnumerable<Rational> Convergents(double x, long maxDenominator)
    {
        if (!double.IsFinite(x)) yield break;
        System.Numerics.BigInteger h0 = 1, h1 = 0, k0 = 0, k1 = 1;
        double rest = x;
        for (int i = 0; i < 40; i++)
        {
            var a = new System.Numerics.BigInteger(Math.Floor(rest));
            (h0, h1) = (a * h0 + h1, h0);
            (k0, k1) = (a * k0 + k1, k0);
            if (k0 > maxDenominator) yield break;
            yield return new Rational(h0, k0);
            double frac = rest - Math.Floor(rest);
            if (frac < 1e-12) yield break;
            rest = 1 / frac;
        }
    }

    // The certified sign of f at a point (0 when the enclosure contains 0).
    private static int Sign(Expr f, double z)
    {
        var e = IntervalEvaluator.Evaluate(f, new Dictionary<string, Interval> { ["z"] = Interval.Point(z) });
        return e.Lo > 0 ? 1 : e.Hi < 0 ? -1 : 0;
    }
}
