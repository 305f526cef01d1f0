using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary><c>overlap-exists</c> (paper 000, Lemma 5.1; the trace-back of Section 5.2): some x₂ in the claim's interval gives
/// S₂ = (x₂, a₁*σ(x₂w₁*)) with θ₁* ≠ θ₂* and {θ₁*, θ₂*} ⊆ M_S₁ ∩ M_S₂. Re-derived by <see cref="TwoPointOverlapProof"/>.</summary>
internal sealed class OverlapExistsBinding : IClaimBinding
{
    public string Kind => "overlap-exists";

    public string Bind(ClaimView c)
    {
        int k = 0;
        var o = TwoPointOverlapProof.Bind(c, ref k);
        if (k != c.Facts.Count) throw new RejectException($"$.facts[{k}]: a fact the overlap does not use");
        return $"θ₁* by Lemma A.3 on S₁, θ₂*(x₂) ∈ [{o.WLo}, {o.WHi}] for all x₂ ∈ [{o.X.Lo}, {o.X.Hi}], F changes sign, θ₁* ≠ θ₂*";
    }
}

/// <summary>
/// The shared re-derivation of a trace-back overlap (docs/certificates.md, "Two-point overlaps"), for <c>overlap-exists</c> and
/// <c>refutes-G</c>'s two-point route. From the claim — θ₀ (<c>from</c>), S₁ = (x₁, y₁) (<c>dataset</c>, d = 1), the interval
/// X = <c>x2</c> — the verifier requires 0 ∉ X, x₁ ∉ X and a₀·y₁ &gt; 0 (so y₂ = a₁*σ(x₂w₁*) has the sign of a₀ and Lemma A.3
/// needs no range condition on any S₂); binds θ₁*'s validated limit (<see cref="ValidatedLimit"/>: σ &gt; 0, σ′ &gt; 0 by Z3, the
/// level-set function checked by differentiation, its certified root, θ₁*(u) over the bracket); and derives, in θ₁*'s variable u,
/// x2 and w: a₂ = y₂/σ(x₂w), F = a₂σ(x₁w) − y₁ and S₂'s level-set function G₂, accepted when G₂ − (a₂²/2 − a₀²/2) has
/// w-derivative −σ(x₂w)/(x₂σ′(x₂w)) and vanishes at w = w₀ (so it is −(H(x₂w) − H(x₂w₀))/x₂² with H′ = σ/σ′, whatever H).
/// Then, in order: G₂ at w⁻ and at w⁺ (points, w⁻ &lt; w⁺) of opposite strict signs over x2 ⊇ X, u ⊇ the bracket; G₂ finite on
/// w ⊇ [w⁻, w⁺]; at each end of X, G₂ of opposite signs at the ends of a w-interval and F of one strict sign over it, the
/// two F signs opposite; θ₁* ≠ θ₂*: w₁*(u) − w or a₁*(u) − a₂ of one strict sign over the box. G₂ decreases in x₂w (σ, σ′ &gt; 0),
/// so θ₂*(x₂) is its unique zero, inside [w⁻, w⁺] for every x₂ ∈ X and continuous in x₂; F changes sign on X, so the
/// intermediate value theorem gives the exact overlap. The facts' signs themselves are re-checked by the interval re-checker.
/// </summary>
internal static class TwoPointOverlapProof
{
    /// <summary>What a bound overlap gives its users: θ₁*'s variable, bracket and coordinates; X; the w-interval of θ₂*(x₂)
    /// for all x₂ ∈ X; a₂(w, x2, u).</summary>
    internal sealed record Bound(string U, (Rational Lo, Rational Hi) Bracket, IReadOnlyList<Expr> Theta1, (Rational Lo, Rational Hi) X,
        Rational WLo, Rational WHi, Expr A2);

    private const string W = "w", X2 = "x2";

