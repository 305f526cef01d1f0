using System.Numerics;
using System.Text;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.Zhang2023.Constructions;

/// <summary>Stage n of a Part B chain: θ_n*, S_n = (x_n, y_n), the exponent β_n of σ on E_n, and the earlier stage k it overlaps.</summary>
public sealed record ChainStage(int N, int K, Rational W, Rational A, Rational X, Expr Y, Rational Beta);

/// <summary>A Part B chain: stages 1…N and the one σ, all exact.</summary>
public sealed record ChainInstance(Rational W0, Rational A0, int Seed, int Smoothness, IReadOnlyList<ChainStage> Stages,
    IReadOnlyList<Anchor> Anchors, IReadOnlyList<Rational> Breakpoints, Expr Sigma);

/// <summary>
/// The Two-point Overlapping Recipe, Part B (paper 000, Section 6.2), as a generator for d = 1. Stage 1 is Part A's step
/// (a): σ = e^u on E₁, S₁ from the corrected eq. (15). For n ≥ 2 a seeded k ∈ {1, …, n−1} is drawn, w_n* = w₀(1 + 1/n) or
/// w₀(1 − 1/(n+1)), on the other side of w₀ from w_k* (so w_k* ∉ [w₀, w_n*] and x_kw_n* ∉ E_k: step (a)), a_n* = q·a₀ with a seeded q (a_n*a₀ &gt; 0, a_n*² ≠ a₀²:
/// step (b)), σ is fixed at s_n = x_kw_n* by a_n*σ(s_n) = y_k (step (b)), x_n = λ_n(w_n* − w₀) with the least integer λ_n
/// for the scale condition (step (c)), σ = e^{β_nu} on E_n = x_n·[w₀, w_n*] so the flow on S_n ends at θ_n*, and σ is fixed
/// at t_n = x_nw_k* by a_k*σ(t_n) = y_n (step (d)(ii)). Every new set is checked, exactly, to avoid all earlier ones; the
/// gaps are filled by C^k Hermite joins. Then θ_n* ∈ M_{S_k} and θ_k* ∈ M_{S_n} for each n: eq. (5)'s induction step.
/// </summary>
public static class ChainRecipe
{
    private static readonly Rational[] Ratios = [new(1, 2), new(3, 4), new(3, 2), 2, new(5, 4), new(2, 3), 3, new(4, 5)];

