using System.Text;
using ProofWorkbench.Models;
using ProofWorkbench.Smt;
using ProofWorkbench.Papers.Zhang2023.Recipes;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.Zhang2023.Constructions;

/// <summary>
/// One instance of paper 000's One-point Overlapping Recipe (Section 6.3) for θ₀ = (w₀, a₀), w₀ ∈ ℝᵈ:
/// <see cref="Reflect"/> are the inputs x_k of S_k = (x_k, −a₀σ(x_kᵀw₀)), k = 1…d+1 (the first d are step (b)'s), whose
/// flows all end at (w₀, −a₀) (Lemma 6.2) from d+1 independent directions; <see cref="Stay"/> are two inputs of
/// T_k = (x_k, a₀σ(x_kᵀw₀)), datasets for which θ₀ ∈ M_T so the flow stays at θ₀, with independent normals at θ₀ —
/// the corrected argument for Theorem 6.2(a).
/// </summary>
/// <param name="Sigma">σ.</param>
/// <param name="W0">w₀.</param>
/// <param name="A0">a₀ ≠ 0.</param>
/// <param name="Reflect">x_1 … x_{d+1}.</param>
/// <param name="Stay">Two inputs for the datasets that keep θ₀.</param>
/// <param name="Checks">Steps (a) and (b), each proved by Z3 or exact arithmetic, with scripts.</param>
public sealed record OnePointInstance(Activation Sigma, IReadOnlyList<Rational> W0, Rational A0,
    IReadOnlyList<IReadOnlyList<Rational>> Reflect, IReadOnlyList<IReadOnlyList<Rational>> Stay, IReadOnlyList<SmtCheckResult> Checks);

/// <summary>The One-point Overlapping Recipe (paper 000, Section 6.3) as a generator of theorem files.</summary>
public static class OnePointRecipe
{
    /// <summary>
    /// Builds the instance, or throws <see cref="InputException"/> naming the step that fails: (a) σ &gt; 0 and σ′ &gt; 0
    /// on ℝ not proved; (b) a₀ = 0, or no inputs with certified independent directions among the candidates.
    /// Inputs are chosen deterministically: x_k = (1, …, 1) + e_k for step (b) (all entries nonzero, reciprocal matrix
    /// J − I/2 nonsingular), then the first candidate that makes the d+1 limiting directions certifiably independent.
    /// </summary>
    public static OnePointInstance Build(Activation sigma, IReadOnlyList<Rational> w0, Rational a0)
    {
        int d = w0.Count;
        if (d < 1) throw new InputException("--theta0: w₀ needs at least one component.");
        if (a0.IsZero) throw new InputException("--theta0: step (b) of the One-point Recipe needs a₀ ≠ 0 (with a₀ = 0 the datasets S = (x, −a₀σ(xᵀw₀)) leave θ₀ in M_S and the reflected point (w₀, −a₀) is θ₀ itself).");
        var hypotheses = LemmaA3Hypotheses.Prove(sigma);
        foreach (var (check, what) in hypotheses.Zip(new[] { "σ > 0", "σ′ > 0" }))
            if (check.Verdict != SmtVerdict.Proved)
                throw new InputException($"--activation '{sigma.Text}': step (a) of the One-point Recipe needs σ: ℝ → ℝ⁺ with σ′ > 0, but {what} on ℝ is not proved ({check.Explanation}).");

        var stepB = Enumerable.Range(0, d).Select(k => (IReadOnlyList<Rational>)Enumerable.Range(0, d).Select(i => (Rational)(i == k ? 2 : 1)).ToList()).ToList();
        var limit = new Theta(w0, -a0);
        var candidates = Candidates(d).ToList();
        var extra = candidates.FirstOrDefault(c => Independent(sigma, limit, [.. stepB, c]))
            ?? throw new InputException("step (b): none of the candidate inputs gives d + 1 limiting directions whose independence interval arithmetic can certify; try another θ₀.");
        var reflect = stepB.Append(extra).ToList();
        var pool = reflect.Concat(candidates).ToList();
        IReadOnlyList<IReadOnlyList<Rational>>? stay = null;
        for (int i = 0; i < pool.Count && stay is null; i++)
            for (int j = i + 1; j < pool.Count && stay is null; j++)
                if (Independent(sigma, new Theta(w0, a0), [pool[i], pool[j]])) stay = [pool[i], pool[j]];
        if (stay is null) throw new InputException("Theorem 6.2(a): no two candidate inputs give normals of M_S at θ₀ whose independence interval arithmetic can certify; try another θ₀.");
        var stepBCheck = RecipeChecks.OnePointDirectionsIndependent(new OnePointInput { Activation = sigma.Definition, Variable = sigma.Variable, W = w0, A = a0, X = stepB });
        return new OnePointInstance(sigma, w0, a0, reflect, stay, [.. hypotheses, stepBCheck]);
    }

