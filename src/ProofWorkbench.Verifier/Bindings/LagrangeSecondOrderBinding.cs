using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Simplification;
using ProofWorkbench.Verifier.Facts;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary><c>lagrange-second-order</c> (paper 001, Theorem 3: which stationary points of R on {h = y} are stable). The
/// verifier differentiates h(1; θ) and R = ‖∇h‖² itself, substitutes the claim's point (tanh(wᵢ) by its stated value after
/// differentiation), and derives λ = ∇R·g/‖g‖² (g = ∇h), H = ∇²R − λ∇²h, the pivot p (the first gₚ enclosed away from 0),
/// the bordered Hessian [[0, gᵀ], [g, H]] in the order (p, the others) and the tangent basis bⱼ = gₚeⱼ − gⱼeₚ with the
/// candidate directions (each bⱼ; for k ≥ 2 the pivot vector Σuₐbₐ, u = (−adj(M_{k−1})m_k, det M_{k−1}), M = BᵀHB).
/// Facts, in order: h − y and ∂ⱼR − λgⱼ (each must be exactly 0 to prove, <see cref="Identity.BindZero"/>); then for
/// <c>nature: minimum</c> one signed enclosure (required sign −1, no box) per bordered leading minor of order 3, …, n + 1,
/// its expression exactly the derived minor; for <c>nature: saddle</c> ∇h·v₋ (an identity) and v₋ᵀHv₋ (required sign −1),
/// ∇h·v₊ and v₊ᵀHv₊ (required sign +1), where v± is a derived candidate the verifier shows tangent (g·v ≡ 0) and whose
/// derived curvature is exactly the fact's expression — or one undecided bare enclosure (no direction found; certifies nothing).</summary>
internal sealed class LagrangeSecondOrderBinding : IClaimBinding
{
    public string Kind => "lagrange-second-order";

    public string Bind(ClaimView c)
    {
        var names = c.Param("parameters")!.Items().Select(n => n.Str()).ToList();
        int n = names.Count;
        var nature = c.Param("nature")?.Str() ?? throw new RejectException("$.claim.parameters.nature: missing");
        if (nature is not ("minimum" or "saddle")) throw new RejectException($"$.claim.parameters.nature: '{nature}' is neither minimum nor saddle");
        var h = Substitution.Substitute(c.Expr("output"), "x", One);
        var values = c.Param("point")?.Entries().ToDictionary(kv => kv.Key, kv => kv.Value.Expr()) ?? [];
        var tanh = c.Param("tanh")?.Entries().ToDictionary(kv => kv.Key, kv => kv.Value.Expr()) ?? [];
        Expr At(Expr e) => Simplifier.Simplify(Substitution.Substitute(e.Map(m =>
            m is FunctionCall { Function.Name: "tanh" } f && f.Arguments[0] is Symbol s && tanh.TryGetValue(s.Name, out var t) ? t : m), values));
        var grad = Differentiator.Gradient(h, names);
        var r = Add(grad.Select(gj => Pow(gj, Two)));
        var g = grad.Select(At).ToArray();
        var dR = Differentiator.Gradient(r, names).Select(At).ToArray();
        var lambda = Simplifier.Simplify(Div(Add(g.Select((gj, j) => Mul(gj, dR[j]))), Add(g.Select(gj => Pow(gj, Two)))));
        var hr = Differentiator.Hessian(r, names);
        var hh = Differentiator.Hessian(h, names);
        var hl = new Expr[n][];
        for (int i = 0; i < n; i++) hl[i] = Enumerable.Range(0, n).Select(j => Simplifier.Simplify(Sub(At(hr[i, j]), Mul(lambda, At(hh[i, j]))))).ToArray();

        var facts = c.Facts;
        int stationary = n + 1;
        if (facts.Count < stationary) throw new RejectException($"$.facts: the claim needs at least {stationary} facts (h − y and ∂ⱼR − λgⱼ), the certificate has {facts.Count}");
        Identity.BindZero(facts[0], At(Sub(h, c.Expr("y"))), "h − y at the point");
        for (int j = 0; j < n; j++) Identity.BindZero(facts[j + 1], Simplifier.Simplify(Sub(dR[j], Mul(lambda, g[j]))), $"∂R/∂{names[j]} − λ·∂h/∂{names[j]} at the point");
        var rest = facts.Skip(stationary).ToList();

        int p = Enumerable.Range(0, n).FirstOrDefault(j => StrictSign(g[j]) != 0, -1);
        if (p < 0) { Undecided(rest, "∇h not shown nonzero"); return "h − y, ∇R − λ∇h; ∇h not shown nonzero (undecided)"; }
        var order = new[] { p }.Concat(Enumerable.Range(0, n).Where(j => j != p)).ToArray();
        if (nature == "minimum")
        {
            var bordered = new Expr[n + 1][];
            bordered[0] = [Zero, .. order.Select(j => g[j])];
            for (int i = 0; i < n; i++) bordered[i + 1] = [g[order[i]], .. order.Select(j => hl[order[i]][j])];
            if (rest.Count != n - 1) throw new RejectException($"$.facts: a minimum claim needs {n - 1} bordered-minor facts after the stationarity facts, the certificate has {rest.Count}");
            for (int k = 3; k <= n + 1; k++)
                Signed(rest[k - 3], Det(bordered.Take(k).Select(row => row.Take(k).ToArray()).ToArray()), -1, $"the bordered leading minor of order {k}");
            return $"h − y, ∇R − λ∇h (λ = {lambda}) and the {n - 1} bordered-Hessian minors < 0";
        }
        var basis = order.Skip(1).Select(j =>
        {
            var b = Enumerable.Repeat(Zero, n).ToArray();
            b[j] = g[p];
            b[p] = Simplifier.Simplify(Neg(g[j]));
            return b;
        }).ToArray();
        Expr Curv(IReadOnlyList<Expr> u, IReadOnlyList<Expr> v) =>
            Simplifier.Simplify(Add(Enumerable.Range(0, n).SelectMany(i => Enumerable.Range(0, n).Select(j => Mul(Mul(u[i], hl[i][j]), v[j])))));
        int t = basis.Length;
        var m = basis.Select(a => basis.Select(b => Curv(a, b)).ToArray()).ToArray();
        var candidates = new List<Expr[]>(basis);
        for (int k = 2; k <= t; k++)
        {
            var lead = m.Take(k - 1).Select(row => row.Take(k - 1).ToArray()).ToArray();
            var u = Enumerable.Range(0, k - 1).Select(a => Simplifier.Simplify(Neg(Add(Enumerable.Range(0, k - 1).Select(b => Mul(Cofactor(lead, b, a), m[b][k - 1])))))).ToList();
            u.Add(Det(lead));
            candidates.Add(Enumerable.Range(0, n).Select(i => Simplifier.Simplify(Add(u.Select((ua, a) => Mul(ua, basis[a][i]))))).ToArray());
        }
        if (rest.Count == 1) { Undecided(rest, "no tangent direction of each sign"); return "h − y, ∇R − λ∇h; no saddle directions (undecided)"; }
        if (rest.Count != 4) throw new RejectException($"$.facts: a saddle claim needs 4 facts after the stationarity facts (∇h·v₋, v₋ᵀHv₋, ∇h·v₊, v₊ᵀHv₊), the certificate has {rest.Count}");
        foreach (var (i, sign, word) in new[] { (0, -1, "v₋"), (2, 1, "v₊") })
        {
            var curvature = rest[i + 1]["expression"].Expr();
            var v = candidates.FirstOrDefault(v => Exact.IsZero(Sub(curvature, Curv(v, v))))
                ?? throw new RejectException($"{rest[i + 1].Path}.expression: {curvature} is not vᵀHv for any tangent direction the verifier derives");
            var tangency = Simplifier.Simplify(Add(v.Select((vi, j) => Mul(g[j], vi))));
            if (!Exact.IsZero(tangency)) throw new RejectException($"{rest[i].Path}: the derived direction {word} is not tangent (∇h·v = {tangency})");
            Identity.Bind(rest[i], tangency, $"∇h·{word}");
            Signed(rest[i + 1], Curv(v, v), sign, $"{word}ᵀH{word}");
        }
        return $"h − y, ∇R − λ∇h (λ = {lambda}), tangent v₋ with v₋ᵀHv₋ < 0 and v₊ with v₊ᵀHv₊ > 0";
    }

