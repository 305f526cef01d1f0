using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

using ProofWorkbench.Verifier.Facts;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary><c>kkt</c> (paper 000, Definitions 4.4–4.5: θ* is a KKT point of min G(·, θ₀) over M_S).
/// <para>Linear model f = wᵀx (Section 4.1): the point θ* of the facts is the flow's limit from θ₀ (Xw* = y and w* − w₀ in the
/// row space of X, exact), θ₀ is the claim's initial point, there is one stationarity residual per weight whose expression is
/// ∂G/∂wⱼ minus a constant, the constants lie in the row space of X (a multiplier combination Σλᵢxᵢ), and a refutation is
/// re-derived: ∇G(θ*) is not in the row space of X (no multipliers exist).</para>
/// <para>One-neuron model f = aσ(wᵀx) with θ* given exactly in <c>theta</c> and exact facts: the verifier differentiates G and
/// the residuals rᵢ = aσ(xᵢᵀw) − yᵢ itself, evaluates at the claim's θ* and θ₀ exactly, and requires one fact per parameter at
/// exactly that point. When ∇G(θ*) = 0 each fact must be ∂G/∂p (multipliers λ = 0). Otherwise the constraint gradients ∇rᵢ(θ*)
/// must be rational, the multipliers are solved exactly from the facts' values, each fact must be ∂G/∂p − Σλᵢ∂rᵢ/∂p (zero test),
/// and stationarity — ∇G(θ*) in the span of the ∇rᵢ(θ*), by exact rank — must agree with the stated residuals. A proved KKT
/// point must also be feasible: every rᵢ(θ*) ≡ 0 by the zero test. KKT at a numerically computed limit (<c>theta:
/// flow-limit</c>) or with transcendental constraint gradients stays numeric.</para></summary>
internal sealed class KktBinding : IClaimBinding
{
    public string Kind => "kkt";

    public string Bind(ClaimView c)
    {
        var model = c.Param("model")?.Str() ?? "one-neuron";
        if (model == "one-neuron") return OneNeuron(c);
        if (model != "linear") throw new UnsupportedException($"kkt claims of the model '{model}' are not re-derived by the verifier");
        var data = c.Setup["datasets"][c.Param("dataset")!.Str()].Items().ToList();
        var X = data.Select(s => (IReadOnlyList<Rational>)s["x"].Items().Select(v => v.Rat()).ToList()).ToList();
        var y = data.Select(s => s["y"].Rat()).ToList();
        int d = X[0].Count;
        var w0 = c.Setup["points"][c.Param("theta0")!.Str()]["w"].Items().Select(v => v.Rat()).ToList();
        var facts = c.Expect("exact-value", d);
        var at = facts[0]["at"].Entries().ToDictionary(kv => kv.Key, kv => kv.Value.Rat());
        var names = Enumerable.Range(1, d).Select(j => $"w{j}").ToList();
        for (int j = 0; j < d; j++)
            if (!at.TryGetValue($"w0_{j + 1}", out var v) || v != w0[j])
                throw new RejectException($"{facts[0].Path}.at.w0_{j + 1}: not the claim's initial point's w{j + 1} = {w0[j]}");
        var ws = names.Select(n => at.TryGetValue(n, out var v) ? v : throw new RejectException($"{facts[0].Path}.at: no value for {n}")).ToList();
        for (int i = 0; i < X.Count; i++)
            if (ExactLinearAlgebra.Dot(X[i], ws) != y[i]) throw new RejectException($"{facts[0].Path}.at: θ* is not in M_S (sample {i + 1} has residual {ExactLinearAlgebra.Dot(X[i], ws) - y[i]})");
        int rank = ExactLinearAlgebra.Rank(X);
        if (ExactLinearAlgebra.Rank([.. X, ExactLinearAlgebra.Subtract(ws, w0)]) != rank)
            throw new RejectException($"{facts[0].Path}.at: w* − w₀ is not in the row space of X, so θ* is not the flow's limit from θ₀");
        var G = c.Expr("G");
        var grad = Differentiator.Gradient(G, names);
        var gAt = new List<Rational>();
        for (int j = 0; j < d; j++)
        {
            var f = facts[j];
            if (f["at"].Entries().Any(kv => !at.TryGetValue(kv.Key, out var v) || v != kv.Value.Rat()))
                throw new RejectException($"{f.Path}.at: not the same point as {facts[0].Path}.at");
            var diff = Sub(f["expression"].Expr(), grad[j]);
            var vars = diff.FreeSymbols();
            if (vars.Any(s => !Exact.IsZero(Differentiator.Derivative(diff, s))))
                throw new RejectException($"{f.Path}.expression: not ∂G/∂w{j + 1} minus a constant multiplier term");
            gAt.Add(Value(grad[j], at, f.Path));
        }
        var constants = facts.Select((f, j) => Value(f["expression"].Expr(), at, f.Path) - gAt[j]).ToList();
        if (ExactLinearAlgebra.Rank([.. X, constants]) != rank)
            throw new RejectException("$.facts: the multiplier terms are not a combination Σλᵢxᵢ of the samples");
        bool stationary = ExactLinearAlgebra.Rank([.. X, gAt]) == rank;
        ResidualsMatch(facts, stationary, "the row space of X", "a KKT point");
        return stationary ? "θ* is the flow limit and a KKT point (exact)" : "θ* is the flow limit and no multipliers exist (exact)";
    }