    /// <summary>Further inputs, tried in this order: −(1, …, 1), then sign patterns and scalings of (1, …, 1).</summary>
    private static IEnumerable<IReadOnlyList<Rational>> Candidates(int d)
    {
        yield return Enumerable.Repeat((Rational)(-1), d).ToList();
        for (int k = 0; k < d; k++) yield return Enumerable.Range(0, d).Select(i => (Rational)(i == k ? -1 : 1)).ToList();
        foreach (var s in new[] { 3, -3, 1, new Rational(1, 2), new Rational(-1, 2) })
            yield return Enumerable.Range(0, d).Select(i => s * (i + 1)).ToList();
    }

    /// <summary>A point θ = (w, a).</summary>
    private sealed record Theta(IReadOnlyList<Rational> W, Rational A);

    /// <summary>Are the residual gradients (a σ′(xᵀw)x, σ(xᵀw)) of the inputs at θ certifiably independent?</summary>
    private static bool Independent(Activation sigma, Theta theta, IReadOnlyList<IReadOnlyList<Rational>> xs)
    {
        var rows = xs.Select(x =>
        {
            var u = Num(x.Select((c, i) => c * theta.W[i]).Aggregate(Rational.Zero, (s, v) => s + v));
            var slope = IntervalEvaluator.Evaluate(Mul(Num(theta.A), sigma.DerivativeAt(1, u)), Empty);
            var value = IntervalEvaluator.Evaluate(sigma.At(u), Empty);
            return (IReadOnlyList<Interval>)x.Select(c => slope * IntervalEvaluator.Evaluate(Num(c), Empty)).Append(value).ToList();
        }).ToList();
        return IntervalDeterminant.IndependentMinor(rows) is not null;
    }

    private static readonly IReadOnlyDictionary<string, Interval> Empty = new Dictionary<string, Interval>();

    /// <summary>The label ±a₀σ(xᵀw₀) as exact text the theorem-file loader parses back.</summary>
    private static string Label(OnePointInstance c, IReadOnlyList<Rational> x, int sign)
    {
        var u = x.Select((v, i) => v * c.W0[i]).Aggregate(Rational.Zero, (s, v) => s + v);
        return Mul(Num(sign * c.A0), c.Sigma.At(Num(u))).ToString();
    }

