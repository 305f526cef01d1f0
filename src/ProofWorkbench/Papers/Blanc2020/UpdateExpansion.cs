using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.Blanc2020;

/// <summary>One order of one coordinate: the derived Taylor coefficient and the printed term.</summary>
/// <param name="Coordinate">θ_j's name.</param>
/// <param name="Order">The power of the displacement (0, 1, 2).</param>
/// <param name="Derived">The coefficient of tᵏ in ∂_j(e²) at θ* + t·v.</param>
/// <param name="Printed">The paper's term of that order (without the factor −η).</param>
public sealed record ExpansionTerm(string Coordinate, int Order, Expr Derived, Expr Printed);

/// <summary>
/// Blanc et al. 2020, Section 3.1, eq. (6): the 3rd-order expansion of the SGD update θ ← θ − η∇_θ(eᵢ²) about θ*,
/// θ_j ← θ_j − 2ηeh^j − 2η(h^θh^j + eh^{j,θ}) − η(h^jh^{θ,θ} + 2h^{j,θ}h^θ + eh^{j,θ,θ}) + O(ηθ³), where superscript θ
/// is the directional derivative along the displacement θ. Derived here by writing the displacement as t·v and taking
/// the Taylor coefficients of ∂_j(e²)(θ* + t·v) in t; the printed terms are built from the derivatives of h at θ*.
/// Also Section 3.3's identity: the 5th term's mean under E[θ_kθ_ℓ] = η·δ_kℓ, −2η²Σ_k h^{j,k}h^k, equals −η²∂_jR.
/// </summary>
public static class UpdateExpansion
{
    /// <summary>The derived and printed terms of orders 0, 1, 2 for each coordinate. <paramref name="output"/> is h at
    /// the base point θ* (whose coordinates are the symbols <paramref name="parameters"/>); <paramref name="label"/> is
    /// the (noisy) label, so e = h − label.</summary>
    public static IReadOnlyList<ExpansionTerm> Terms(Expr output, IReadOnlyList<string> parameters, Expr label)
    {
        var t = Sym("t");
        var v = parameters.Select(p => Sym("v_" + p)).ToArray();
        var shift = parameters.Select((p, k) => (p, Add(Sym(p), Mul(t, v[k])))).ToDictionary(q => q.p, q => q.Item2);
        var e = Sub(output, label);
        Expr D(Expr f, string p) => Differentiator.Derivative(f, p);
        Expr Along(Expr f) => Add(parameters.Select((p, k) => Mul(v[k], D(f, p)))); // f^θ with θ = v
        var hv = Along(output);
        var hvv = Along(hv);
        var terms = new List<ExpansionTerm>();
        foreach (var j in parameters)
        {
            var gradient = D(Pow(e, Num(2)), j);
            var shifted = Substitution.Substitute(gradient, shift.ToDictionary(kv => kv.Key, kv => kv.Value));
            var coefficients = TaylorSeries.Coefficients(shifted, "t", Num(0), 2);
            var hj = D(output, j);
            var hjv = Along(hj);
            var hjvv = Along(hjv);
            Expr[] printed =
            [
                Mul(Num(2), e, hj),
                Mul(Num(2), Add(Mul(hv, hj), Mul(e, hjv))),
                Add(Mul(hj, hvv), Mul(Num(2), hjv, hv), Mul(e, hjvv)),
            ];
            for (int k = 0; k <= 2; k++) terms.Add(new ExpansionTerm(j, k, coefficients[k], printed[k]));
        }
        return terms;
    }

    /// <summary>Per coordinate j: (−2Σ_k h^{j,k}h^k, −∂_jR) with R = Σ_k (h^k)² (Section 3.3, one sample).</summary>
    public static IReadOnlyList<(string Coordinate, Expr FifthTermMean, Expr MinusGradientR)> FifthTerm(Expr output, IReadOnlyList<string> parameters)
    {
        var grad = Differentiator.Gradient(output, parameters);
        var r = Add(grad.Select(g => Pow(g, Num(2))));
        return parameters.Select(j => (j,
            Mul(Num(-2), Add(parameters.Select((k, idx) => Mul(Differentiator.Derivative(grad[idx], j), grad[idx])))),
            Neg(Differentiator.Derivative(r, j)))).ToArray();
    }
}