    private static string OneNeuron(ClaimView c)
    {
        var thetaName = c.Param("theta")?.Str() ?? throw new RejectException("$.claim.parameters.theta: a one-neuron kkt claim needs θ*");
        if (thetaName == "flow-limit") throw new UnsupportedException("kkt at a numerically computed flow limit is numeric; the verifier does not re-derive it");
        if (c.Facts.Any(f => f["kind"].Str() != "exact-value"))
            throw new UnsupportedException("kkt of a one-neuron model with transcendental constraint gradients rests on a numeric residual; not re-derived");
        var data = c.Setup["datasets"][c.Param("dataset")!.Str()].Items().ToList();
        var xs = data.Select(s => s["x"].Items().Select(v => v.Rat()).ToList()).ToList();
        var ys = data.Select(s => s["y"].Expr()).ToList();
        int d = xs[0].Count;
        Rational[] Point(string name, string what)
        {
            var p = c.Setup["points"].Has(name) ? c.Setup["points"][name] : throw new RejectException($"$.claim.parameters: no point '{name}' for {what} in the setup");
            var w = p["w"].Items().Select(v => v.Rat()).ToList();
            return w.Count == d ? [.. w, p["a"].Rat()] : throw new RejectException($"$.setup.points.{name}: {w.Count} weights, but the data have d = {d}");
        }
        var star = Point(thetaName, "θ*");
        var init = Point(c.Param("theta0")!.Str(), "θ₀");
        var names = (d == 1 ? new[] { "w" } : Enumerable.Range(1, d).Select(i => $"w{i}")).Append("a").ToList();
        var initNames = (d == 1 ? new[] { "w0" } : Enumerable.Range(1, d).Select(i => $"w0_{i}")).Append("a0").ToList();
        var at = new Dictionary<string, Rational>(StringComparer.Ordinal);
        for (int k = 0; k <= d; k++) { at[names[k]] = star[k]; at[initNames[k]] = init[k]; }
        var G = c.Expr("G");
        if (G.FreeSymbols().FirstOrDefault(s => !at.ContainsKey(s)) is { } unknown)
            throw new RejectException($"$.claim.parameters.G: {unknown} is neither a parameter nor an initial value");
        var facts = c.Expect("exact-value", d + 1);
        foreach (var f in facts)
            if (f["at"].Entries().Count() != at.Count || at.Any(kv => !f["at"].Has(kv.Key) || f["at"][kv.Key].Rat() != kv.Value))
                throw new RejectException($"{f.Path}.at: not the claim's θ* = ({string.Join(", ", star.Select(r => r.ToString()))}) and θ₀ = ({string.Join(", ", init.Select(r => r.ToString()))})");
        // r_i = a·σ(x_iᵀw) − y_i and the gradients, by the verifier's own differentiation.
        var pre = xs.Select(x => Add(x.Select((xi, j) => Mul(Num(xi), Sym(names[j]))))).ToList();
        var residuals = pre.Select((u, i) => Sub(Mul(Sym("a"), c.SigmaAt(u)), ys[i])).ToList();
        var gradG = Differentiator.Gradient(G, names);
        var gradR = residuals.Select(r => Differentiator.Gradient(r, names)).ToList();
        Rational? ValueOrNull(Expr e) => Symbolic.Simplification.Simplifier.Simplify(Exact.At(e, at)) is Number n ? n.Value : null;
        // Exact facts come from the checker's exact paths only: ∇G(θ*) rational, and either 0 or with rational ∇rᵢ(θ*).
        var gAt = gradG.Select((g, k) => ValueOrNull(g) ?? throw new RejectException($"{facts[k].Path}: ∂G/∂{names[k]}(θ*) = {Exact.At(g, at)} is not rational, so exact residuals cannot decide stationarity")).ToList();
        bool stationary;
        if (gAt.All(g => g.IsZero))
        {
            for (int k = 0; k <= d; k++)
                if (!Exact.IsZero(Sub(facts[k]["expression"].Expr(), gradG[k])))
                    throw new RejectException($"{facts[k].Path}.expression: ∇G(θ*) = 0, so the residual must be ∂G/∂{names[k]} = {gradG[k]}");
            stationary = true;
        }
        else
        {
            var R = gradR.Select(row => (IReadOnlyList<Rational>)row.Select(e => ValueOrNull(e) ?? throw new RejectException(
                $"$.facts: ∇G(θ*) = ({string.Join(", ", gAt.Select(g => g.ToString()))}) ≠ 0 and the constraint gradient entry {Exact.At(e, at)} is not rational, so exact residuals cannot decide stationarity")).ToList()).ToList();
            var D = facts.Select((f, k) => Sub(f["expression"].Expr(), gradG[k])).ToList(); // must be −Σλᵢ∂rᵢ/∂p
            var cAt = D.Select((e, k) => ValueOrNull(e) ?? throw new RejectException($"{facts[k].Path}.expression: does not evaluate to a rational at θ*")).ToList();
            var rrt = R.Select(ri => (IReadOnlyList<Rational>)R.Select(rj => ExactLinearAlgebra.Dot(ri, rj)).ToList()).ToList();
            var lambda = ExactLinearAlgebra.Solve(rrt, R.Select(ri => -ExactLinearAlgebra.Dot(ri, cAt)).ToList())
                ?? throw new UnsupportedException("the constraint gradients ∇rᵢ(θ*) are dependent; the multipliers are not unique");
            for (int k = 0; k <= d; k++)
            {
                var rest = Add(D[k], Add(Enumerable.Range(0, R.Count).Select(i => Mul(Num(lambda[i]), gradR[i][k]))));
                if (!Exact.IsZero(rest))
                    throw new RejectException($"{facts[k].Path}.expression: not ∂G/∂{names[k]} − Σλᵢ∂rᵢ/∂{names[k]} with constant multipliers λ = ({string.Join(", ", lambda.Select(l => l.ToString()))})");
            }
            int rank = ExactLinearAlgebra.Rank(R);
            stationary = ExactLinearAlgebra.Rank([.. R, gAt]) == rank;
        }
        ResidualsMatch(facts, stationary, "the span of the ∇rᵢ(θ*)", "stationary");
        if (!stationary) return "no multipliers exist at θ* (exact)";
        for (int i = 0; i < residuals.Count; i++)
        {
            var r = Exact.At(residuals[i], at);
            if (Exact.IsZero(r)) continue;
            var enclosure = Symbolic.Intervals.IntervalEvaluator.Evaluate(r, new Dictionary<string, Symbolic.Intervals.Interval>());
            if (Exact.StrictSign(enclosure) != 0)
                throw new RejectException($"$.claim.parameters.theta: θ* is not in M_S (sample {i + 1} has residual {r} ∈ [{enclosure.Lo}, {enclosure.Hi}]), so it is no KKT point");
            throw new UnsupportedException($"θ* ∈ M_S is not shown exactly (the zero test leaves the residual {r} of sample {i + 1} open)");
        }
        return gAt.All(g => g.IsZero) ? "∇G(θ*) = 0 exactly (λ = 0) and θ* ∈ M_S" : "θ* ∈ M_S is stationary with exact multipliers";
    }

