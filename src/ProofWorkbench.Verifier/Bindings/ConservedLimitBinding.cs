using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary><c>conserved-limit</c> (paper 000, Lemma A.3 / 6.2): θ* with w* = w₀ is the limit from θ₀ on one sample — σ, σ′ &gt; 0
/// (SMT goals), |x|² ≠ 0 (the exact value of Σx_i²), for d &gt; 1 the rows x, w* − w₀; θ* ∈ M_S and Q(θ*) = Q(θ₀), i.e.
/// (a*² − a₀²)/2 = 0, both re-derived and zero-tested by the verifier; when a₀ and a* have opposite signs, the range
/// condition (<see cref="ValidatedLimit.Range"/>). A θ* that moves w needs H = ∫σ/σ′, which the verifier does not integrate.</summary>
internal sealed class ConservedLimitBinding : IClaimBinding
{
    public string Kind => "conserved-limit";

    public string Bind(ClaimView c)
    {
        var (s, t0, to) = ValidatedLimit.Limit(c);
        int d = s.X.Count, k = 0;
        if (to.W.Count != d || to.W.Where((w, i) => w != t0.W[i]).Any()) throw new UnsupportedException("θ* moves w: Q(θ*) = Q(θ₀) needs H = ∫σ/σ′, which the verifier does not integrate");
        ValidatedLimit.Hypotheses(c, ref k);
        var norm = ValidatedLimit.At(c, k++, "exact-value");
        var xs = Enumerable.Range(1, d).Select(i => $"x{i}").ToList();
        ValidatedLimit.Is(norm["expression"], Add(xs.Select(x => Pow(Sym(x), Two))), "|x|² = Σ x_i²");
        if (xs.Select((x, i) => norm["at"][x].Rat() != s.X[i]).Any(b => b) || s.X.All(x => x.IsZero)) throw new RejectException($"{norm.Path}.at: not the sample's x, or x = 0");
        if (d > 1)
        {
            var la = ValidatedLimit.At(c, k++, "linear-algebra");
            if (!la["matrix"][0].Items().Select(v => v.Rat()).SequenceEqual(s.X) || !la["matrix"][1].Items().All(v => v.Rat().IsZero) || la["needs_full_rank"].Bool())
                throw new RejectException($"{la.Path}: not the rows x and w* − w₀ = 0 (rank ≤ 1)");
        }
        var r = Sub(Mul(Num(to.A), c.SigmaAt(Add(s.X.Select((x, i) => Mul(Num(x), Num(to.W[i])))))), s.Y);
        if (!Exact.IsZero(r)) throw new UnsupportedException($"θ* ∈ M_S is not shown by the zero test (r(θ*) = {r})");
        ValidatedLimit.Is(ValidatedLimit.At(c, k++, "exact-identity")["expression"], r, "residual r(θ*) = a*σ(xᵀw*) − y");
        var q = (to.A * to.A - t0.A * t0.A) / 2;
        ValidatedLimit.Is(ValidatedLimit.At(c, k++, "exact-identity")["expression"], Num(q), "Q(θ*) − Q(θ₀) = (a*² − a₀²)/2");
        if (t0.A.Sign * to.A.Sign < 0)
            ValidatedLimit.Range(c, ValidatedLimit.At(c, k++, "interval-enclosure"), s.X.Select((x, i) => x * t0.W[i]).Aggregate(Rational.Zero, (a, v) => a + v), s.X.Aggregate(Rational.Zero, (a, x) => a + x * x), t0.A);
        if (k != c.Facts.Count) throw new RejectException($"$.facts[{k}]: a fact the conserved limit does not use");
        return "Lemma A.3's hypotheses, x ≠ 0, θ* ∈ M_S and on the level set through θ₀" + (t0.A.Sign * to.A.Sign < 0 ? ", the range condition" : "");
    }
}
