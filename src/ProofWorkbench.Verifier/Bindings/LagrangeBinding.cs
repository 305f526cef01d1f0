using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Simplification;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary><c>lagrange-stationary</c> (paper 001, Theorem 1's condition, Theorem 3, Proposition 11): at the claim's point,
/// h(1; θ) − y and every minor g_j∂_kR − g_k∂_jR (g = ∇h, R = ‖∇h‖², j &lt; k), derived by the verifier, with tanh(wᵢ)
/// replaced by its stated value after differentiation. One fact each, in order: an exact identity of that constant, or
/// (for a constant the zero test cannot decide) an interval enclosure of it with the threshold 0 (a nonzero minor refutes).</summary>
internal sealed class LagrangeBinding : IClaimBinding
{
    public string Kind => "lagrange-stationary";

    public string Bind(ClaimView c)
    {
        var names = c.Param("parameters")!.Items().Select(n => n.Str()).ToList();
        var h = Substitution.Substitute(c.Expr("output"), "x", One);
        var values = c.Param("point")?.Entries().ToDictionary(kv => kv.Key, kv => kv.Value.Expr()) ?? [];
        var tanh = c.Param("tanh")?.Entries().ToDictionary(kv => kv.Key, kv => kv.Value.Expr()) ?? [];
        Expr At(Expr e) => Simplifier.Simplify(Substitution.Substitute(e.Map(n =>
            n is FunctionCall { Function.Name: "tanh" } f && f.Arguments[0] is Symbol s && tanh.TryGetValue(s.Name, out var t) ? t : n), values));
        var g = Differentiator.Gradient(h, names);
        var dR = Differentiator.Gradient(Add(g.Select(gj => Pow(gj, Two))), names);
        var derived = new List<(Expr, string)> { (Sub(h, c.Expr("y")), "h − y at the point") };
        for (int j = 0; j < names.Count; j++)
            for (int k = j + 1; k < names.Count; k++)
                derived.Add((Sub(Mul(g[j], dR[k]), Mul(g[k], dR[j])), $"the minor ({names[j]}, {names[k]}) at the point"));
        var facts = c.Expect(null, derived.Count);
        for (int i = 0; i < facts.Count; i++) Identity.BindZero(facts[i], At(derived[i].Item1), derived[i].Item2);
        return $"h − y and the {derived.Count - 1} minors at the point";
    }
}
