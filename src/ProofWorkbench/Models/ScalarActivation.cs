using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Expressions;

namespace ProofWorkbench.Models;

/// <summary>
/// σ and σ′ of an <see cref="Activation"/> as double functions, compiled once from the expression (one delegate call
/// per evaluation; the common activations exp, relu and the identity get direct code). Not thread-safe (one scratch
/// buffer): each flow run builds its own.
/// </summary>
public sealed class ScalarActivation
{
    private readonly Action<double[], double[]> both;
    private readonly double[] input = new double[1];
    private readonly double[] output = new double[2];
    private readonly Kind kind;

    private enum Kind { Compiled, Exp, Identity, Relu }

    /// <summary>Compiles σ and σ′ of <paramref name="activation"/>; <paramref name="derivativeAtZero"/> is σ′(0) for kinks.</summary>
    public ScalarActivation(Activation activation, double derivativeAtZero = 1)
    {
        Activation = activation;
        DerivativeAtZero = derivativeAtZero;
        var u = Expr.Sym(activation.Variable);
        var d = activation.Definition;
        kind = d is FunctionCall { Function.Name: "exp" } e && e.Arguments[0].Equals(u) ? Kind.Exp
            : d.Equals(u) ? Kind.Identity
            : d is FunctionCall { Function.Name: "relu" } f && f.Arguments[0].Equals(u) ? Kind.Relu
            : Kind.Compiled;
        both = Compiler.CompileVector([d, activation.Derivative(1)], [activation.Variable]);
    }

    /// <summary>The activation.</summary>
    public Activation Activation { get; }

    /// <summary>σ′(0) used at a kink (ReLU).</summary>
    public double DerivativeAtZero { get; }

    /// <summary>True for σ(u) = u and σ = ReLU: positively homogeneous of degree 1, so ‖w‖² − a² is conserved per neuron.</summary>
    public bool IsPositivelyHomogeneous => kind is Kind.Identity or Kind.Relu;

    /// <summary>(σ(u), σ′(u)).</summary>
    public (double Value, double Derivative) At(double u)
    {
        switch (kind)
        {
            case Kind.Exp: { double e = Math.Exp(u); return (e, e); }
            case Kind.Identity: return (u, 1);
            case Kind.Relu: return u > 0 ? (u, 1) : u < 0 ? (0, 0) : (0, DerivativeAtZero);
            default:
                input[0] = u;
                both(input, output);
                return (output[0], output[1]);
        }
    }
}
