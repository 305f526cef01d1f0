using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary>
/// <c>recipe-part-a-exact</c> (paper 000, Section 6.1, conditions (a), (c), (d), (e) of the Two-point Recipe, Part A). From the
/// claim's θ₀ (<c>from</c>), θ₁*, θ₂* (<c>limits</c>) and S₁, S₂ (<c>datasets</c>, one sample each) the verifier re-derives
/// E₁ = {x₁ᵀw(a) : a between a₀ and a₁*} exactly from the parabola (14) through θ₀ and θ₁* (w(a) = w₀ + (w₁* − w₀)(a² − a₀²)/(a₁*² − a₀²),
/// with a = 0 visited when a₀a₁* ≤ 0 — the <c>parabola-limit</c> claim of the same file proves that the flow on S₁ runs on it;
/// here w₁* − w₀ must at least be a multiple of x₁, as ẇ ∥ x₁), then
/// writes each condition's goal itself and requires the facts, in order, to be SMT checks with exactly these goals and with
/// assumptions pinning exactly the goal's variables to the claim's exact data. The SMT re-check (regenerated query, Z3) decides
/// each goal; the verdict follows from the re-checked answers.
/// <list type="bullet">
/// <item>(a) w₀ ≠ 0: Σ w0_i² &gt; 0; w₁* ≠ w₀: Σ (w1star_i − w0_i)² &gt; 0; x₁ ≠ 0: Σ x1_i² &gt; 0.</item>
/// <item>(c) t = x₁ᵀw₂* ∉ E₁ ∪ {0}: −max(−t², −(t − E1_hi)(t − E1_lo)) &gt; 0; P_h(w₁*) ≠ 0 (h = w₂* − w₀): hᵀh·(hᵀw₁*)² &gt; 0;
/// P_h(w₁*) ∉ P_h(l): (hᵀw₁* − hᵀw₀)(hᵀw₁* − hᵀw₀ − hᵀh) &gt; 0.</item>
/// <item>(d) a₂*·a₀ ≥ 0.</item>
/// <item>(e) max(E1_lo², E1_hi², t²)·hᵀh &lt; |x₂|²·min((hᵀw₁*)², (hᵀw₀)², (hᵀw₂*)²) (min written −max(−·)); for d &gt; 1 also
/// x₂ ∈ span{h}: (x₂ᵀh)² = |x₂|²·hᵀh.</item>
/// </list>
/// </summary>
internal sealed class RecipePartABinding : IClaimBinding
{
    public string Kind => "recipe-part-a-exact";

