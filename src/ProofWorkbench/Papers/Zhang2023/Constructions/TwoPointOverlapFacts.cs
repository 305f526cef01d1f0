using ProofWorkbench.Evidence;
using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.LemmaA3;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Theorems.Checkers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.Zhang2023.Constructions;

/// <summary>
/// The expressions of the trace-back overlap (paper 000, Section 5.2, Lemma 5.1) in the variables of its facts: u (θ₁*'s
/// level-set variable, so θ₁* = (w₀ + (u − u₀)/x₁, y₁/σ(u)) for u in θ₁*'s bracket), x2 (the input of S₂) and w (the weight
/// of a point of M_S₂). y₂ = a₁*σ(x₂w₁*) puts θ₁* on M_S₂; a₂ = y₂/σ(x₂w) is the point of M_S₂ above w; G₂ is S₂'s
/// level-set function (Lemma A.3), whose unique zero in w is θ₂*(x₂); F = a₂σ(x₁w) − y₁ is the residual of that point on S₁.
/// </summary>
/// <param name="W1">w₁*(u).</param>
/// <param name="A1">a₁*(u).</param>
/// <param name="A2">a₂(w, x2, u) = y₂/σ(x₂w).</param>
/// <param name="G2">G₂(w; x2, u) = a₂²/2 − (H(x₂w) − H(x₂w₀))/x₂² − a₀²/2.</param>
/// <param name="F">F(w; x2, u) = a₂σ(x₁w) − y₁.</param>
public sealed record OverlapExpressions(Expr W1, Expr A1, Expr A2, Expr G2, Expr F);

/// <summary>
/// The facts of an <c>overlap-exists</c> claim (docs/certificates.md, "Two-point overlaps"), in order: θ₁*'s validated-limit
/// facts (<see cref="ValidatedLimitFacts"/>); G₂ at w⁻ and at w⁺ over x2 ∈ [x₂⁻, x₂⁺], u ∈ θ₁*'s bracket, with opposite
/// required signs; G₂ finite on the whole box w ∈ [w⁻, w⁺] (continuity); for each end x₂⁻, x₂⁺: G₂ at the ends of a narrower
/// w-interval (opposite signs) and F over it with a required sign, the two F signs opposite; θ₁* ≠ θ₂*: w₁*(u) − w or
/// a₁*(u) − a₂(w, x2, u) of one strict sign over the box. Every fact is an outward-rounded interval enclosure.
/// </summary>
public static class TwoPointOverlapFacts
{
    /// <summary>The variables of the facts (besides θ₁*'s u).</summary>
    public const string W = "w", X2 = "x2";

    /// <summary>The expressions for σ, θ₀ = (w₀, a₀), S₁ = (x₁, y₁) and H (an antiderivative of σ/σ′ in σ's variable).</summary>
    public static OverlapExpressions Expressions(Activation sigma, Expr h, Rational w0, Rational a0, Rational x1, Expr y1)
    {
        Expr u = Sym(ValidatedLimitFacts.U), x2 = Sym(X2), w = Sym(W);
        var w1 = Add(Num(w0), Div(Sub(u, Num(w0 * x1)), Num(x1)));
        var a1 = Div(y1, sigma.At(u));
        var y2 = Mul(a1, sigma.At(Mul(x2, w1)));
        var a2 = Div(y2, sigma.At(Mul(x2, w)));
        Expr H(Expr at) => Substitution.Substitute(h, sigma.Variable, at);
        var g2 = Sub(Sub(Div(Pow(a2, Two), Two), Div(Sub(H(Mul(x2, w)), H(Mul(x2, Num(w0)))), Pow(x2, Two))), Div(Pow(Num(a0), Two), Two));
        var f = Sub(Mul(a2, sigma.At(Mul(Num(x1), w))), y1);
        return new OverlapExpressions(w1, a1, a2, g2, f);
    }

