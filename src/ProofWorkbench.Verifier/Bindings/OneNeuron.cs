using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary>The one-hidden-neuron model f(θ; x) = a·σ(wᵀx), θ = (w, a), and its loss on one sample, L = (f − y)² (paper 000's
/// convention, no ½), re-derived by the verifier (paper 000, Section 5; Lemma A.3).</summary>
internal sealed record OneNeuron(ClaimView C, IReadOnlyList<Expr> X, Expr Y)
{
    /// <summary>The weight names: w (d = 1) or w1 … wd.</summary>
    public IReadOnlyList<string> Weights => X.Count == 1 ? ["w"] : Enumerable.Range(1, X.Count).Select(i => $"w{i}").ToList();

    /// <summary>The parameter names, weights then a.</summary>
    public IReadOnlyList<string> Parameters => [.. Weights, "a"];

    /// <summary>wᵀx.</summary>
    public Expr Pre => Add(Weights.Select((w, i) => Mul(Sym(w), X[i])));

    /// <summary>The loss (f − y)².</summary>
    public Expr Loss => Pow(Sub(Mul(Sym("a"), C.SigmaAt(Pre)), Y), Two);

    /// <summary>The flow field −∇L.</summary>
    public IReadOnlyList<Expr> Field => Differentiator.Gradient(Loss, Parameters).Select(Neg).ToList();

    /// <summary>The model of a claim with parameters d, x, y (defaults: symbolic x or x1 … xd, y).</summary>
    public static OneNeuron Of(ClaimView c)
    {
        int d = c.Param("d") is { } dj ? int.Parse(dj.Str(), System.Globalization.CultureInfo.InvariantCulture) : 1;
        IReadOnlyList<Expr> x = c.Param("x") is { } xj
            ? (xj.Node is System.Text.Json.Nodes.JsonArray ? xj.Items().Select(i => i.Expr()).ToList() : [xj.Expr()])
            : d == 1 ? [Sym("x")] : Enumerable.Range(1, d).Select(i => Sym($"x{i}")).ToList();
        return new OneNeuron(c, x, c.Param("y")?.Expr() ?? Sym("y"));
    }
}
