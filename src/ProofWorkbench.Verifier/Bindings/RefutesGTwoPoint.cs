using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary><c>refutes-G</c>, two-point route through the trace-back (paper 000, Lemma 5.1; Section 5.2). The overlap is bound
/// by <see cref="TwoPointOverlapProof"/> (the same re-derivation as <c>overlap-exists</c>): some x₂ ∈ X gives S₂ with
/// θ₁* ∈ M_S₂, θ₂* ∈ M_S₁ and θ₁* ≠ θ₂*, θ₂* = (w, a₂(w, x₂, u)) with w ∈ [w⁻, w⁺]. Then the last fact must be
/// G(θ₁*(u); θ₀) − G((w, a₂); θ₀), derived by the verifier, of one strict sign over a box containing {u: bracket,
/// w: [w⁻, w⁺], x2: X}: a G characterizing the flow in the weak sense would have G(θ₁*) ≤ G(θ₂*) and G(θ₂*) ≤ G(θ₁*).</summary>
internal static class RefutesGTwoPoint
{
    public static string Bind(ClaimView c)
    {
        var G = RefutesGBinding.Regularizer(c);
        var t0 = ValidatedLimit.Point(c, "from");
        if (t0.W.Count != 1) throw new RejectException("$.claim.parameters.from: the two-point trace-back route is for d = 1");
        int k = 0;
        var o = TwoPointOverlapProof.Bind(c, ref k);
        var (theta, theta0) = (RefutesGBinding.ThetaNames(1), RefutesGBinding.Theta0Names(1));
        Expr At(Expr w, Expr a) => Substitution.Substitute(G, new Dictionary<string, Expr>
        {
            [theta[0]] = w, [theta[1]] = a, [theta0[0]] = Num(t0.W[0]), [theta0[1]] = Num(t0.A),
        });
        var gap = k < c.Facts.Count ? c.Facts[k++] : throw new RejectException("$.facts: no fact for G(θ₁*; θ₀) − G(θ₂*; θ₀)");
        if (gap["kind"].Str() != "interval-enclosure" || !gap["tolerance"].IsNull) throw new RejectException($"{gap.Path}: the route needs an interval enclosure of G(θ₁*; θ₀) − G(θ₂*; θ₀) without tolerance");
        ClaimView.Same(gap["expression"], Sub(At(o.Theta1[0], o.Theta1[1]), At(Sym("w"), o.A2)), "G(θ₁*(u); θ₀) − G((w, a₂(w, x2, u)); θ₀)");
        var need = new Dictionary<string, (Rational Lo, Rational Hi)> { ["w"] = (o.WLo, o.WHi), ["x2"] = o.X, [o.U] = o.Bracket };
        if (gap["box"].Entries().Count() != need.Count) throw new RejectException($"{gap.Path}.box: not a box over w, x2, {o.U}");
        foreach (var (name, (lo, hi)) in need)
        {
            if (!gap["box"].Has(name)) throw new RejectException($"{gap.Path}.box: no interval for {name}");
            var (bl, bh) = gap["box"][name].Interval();
            if (!(bl <= lo && hi <= bh)) throw new RejectException($"{gap.Path}.box.{name}: [{bl}, {bh}] does not contain [{lo}, {hi}]");
        }
        if (gap["required_sign"].Int() == 0 && gap["outcome"].Str() != Facts.Outcomes.Undecided)
            throw new RejectException($"{gap.Path}.required_sign: G(θ₁*; θ₀) ≠ G(θ₂*; θ₀) needs a strict sign");
        if (k != c.Facts.Count) throw new RejectException($"$.facts[{k}]: a fact the two-point route does not use");
        return c.Facts.All(f => f["outcome"].Str() == Facts.Outcomes.Proves)
            ? $"two-point: an exact overlap for some x₂ ∈ [{o.X.Lo}, {o.X.Hi}] (Lemma A.3 enclosures, certified sign change), and G(θ₁*; θ₀) ≠ G(θ₂*; θ₀) on the whole box"
            : "two-point: every fact bound to its obligation; the undecided ones leave the route open";
    }
}
