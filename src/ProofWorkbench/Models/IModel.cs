namespace ProofWorkbench.Models;

/// <summary>One sample (xᵢ, yᵢ) of a dataset in doubles, with its index i in the dataset.</summary>
/// <param name="Index">i, from 0.</param>
/// <param name="X">xᵢ.</param>
/// <param name="Y">yᵢ.</param>
public sealed record NumericSample(int Index, double[] X, double Y);

/// <summary>
/// A model f(θ; x) with named, ordered parameters θ ∈ ℝᴹ and a numeric backend whose cost is linear in M: the output
/// and the gradient ∇_θ f(θ; x) (accumulated into a buffer, so that ∇L_S = 2c·Σᵢ rᵢ∇f(θ; xᵢ) costs one pass per
/// sample). The loss is L_S(θ) = c·Σᵢ (f(θ; xᵢ) − yᵢ)² with the loss scale c (1 in paper 000, ½ in papers 002 and 003).
/// Implementations are immutable.
/// </summary>
public interface IModel
{
    /// <summary>The model's name as on the command line (one-neuron, two-layer, relu-neuron, diagonal, linear).</summary>
    string Name { get; }

    /// <summary>M, the number of parameters.</summary>
    int ParameterCount { get; }

    /// <summary>d, the input dimension.</summary>
    int InputDimension { get; }

    /// <summary>The loss scale c.</summary>
    double LossScale { get; }

    /// <summary>The name of parameter <paramref name="index"/> (the documented order of the model).</summary>
    string ParameterName(int index);

    /// <summary>f(θ; x).</summary>
    double Output(ReadOnlySpan<double> theta, NumericSample sample);

    /// <summary>gradient += <paramref name="coefficient"/>·∇_θ f(θ; x).</summary>
    void AddOutputGradient(ReadOnlySpan<double> theta, NumericSample sample, double coefficient, Span<double> gradient);

    /// <summary>f(θ; x), with ∇_θ f(θ; x) written into <paramref name="gradient"/> (overwritten) in the same pass.</summary>
    double OutputAndGradient(ReadOnlySpan<double> theta, NumericSample sample, Span<double> gradient)
    {
        gradient.Clear();
        AddOutputGradient(theta, sample, 1, gradient);
        return Output(theta, sample);
    }

    /// <summary>The conserved quantities of gradient flow this model knows on <paramref name="data"/> (may be empty).</summary>
    IReadOnlyList<ConservedLaw> ConservedLaws(IReadOnlyList<NumericSample> data);
}

/// <summary>
/// A model whose output has kinks: σ = ReLU is smooth except where a sample's pre-activation uᵢ = wᵀxᵢ crosses 0.
/// Gradient flow is integrated segment by segment with a fixed active set; the crossings are located as events.
/// </summary>
public interface IPiecewiseModel : IModel
{
    /// <summary>uᵢ(θ) for sample i: its sign decides the branch.</summary>
    double KinkFunction(ReadOnlySpan<double> theta, NumericSample sample);

    /// <summary>The model with the branch of every sample fixed: <paramref name="active"/>[i] = uᵢ on the positive side.</summary>
    IModel Segment(IReadOnlyList<bool> active);

    /// <summary>The branch a sample starts on when uᵢ = 0 exactly: σ′(0) &gt; 0 counts as active.</summary>
    bool ActiveAtKink { get; }
}

/// <summary>
/// A conserved quantity of gradient flow, possibly one per neuron or coordinate (a vector Q(θ) ∈ ℝᴷ): its drift along
/// a computed trajectory is max over steps and components of |Q_k(θ(t)) − Q_k(θ0)|.
/// </summary>
/// <param name="Name">Short name, e.g. "a_k^2 - |w_k|^2 (each k)".</param>
/// <param name="Source">Paper, lemma, equation.</param>
/// <param name="Count">K, the number of components.</param>
/// <param name="Evaluate">Writes Q(θ) into the span of length K.</param>
public sealed record ConservedLaw(string Name, string Source, int Count, ConservedEvaluator Evaluate);

/// <summary>Writes the components of a conserved quantity at θ.</summary>
public delegate void ConservedEvaluator(ReadOnlySpan<double> theta, Span<double> values);
