using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Parsing;
using ProofWorkbench.Symbolic.Simplification;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.Zhang2023.Refutation;

/// <summary>
/// A candidate data-independent regularizer G(θ, θ₀) of paper 000, Definitions 4.4–4.5, for the one-hidden-neuron model
/// θ = (w, a) ∈ ℝᵈ × ℝ: an expression in w (d = 1) or w1…wd, a, and w0 (d = 1) or w0_1…w0_d, a0.
/// Only smooth elementary G are accepted (no abs, sign, max, relu, piecewise or abstract functions), so that where the
/// interval enclosure of ∇_θG over a box is finite, G is C¹ on that box (Lemma 5.2 needs G ∈ C¹).
/// </summary>
public sealed record Regularizer
{
    /// <summary>G as parsed.</summary>
    public required Expr G { get; init; }
    /// <summary>d.</summary>
    public required int Dimension { get; init; }
    /// <summary>The names of θ: w (or w1…wd), then a.</summary>
    public required IReadOnlyList<string> Theta { get; init; }
    /// <summary>The names of θ₀: w0 (or w0_1…w0_d), then a0.</summary>
    public required IReadOnlyList<string> Theta0 { get; init; }
    /// <summary>∂G/∂θ_i, one per name of <see cref="Theta"/>.</summary>
    public required IReadOnlyList<Expr> Gradient { get; init; }

    /// <summary>The names of θ for dimension d.</summary>
    public static IReadOnlyList<string> ThetaNames(int d) => [.. (d == 1 ? ["w"] : Enumerable.Range(1, d).Select(i => $"w{i}")), "a"];

    /// <summary>The names of θ₀ for dimension d.</summary>
    public static IReadOnlyList<string> Theta0Names(int d) => [.. (d == 1 ? ["w0"] : Enumerable.Range(1, d).Select(i => $"w0_{i}")), "a0"];

    /// <summary>Parses G; throws <see cref="InputException"/> (one sentence) for bad input.</summary>
    public static Regularizer Parse(string text, int d, string option = "--G")
    {
        if (d < 1) throw new InputException($"--d must be at least 1, not {d}.");
        Expr g;
        try { g = Parser.Parse(text); }
        catch (ParseException ex) { throw new InputException($"{option} '{text}': {ex.Message}"); }
        return Of(g, d, option);
    }

    /// <summary>The regularizer for an already parsed G.</summary>
    public static Regularizer Of(Expr g, int d, string option = "--G")
    {
        var theta = ThetaNames(d);
        var theta0 = Theta0Names(d);
        var allowed = theta.Concat(theta0).ToHashSet();
        var stray = g.FreeSymbols().Where(s => !allowed.Contains(s)).OrderBy(s => s, StringComparer.Ordinal).ToList();
        if (stray.Count > 0)
            throw new InputException($"{option} '{g}': unknown variable{(stray.Count > 1 ? "s" : "")} {string.Join(", ", stray)}; with d = {d} G may use {string.Join(", ", theta)} (θ) and {string.Join(", ", theta0)} (θ₀).");
        if (g.Any(n => n is Piecewise or AbstractCall || n is FunctionCall { Function.Smooth: false }))
            throw new InputException($"{option} '{g}': G must be smooth (C¹, Lemma 5.2); abs, sign, max, min, relu, heaviside, piecewise and abstract functions are not accepted.");
        return new Regularizer { G = g, Dimension = d, Theta = theta, Theta0 = theta0, Gradient = theta.Select(v => Differentiator.Derivative(g, v)).ToList() };
    }

    /// <summary>
    /// ∇_θG at θ = (w₀, s·a₀) as a function of θ₀ alone (s = 1: at θ₀; s = −1: at the reflected point (w₀, −a₀)).
    /// </summary>
    public IReadOnlyList<Expr> GradientAtImage(int s)
    {
        var map = new Dictionary<string, Expr>();
        for (int i = 0; i < Dimension; i++) map[Theta[i]] = Sym(Theta0[i]);
        map["a"] = s == 1 ? Sym("a0") : Neg(Sym("a0"));
        return Gradient.Select(c => Simplifier.Simplify(Substitution.Substitute(c, map))).ToList();
    }

    /// <summary>The exact substitution θ₀ ↦ (w₀, a₀) and θ ↦ (w, a).</summary>
    public Dictionary<string, Expr> At(IReadOnlyList<Rational> w, Rational a, IReadOnlyList<Rational> w0, Rational a0)
    {
        var map = new Dictionary<string, Expr>();
        for (int i = 0; i < Dimension; i++) { map[Theta[i]] = Num(w[i]); map[Theta0[i]] = Num(w0[i]); }
        map["a"] = Num(a); map["a0"] = Num(a0);
        return map;
    }
}
