using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.Woodworth2020;

/// <summary>
/// The depth-D diagonal network of paper 003 (eq. (4) for D = 2, eq. (8) for D ≥ 3) in symbols: parameters
/// wp1..wpd (w₊) and wm1..wmd (w₋), β_j = wp_j^D − wm_j^D, loss c·Σᵢ (⟨β, xᵢ⟩ − yᵢ)².
/// </summary>
public static class DiagonalSymbolic
{
    /// <summary>The parameter names wp1..wpd, wm1..wmd.</summary>
    public static IReadOnlyList<string> Parameters(int d) =>
        [.. Enumerable.Range(1, d).Select(j => $"wp{j}"), .. Enumerable.Range(1, d).Select(j => $"wm{j}")];

    /// <summary>β_j = wp_j^D − wm_j^D.</summary>
    public static Expr Beta(int j, int depth) => Sub(Pow(Sym($"wp{j + 1}"), depth), Pow(Sym($"wm{j + 1}"), depth));

    /// <summary>The residuals rᵢ = ⟨β, xᵢ⟩ − yᵢ.</summary>
    public static IReadOnlyList<Expr> Residuals(IReadOnlyList<IReadOnlyList<Rational>> x, IReadOnlyList<Rational> y, int depth) =>
        x.Select((row, i) => Sub(Add(row.Select((v, j) => Mul(Num(v), Beta(j, depth)))), Num(y[i]))).ToList();

    /// <summary>(Xᵀr)_j.</summary>
    public static Expr XtR(IReadOnlyList<IReadOnlyList<Rational>> x, IReadOnlyList<Expr> r, int j) =>
        Add(x.Select((row, i) => Mul(Num(row[j]), r[i])));

    /// <summary>
    /// The gradient-flow field −∇L for L = c·Σ rᵢ², derived by differentiation: ẇp_j = −2c·D·wp_j^{D−1}(Xᵀr)_j,
    /// ẇm_j = +2c·D·wm_j^{D−1}(Xᵀr)_j.
    /// </summary>
    public static IReadOnlyList<Expr> FlowField(IReadOnlyList<IReadOnlyList<Rational>> x, IReadOnlyList<Rational> y, int depth, Rational lossScale)
    {
        int d = x[0].Count;
        var r = Residuals(x, y, depth);
        var loss = Mul(Num(lossScale), Add(r.Select(ri => Pow(ri, 2))));
        return Parameters(d).Select(p => Neg(Symbolic.Calculus.Differentiator.Derivative(loss, p))).ToList();
    }

    /// <summary>
    /// The tangent kernel at w₊ = w₋ = α𝟏 (paper 003, Section 3): K(x, x′) = ⟨∇_w f(w; x), ∇_w f(w; x′)⟩ with inputs
    /// x1..xd and xp1..xpd (for x′), derived by differentiating f(w; x) = Σ_j (wp_j^D − wm_j^D) x_j and substituting α.
    /// </summary>
    public static Expr TangentKernelAtInit(int d, int depth)
    {
        Expr F(string prefix) => Add(Enumerable.Range(0, d).Select(j => Mul(Beta(j, depth), Sym($"{prefix}{j + 1}"))));
        var fx = F("x");
        var fxp = F("xp");
        var k = Add(Parameters(d).Select(p => Mul(Symbolic.Calculus.Differentiator.Derivative(fx, p), Symbolic.Calculus.Differentiator.Derivative(fxp, p))));
        return Symbolic.Calculus.Substitution.Substitute(k, Parameters(d).ToDictionary(p => p, _ => Sym("alpha")));
    }
}
