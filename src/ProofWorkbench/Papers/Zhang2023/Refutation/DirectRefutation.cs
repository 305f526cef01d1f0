using System.Diagnostics;
using ProofWorkbench.Evidence;
using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.LemmaA3;
using ProofWorkbench.Smt;
using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Theorems.Checkers;
using ProofWorkbench.Theorems.Files;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.Zhang2023.Refutation;

/// <summary>A certificate of the direct route: θ₀, the one sample (x, y), the witness w′ (θ′ = (w′, y/σ(xᵀw′)) ∈ M_S) and the facts.</summary>
/// <param name="W0">w₀.</param>
/// <param name="A0">a₀.</param>
/// <param name="X">The input x.</param>
/// <param name="Y">The label y (same sign as a₀).</param>
/// <param name="WitnessW">w′.</param>
/// <param name="Facts">The facts, every one proving its part.</param>
public sealed record DirectCertificate(IReadOnlyList<Rational> W0, Rational A0, IReadOnlyList<Rational> X, Rational Y, IReadOnlyList<Rational> WitnessW, IReadOnlyList<Fact> Facts);

/// <summary>
/// The direct route of <c>pwb refute</c> for the one-hidden-neuron model (paper 000, Definition 4.5 — hence 4.4): for one
/// θ₀ and one sample S = (x, y), the limit θ* of the flow from θ₀ is enclosed by the validated Lemma A.3 route
/// (<see cref="LemmaA3Route"/>: σ &gt; 0 and σ′ &gt; 0 on ℝ by Z3, the conserved quantity, a certified sign change of the
/// level-set function on M_S), and a point θ′ = (w′, y/σ(xᵀw′)) of M_S (exact: aσ(xᵀw) = y there, and min L_S = 0) is
/// given with G(θ*; θ₀) − G(θ′; θ₀) enclosed above 0 over the whole bracket of the limit. If G characterized the flow in
/// the weak sense, G(θ*; θ₀) = min over M_S of G(·; θ₀) ≤ G(θ′; θ₀) (eq. (4)) — a contradiction. No smoothness of G is
/// needed; a G constant in θ is never refuted (the difference is 0). Labels y are taken with the sign of a₀, so the flow
/// does not cross a = 0 and Lemma A.3 needs no range condition.
/// </summary>
public static class DirectRefutation
{
    /// <summary>The route name written in the claim.</summary>
    public const string RouteName = "direct";

    /// <summary>
    /// The facts for θ₀ = (w₀, a₀), the sample (x, y) and the witness w′: the limit facts of <see cref="ValidatedLimitFacts"/>
    /// and the enclosure of G(θ*(u); θ₀) − G(θ′; θ₀) over the bracket of u* = xᵀw* with required sign +1. A premise that fails
    /// gives an undecided fact (never a refuting one).
    /// </summary>
    public static IReadOnlyList<Fact> Certify(Activation sigma, Regularizer g, IReadOnlyList<Rational> w0, Rational a0, IReadOnlyList<Rational> x, Expr y,
        IReadOnlyList<Rational> witnessW, IReadOnlyList<SmtCheckResult>? hypotheses)
    {
        if (hypotheses is null) return [Undecided("σ > 0 and σ′ > 0 on ℝ (Lemma A.3's hypotheses) are not proved")];
        var limit = Limit(new OneSampleProblem(sigma, x, y, w0, a0), hypotheses, out var reason);
        if (limit is null) return [Undecided($"the limit was not enclosed: {reason}")];
        var facts = new List<Fact>(ValidatedLimitFacts.Of("θ* (flow on S from θ₀)", limit));
        var d = Difference(sigma, g, ValidatedLimitFacts.Coordinates(limit), w0, a0, x, y, witnessW);
        var box = ValidatedLimitFacts.Box(limit);
        var value = IntervalEvaluator.Evaluate(d, box.ToDictionary(kv => kv.Key, kv => kv.Value));
        var label = $"G(θ*; θ₀) − G(θ′; θ₀) > 0 for u* = xᵀw* anywhere in the bracket, with θ′ = (w′, y/σ(xᵀw′)) ∈ M_S, w′ = ({string.Join(", ", witnessW)})";
        var gap = IntervalEnclosure.Signed(label, d, box, value, 1);
        // A witness that does not beat the limit shows nothing either way: stated as a bare, undecided enclosure (not as a
        // failed sign, which would read as a refutation of the claim).
        facts.Add(gap.Outcome == FactOutcome.Proves ? gap : gap with { RequiredSign = 0, Label = label + " (not shown: the route does not apply)" });
        return facts;
    }