    private static Rational Value(Expr e, IReadOnlyDictionary<string, Rational> at, string path) =>
        Symbolic.Simplification.Simplifier.Simplify(Exact.At(e, at)) is Number n ? n.Value
        : throw new RejectException($"{path}.expression: does not evaluate to a rational at θ*");
    // Each stated residual's outcome follows from its value, and "all residuals 0" agrees with the exact rank test.
    private static void ResidualsMatch(IReadOnlyList<J> facts, bool stationary, string space, string what)
    {
        foreach (var f in facts)
            if (f["outcome"].Str() != (f["value"].Rat().IsZero ? Outcomes.Proves : Outcomes.Refutes))
                throw new RejectException($"{f.Path}.outcome: a stationarity residual of {f["value"].Str()} gives '{(f["value"].Rat().IsZero ? Outcomes.Proves : Outcomes.Refutes)}', the certificate states '{f["outcome"].Str()}'");
        bool allZero = facts.All(f => f["value"].Rat().IsZero);
        if (stationary != allZero)
            throw new RejectException(stationary
                ? $"$.facts: ∇G(θ*) lies in {space}, so θ* is {what}, but the stated residuals are not all 0"
                : $"$.facts: ∇G(θ*) is not in {space}, so no multipliers exist, but the residuals are stated 0");
    }
}
