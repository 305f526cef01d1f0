using ProofWorkbench.Models;

namespace ProofWorkbench.Papers.VardiShamir2021;

/// <summary>
/// The single neuron N(x) = σ(wᵀx) of paper 002 (Section 2, eq. (1)) with a smooth activation σ (no outer weight),
/// θ = w (names w1..wd): the model of Section 3 (strictly monotone σ, Theorem 3.1). Output and gradient through the
/// compiled σ, σ′ (<see cref="ScalarActivation"/>); one instance per flow run (the compiled activation keeps a scratch buffer).
/// </summary>
public sealed class MonotoneNeuronModel(Activation activation, int dimension, double lossScale) : IModel
{
    private readonly ScalarActivation sigma = new(activation);

    /// <inheritdoc/>
    public string Name => "neuron";
    /// <inheritdoc/>
    public int ParameterCount => dimension;
    /// <inheritdoc/>
    public int InputDimension => dimension;
    /// <inheritdoc/>
    public double LossScale => lossScale;
    /// <inheritdoc/>
    public string ParameterName(int index) => $"w{index + 1}";

    /// <inheritdoc/>
    public double Output(ReadOnlySpan<double> theta, NumericSample sample) => sigma.At(Dot(theta, sample.X)).Value;

    /// <inheritdoc/>
    public void AddOutputGradient(ReadOnlySpan<double> theta, NumericSample sample, double coefficient, Span<double> gradient)
    {
        double slope = sigma.At(Dot(theta, sample.X)).Derivative;
        for (int l = 0; l < dimension; l++) gradient[l] += coefficient * slope * sample.X[l];
    }

    /// <inheritdoc/>
    public IReadOnlyList<ConservedLaw> ConservedLaws(IReadOnlyList<NumericSample> data) => [];

    private static double Dot(ReadOnlySpan<double> w, double[] x)
    {
        double s = 0;
        for (int l = 0; l < x.Length; l++) s += w[l] * x[l];
        return s;
    }
}
