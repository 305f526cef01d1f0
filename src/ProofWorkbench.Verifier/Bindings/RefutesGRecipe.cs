using System.Text.Json.Nodes;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary><c>refutes-G</c>, two-point route on a recipe activation (paper 000, Lemma 5.1; Section 6.1, Proposition A.1 with the
/// corrected eq. (15)). From the claim — θ₀ (<c>from</c>), θ₁*, θ₂* (<c>limits</c>), S₁, S₂ (<c>datasets</c>), C and β per flow
/// (<c>scales</c>, <c>exponents</c>) — the verifier binds, in order: the parabola-limit facts of the flow from θ₀ on S₁ to θ₁* and
/// on S₂ to θ₂* (<see cref="ParabolaLimitBinding"/>: eq. (14) exactly, E between σ's breakpoints, that piece ≡ C·e^{βu}, θ* ∈ M_S);
/// θ₂* ∈ M_S₁ and θ₁* ∈ M_S₂ (one exact residual each, σ's piece chosen at the exact xᵀw, <see cref="PiecewiseBinding"/>); and
/// G(θ₁*; θ₀) − G(θ₂*; θ₀), derived with every number exact, of one strict sign (empty box: exactly when it is rational). Then a G
/// characterizing the flow in the weak sense would have G(θ₁*) ≤ G(θ₂*) ≤ G(θ₁*); and the values differ, so θ₁* ≠ θ₂* too.</summary>
internal static class RefutesGRecipe
{
    public static string Bind(ClaimView c)
    {
        var G = RefutesGBinding.Regularizer(c);
        J List(string key) => c.Param(key) is { } j && j.Arr().Count == 2 ? j : throw new RejectException($"$.claim.parameters.{key}: the recipe route needs two entries (S₁, S₂)");
        J limits = List("limits"), sets = List("datasets"), scales = List("scales"), exponents = List("exponents");
        var from = c.Param("from")?.Str() ?? throw new RejectException("$.claim.parameters.from: missing");
        int k = 0;
        for (int i = 0; i < 2; i++)
        {
            var p = new JsonObject { ["dataset"] = sets[i].Str(), ["from"] = from, ["to"] = limits[i].Str(), ["scale"] = scales[i].Str(), ["exponent"] = exponents[i].Str() };
            var view = c with { Parameters = new J(p, $"$.claim.parameters (flow {i + 1})") };
            if (ParabolaLimitBinding.Bind(view, ref k) == "θ* is off the parabola (14)")
                throw new RejectException($"$.claim.parameters.limits[{i}]: θ{i + 1}* is not on the parabola (14) through θ₀");
        }
        var (u, breaks, closed, pieces) = PiecewiseBinding.Split(c);
        var t0 = ValidatedLimit.Point(c, "from");
        var thetas = limits.Items().Select(l => c.Setup["points"][l.Str()]).Select(p => (W: p["w"].Items().Select(v => v.Rat()).ToList(), A: p["a"].Rat())).ToList();
        for (int i = 0; i < 2; i++)
        {
            var s = ValidatedLimit.Sample(c.Setup["datasets"], sets[i].Str());
            var other = thetas[1 - i];
            if (s.X.Count != other.W.Count) throw new RejectException($"$.setup.datasets.{sets[i].Str()}: not {other.W.Count} inputs");
            var f = k < c.Facts.Count ? c.Facts[k++] : throw new RejectException($"$.facts: no fact for θ{2 - i}* ∈ M_{sets[i].Str()}");
            PiecewiseBinding.Residual(f, u, breaks, closed, pieces, s.X, other.W, other.A, s.Y, $"the residual of θ{2 - i}* on {sets[i].Str()}");
        }
        int d = t0.W.Count;
        var (theta, theta0) = (RefutesGBinding.ThetaNames(d), RefutesGBinding.Theta0Names(d));
        Expr At((List<Rational> W, Rational A) t)
        {
            var map = new Dictionary<string, Expr>();
            for (int i = 0; i <= d; i++) { map[theta[i]] = Num(i < d ? t.W[i] : t.A); map[theta0[i]] = Num(i < d ? t0.W[i] : t0.A); }
            return Substitution.Substitute(G, map);
        }
        if (thetas.Any(t => t.W.Count != d)) throw new RejectException("$.claim.parameters.limits: θ₁*, θ₂* and θ₀ need the same dimension");
        var gap = k < c.Facts.Count ? c.Facts[k++] : throw new RejectException("$.facts: no fact for G(θ₁*; θ₀) − G(θ₂*; θ₀)");
        if (gap["kind"].Str() != "interval-enclosure" || !gap["tolerance"].IsNull || gap["box"].Entries().Any())
            throw new RejectException($"{gap.Path}: the route needs an enclosure of the constant G(θ₁*; θ₀) − G(θ₂*; θ₀) (empty box, no tolerance)");
        ClaimView.Same(gap["expression"], Sub(At(thetas[0]), At(thetas[1])), "G(θ₁*; θ₀) − G(θ₂*; θ₀)");
        if (gap["required_sign"].Int() == 0 && gap["outcome"].Str() != Facts.Outcomes.Undecided)
            throw new RejectException($"{gap.Path}.required_sign: G(θ₁*; θ₀) ≠ G(θ₂*; θ₀) needs a strict sign");
        if (k != c.Facts.Count) throw new RejectException($"$.facts[{k}]: a fact the two-point recipe route does not use");
        return c.Facts.All(f => f["outcome"].Str() == Facts.Outcomes.Proves)
            ? "two-point-recipe: θ₁*, θ₂* the exact limits (Proposition A.1), θ₂* ∈ M_S₁, θ₁* ∈ M_S₂, G(θ₁*; θ₀) ≠ G(θ₂*; θ₀)"
            : "two-point-recipe: every fact bound to its obligation; the undecided ones leave the route open";
    }
}
