using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Models;

/// <summary>One sample (x, y) of a dataset S, with exact or symbolic entries.</summary>
public sealed record Sample(IReadOnlyList<Expr> X, Expr Y);

/// <summary>
/// The one-hidden-neuron network f(θ; x) = a·σ(wᵀx) with θ = (w, a), w ∈ ℝᵈ (paper 000, Definition 3.2,
/// written with w first as in its Section 5 examples) and the square loss L_S(θ) = Σᵢ (f(θ; xᵢ) − yᵢ)²
/// (paper 000, Definition 3.3: no ½). Parameters are the symbols <c>w</c> (d = 1) or <c>w1..wd</c>, and <c>a</c>.
/// </summary>
public sealed class OneNeuronModel
{
    /// <summary>A model with input dimension <paramref name="dimension"/>.</summary>
    public OneNeuronModel(Activation activation, int dimension)
    {
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension));
        Activation = activation;
        Dimension = dimension;
        WeightNames = dimension == 1 ? ["w"] : Enumerable.Range(1, dimension).Select(i => $"w{i}").ToArray();
        ParameterNames = [.. WeightNames, "a"];
    }

    /// <summary>σ.</summary>
    public Activation Activation { get; }
    /// <summary>d, the input dimension.</summary>
    public int Dimension { get; }
    /// <summary>w (d = 1) or w1..wd.</summary>
    public IReadOnlyList<string> WeightNames { get; }
    /// <summary>θ = (w, a): the weight names, then "a". M = d + 1 of them.</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>wᵀx.</summary>
    public Expr PreActivation(IReadOnlyList<Expr> x)
    {
        if (x.Count != Dimension) throw new InputException($"An input has {x.Count} components but the model has d = {Dimension}.");
        return Add(WeightNames.Select((w, i) => Mul(Sym(w), x[i])));
    }

    /// <summary>f(θ; x) = a·σ(wᵀx).</summary>
    public Expr Output(IReadOnlyList<Expr> x) => Mul(Sym("a"), Activation.At(PreActivation(x)));

    /// <summary>The residual r = f(θ; x) − y of one sample.</summary>
    public Expr Residual(Sample s) => Sub(Output(s.X), s.Y);

    /// <summary>L_S(θ) = scale · Σᵢ (f(θ; xᵢ) − yᵢ)²; paper 000 uses scale 1.</summary>
    public Expr Loss(IReadOnlyList<Sample> data, Expr? scale = null) =>
        Mul(scale ?? One, Add(data.Select(s => Pow(Residual(s), Two))));

    /// <summary>∇_θ L_S in the order of <see cref="ParameterNames"/>.</summary>
    public IReadOnlyList<Expr> Gradient(IReadOnlyList<Sample> data, Expr? scale = null) =>
        Differentiator.Gradient(Loss(data, scale), ParameterNames);

    /// <summary>The gradient-flow field θ̇ = −∇L_S(θ).</summary>
    public IReadOnlyList<Expr> FlowField(IReadOnlyList<Sample> data, Expr? scale = null) =>
        Gradient(data, scale).Select(Neg).ToArray();
}
