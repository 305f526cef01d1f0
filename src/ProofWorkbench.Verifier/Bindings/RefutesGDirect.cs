using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

using ProofWorkbench.Verifier.Facts;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary><c>refutes-G</c>, direct route (paper 000, Definition 4.5, eq. (4); the limit by Lemma 6.1 / A.3). From θ₀, the
/// one sample (x, y) and the witness w′, the verifier re-derives the validated limit of the flow from θ₀ (<see cref="ValidatedLimit"/>:
/// σ &gt; 0 and σ′ &gt; 0, the level-set function on M_S checked by differentiation, its certified root, the limit's coordinates
/// over the bracket) and requires G(θ*(u); θ₀) − G(θ′; θ₀), with θ′ = (w′, y/σ(xᵀw′)) ∈ M_S, enclosed above 0 over exactly
/// that bracket: then min over M_S of G(·; θ₀) ≤ G(θ′; θ₀) &lt; G(θ*; θ₀).</summary>
internal static class RefutesGDirect
{
    public static string Bind(ClaimView c)
    {
        var G = RefutesGBinding.Regularizer(c);
        var t0 = ValidatedLimit.Point(c, "from");
        var s = ValidatedLimit.Sample(c.Setup["datasets"], c.Param("dataset")?.Str() ?? throw new RejectException("$.claim.parameters.dataset: missing"));
        var witness = c.Param("witness")?.Items().Select(i => i.Rat()).ToList() ?? throw new RejectException("$.claim.parameters.witness: missing");
        int d = t0.W.Count;
        if (s.X.Count != d || witness.Count != d) throw new RejectException("$.claim.parameters: θ₀, x and the witness w′ need the same dimension");
        int k = 0;
        var (u, bracket, _, coordinates) = ValidatedLimit.Bind(c, ref k, s, t0);
        var (theta, theta0) = (RefutesGBinding.ThetaNames(d), RefutesGBinding.Theta0Names(d));
        var atLimit = new Dictionary<string, Expr>();
        var atWitness = new Dictionary<string, Expr>();
        var pre = witness.Select((w, i) => w * s.X[i]).Aggregate(Rational.Zero, (a, v) => a + v);
        for (int i = 0; i <= d; i++)
        {
            atLimit[theta0[i]] = atWitness[theta0[i]] = Num(i < d ? t0.W[i] : t0.A);
            atLimit[theta[i]] = coordinates[i];
            atWitness[theta[i]] = i < d ? Num(witness[i]) : Div(s.Y, c.SigmaAt(Num(pre)));
        }
        var gap = ValidatedLimit.At(c, k++, "interval-enclosure");
        ValidatedLimit.OnBracket(gap, u, bracket);
        ValidatedLimit.Is(gap["expression"], Sub(Substitution.Substitute(G, atLimit), Substitution.Substitute(G, atWitness)), "G(θ*(u); θ₀) − G(θ′; θ₀)");
        if (gap["required_sign"].Int() != 1 && gap["outcome"].Str() != Outcomes.Undecided) throw new RejectException($"{gap.Path}.required_sign: the route needs G(θ*; θ₀) − G(θ′; θ₀) > 0");
        if (k != c.Facts.Count) throw new RejectException($"$.facts[{k}]: a fact the direct route does not use");
        return c.Facts.All(f => f["outcome"].Str() == Outcomes.Proves)
            ? "direct: θ* enclosed by Lemma A.3 on M_S, θ′ = (w′, y/σ(xᵀw′)) ∈ M_S, G(θ′; θ₀) < G(θ*; θ₀)"
            : "direct: every fact bound to its obligation; the undecided ones leave the route open";
    }
}