    /// <summary>Binds the overlap's facts from index <paramref name="k"/> (advanced past them).</summary>
    public static Bound Bind(ClaimView c, ref int k)
    {
        ValidatedLimit.NotNumeric(c);
        if (c.Facts.FirstOrDefault(f => f["kind"].Str() == "numeric-estimate") is { } open)
            throw new UnsupportedException($"{open.Path}: the overlap was not certified ({open["method"].Str()})");
        var (sigma, _) = c.Activation();
        RefutesGBinding.SmoothOrReject(sigma, "$.setup.activation", "σ");
        var t0 = ValidatedLimit.Point(c, "from");
        var s1 = ValidatedLimit.Sample(c.Setup["datasets"], c.Param("dataset")?.Str() ?? throw new RejectException("$.claim.parameters.dataset: missing"));
        if (t0.W.Count != 1 || s1.X.Count != 1) throw new RejectException("$.claim.parameters: the trace-back overlap is for d = 1");
        var xs = c.Param("x2")?.Items().Select(i => i.Rat()).ToList() ?? throw new RejectException("$.claim.parameters.x2: missing");
        if (xs.Count != 2 || !(xs[0] < xs[1])) throw new RejectException("$.claim.parameters.x2: not an interval [lo, hi] with lo < hi");
        (Rational Lo, Rational Hi) X = (xs[0], xs[1]);
        Rational x1 = s1.X[0], w0 = t0.W[0], a0 = t0.A;
        if (X.Lo.Sign <= 0 && X.Hi.Sign >= 0) throw new RejectException("$.claim.parameters.x2: the interval contains x₂ = 0, where the flow does not move w");
        if (X.Lo <= x1 && x1 <= X.Hi) throw new RejectException($"$.claim.parameters.x2: the interval contains x₂ = x₁ = {x1}, the trivial S₂ = S₁");
        int ySign = Precise.Sign(s1.Y) is var p and not 0 ? p : Exact.StrictSign(IntervalEvaluator.Evaluate(s1.Y, new Dictionary<string, Interval>()));
        if (a0.Sign * ySign <= 0) throw new UnsupportedException("a₀·y₁ > 0 is not shown, so Lemma A.3's range condition would be needed for every S₂ (not bound by the verifier)");

        var (u, bracket, _, coords) = ValidatedLimit.Bind(c, ref k, s1, t0);
        Expr x2 = Sym(X2), w = Sym(W), pre = Mul(x2, w);
        var y2 = Mul(coords[1], c.SigmaAt(Mul(x2, coords[0])));
        var a2 = Div(y2, c.SigmaAt(pre));
        var f = Sub(Mul(a2, c.SigmaAt(Mul(Num(x1), w))), s1.Y);

        var gL = Next(c, ref k, "G₂ at w⁻");
        var g2 = gL["expression"].Expr();
        var rest = Sub(g2, Sub(Div(Pow(a2, Two), Two), Div(Pow(Num(a0), Two), Two)));
        if (!Exact.IsZero(Add(Differentiator.Derivative(rest, W), Div(c.SigmaAt(pre), Mul(c.SigmaPrimeAt(pre), x2))))
            || !Exact.IsZero(Substitution.Substitute(rest, W, Num(w0))))
            throw new RejectException($"{gL.Path}.expression: not S₂'s level-set function a₂²/2 − (H(x₂w) − H(x₂w₀))/x₂² − a₀²/2 with a₂ = y₂/σ(x₂w), y₂ = a₁*σ(x₂w₁*), H′ = σ/σ′, w₀ = {w0}");
        var need = new Dictionary<string, (Rational, Rational)> { [X2] = X, [u] = bracket };
        var wLo = PointW(gL, need);
        var gR = Next(c, ref k, "G₂ at w⁺");
        ValidatedLimit.Is(gR["expression"], g2, "S₂'s level-set function G₂");
        var wHi = PointW(gR, need);
        if (!(wLo < wHi)) throw new RejectException($"{gR.Path}.box.w: the w-interval [{wLo}, {wHi}] of θ₂* is empty");
        Opposite(gL, gR, "G₂ at w⁻ and w⁺");
        var whole = new Dictionary<string, (Rational, Rational)>(need) { [W] = (wLo, wHi) };
        var finite = Next(c, ref k, "G₂ finite on the box");
        ValidatedLimit.Is(finite["expression"], g2, "S₂'s level-set function G₂");
        Covers(finite, whole);
        if (finite["required_sign"].Int() != 0) throw new RejectException($"{finite.Path}.required_sign: G₂ on the box is a bare (finiteness) enclosure");
        int? fFirst = null;
        foreach (var end in new[] { X.Lo, X.Hi })
        {
            var at = new Dictionary<string, (Rational, Rational)> { [X2] = (end, end), [u] = bracket };
            var l = Next(c, ref k, $"G₂ at the lower w-end at x₂ = {end}");
            ValidatedLimit.Is(l["expression"], g2, "S₂'s level-set function G₂");
            var el = PointW(l, at);
            var r = Next(c, ref k, $"G₂ at the upper w-end at x₂ = {end}");
            ValidatedLimit.Is(r["expression"], g2, "S₂'s level-set function G₂");
            var er = PointW(r, at);
            if (!(el < er)) throw new RejectException($"{r.Path}.box.w: the w-interval [{el}, {er}] of θ₂* at x₂ = {end} is empty");
            Opposite(l, r, $"G₂ at the ends of θ₂*'s interval at x₂ = {end}");
            var fe = Next(c, ref k, $"F at x₂ = {end}");
            ValidatedLimit.Is(fe["expression"], f, "F = a₂σ(x₁w) − y₁ (S₁'s residual at the point of M_S₂ above w)");
            Covers(fe, new Dictionary<string, (Rational, Rational)>(at) { [W] = (el, er) });
            int s = fe["required_sign"].Int();
            if (s == 0 || (fFirst is { } s0 && s != -s0)) throw new RejectException($"{fe.Path}.required_sign: F must have opposite strict signs at x₂ = {X.Lo} and x₂ = {X.Hi}");
            fFirst = s;
        }
        var sep = Next(c, ref k, "θ₁* ≠ θ₂*");
        var e = sep["expression"].Expr();
        if (Exact.IsZero(Sub(e, Sub(coords[0], w)))) Covers(sep, new Dictionary<string, (Rational, Rational)> { [W] = (wLo, wHi), [u] = bracket });
        else if (Exact.IsZero(Sub(e, Sub(coords[1], a2)))) Covers(sep, whole);
        else throw new RejectException($"{sep.Path}.expression: {e} is neither w₁*(u) − w nor a₁*(u) − a₂ as derived by the verifier");
        if (sep["required_sign"].Int() == 0) throw new RejectException($"{sep.Path}.required_sign: θ₁* ≠ θ₂* needs a strict sign");
        return new Bound(u, bracket, coords, X, wLo, wHi, a2);
    }

