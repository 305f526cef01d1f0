using ProofWorkbench.Evidence;
using ProofWorkbench.Papers.Zhang2023.LemmaA3;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Simplification;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// The typed facts of a validated one-sample limit (paper 000, Lemma 6.1 / A.3; <see cref="LemmaA3Route"/>), each
/// re-checkable from expressions and exact numbers (docs/certificates.md, "Validated limits"):
/// <list type="number">
/// <item>smt-check σ &gt; 0 and σ′ &gt; 0 for all real u (Lemma A.3's hypotheses), with their goals;</item>
/// <item>exact-identity H′ − σ/σ′ ≡ 0 when H is a closed form (so Q = a²/2 − H(xᵀw)/|x|² is conserved);</item>
/// <item>certified-root of G(u) = (y/σ(u))²/2 − (H(u) − H(u₀))/|x|² − a₀²/2 on the bracket [u⁻, u⁺]: G(u⁻) &gt; 0 &gt; G(u⁺),
/// G′ &lt; 0 (with an <c>integral</c> term I = ∫_{u₀}^{u} σ/σ′ when H has no closed form);</item>
/// <item>when a₀·y may be negative, the range witness H(u_L) − H(u₀) + |x|²a₀²/2 &lt; 0 (an interval-enclosure with required sign −1);</item>
/// <item>interval-enclosures of the limit's coordinates over u ∈ [u⁻, u⁺]: w*_i = w₀_i + (u − u₀)/|x|²·x_i and a* = y/σ(u).</item>
/// </list>
/// </summary>
public static class ValidatedLimitFacts
{
    /// <summary>The variable of the certified root and of the limit enclosures' box.</summary>
    public const string U = LemmaA3Route.USym;

    /// <summary>The facts of <paramref name="limit"/>, labelled with <paramref name="title"/> (e.g. "θ₁* (flow on S1)").</summary>
    public static IReadOnlyList<Fact> Of(string title, OneSampleLimit limit)
    {
        var p = limit.Problem;
        var sigma = p.Sigma;
        var facts = new List<Fact>();
        var goals = LemmaA3Route.HypothesisGoals(sigma);
        facts.AddRange(limit.Hypotheses.Select((h, i) => SmtCheck.Of(h, i < goals.Count ? goals[i] : null)));
        var ratioU = Substitution.Substitute(limit.Ratio, sigma.Variable, Sym(U));
        var (deltaH, integral) = DeltaH(sigma, limit.H, limit.Ratio, limit.U0);
        if (limit.H is { } h)
        {
            var hU = Substitution.Substitute(h, sigma.Variable, Sym(U));
            facts.Add(new ExactIdentity($"{title}: H′(u) − σ(u)/σ′(u) ≡ 0 (H = {hU} is an antiderivative of σ/σ′, so a²/2 − H(xᵀw)/|x|² is conserved)",
                Sub(Differentiator.Derivative(hU, U), ratioU), Simplifier.ZeroTest(Sub(Differentiator.Derivative(hU, U), ratioU))));
        }
        var g = Substitution.Substitute(limit.G, new Dictionary<string, Expr>
        {
            [LemmaA3Route.YSym] = p.Y, [LemmaA3Route.NSym] = Num(limit.NormSquared), [LemmaA3Route.A0Sym] = Num(p.A0),
        });
        facts.Add(new CertifiedRoot($"{title}: the level-set function G(u) on M_S has exactly one zero u* = xᵀw* (Lemma A.3)",
            g, U, ExactInterval.Of(limit.U), limit.GAtLo.Lo > 0 ? 1 : 0, limit.GAtHi.Hi < 0 ? -1 : 0, limit.DerivativeOnU.Hi < 0 ? -1 : 0) { Integral = integral });
        if (limit.RangeWitness is { } rw) facts.Add(RangeFact(title, deltaH, integral, limit.NormSquared, p.A0, rw));
        var box = Box(limit);
        facts.AddRange(Coordinates(limit).Select((e, i) => IntervalEnclosure.Compute(
            $"{title}: {(i < p.X.Count ? (p.X.Count == 1 ? "w*" : $"w*_{i + 1}") : "a*")} for u* in the bracket", e, box, null)));
        return facts;
    }