    /// <summary>G(θ*(u); θ₀) − G(θ′; θ₀) with θ*(u) the limit's coordinates in u and θ′ = (w′, y/σ(xᵀw′)).</summary>
    public static Expr Difference(Activation sigma, Regularizer g, IReadOnlyList<Expr> limit, IReadOnlyList<Rational> w0, Rational a0,
        IReadOnlyList<Rational> x, Expr y, IReadOnlyList<Rational> witnessW)
    {
        var atLimit = Theta0(g, w0, a0);
        var atWitness = Theta0(g, w0, a0);
        for (int i = 0; i < g.Theta.Count; i++) atLimit[g.Theta[i]] = limit[i];
        for (int i = 0; i < g.Dimension; i++) atWitness[g.Theta[i]] = Num(witnessW[i]);
        atWitness["a"] = Div(y, sigma.At(Num(OnePointRefutation.Dot(x, witnessW))));
        return Sub(Substitution.Substitute(g.G, atLimit), Substitution.Substitute(g.G, atWitness));
    }

    /// <summary>
    /// The limit by <see cref="LemmaA3Route.Enclose"/>, its bracket then widened (relative 1e-6, 1e-8 or 1e-10, the first
    /// that keeps the certified signs) when H is a closed form: the route needs only G(θ′) below G on the whole bracket, and
    /// a bracket a few ulps wide has end signs that a re-evaluation of the printed level-set function may not decide.
    /// The signs are decided here as the verifier decides them: the function at the exact end, simplified, then enclosed.
    /// </summary>
    public static OneSampleLimit? Limit(OneSampleProblem p, IReadOnlyList<SmtCheckResult> hypotheses, out string reason)
    {
        var limit = LemmaA3Route.Enclose(p, hypotheses, null, out reason);
        if (limit?.H is null) return limit;
        var g = Substitution.Substitute(limit.G, new Dictionary<string, Expr>
        {
            [LemmaA3Route.YSym] = p.Y, [LemmaA3Route.NSym] = Num(limit.NormSquared), [LemmaA3Route.A0Sym] = Num(p.A0),
        });
        var slope = Differentiator.Derivative(g, LemmaA3Route.USym);
        Interval At(double u) => IntervalEvaluator.Evaluate(Symbolic.Simplification.Simplifier.Simplify(
            Substitution.Substitute(g, LemmaA3Route.USym, Num(Rational.FromDouble(u)))), new Dictionary<string, Interval>());
        double scale = Math.Max(1, Math.Abs(limit.U.Mid));
        foreach (var relative in new[] { 1e-6, 1e-8, 1e-10 })
        {
            double lo = limit.U.Lo - relative * scale, hi = limit.U.Hi + relative * scale;
            Interval gLo = At(lo), gHi = At(hi), derivative = IntervalEvaluator.Evaluate(slope, new Dictionary<string, Interval> { [LemmaA3Route.USym] = new(lo, hi) });
            if (!(gLo.Lo > 0 && gHi.Hi < 0 && derivative.Hi < 0 && double.IsFinite(gLo.Hi) && double.IsFinite(gHi.Lo))) continue;
            var wider = limit with { U = new Interval(lo, hi), GAtLo = gLo, GAtHi = gHi, DerivativeOnU = derivative };
            var theta = ValidatedLimitFacts.Theta(wider);
            return wider with { W = theta.Take(theta.Count - 1).ToList(), A = theta[^1] };
        }
        return limit;
    }

    private static Dictionary<string, Expr> Theta0(Regularizer g, IReadOnlyList<Rational> w0, Rational a0)
    {
        var map = new Dictionary<string, Expr>();
        for (int i = 0; i < g.Dimension; i++) map[g.Theta0[i]] = Num(w0[i]);
        map[g.Theta0[g.Dimension]] = Num(a0);
        return map;
    }

