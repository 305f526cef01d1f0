using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.Blanc2020;

/// <summary>
/// The implicit regularizer of label-noise SGD (Blanc, Gupta, Valiant &amp; Valiant, COLT 2020, eqs. (1)/(3) and (7)) for a
/// model given symbolically: R(θ) = Σᵢ ‖∇_θ h(xᵢ; θ)‖², the zero-loss manifold {θ : h(xᵢ; θ) = yᵢ for all i}, the
/// drift direction −∇R projected on the manifold's tangent space, and the Lagrange conditions of R on the manifold.
/// (The paper's eq. (7) writes the average over i; for one sample the two agree, and with several samples and i
/// uniform the drift of label-noise SGD steps is 1/n times the one of Σᵢ.)
/// </summary>
public sealed class ImplicitRegularizer
{
    /// <summary>Builds R and its pieces for the output <paramref name="output"/> (an expression in the parameters and the
    /// input symbols), with the data given as input bindings and labels.</summary>
    /// <param name="output">h(x; θ), e.g. <c>a*tanh(w*x)</c>.</param>
    /// <param name="parameters">θ's names, in order.</param>
    /// <param name="data">Per sample: the input symbols' values and the label.</param>
    public ImplicitRegularizer(Expr output, IReadOnlyList<string> parameters, IReadOnlyList<(IReadOnlyDictionary<string, Expr> Input, Expr Label)> data)
    {
        Parameters = parameters;
        Outputs = data.Select(d => Substitution.Substitute(output, d.Input)).ToArray();
        Labels = data.Select(d => d.Label).ToArray();
        Gradients = Outputs.Select(h => Differentiator.Gradient(h, parameters)).ToArray();
        Regularizer = Add(Gradients.SelectMany(g => g.Select(gj => Pow(gj, Num(2)))));
        RegularizerGradient = Differentiator.Gradient(Regularizer, parameters);
    }

    /// <summary>θ's names.</summary>
    public IReadOnlyList<string> Parameters { get; }
    /// <summary>hᵢ(θ) = h(xᵢ; θ).</summary>
    public IReadOnlyList<Expr> Outputs { get; }
    /// <summary>yᵢ.</summary>
    public IReadOnlyList<Expr> Labels { get; }
    /// <summary>∇_θ hᵢ: the normals of the zero-loss manifold (where they are independent).</summary>
    public IReadOnlyList<IReadOnlyList<Expr>> Gradients { get; }
    /// <summary>R(θ) = Σᵢ ‖∇_θ hᵢ‖².</summary>
    public Expr Regularizer { get; }
    /// <summary>∇R.</summary>
    public IReadOnlyList<Expr> RegularizerGradient { get; }

    /// <summary>The constraints hᵢ(θ) − yᵢ = 0 of the zero-loss manifold.</summary>
    public IReadOnlyList<Expr> Constraints => Outputs.Select((h, i) => Sub(h, Labels[i])).ToArray();

    /// <summary>
    /// For one sample: the projected drift −P_T∇R = −(∇R − (g·∇R / g·g) g), g = ∇h (P_T the orthogonal projection on the
    /// tangent space {v : g·v = 0}).
    /// </summary>
    public IReadOnlyList<Expr> ProjectedDriftOneSample()
    {
        if (Outputs.Count != 1) throw new InvalidOperationException("the closed form is for one sample; use the numeric projection");
        var g = Gradients[0];
        var dR = RegularizerGradient;
        var coefficient = Div(Add(g.Select((gj, j) => Mul(gj, dR[j]))), Add(g.Select(gj => Pow(gj, Num(2)))));
        return dR.Select((d, j) => Neg(Sub(d, Mul(coefficient, g[j])))).ToArray();
    }

    /// <summary>
    /// For one sample: the Lagrange conditions of R on the manifold, ∇R ∥ g, as the 2×2 minors
    /// g_j ∂_kR − g_k ∂_jR = 0 (j &lt; k): with h = y they say θ is a stationary point of R on the manifold.
    /// </summary>
    public IReadOnlyList<Expr> StationarityMinorsOneSample()
    {
        if (Outputs.Count != 1) throw new InvalidOperationException("one sample only");
        var g = Gradients[0];
        var dR = RegularizerGradient;
        var minors = new List<Expr>();
        for (int j = 0; j < g.Count; j++)
            for (int k = j + 1; k < g.Count; k++)
                minors.Add(Sub(Mul(g[j], dR[k]), Mul(g[k], dR[j])));
        return minors;
    }
}
