namespace ProofWorkbench.Models;

/// <summary>The linear model f(w; x) = wᵀx, θ = w (names w1..wd, or w for d = 1): least squares (paper 000, Section 4.1).</summary>
public sealed class LinearModel(int dimension, double lossScale = 1) : IModel
{
    /// <inheritdoc/>
    public string Name => "linear";
    /// <inheritdoc/>
    public int InputDimension { get; } = dimension >= 1 ? dimension : throw new InputException($"The input dimension must be at least 1, not {dimension}.");
    /// <inheritdoc/>
    public int ParameterCount => InputDimension;
    /// <inheritdoc/>
    public double LossScale { get; } = lossScale;

    /// <inheritdoc/>
    public string ParameterName(int index) => InputDimension == 1 ? "w" : $"w{index + 1}";

    /// <inheritdoc/>
    public double Output(ReadOnlySpan<double> theta, NumericSample sample)
    {
        double f = 0;
        for (int j = 0; j < InputDimension; j++) f += theta[j] * sample.X[j];
        return f;
    }

    /// <inheritdoc/>
    public void AddOutputGradient(ReadOnlySpan<double> theta, NumericSample sample, double coefficient, Span<double> gradient)
    {
        for (int j = 0; j < InputDimension; j++) gradient[j] += coefficient * sample.X[j];
    }

    /// <inheritdoc/>
    public IReadOnlyList<ConservedLaw> ConservedLaws(IReadOnlyList<NumericSample> data) => [];
}
