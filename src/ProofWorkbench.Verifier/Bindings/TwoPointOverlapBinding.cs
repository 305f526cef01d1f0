using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary><c>two-point-overlap</c> through the validated route (paper 000, Lemma 5.1 with Lemma A.3): the validated limits
/// θ₁*, θ₂* from θ₀ on S₁ and S₂ (with <c>refine</c>, S₂ is the refined dataset of the certificate's <c>witness</c>), their
/// separation (p − q of one coordinate's enclosures, a strict sign), and the residuals a·σ(xᵀw) − y of θ₁* and θ₂* on S₁
/// and S₂ over boxes containing the limits' enclosures, decided against the claim's tolerance.</summary>
internal sealed class TwoPointOverlapBinding : IClaimBinding
{
    public string Kind => "two-point-overlap";

    public string Bind(ClaimView c)
    {
        ValidatedLimit.NotNumeric(c);
        var names = c.Param("datasets")!.Items().Select(n => n.Str()).ToList();
        var s1 = ValidatedLimit.Sample(c.Setup["datasets"], names[0]);
        var s2 = c.Param("refine") is null ? ValidatedLimit.Sample(c.Setup["datasets"], names[1])
            : c.Witness?["datasets"] is { } w && w.Entries().Count() == 1 ? ValidatedLimit.Sample(w, w.Entries().Single().Key)
            : throw new RejectException("$.witness.datasets: a refined overlap needs the refined dataset S₂ as its one witness");
        var t0 = ValidatedLimit.Point(c, "from");
        int k = 0;
        var l1 = ValidatedLimit.Bind(c, ref k, s1, t0);
        var l2 = ValidatedLimit.Bind(c, ref k, s2, t0);
        var sep = ValidatedLimit.At(c, k++, "interval-enclosure");
        ValidatedLimit.Is(sep["expression"], Sub(Sym("p"), Sym("q")), "separation p − q");
        if (sep["required_sign"].Int() == 0 || !Enumerable.Range(0, l1.Theta.Count).Any(i => Contains(sep["box"]["p"], l1.Theta[i]) && Contains(sep["box"]["q"], l2.Theta[i])))
            throw new RejectException($"{sep.Path}: not a strict sign of p − q over one coordinate's enclosures of θ₁* and θ₂*");
        var tol = ValidatedLimit.Tolerance(c);
        int d = s1.X.Count;
        var ws = d == 1 ? ["w"] : Enumerable.Range(1, d).Select(i => $"w{i}").ToList();
        foreach (var (s, theta) in new[] { (s1, l1.Theta), (s2, l2.Theta), (s2, l1.Theta), (s1, l2.Theta) })
        {
            var r = ValidatedLimit.At(c, k++, "interval-enclosure");
            var pre = Add(ws.Select((w, i) => Mul(Num(s.X[i]), Sym(w))));
            ValidatedLimit.Is(r["expression"], Sub(Mul(Sym("a"), c.SigmaAt(pre)), s.Y), "residual a·σ(xᵀw) − y");
            if (r["box"].Entries().Count() != d + 1 || ws.Append("a").Select((v, i) => r["box"].Has(v) && Contains(r["box"][v], theta[i])).Any(ok => !ok))
                throw new RejectException($"{r.Path}.box: does not contain the limit's enclosures");
            ValidatedLimit.Judged(r, tol);
        }
        if (k != c.Facts.Count) throw new RejectException($"$.facts[{k}]: a fact the overlap does not use");
        return $"two Lemma A.3 level-set roots, their separation and the four residuals against {tol}";
    }

    private static bool Contains(J box, (Rational Lo, Rational Hi) inner) { var (lo, hi) = box.Interval(); return lo <= inner.Lo && inner.Hi <= hi; }
}
