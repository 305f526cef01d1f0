using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary><c>converges</c> through the validated Lemma A.3 route (paper 000, Lemma 6.1 / A.3): the validated-limit facts of
/// the claim's one-sample dataset from θ₀ (<see cref="ValidatedLimit"/>), then per coordinate θ*_i(u) − stated θ*_i over the
/// root's bracket, decided against the claim's tolerance. The ODE route (numeric facts) is not re-derived.</summary>
internal sealed class ConvergesBinding : IClaimBinding
{
    public string Kind => "converges";

    public string Bind(ClaimView c)
    {
        ValidatedLimit.NotNumeric(c);
        var (s, t0, to) = ValidatedLimit.Limit(c);
        int k = 0;
        var (u, bracket, _, coords) = ValidatedLimit.Bind(c, ref k, s, t0);
        var tol = ValidatedLimit.Tolerance(c);
        var target = to.W.Append(to.A).ToList();
        if (target.Count != coords.Count) throw new RejectException("$.claim.parameters.to: not a point of the dataset's dimension");
        for (int i = 0; i < coords.Count; i++)
        {
            var e = ValidatedLimit.At(c, k++, "interval-enclosure");
            ValidatedLimit.OnBracket(e, u, bracket);
            ValidatedLimit.Is(e["expression"], Sub(coords[i], Num(target[i])), $"θ*_{i + 1}(u) − stated θ*_{i + 1}");
            ValidatedLimit.Judged(e, tol);
        }
        if (k != c.Facts.Count) throw new RejectException($"$.facts[{k}]: a fact the validated limit does not use");
        return $"the Lemma A.3 level-set root on {c.Param("dataset")!.Str()} and the distances to the stated θ* against {tol}";
    }
}
