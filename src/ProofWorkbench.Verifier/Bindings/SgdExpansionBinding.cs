using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary><c>sgd-expansion</c> (paper 001, Section 3.1 eq. (6); Section 3.3): for h (x and y substituted), per coordinate j
/// and order k = 0, 1, 2, the coefficient of tᵏ in ∂_j(e²)(θ* + t·v), e = h − y — taken by the verifier as
/// (1/k!)·dᵏ/dtᵏ at t = 0 — minus the printed term (2eh^j; 2(h^v h^j + e h^{j,v}); h^j h^{v,v} + 2h^{j,v}h^v + e h^{j,v,v});
/// or (<c>identity: fifth-term</c>) −2Σ_k h^{j,k}h^k + ∂_jR with R = Σ_k (h^k)². One fact each, deciding ≡ 0.</summary>
internal sealed class SgdExpansionBinding : IClaimBinding
{
    public string Kind => "sgd-expansion";

    public string Bind(ClaimView c)
    {
        var names = c.Param("parameters")!.Items().Select(n => n.Str()).ToList();
        var h = c.Param("x") is { } x ? Substitution.Substitute(c.Expr("output"), "x", x.Expr()) : c.Expr("output");
        var grad = Differentiator.Gradient(h, names);
        var obligations = new List<(Expr, string, IReadOnlyList<Symbolic.Domains.DomainCondition>?)>();
        if (c.Param("identity")?.Str() == "fifth-term")
        {
            var r = Add(grad.Select(g => Pow(g, Two)));
            foreach (var j in names)
                obligations.Add((Add(Mul(Num(-2), Add(grad.Select(g => Mul(Differentiator.Derivative(g, j), g)))), Differentiator.Derivative(r, j)), $"−2Σ_k h^({j},k)h^k + ∂_{j}R", null));
        }
        else
        {
            var t = Sym("t");
            var v = names.Select(p => Sym("v_" + p)).ToList();
            Expr Along(Expr f) => Add(names.Select((p, k) => Mul(v[k], Differentiator.Derivative(f, p))));
            var e = Sub(h, c.Param("y")?.Expr() ?? Sym("y"));
            var shift = names.Select((p, k) => (p, Add(Sym(p), Mul(t, v[k])))).ToDictionary(q => q.p, q => q.Item2);
            foreach (var j in names)
            {
                var along = Substitution.Substitute(Differentiator.Derivative(Pow(e, Two), j), shift);
                var (hj, hv) = (Differentiator.Derivative(h, j), Along(h));
                var hjv = Along(hj);
                Expr[] printed = [Mul(Two, e, hj), Mul(Two, Add(Mul(hv, hj), Mul(e, hjv))), Add(Mul(hj, Along(hv)), Mul(Two, hjv, hv), Mul(e, Along(hjv)))];
                for (int k = 0; k <= 2; k++)
                    obligations.Add((Sub(Div(Substitution.Substitute(Differentiator.Derivative(along, "t", k), "t", Zero), Num(k == 2 ? 2 : 1)), printed[k]), $"order {k} of ∂_{j}(e²) − eq. (6)", null));
            }
        }
        Identity.BindAll(c, [.. obligations]);
        return $"{obligations.Count} terms, derived by the verifier";
    }
}