    /// <summary>
    /// The theorem file: step (a)–(b) (<c>recipe-one-point</c>), Lemma 6.2 for each S_k (<c>conserved-limit</c>), the
    /// independence of the d+1 limiting directions (Lemma 5.2's hypothesis; slopes (26)), and Theorem 6.2(a) by the
    /// corrected argument — two datasets that keep θ₀ with independent normals at θ₀, so ∇G(·, θ₀) vanishes at θ₀ and at
    /// (w₀, −a₀) ≠ θ₀, impossible for a strongly convex G. Deterministic text.
    /// </summary>
    public static string TheoremFile(OnePointInstance c, string command)
    {
        int d = c.W0.Count;
        var sb = new StringBuilder();
        string sigma = c.Sigma.Text.Replace("\"", "\\\"");
        string w0 = ExactText.List(c.W0), a0 = ExactText.Of(c.A0), minusA0 = ExactText.Of(-c.A0);
        sb.Append($"id: recipe-one-point-d{d}\n");
        sb.Append($"title: \"One-point Overlapping Recipe (Section 6.3), Lemma 6.2 and Theorem 6.2(a) for σ({c.Sigma.Variable}) = {sigma}, θ₀ = ({string.Join(", ", c.W0.Select(ExactText.Of))}; {a0}), d = {d}\"\n");
        sb.Append($"source: \"generated by `{command.Replace("\"", "\\\"")}`; paper 000, Section 6.3, Lemmas 5.2, 6.1, 6.2 (A.3, A.4), Theorem 6.2(a)\"\n");
        sb.Append("statement: |\n");
        sb.Append("  Step (a): σ > 0 and σ′ > 0 on ℝ. Step (b): for θ₀ = (w₀, a₀) with a₀ ≠ 0, the datasets S_k = (x_k, −a₀σ(x_kᵀw₀))\n");
        sb.Append("  have independent step-(b) vectors. Lemma 6.2: every flow from θ₀ on S_k ends exactly at (w₀, −a₀), and with\n");
        sb.Append($"  d + 1 = {d + 1} inputs the limiting directions are independent, so by Lemma 5.2 any C¹ G characterizing the\n");
        sb.Append("  flow in the weak sense has ∇G(·, θ₀) = 0 at (w₀, −a₀). Theorem 6.2(a), corrected argument: the datasets\n");
        sb.Append("  T_k = (x_k, a₀σ(x_kᵀw₀)) contain θ₀ in M_T, so the flow stays at θ₀, and two of them with independent normals\n");
        sb.Append("  at θ₀ force ∇G(·, θ₀) = 0 at θ₀ too (Lagrange: ∇G is normal to both M_T). So G(·, θ₀) has two critical points,\n");
        sb.Append("  θ₀ ≠ (w₀, −a₀), and cannot be strongly convex.\n");
        sb.Append("setup:\n");
        sb.Append($"  activation: \"{sigma}\"\n");
        sb.Append("  points:\n");
        sb.Append($"    theta0: {{ w: {w0}, a: {a0} }}\n");
        sb.Append($"    reflected: {{ w: {w0}, a: {minusA0} }}\n");
        sb.Append("  datasets:\n");
        for (int k = 0; k < c.Reflect.Count; k++)
            sb.Append($"    S{k + 1}: [ {{ x: {ExactText.List(c.Reflect[k])}, y: \"{Label(c, c.Reflect[k], -1)}\" }} ]\n");
        for (int k = 0; k < c.Stay.Count; k++)
            sb.Append($"    T{k + 1}: [ {{ x: {ExactText.List(c.Stay[k])}, y: \"{Label(c, c.Stay[k], 1)}\" }} ]\n");
        sb.Append("claims:\n");
        var stepB = string.Join(", ", Enumerable.Range(1, d).Select(k => $"S{k}"));
        Claim(sb, "steps-a-b", "recipe-one-point", $"Step (a): σ > 0 and σ′ > 0 on ℝ (Z3); step (b): the vectors of S1 … S{d} are linearly independent (exact).",
            "paper 000, Section 6.3, steps (a)–(b)", ["from: theta0", $"datasets: [{stepB}]"], "proved");
        for (int k = 0; k < c.Reflect.Count; k++)
            Claim(sb, $"lemma6-2-S{k + 1}", "conserved-limit", $"Lemma 6.2: the flow from θ₀ on S{k + 1} ends exactly at (w₀, −a₀) (same a², same w, so the same conserved quantity; (w₀, −a₀) ∈ M_S{k + 1}).",
                "paper 000, Lemma 6.2 / A.4, eqs. (24)–(25)", [$"dataset: S{k + 1}", "from: theta0", "to: reflected"], "proved");
        var all = string.Join(", ", Enumerable.Range(1, c.Reflect.Count).Select(k => $"S{k}"));
        Claim(sb, "lemma5-2-directions", "directions-independent", $"The {d + 1} flows arrive at (w₀, −a₀) from linearly independent directions (Lemma 5.2's hypothesis; slopes of eq. (26)), so ∇G(·, θ₀) = 0 at (w₀, −a₀).",
            "paper 000, Lemma 5.2, Lemma 6.2(b), eq. (26)", ["point: reflected", $"datasets: [{all}]"], "proved");
        for (int k = 0; k < c.Stay.Count; k++)
            Claim(sb, $"stay-T{k + 1}", "conserved-limit", $"θ₀ ∈ M_T{k + 1}, so the flow from θ₀ on T{k + 1} stays at θ₀ (its limit is θ₀).",
                "paper 000, Theorem 6.2(a) (corrected argument)", [$"dataset: T{k + 1}", "from: theta0", "to: theta0"], "proved");
        Claim(sb, "normals-at-theta0", "directions-independent", "The normals of M_T1 and M_T2 at θ₀ are independent, so a G minimized over both at θ₀ has ∇G(·, θ₀) = 0 at θ₀.",
            "paper 000, Theorem 6.2(a) (corrected argument)", ["point: theta0", "datasets: [T1, T2]"], "proved");
        Claim(sb, "two-critical-points", "sign", "θ₀ ≠ (w₀, −a₀): their a-components differ, (a₀ − (−a₀))² > 0; so G(·, θ₀) has two critical points and is not strongly convex.",
            "paper 000, Theorem 6.2(a)", [$"expression: \"({a0} - ({minusA0}))^2\""], "proved");
        sb.Append("findings:\n");
        sb.Append("  - \"Theorem 6.2(a)'s printed proof chooses two values of a₀, which changes θ₀; this file uses the corrected argument: for the same θ₀, the datasets T_k keep the flow at θ₀ and the datasets S_k send it to (w₀, −a₀), so ∇G(·, θ₀) vanishes at two distinct points.\"\n");
        sb.Append("  - \"For one-sample data M_S is a hypersurface with normal ∇r, and a G minimized over M_S at θ has ∇G(θ) ∥ ∇r(θ) (Lagrange); two non-parallel normals at the same point already force ∇G = 0, fewer than Lemma 5.2's M independent directions.\"\n");
        return sb.ToString();
    }

    private static void Claim(StringBuilder sb, string id, string kind, string statement, string source, IEnumerable<string> parameters, string expect)
    {
        sb.Append($"  - id: {id}\n    kind: {kind}\n    statement: \"{statement.Replace("\"", "\\\"")}\"\n    source: \"{source}\"\n");
        foreach (var p in parameters) sb.Append($"    {p}\n");
        sb.Append($"    expect: {expect}\n");
    }
}