    /// <summary>
    /// Lemma A.3's range condition as a fact: ΔH + |x|²a₀²/2 &lt; 0 at u_L (ΔH = H(u) − H(u₀) in u, or the integral term's
    /// symbol), an interval enclosure over the point u_L with required sign −1.
    /// </summary>
    public static IntervalEnclosure RangeFact(string title, Expr deltaH, IntegralTerm? integral, Rational n, Rational a0, (double UL, Interval Value) rw) =>
        IntervalEnclosure.Signed($"{title}: a₀·y < 0, the level set reaches a = 0: H(u_L) − H(u₀) + |x|²a₀²/2 < 0 at u_L",
            Add(deltaH, Div(Mul(Num(n), Pow(Num(a0), Two)), Two)), [new(U, Interval.Point(rw.UL))], rw.Value, -1, integral);

    /// <summary>
    /// ΔH = H(u) − H(u₀) as the facts write it (in the variable u): the closed form <paramref name="h"/> of σ's variable, or
    /// the symbol of an integral term ∫_{u₀}^{u} σ/σ′ (returned too).
    /// </summary>
    public static (Expr DeltaH, IntegralTerm? Integral) DeltaH(Models.Activation sigma, Expr? h, Expr ratio, Rational u0)
    {
        if (h is null) return (Sym(LemmaA3Route.IntegralSymbol), new IntegralTerm(LemmaA3Route.IntegralSymbol, Substitution.Substitute(ratio, sigma.Variable, Sym(U)), U, u0));
        var hU = Substitution.Substitute(h, sigma.Variable, Sym(U));
        return (Sub(hU, Substitution.Substitute(hU, U, Num(u0))), null);
    }

    /// <summary>The box {u: [u⁻, u⁺]} of the limit enclosures.</summary>
    public static IReadOnlyList<KeyValuePair<string, Interval>> Box(OneSampleLimit limit) => [new(U, limit.U)];

    /// <summary>θ* = (w₀ + (u − u₀)/|x|²·x, y/σ(u)) as expressions in u.</summary>
    public static IReadOnlyList<Expr> Coordinates(OneSampleLimit limit)
    {
        var p = limit.Problem;
        var step = Div(Sub(Sym(U), Num(limit.U0)), Num(limit.NormSquared));
        return [.. p.W0.Select((w, i) => Add(Num(w), Mul(step, Num(p.X[i])))), Div(p.Y, p.Sigma.At(Sym(U)))];
    }

    /// <summary>θ*'s box as the limit facts state it: each coordinate of <see cref="Coordinates"/> enclosed over the bracket.</summary>
    public static IReadOnlyList<Interval> Theta(OneSampleLimit limit)
    {
        var box = Box(limit).ToDictionary(kv => kv.Key, kv => kv.Value);
        return Coordinates(limit).Select(e => IntervalEvaluator.Evaluate(e, box)).ToList();
    }

    /// <summary>
    /// |θ*_i − t_i| for every coordinate over the bracket, judged against <paramref name="tolerance"/> as a bound (the
    /// claim "θ* is within tol of t"): proves when every point of the bracket is within it, refutes when none is.
    /// </summary>
    public static IReadOnlyList<IntervalEnclosure> Distances(string title, OneSampleLimit limit, IReadOnlyList<Expr> target, double tolerance) =>
        Coordinates(limit).Select((e, i) => IntervalEnclosure.Compute($"{title}: θ*_{i + 1} − stated θ*_{i + 1}", Sub(e, target[i]), Box(limit), tolerance, ToleranceMeaning.Bound)).ToList();
}