    /// <summary>Builds the chain; throws <see cref="InputException"/> naming the step that cannot be satisfied.</summary>
    public static ChainInstance Build(Rational w0, Rational a0, int steps, int seed, int k)
    {
        if (steps < 2 || steps > 200) throw new InputException("--steps must be an integer N with 2 ≤ N ≤ 200.");
        if (k < 1 || k > 8) throw new InputException("--smoothness must be an integer k with 1 ≤ k ≤ 8.");
        if (w0.IsZero) throw new InputException("step (a): w₀ must be nonzero.");
        if (a0.IsZero) throw new InputException("step (b): a₀ must be nonzero (a_n*·a₀ > 0 fixes the sign of every a_n*).");
        var random = new Random(seed);
        var stages = new List<ChainStage>();
        var anchors = new List<Anchor>();

        // Stage 1 (Part A, step (a)): θ₁* = (w₀/2, 2a₀), σ = e^u on E₁.
        {
            Rational w1 = w0 / 2, a1 = 2 * a0;
            var x1 = 2 * (w1 - w0) / (a1 * a1 - a0 * a0);
            var y1 = Mul(Num(a1), Call("exp", Num(x1 * w1)));
            var e1 = TwoPointRecipe.PathSet(x1 * w0, x1 * w1, a0, a1);
            stages.Add(new ChainStage(1, 0, w1, a1, x1, y1, Rational.One));
            anchors.Add(new Anchor(e1.Lo, e1.Hi, Exp(Rational.One), "E₁: σ = e^u (stage 1)"));
        }
        for (int n = 2; n <= steps; n++)
        {
            int kIndex = random.Next(1, n); // k ∈ {1, …, n−1}
            var sk = stages[kIndex - 1];
            // w_n* on the other side of w₀ from w_k*: then w_k* ∉ [w₀, w_n*] and x_kw_n* ∉ E_k = x_k·[w₀, w_k*] (step (a)).
            var wn = (sk.W - w0).Sign * w0.Sign < 0 ? w0 * (1 + new Rational(1, n)) : w0 * (1 - new Rational(1, n + 1));
            var an = a0 * Ratios[random.Next(Ratios.Length)];
            // (a): s_n = x_k w_n* ∉ the fixed sets ∪ {0}; w_k* ∉ [w₀, w_n*] holds by the choice of w_n*.
            var s = sk.X * wn;
            Require(!s.IsZero && anchors.All(a => s < a.Lo || a.Hi < s), n, $"step (a): x_kw_n* = {ExactText.Of(s)} meets a set on which σ is already fixed");
            var anchorS = new Anchor(s, s, Div(sk.Y, Num(an)), $"s_{n} = x_{kIndex}w_{n}*: a_{n}*σ = y_{kIndex} (step (b), n = {n})");
            // (c): x_n = λ_n h with λ_n·min(|w_k*|, |w₀|, |w_n*|)·|h| > 2·max|z| over all fixed sets and s_n.
            var h = wn - w0;
            var zmax = anchors.SelectMany(a => new[] { a.Lo.Abs(), a.Hi.Abs() }).Append(s.Abs()).Max();
            var m = new[] { sk.W.Abs(), w0.Abs(), wn.Abs() }.Min() * h.Abs();
            var bound = 2 * zmax / m;
            var lambda = (Rational)BigInteger.Max(BigInteger.One, BigInteger.Divide(bound.Numerator, bound.Denominator) + 1);
            var xn = lambda * h;
            // (d): σ = e^{β_n u} on E_n = x_n·[w₀, w_n*], β_n from the corrected (15); σ(t_n) = y_n/a_k*.
            var beta = 2 / (lambda * (an * an - a0 * a0));
            var yn = Mul(Num(an), Call("exp", Num(beta * xn * wn)));
            var en = TwoPointRecipe.PathSet(xn * w0, xn * wn, a0, an);
            var t = xn * sk.W;
            var added = new[]
            {
                anchorS,
                new Anchor(en.Lo, en.Hi, Exp(beta), $"E_{n}: σ = e^{{β_{n}u}} (step (d)(iii), n = {n})"),
                new Anchor(t, t, Div(yn, Num(sk.A)), $"t_{n} = x_{n}w_{kIndex}*: a_{kIndex}*σ = y_{n} (step (d)(ii), n = {n})"),
            };
            foreach (var a in added.Skip(1))
                Require(anchors.Append(added[0]).All(b => a.Hi < b.Lo || b.Hi < a.Lo), n, $"step (d): {a.Role} meets an earlier fixed set");
            Require(added[1].Hi < added[2].Lo || added[2].Hi < added[1].Lo, n, "step (a): w_k* lies on the segment [w₀, w_n*]");
            anchors.AddRange(added);
            stages.Add(new ChainStage(n, kIndex, wn, an, xn, yn, beta));
        }
        anchors.Sort((p, q) => p.Lo.CompareTo(q.Lo));
        var (breakpoints, pieces) = TwoPointRecipe.Assemble(anchors, k);
        var sigma = TwoPointRecipe.PiecewiseOf(breakpoints, pieces, k);
        return new ChainInstance(w0, a0, seed, k, stages, anchors, breakpoints, sigma);
    }

    private static void Require(bool condition, int n, string message)
    {
        if (!condition) throw new InputException($"stage n = {n}: {message}; try another --seed or θ₀.");
    }

    private static Expr Exp(Rational beta) => Call("exp", Mul(Num(beta), Sym("u")));