    // A signed enclosure of the constant `derived` (exactly, not up to sign), no box, no tolerance, required sign `sign`.
    private static void Signed(J fact, Expr derived, int sign, string what)
    {
        if (fact["kind"].Str() != "interval-enclosure") throw new RejectException($"{fact.Path}: the claim needs a signed interval-enclosure of {what}, not {fact["kind"].Str()}");
        if (!Exact.IsZero(Sub(fact["expression"].Expr(), derived)))
            throw new RejectException($"{fact["expression"].Path}: the expression {fact["expression"].Str()} is not the derived {what} ({derived})");
        if (fact["box"].Entries().Any() || !fact["tolerance"].IsNull)
            throw new RejectException($"{fact.Path}: the enclosure of {what} must be of the constant, without a box or tolerance");
        int required = fact.Has("required_sign") ? fact["required_sign"].Int() : 0;
        if (required != sign) throw new RejectException($"{fact.Path}.required_sign: the claim needs {what} {(sign < 0 ? "< 0" : "> 0")}, the fact requires sign {required}");
    }

    // The failure form: one bare enclosure left undecided (it can only make the verdict inconclusive).
    private static void Undecided(IReadOnlyList<J> rest, string what)
    {
        if (rest.Count != 1 || rest[0]["kind"].Str() != "interval-enclosure" || rest[0]["outcome"].Str() != Outcomes.Undecided
            || (rest[0].Has("required_sign") && rest[0]["required_sign"].Int() != 0) || !rest[0]["tolerance"].IsNull)
            throw new RejectException($"$.facts: with {what} the claim is undecided: one bare undecided enclosure after the stationarity facts");
    }

    private static int StrictSign(Expr constant)
    {
        Interval i;
        try { i = IntervalEvaluator.Evaluate(constant, new Dictionary<string, Interval>()); }
        catch (InputException) { return 0; }
        return double.IsFinite(i.Lo) && double.IsFinite(i.Hi) ? Exact.StrictSign(i) : 0;
    }

    // det by Laplace expansion along the first row, simplified.
    private static Expr Det(IReadOnlyList<IReadOnlyList<Expr>> a)
    {
        if (a.Count == 0) return One;
        if (a.Count == 1) return a[0][0];
        return Simplifier.Simplify(Add(Enumerable.Range(0, a.Count).Select(j => Mul(a[0][j], Cofactor(a, 0, j)))));
    }

    // (−1)^(i+j) det(a without row i and column j).
    private static Expr Cofactor(IReadOnlyList<IReadOnlyList<Expr>> a, int i, int j)
    {
        if (a.Count == 1) return One;
        var minor = a.Where((_, r) => r != i).Select(row => (IReadOnlyList<Expr>)row.Where((_, col) => col != j).ToArray()).ToArray();
        var d = Det(minor);
        return (i + j) % 2 == 0 ? d : Simplifier.Simplify(Neg(d));
    }
}
