using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary><c>diagonal-symbolic</c> (paper 003, Sections 3–5, Appendix A): the depth-D diagonal network β_j = wp_j^D − wm_j^D
/// on (X, y) with L = c·Σᵢ(⟨β, xᵢ⟩ − yᵢ)², rebuilt by the verifier. <c>conserved</c>: the Lie derivative of the quantity along
/// −∇L minus the rate, then the quantity at w₊ = w₋ = α𝟏 minus the initial value; <c>tangent-kernel</c>: Σ_p ∂f(x)/∂p·∂f(x′)/∂p
/// at α𝟏 minus the value; <c>flow-field</c>: per j, (−∇L)_{wp_j} + c(Xᵀr)_j wp_j^{D−1} and (−∇L)_{wm_j} − c(Xᵀr)_j wm_j^{D−1}.
/// Each is one fact deciding ≡ 0 (<see cref="Identity"/>).</summary>
internal sealed class DiagonalBinding : IClaimBinding
{
    public string Kind => "diagonal-symbolic";

    public string Bind(ClaimView c)
    {
        int D = c.Param("depth") is { } dj ? int.Parse(dj.Str(), System.Globalization.CultureInfo.InvariantCulture) : 2;
        var what = c.Param("object")?.Str();
        if (what == "tangent-kernel")
        {
            int n = int.Parse(c.Param("dimension")!.Str(), System.Globalization.CultureInfo.InvariantCulture);
            Expr F(string x) => Add(Enumerable.Range(1, n).Select(j => Mul(Beta(j, D), Sym($"{x}{j}"))));
            var k = Add(Names(n).Select(p => Mul(Differentiator.Derivative(F("x"), p), Differentiator.Derivative(F("xp"), p))));
            Identity.BindAll(c, (Sub(AtAlpha(k, n), c.Expr("value")), "tangent kernel at α𝟏 − stated", null));
            return "the tangent kernel at α𝟏";
        }
        var X = c.Param("X")!.Items().Select(r => r.Items().Select(v => v.Rat()).ToList()).ToList();
        var y = c.Param("y")!.Items().Select(v => v.Rat()).ToList();
        int d = X[0].Count;
        var r = X.Select((row, i) => Sub(Add(row.Select((v, j) => Mul(Num(v), Beta(j + 1, D)))), Num(y[i]))).ToList();
        var scale = c.Param("loss-scale")?.Rat() ?? Rational.One;
        var field = Differentiator.Gradient(Mul(Num(scale), Add(r.Select(ri => Pow(ri, Two)))), Names(d)).Select(Neg).ToList();
        if (what == "conserved")
        {
            var q = c.Param("quantity")!;
            var lie = Sub(Differentiator.LieDerivative(q.Expr(), field, Names(d)), c.Param("rate")?.Expr() ?? Zero);
            if (c.Param("initial") is not { } init) Identity.BindAll(c, (lie, "d/dt of the quantity − rate", Identity.Written(q)));
            else Identity.BindAll(c, (lie, "d/dt of the quantity − rate", Identity.Written(q)), (Sub(AtAlpha(q.Expr(), d), init.Expr()), "the quantity at α𝟏 − initial", null));
            return "the quantity's Lie derivative along −∇L" + (c.Param("initial") is null ? "" : " and its initial value");
        }
        if (what != "flow-field") throw new RejectException($"$.claim.parameters.object: unknown object '{what}'");
        var coefficient = c.Param("coefficient")!.Rat();
        var obligations = new List<(Expr, string, IReadOnlyList<Symbolic.Domains.DomainCondition>?)>();
        for (int j = 0; j < d; j++)
        {
            var xtr = Add(X.Select((row, i) => Mul(Num(row[j]), r[i])));
            obligations.Add((Add(field[j], Mul(Num(coefficient), xtr, Pow(Sym($"wp{j + 1}"), Num(D - 1)))), $"flow component wp{j + 1} − printed", null));
            obligations.Add((Sub(field[d + j], Mul(Num(coefficient), xtr, Pow(Sym($"wm{j + 1}"), Num(D - 1)))), $"flow component wm{j + 1} − printed", null));
        }
        Identity.BindAll(c, [.. obligations]);
        return $"the {2 * d} components of −∇L against the printed field";
    }

    private static Expr Beta(int j, int D) => Sub(Pow(Sym($"wp{j}"), Num(D)), Pow(Sym($"wm{j}"), Num(D)));

    private static IReadOnlyList<string> Names(int d) => [.. Enumerable.Range(1, d).Select(j => $"wp{j}"), .. Enumerable.Range(1, d).Select(j => $"wm{j}")];

    private static Expr AtAlpha(Expr e, int d) => Substitution.Substitute(e, Names(d).ToDictionary(p => p, _ => Sym("alpha")));
}
