using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

using ProofWorkbench.Verifier.Facts;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary><c>kkt</c> for the linear model f = wᵀx (paper 000, Section 4.1): the point θ* of the facts is the flow's limit
/// from θ₀ (Xw* = y and w* − w₀ in the row space of X, exact), θ₀ is the claim's initial point, there is one stationarity
/// residual per weight whose expression is ∂G/∂wⱼ minus a constant, the constants lie in the row space of X (a multiplier
/// combination Σλᵢxᵢ), and a refutation is re-derived: ∇G(θ*) is not in the row space of X (no multipliers exist).</summary>
internal sealed class KktBinding : IClaimBinding
{
    public string Kind => "kkt";

    public string Bind(ClaimView c)
    {
        if (c.Param("model")?.Str() != "linear")
            throw new UnsupportedException("kkt claims of nonlinear models are not re-derived by the verifier");
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
        foreach (var f in facts)
            if (f["outcome"].Str() != (f["value"].Rat().IsZero ? Outcomes.Proves : Outcomes.Refutes))
                throw new RejectException($"{f.Path}.outcome: a stationarity residual of {f["value"].Str()} gives '{(f["value"].Rat().IsZero ? Outcomes.Proves : Outcomes.Refutes)}', the certificate states '{f["outcome"].Str()}'");
        bool allZero = facts.All(f => f["value"].Rat().IsZero);
        if (stationary != allZero)
            throw new RejectException(stationary
                ? "$.facts: ∇G(θ*) lies in the row space of X, so θ* is a KKT point, but the stated residuals are not all 0"
                : "$.facts: ∇G(θ*) is not in the row space of X, so no multipliers exist, but the residuals are stated 0");
        return stationary ? "θ* is the flow limit and a KKT point (exact)" : "θ* is the flow limit and no multipliers exist (exact)";
    }

    private static Rational Value(Expr e, IReadOnlyDictionary<string, Rational> at, string path) =>
        Symbolic.Simplification.Simplifier.Simplify(Exact.At(e, at)) is Number n ? n.Value
        : throw new RejectException($"{path}.expression: does not evaluate to a rational at θ*");
}
