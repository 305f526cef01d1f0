using ProofWorkbench.Models;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Simplification;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Dynamics;

/// <summary>
/// Positive homogeneity σ(u) = u·σ′(u) (σ linear, relu, leaky forms): then f = a·σ(wᵀx) is 2-homogeneous in θ,
/// and along gradient flow on any dataset ‖w‖² − a² is conserved — d/dt ‖w‖² = −4 Σᵢ rᵢ a σ′(uᵢ) uᵢ and
/// d/dt a² = −4 Σᵢ rᵢ a σ(uᵢ) (the balancedness of Du, Hu &amp; Lee 2018; paper 002, Lemma 6.1 and Appendix C.1,
/// for one hidden ReLU neuron). Both facts are proved here exactly, by the
/// zero test, after rewriting relu(z) as z·heaviside(z) (an identity for all real z, heaviside(0) = 1).
/// </summary>
public static class PositiveHomogeneity
{
    /// <summary>True when σ(u) − u·σ′(u) is proved identically zero.</summary>
    public static bool IsProved(Activation sigma)
    {
        if (sigma.IsAbstract) return false;
        var u = Sym(sigma.Variable);
        return IsZero(Sub(sigma.Definition, Mul(u, sigma.Derivative(1))));
    }

    /// <summary>‖w‖² − a² for the model's parameters.</summary>
    public static Expr Balancedness(OneNeuronModel model) =>
        Sub(Add(model.WeightNames.Select(w => Pow(Sym(w), Two))), Pow(Sym("a"), Two));

    /// <summary>True when the Lie derivative of <paramref name="quantity"/> along <paramref name="field"/> is proved zero.</summary>
    public static bool IsFirstIntegral(Expr quantity, IReadOnlyList<Expr> field, IReadOnlyList<string> variables) =>
        IsZero(Differentiator.LieDerivative(quantity, field, variables));

    private static bool IsZero(Expr e)
    {
        try { return Simplifier.ZeroTest(RewriteRelu(e)) == ZeroTestResult.Zero; }
        catch (SymbolicException) { return false; }
    }

    private static Expr RewriteRelu(Expr e) =>
        e.Map(n => n is FunctionCall { Function.Name: "relu" } f ? Mul(f.Argument, Call(KnownFunctions.Heaviside, f.Argument)) : n);
}