    public string Bind(ClaimView c)
    {
        var points = c.Setup["points"];
        (IReadOnlyList<Rational> W, Rational A) Point(J name) =>
            points.Has(name.Str()) ? (points[name.Str()]["w"].Items().Select(v => v.Rat()).ToList(), points[name.Str()]["a"].Rat())
            : throw new RejectException($"{name.Path}: no point '{name.Str()}' in the setup");
        var limits = (c.Param("limits") ?? throw new RejectException("$.claim.parameters.limits: missing")).Items().ToList();
        var sets = (c.Param("datasets") ?? throw new RejectException("$.claim.parameters.datasets: missing")).Items().ToList();
        if (limits.Count != 2 || sets.Count != 2) throw new RejectException("$.claim.parameters: Part A needs limits [θ₁*, θ₂*] and datasets [S₁, S₂]");
        var t0 = Point(c.Param("from") ?? throw new RejectException("$.claim.parameters.from: missing"));
        var t1 = Point(limits[0]);
        var t2 = Point(limits[1]);
        IReadOnlyList<Rational> X(J set)
        {
            var samples = c.Setup["datasets"][set.Str()].Items().ToList();
            return samples.Count == 1 ? samples[0]["x"].Items().Select(v => v.Rat()).ToList()
                : throw new RejectException($"{set.Path}: Part A takes one-sample datasets");
        }
        var x1 = X(sets[0]);
        var x2 = X(sets[1]);
        int d = t0.W.Count;
        if (new[] { t1.W.Count, t2.W.Count, x1.Count, x2.Count }.Any(n => n != d)) throw new RejectException("$.setup: θ₀, θ₁*, θ₂*, x₁, x₂ have different dimensions");

        // E₁ from the parabola (14): x₁ᵀw(a) = u₀ + (x₁ᵀw₁* − u₀)·λ with λ = (a² − a₀²)/(a₁*² − a₀²), a between a₀ and a₁*.
        // The flow on S₁ moves w along x₁ only (ẇ ∥ x₁), so θ₁* can be its limit only if w₁* − w₀ is a multiple of x₁.
        if (ExactLinearAlgebra.Rank([x1, ExactLinearAlgebra.Subtract(t1.W, t0.W)]) > 1)
            throw new RejectException($"{limits[0].Path}: w₁* − w₀ is not a multiple of x₁, so θ₁* is not on the parabola (14) of the flow on S₁ and E₁ cannot be derived");
        var den = t1.A * t1.A - t0.A * t0.A;
        if (den.IsZero) throw new RejectException("$.setup: a₁*² = a₀², so θ₁* is not on a parabola (14) through θ₀ with w₁* ≠ w₀");
        var u0 = ExactLinearAlgebra.Dot(x1, t0.W);
        var slope = ExactLinearAlgebra.Dot(x1, t1.W) - u0;
        var lambdas = new List<Rational> { Rational.Zero, Rational.One };
        if (t0.A.Sign * t1.A.Sign <= 0) lambdas.Add(-(t0.A * t0.A) / den);
        var ends = lambdas.Select(l => u0 + slope * l).ToList();
        Rational eLo = ends.Min(), eHi = ends.Max();

        var values = new Dictionary<string, Rational>(StringComparer.Ordinal) { ["a0"] = t0.A, ["a2star"] = t2.A, ["E1_lo"] = eLo, ["E1_hi"] = eHi };
        Expr[] V(string name, IReadOnlyList<Rational> v)
        {
            for (int i = 0; i < v.Count; i++) values[$"{name}_{i + 1}"] = v[i];
            return Enumerable.Range(1, v.Count).Select(i => Sym($"{name}_{i}")).ToArray();
        }
        var w0 = V("w0", t0.W);
        var w1 = V("w1star", t1.W);
        var w2 = V("w2star", t2.W);
        var xs1 = V("x1", x1);
        var xs2 = V("x2", x2);
        Expr Dot(Expr[] a, Expr[] b) => Add(a.Select((q, i) => Mul(q, b[i])));
        Expr Sq(Expr e) => Pow(e, Two);
        Expr SumSq(IEnumerable<Expr> v) => Add(v.Select(Sq));
        Expr MaxOf(IEnumerable<Expr> v) => v.Aggregate((a, b) => Call("max", a, b));
        var h = w2.Select((q, i) => Sub(q, w0[i])).ToArray();
        var t = Dot(xs1, w2);
        Expr hh = Dot(h, h), hk = Dot(h, w1), h0 = Dot(h, w0), hn = Dot(h, w2), diff = Sub(hk, h0);
        var zero = Zero;
        var goals = new List<(string Label, Relation Goal)>
        {
            ("Sec. 6.1(a) w0 ≠ 0", new(SumSq(w0), RelationOperator.Greater, zero)),
            ("Sec. 6.1(a) w1* ≠ w0", new(SumSq(w1.Select((q, i) => Sub(q, w0[i]))), RelationOperator.Greater, zero)),
            ("Sec. 6.1(a) x1 ≠ 0", new(SumSq(xs1), RelationOperator.Greater, zero)),
            ("Sec. 6.1(c) x1ᵀw2* ∉ E1 ∪ {0}", new(Neg(Call("max", Neg(Sq(t)), Neg(Mul(Sub(t, Sym("E1_lo")), Sub(t, Sym("E1_hi")))))), RelationOperator.Greater, zero)),
            ("Sec. 6.1(c) P_h(w1*) ≠ 0", new(Mul(hh, Sq(hk)), RelationOperator.Greater, zero)),
            ("Sec. 6.1(c) P_h(w1*) ∉ P_h(l)", new(Mul(diff, Sub(diff, hh)), RelationOperator.Greater, zero)),
            ("Sec. 6.1(d) a2*·a0 ≥ 0", new(Mul(Sym("a2star"), Sym("a0")), RelationOperator.GreaterOrEqual, zero)),
            ("Sec. 6.1(e) scale condition on x2", new(Mul(MaxOf([Sq(Sym("E1_lo")), Sq(Sym("E1_hi")), Sq(t)]), hh), RelationOperator.Less,
                Mul(SumSq(xs2), Neg(MaxOf([Neg(Sq(hk)), Neg(Sq(h0)), Neg(Sq(hn))]))))),
        };
        if (d > 1) goals.Add(("Sec. 6.1(e) span condition on x2", new(Sq(Dot(xs2, h)), RelationOperator.Equal, Mul(SumSq(xs2), hh))));

        if (c.Facts.Count != goals.Count)
            throw new RejectException($"$.facts: Part A with d = {d} needs {goals.Count} SMT checks ((a) ×3, (c) ×3, (d), (e){(d > 1 ? " ×2" : "")}), the certificate has {c.Facts.Count}");
        for (int k = 0; k < goals.Count; k++)
        {
            var f = c.Facts[k];
            var (label, goal) = goals[k];
            if (f["kind"].Str() != "smt-check") throw new RejectException($"{f.Path}: condition '{label}' needs an smt-check fact, not {f["kind"].Str()}");
            if (f["label"].Str() != label) throw new RejectException($"{f.Path}.label: expected the condition '{label}' here, not '{f["label"].Str()}'");
            if (f["goal"].IsNull) throw new RejectException($"{f.Path}.goal: condition '{label}' must state its goal");
            SignBinding.SameRelation(f["goal"], goal);
            var want = goal.FreeSymbols().ToDictionary(s => s, s => values[s], StringComparer.Ordinal);
            var stated = new Dictionary<string, Rational>(StringComparer.Ordinal);
            foreach (var a in f["assumptions"].Items())
            {
                var r = a.Relation();
                if (r is not { Left: Symbol s, Operator: RelationOperator.Equal, Right: Number n })
                    throw new RejectException($"{a.Path}: an assumption of a recipe check must pin one variable to an exact number, not {r}");
                if (!stated.TryAdd(s.Name, n.Value)) throw new RejectException($"{a.Path}: {s.Name} is pinned twice");
            }
            foreach (var (name, v) in want)
                if (!stated.TryGetValue(name, out var sv) || sv != v)
                    throw new RejectException($"{f.Path}.assumptions: {name} must be {v} (from the claim's setup{(name.StartsWith("E1", StringComparison.Ordinal) ? ", E₁ from the parabola (14)" : "")}), the fact {(stated.ContainsKey(name) ? $"pins it to {stated[name]}" : "does not pin it")}");
            if (stated.Keys.FirstOrDefault(s => !want.ContainsKey(s)) is { } extra)
                throw new RejectException($"{f.Path}.assumptions: {extra} is not a variable of the goal");
        }
        return $"conditions (a), (c), (d), (e) on the claim's data, E₁ = [{eLo}, {eHi}] from the parabola (14)";
    }
}
