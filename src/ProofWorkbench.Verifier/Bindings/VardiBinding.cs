using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary>The exact routes of paper 002 (Vardi &amp; Shamir 2021), rebuilt by the verifier; certificates resting on flows
/// are left to the numeric rule. <c>balancedness</c> (Lemma 6.1, Appendix C.1): for a generic σ and one symbolic sample,
/// L_F(v² − ‖w‖²) − 4c·v·r·(uσ′(u) − σ(u)) ≡ 0 along F = −∇(c(vσ(wᵀx) − y)²), and Z3's u·σ′(u) − relu(u) = 0 with σ′(0) = s ∈ [0, 1].
/// <c>balanced-limit-extrapolation</c>, sign zero: every input of the dataset and w₀ have 0 in the component, and
/// ∂L/∂w_k ≡ 0 for L = cΣ(v·relu(wᵀxᵢ) − yᵢ)². <c>relu-piecewise-flow</c> at rest: each ẇ_l = −2cΣ(relu(uᵢ) − yᵢ)sᵢx_il at w₀
/// with sᵢ = σ′(uᵢ) (σ′(0) as stated) is 0, and the stated limit is w₀.</summary>
internal sealed class VardiBinding(string kind) : IClaimBinding
{
    public string Kind => kind;

    public string Bind(ClaimView c)
    {
        if (c.Facts.Any(f => f["kind"].Str() is "numeric-estimate" or "flow-run") && kind != "balancedness")
            throw new UnsupportedException($"the {kind} claim rests on computed flows");
        J? Setting(string key) => c.Param(key) ?? (c.Setup.Has(key) ? c.Setup[key] : null);
        var scale = Setting("loss-scale")?.Rat() ?? new Rational(1, 2);
        if (kind == "balancedness") return Balancedness(c, scale);
        var data = c.Setup["datasets"][c.Param("dataset")!.Str()].Items().ToList();
        var X = data.Select(s => s["x"].Items().Select(v => v.Rat()).ToList()).ToList();
        var w0 = Setting("w0")?.Items().Select(v => v.Rat()).ToList() ?? X[0].Select(_ => Rational.Zero).ToList();
        int d = w0.Count;
        Expr U(int i) => Add(X[i].Select((x, l) => Mul(Num(x), Sym($"w{l + 1}"))).ToArray());
        if (kind == "balanced-limit-extrapolation")
        {
            int k = int.Parse(c.Param("component")!.Str(), System.Globalization.CultureInfo.InvariantCulture) - 1;
            if (c.Param("sign")?.Str() != "zero" || X.Any(x => !x[k].IsZero) || !w0[k].IsZero)
                throw new RejectException($"$.claim.parameters: the exact route needs sign zero, every input and w₀ with 0 in component {k + 1}");
            var loss = Mul(Num(scale), Add(data.Select((s, i) => Pow(Sub(Mul(Sym("v"), Call("relu", U(i))), s["y"].Expr()), Two)).ToArray()));
            Identity.BindAll(c, (Differentiator.Derivative(loss, $"w{k + 1}"), $"∂L/∂w{k + 1}", null));
            return $"∂L/∂w{k + 1} ≡ 0 and w₀ = 0 there: w{k + 1} stays 0";
        }
        var s0 = Setting("relu-derivative-at-zero")?.Rat() ?? Rational.One;
        var point = new Dictionary<string, Expr>();
        for (int l = 0; l < d; l++) point[$"w{l + 1}"] = Num(w0[l]);
        for (int i = 0; i < X.Count; i++)
        {
            var u = X[i].Zip(w0).Aggregate(Rational.Zero, (a, p) => a + p.First * p.Second);
            point[$"s{i + 1}"] = Num(u > Rational.Zero ? Rational.One : u < Rational.Zero ? Rational.Zero : s0);
        }
        var limit = c.Param("limit")!.Items().Select(v => v.Expr()).ToList();
        var facts = c.Expect("exact-value", 2 * d);
        for (int l = 0; l < d; l++)
        {
            var field = Mul(Num(-2 * scale), Add(data.Select((s, i) => Mul(Sub(Call("relu", U(i)), s["y"].Expr()), Sym($"s{i + 1}"), Num(X[i][l]))).ToArray()));
            // The fact states the field itself (in w and sᵢ = σ′(uᵢ)) at exactly the verifier's point, and its value there.
            ClaimView.Same(facts[l]["expression"], field, $"ẇ{l + 1}");
            var at = facts[l]["at"].Entries().ToList();
            if (at.Count != point.Count || at.Any(kv => !point.TryGetValue(kv.Key, out var v) || !Exact.IsZero(Sub(v, Num(kv.Value.Rat())))))
                throw new RejectException($"{facts[l].Path}.at: not w₀ with sᵢ = σ′(uᵢ)");
            Identity.BindZero(facts[l], Substitution.Substitute(field, point), $"ẇ{l + 1} at w₀");
            Identity.BindZero(facts[d + l], Sub(limit[l], Num(w0[l])), $"the stated limit − w₀, component {l + 1}");
        }
        return "the field vanishes at w₀ and the stated limit is w₀";
    }

    private static string Balancedness(ClaimView c, Rational scale)
    {
        int d = int.Parse(c.Param("d")!.Str(), System.Globalization.CultureInfo.InvariantCulture);
        var names = Enumerable.Range(1, d).Select(i => $"w{i}").Append("v").ToList();
        var u = Add(Enumerable.Range(1, d).Select(i => Mul(Sym($"w{i}"), Sym($"x{i}"))).ToArray());
        var r = Sub(Mul(Sym("v"), new AbstractCall("sigma", 0, u)), Sym("y"));
        var field = Differentiator.Gradient(Mul(Num(scale), Pow(r, Two)), names).Select(Neg).ToList();
        var q = Sub(Pow(Sym("v"), Two), Add(Enumerable.Range(1, d).Select(i => Pow(Sym($"w{i}"), Two)).ToArray()));
        var reduced = Mul(Num(4 * scale), Sym("v"), r, Sub(Mul(u, new AbstractCall("sigma", 1, u)), new AbstractCall("sigma", 0, u)));
        var facts = Identity.Facts(c, 2);
        Identity.Bind(facts[0], Sub(Differentiator.LieDerivative(q, field, names), reduced), "L_F Q − 4c·v·r·(uσ′(u) − σ(u))");
        Expr t = Sym("u0"), s = Sym("s");
        var slope = Sub(Call("heaviside", t), Mul(Sub(One, s), Sub(Add(Call("heaviside", t), Call("heaviside", Neg(t))), One)));
        if (facts[1]["kind"].Str() != "smt-check" || facts[1]["goal"].IsNull) throw new RejectException($"{facts[1].Path}: the ReLU step needs an SMT check with a goal");
        SignBinding.SameRelation(facts[1]["goal"], new Relation(Sub(Mul(t, slope), Call("relu", t)), RelationOperator.Equal, Zero));
        var assumptions = facts[1]["assumptions"].Items().ToList();
        if (assumptions.Count != 2) throw new RejectException($"{facts[1].Path}.assumptions: the ReLU step assumes exactly s ∈ [0, 1]");
        SignBinding.SameRelation(assumptions[0], new Relation(s, RelationOperator.GreaterOrEqual, Zero));
        SignBinding.SameRelation(assumptions[1], new Relation(s, RelationOperator.LessOrEqual, One));
        return "the Lie derivative's reduction and u·σ′(u) = relu(u) for ReLU";
    }
}