    /// <summary>
    /// The facts for the proved overlap <paramref name="proof"/> on [<paramref name="lo"/>, <paramref name="hi"/>], with θ₁*
    /// the validated limit <paramref name="limit1"/> (closed-form H) on S₁ = (x₁, y₁). A fact whose sign is not certain in
    /// this re-evaluation is undecided (the claim is then inconclusive), never refuting.
    /// </summary>
    public static IReadOnlyList<Fact> Of(OneSampleLimit limit1, Rational x1, Rational y1, Rational lo, Rational hi, OverlapProof proof)
    {
        var p = limit1.Problem;
        var e = Expressions(p.Sigma, limit1.H ?? throw new ArgumentException("the overlap facts need a closed-form H"), p.W0[0], p.A0, x1, Num(y1));
        var facts = new List<Fact>(ValidatedLimitFacts.Of("θ₁* (flow on S₁ from θ₀)", limit1));
        var u = new KeyValuePair<string, Interval>(ValidatedLimitFacts.U, limit1.U);
        var xs = ConservedLimitEnclosure.Enclose(lo).Hull(ConservedLimitEnclosure.Enclose(hi));
        int s = lo.Sign; // G₂ decreases in u = x₂w, so in w when x₂ > 0: + at the lower w-end
        IReadOnlyList<KeyValuePair<string, Interval>> Box(Interval w, Interval x) => [new(W, w), new(X2, x), u];
        IntervalEnclosure Signed(string label, Expr ex, IReadOnlyList<KeyValuePair<string, Interval>> box, int sign) =>
            IntervalEnclosure.Signed(label, ex, box, Eval(ex, box), sign);
        facts.Add(Signed("G₂(w⁻; x₂) has a certain sign for every x₂ in the interval (S₂'s level-set function, Lemma A.3)", e.G2, Box(Interval.Point(proof.WLo), xs), s));
        facts.Add(Signed("G₂(w⁺; x₂) has the opposite certain sign for every x₂ in the interval: θ₂*(x₂) ∈ [w⁻, w⁺] for all of them", e.G2, Box(Interval.Point(proof.WHi), xs), -s));
        var whole = Box(new Interval(proof.WLo, proof.WHi), xs);
        var g2 = Eval(e.G2, whole);
        bool finite = double.IsFinite(g2.Lo) && double.IsFinite(g2.Hi);
        facts.Add(new IntervalEnclosure("G₂ is finite (defined, continuous) on the box w ∈ [w⁻, w⁺], x₂ ∈ the interval: θ₂*(x₂) depends continuously on x₂",
            e.G2, whole.Select(kv => new KeyValuePair<string, ExactInterval>(kv.Key, ExactInterval.Of(kv.Value))).ToList(),
            finite ? ExactInterval.Of(g2) : ExactInterval.Point(Rational.Zero), null, finite ? FactOutcome.Proves : FactOutcome.Undecided));
        foreach (var (x2, wl, wr, sign) in proof.Ends)
        {
            var at = ConservedLimitEnclosure.Enclose(x2);
            string where = $"x₂ = {ExactText.Of(x2)}";
            facts.Add(Signed($"G₂ at the lower end of θ₂*'s interval at {where}", e.G2, Box(Interval.Point(wl), at), s));
            facts.Add(Signed($"G₂ at the upper end of θ₂*'s interval at {where}", e.G2, Box(Interval.Point(wr), at), -s));
            facts.Add(Signed($"F = a₂*σ(x₁w₂*) − y₁ has a certain sign at {where}", e.F, Box(new Interval(wl, wr), at), sign));
        }
        facts.Add(Separation(e, whole, u, limit1));
        return facts;
    }

    // θ₁* ≠ θ₂*: the weights differ over the box (w₁*(u) − w), else the second coordinates (a₁*(u) − a₂(w, x2, u)).
    private static IntervalEnclosure Separation(OverlapExpressions e, IReadOnlyList<KeyValuePair<string, Interval>> whole, KeyValuePair<string, Interval> u,
        OneSampleLimit limit1)
    {
        IReadOnlyList<KeyValuePair<string, Interval>> wu = [whole[0], u];
        var dw = Eval(Sub(e.W1, Sym(W)), wu);
        if (dw.Lo > 0 || dw.Hi < 0) return IntervalEnclosure.Signed("θ₁* ≠ θ₂*: w₁* − w₂* has a certain sign", Sub(e.W1, Sym(W)), wu, dw, dw.Lo > 0 ? 1 : -1);
        var da = Eval(Sub(e.A1, e.A2), whole);
        return IntervalEnclosure.Signed("θ₁* ≠ θ₂*: a₁* − a₂* has a certain sign", Sub(e.A1, e.A2), whole, da, da.Lo > 0 ? 1 : -1);
    }

    private static Interval Eval(Expr e, IReadOnlyList<KeyValuePair<string, Interval>> box)
    {
        try { return IntervalEvaluator.Evaluate(e, box.ToDictionary(kv => kv.Key, kv => kv.Value)); }
        catch (InputException) { return Interval.Entire; }
    }
}
