using ProofWorkbench.Models;
using ProofWorkbench.Symbolic.Expressions;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.Blanc2020;

/// <summary>
/// The symbolic output of a <see cref="TwoLayerModel"/>, h(x; θ) = Σₖ aₖσ(wₖ·x) (Blanc et al. write c for a: h =
/// Σᵢ cᵢσ(wᵢ·x), Appendix C), with the model's own parameter names and input symbols x (d = 1) or x1 … xd.
/// </summary>
public static class TwoLayerSymbolic
{
    /// <summary>The input symbols' names.</summary>
    public static IReadOnlyList<string> InputNames(int d) => d == 1 ? ["x"] : Enumerable.Range(1, d).Select(l => $"x{l}").ToArray();

    /// <summary>h(x; θ) as an expression in the model's parameter names and <see cref="InputNames"/>.</summary>
    public static Expr Output(TwoLayerModel model)
    {
        int d = model.InputDimension;
        var x = InputNames(d);
        var terms = new List<Expr>();
        for (int k = 0; k < model.Width; k++)
        {
            int o = model.Offset(k);
            var u = Add(Enumerable.Range(0, d).Select(l => Mul(Sym(model.ParameterName(o + l)), Sym(x[l]))));
            terms.Add(Mul(Sym(model.ParameterName(o + d)), model.Activation.At(u)));
        }
        return Add(terms);
    }

    /// <summary>The parameter names in the model's order.</summary>
    public static IReadOnlyList<string> ParameterNames(IModel model) => Enumerable.Range(0, model.ParameterCount).Select(model.ParameterName).ToArray();
}