    private static J Next(ClaimView c, ref int k, string what)
    {
        var f = k < c.Facts.Count ? c.Facts[k++] : throw new RejectException($"$.facts: no fact for {what}");
        if (f["kind"].Str() != "interval-enclosure") throw new RejectException($"{f.Path}: the overlap needs an interval enclosure for {what}, not {f["kind"].Str()}");
        if (!f["tolerance"].IsNull) throw new RejectException($"{f.Path}.tolerance: {what} is a sign or an enclosure, not judged against a tolerance");
        return f;
    }

    // The box is {w: a point, others ⊇ need}; returns the point.
    private static Rational PointW(J f, Dictionary<string, (Rational Lo, Rational Hi)> need)
    {
        if (!f["box"].Has(W)) throw new RejectException($"{f.Path}.box: no w");
        var (lo, hi) = f["box"][W].Interval();
        if (lo != hi) throw new RejectException($"{f.Path}.box.w: G₂'s sign is claimed at a point w, not on [{lo}, {hi}]");
        Covers(f, new Dictionary<string, (Rational, Rational)>(need) { [W] = (lo, lo) });
        return lo;
    }

    // The box has exactly the variables of need, each interval containing need's.
    private static void Covers(J f, Dictionary<string, (Rational Lo, Rational Hi)> need)
    {
        var box = f["box"].Entries().ToList();
        if (box.Count != need.Count) throw new RejectException($"{f.Path}.box: not a box over {string.Join(", ", need.Keys)}");
        foreach (var (name, (lo, hi)) in need)
        {
            if (!f["box"].Has(name)) throw new RejectException($"{f.Path}.box: no interval for {name}");
            var (bl, bh) = f["box"][name].Interval();
            if (!(bl <= lo && hi <= bh)) throw new RejectException($"{f.Path}.box.{name}: [{bl}, {bh}] does not contain [{lo}, {hi}]");
        }
    }

    private static void Opposite(J l, J r, string what)
    {
        int sl = l["required_sign"].Int(), sr = r["required_sign"].Int();
        if (sl == 0 || sr != -sl) throw new RejectException($"{r.Path}.required_sign: {what} must have opposite strict signs (IVT: θ₂* between them)");
    }
}