    /// <summary>
    /// The theorem file: σ ∈ C^k; for each n the exact limit θ_n* (<c>parabola-limit</c>); for n ≥ 2 the two memberships
    /// θ_n* ∈ M_{S_k} and θ_k* ∈ M_{S_n} (<c>exact-membership</c>); all limits distinct (<c>sign</c>). Deterministic text.
    /// </summary>
    public static string TheoremFile(ChainInstance c, string command)
    {
        var sb = new StringBuilder();
        int n = c.Stages.Count;
        sb.Append($"id: recipe-chain-n{n}\n");
        sb.Append($"title: \"Two-point Overlapping Recipe, Part B (Section 6.2): a chain of {n} datasets whose limits any weakly characterizing G must treat alike\"\n");
        sb.Append($"source: \"generated by `{command.Replace("\"", "\\\"")}`; paper 000, Section 6.2 steps (a)–(d), eq. (5), Theorem 6.1(b)–(c)\"\n");
        sb.Append("statement: |\n");
        sb.Append($"  One C^{c.Smoothness} activation σ and datasets S₁, …, S_{n} with flow limits θ₁*, …, θ_{n}* from θ₀, such that for every n ≥ 2 some\n");
        sb.Append("  k < n has θ_n* ∈ M_{S_k} and θ_k* ∈ M_{S_n} (the claims below, all exact). The induction of eq. (5) then shows that a\n");
        sb.Append($"  G characterizing the flow in the weak sense has G(θ₁*, θ₀) = … = G(θ_{n}*, θ₀): G is constant on these {n} points. What this\n");
        sb.Append("  finite chain does not show: Theorem 6.1(b)–(c) need infinitely many θ_n* dense in a ball (and a limit argument for\n");
        sb.Append("  continuous G); the chain is the finite part of that construction.\n");
        sb.Append("setup:\n");
        sb.Append($"  activation: \"{c.Sigma}\"\n");
        sb.Append("  points:\n");
        sb.Append($"    theta0: {{ w: [{ExactText.Of(c.W0)}], a: {ExactText.Of(c.A0)} }}\n");
        foreach (var s in c.Stages) sb.Append($"    theta{s.N}: {{ w: [{ExactText.Of(s.W)}], a: {ExactText.Of(s.A)} }}\n");
        sb.Append("  datasets:\n");
        foreach (var s in c.Stages) sb.Append($"    S{s.N}: [ {{ x: [{ExactText.Of(s.X)}], y: \"{s.Y}\" }} ]\n");
        sb.Append("claims:\n");
        Claim(sb, "sigma-smooth", "smoothness", $"σ ∈ C^{c.Smoothness}(ℝ) ({c.Breakpoints.Count} breakpoints, derivatives of orders 0…{c.Smoothness} agree exactly).", "paper 000, Theorem 6.1(b)–(c) (σ ∈ C^k)", [$"order: {c.Smoothness}"]);
        foreach (var s in c.Stages)
            Claim(sb, $"limit-{s.N}", "parabola-limit", $"The flow from θ₀ on S{s.N} ends exactly at θ{s.N}*.", s.N == 1 ? "paper 000, Section 6.2 (stage 1 = Part A step (a)), Proposition A.1" : "paper 000, Section 6.2 step (d)(iii), Proposition A.1",
                [$"dataset: S{s.N}", "from: theta0", $"to: theta{s.N}", "scale: 1", $"exponent: {ExactText.Of(s.Beta)}"]);
        foreach (var s in c.Stages.Skip(1))
        {
            Claim(sb, $"theta{s.N}-in-M-S{s.K}", "exact-membership", $"θ{s.N}* ∈ M_S{s.K} (k = {s.K} for n = {s.N}; step (b)).", "paper 000, Section 6.2 step (b), eq. (5)", [$"point: theta{s.N}", $"dataset: S{s.K}"]);
            Claim(sb, $"theta{s.K}-in-M-S{s.N}", "exact-membership", $"θ{s.K}* ∈ M_S{s.N} (step (d)(ii)).", "paper 000, Section 6.2 step (d)(ii), eq. (5)", [$"point: theta{s.K}", $"dataset: S{s.N}"]);
        }
        var product = Enumerable.Range(0, n).SelectMany(i => Enumerable.Range(i + 1, n - i - 1).Select(j => (i, j)))
            .Aggregate(Rational.One, (p, ij) => p * (c.Stages[ij.i].W - c.Stages[ij.j].W) * (c.Stages[ij.i].W - c.Stages[ij.j].W));
        Claim(sb, "limits-distinct", "sign", $"The {n} limits are pairwise distinct: the product of all (w_i* − w_j*)² is positive.", "paper 000, Section 6.2",
            [$"expression: \"{ExactText.Of(product)}\""]);
        sb.Append("findings:\n");
        sb.Append($"  - \"Chain (n: k): {string.Join(", ", c.Stages.Skip(1).Select(s => $"{s.N}: {s.K}"))}; seed {c.Seed}.\"\n");
        sb.Append("  - \"Built with the corrected eq. (15) (denominator a*² − a₀²) on every exponential piece.\"\n");
        return sb.ToString();
    }

    private static void Claim(StringBuilder sb, string id, string kind, string statement, string source, IEnumerable<string> parameters)
    {
        sb.Append($"  - id: {id}\n    kind: {kind}\n    statement: \"{statement.Replace("\"", "\\\"")}\"\n    source: \"{source}\"\n");
        foreach (var p in parameters) sb.Append($"    {p}\n");
        sb.Append("    expect: proved\n");
    }
}