    /// <summary>
    /// Searches θ₀ (<see cref="RefutationSearch.Theta0Candidates"/>), inputs x and labels y = ±1, ±1/2, ±2 (sign of a₀) within the
    /// budget; for each, w′ minimizes G(w, y/σ(xᵀw); θ₀) approximately (a bounded pattern search in floating point, untrusted)
    /// and is rounded to a dyadic rational; the first (θ₀, S, w′) whose facts all prove is returned.
    /// </summary>
    public static DirectCertificate? Search(Activation sigma, Regularizer g, Stopwatch clock, TimeSpan budget, List<RefutationAttempt> attempts)
    {
        const string route = "direct (Definition 4.5: a point of M_S with smaller G than the enclosed limit)";
        var hypotheses = LemmaA3Route.Hypotheses(sigma, out var why);
        if (hypotheses is null) { attempts.Add(new(route, $"not applicable: {why}; the limit is enclosed by Lemma A.3, which needs them.")); return null; }
        int d = g.Dimension, tried = 0;
        foreach (var (w0, a0) in RefutationSearch.Theta0Candidates(d))
            foreach (var x in RefutationSearch.Inputs(d))
                foreach (var magnitude in new Rational[] { 1, new(1, 2), 2 })
                {
                    if (clock.Elapsed > budget) { attempts.Add(new(route, $"budget of {budget.TotalSeconds:0.#} s spent after {tried} (θ₀, S).")); return null; }
                    var y = a0.Sign * magnitude;
                    tried++;
                    var limit = Limit(new OneSampleProblem(sigma, x, Num(y), w0, a0), hypotheses, out _);
                    if (limit is null) continue;
                    var start = limit.W.Select(i => i.Mid).ToArray();
                    var best = Minimize(sigma, g, w0, a0, x, y, start);
                    if (best is null) continue;
                    foreach (int bits in new[] { 3, 6, 10, 16 })
                    {
                        var witness = best.Select(v => new Rational(new System.Numerics.BigInteger(Math.Round(v * (1 << bits))), 1 << bits)).ToList();
                        var diff = Difference(sigma, g, ValidatedLimitFacts.Coordinates(limit), w0, a0, x, Num(y), witness);
                        var value = IntervalEvaluator.Evaluate(diff, ValidatedLimitFacts.Box(limit).ToDictionary(kv => kv.Key, kv => kv.Value));
                        if (!(value.Lo > 0) || !double.IsFinite(value.Hi)) continue;
                        var facts = Certify(sigma, g, w0, a0, x, Num(y), witness, hypotheses);
                        if (VerdictRule.Decide(facts) != Verdict.Proved) continue;
                        attempts.Add(new(route, $"certificate at θ₀ = ({string.Join(", ", w0)}; {a0}) with S = (x = ({string.Join(", ", x)}), y = {y}) and θ′ = (w′, y/σ(xᵀw′)), w′ = ({string.Join(", ", witness)})."));
                        return new DirectCertificate(w0, a0, x, y, witness, facts);
                    }
                }
        attempts.Add(new(route, $"no certificate: at none of the {tried} (θ₀, S) tried was a point of M_S with G certainly below G at the enclosed limit found (a G that is minimal at every limit, e.g. one constant in θ, is never refuted)."));
        return null;
    }

    // A bounded compass search for the minimum of w ↦ G(w, y/σ(xᵀw); θ₀) from the limit's w (floating point: it only proposes w′).
    private static double[]? Minimize(Activation sigma, Regularizer g, IReadOnlyList<Rational> w0, Rational a0, IReadOnlyList<Rational> x, Rational y, double[] start)
    {
        int d = g.Dimension;
        var map = Theta0(g, w0, a0);
        var pre = Add(Enumerable.Range(0, d).Select(i => Mul(Num(x[i]), Sym(g.Theta[i]))));
        map["a"] = Div(Num(y), sigma.At(pre));
        var f = Compiler.Compile(Substitution.Substitute(g.G, map), g.Theta.Take(d).ToList());
        var w = (double[])start.Clone();
        double best = f(w);
        if (!double.IsFinite(best)) return null;
        double step = 0.5;
        for (int k = 0; k < 400 && step > 1e-7; k++)
        {
            bool moved = false;
            for (int i = 0; i < d && !moved; i++)
                foreach (var s in new[] { step, -step })
                {
                    var t = (double[])w.Clone();
                    t[i] += s;
                    double v = f(t);
                    if (double.IsFinite(v) && v < best) { (w, best, moved) = (t, v, true); break; }
                }
            if (!moved) step /= 2;
        }
        return w;
    }

    private static Fact Undecided(string label) => new IntervalEnclosure(label, Zero, [], ExactInterval.Point(Rational.Zero), null, FactOutcome.Undecided);
}
