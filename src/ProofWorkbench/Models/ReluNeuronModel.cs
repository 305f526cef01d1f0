namespace ProofWorkbench.Models;

/// <summary>
/// A single neuron without outer weight, f(w; x) = σ(wᵀx) with σ = ReLU (paper 002, Vardi &amp; Shamir), θ = w (names
/// w1..wd, or w for d = 1). ReLU is not differentiable at 0; the value used for σ′(0) is a stated parameter (default 1,
/// paper 002's convention). Gradient flow is piecewise smooth: within a segment every sample's branch (active: uᵢ &gt; 0)
/// is fixed (<see cref="Segment"/>), and the crossings uᵢ = 0 are events.
/// </summary>
public sealed class ReluNeuronModel : IPiecewiseModel
{
    private readonly IReadOnlyList<bool>? active;

    /// <summary>A ReLU neuron on inputs of dimension <paramref name="dimension"/>, with σ′(0) = <paramref name="derivativeAtZero"/>.</summary>
    public ReluNeuronModel(int dimension, double derivativeAtZero = 1, double lossScale = 1)
        : this(dimension, derivativeAtZero, lossScale, null) { }

    private ReluNeuronModel(int dimension, double derivativeAtZero, double lossScale, IReadOnlyList<bool>? active)
    {
        if (dimension < 1) throw new InputException($"The input dimension must be at least 1, not {dimension}.");
        if (!double.IsFinite(derivativeAtZero) || derivativeAtZero < 0 || derivativeAtZero > 1)
            throw new InputException($"--relu-derivative-at-zero {derivativeAtZero:R} must lie in [0, 1] (the subdifferential of ReLU at 0).");
        InputDimension = dimension;
        DerivativeAtZero = derivativeAtZero;
        LossScale = lossScale;
        this.active = active;
    }

    /// <inheritdoc/>
    public string Name => "relu-neuron";
    /// <inheritdoc/>
    public int ParameterCount => InputDimension;
    /// <inheritdoc/>
    public int InputDimension { get; }
    /// <inheritdoc/>
    public double LossScale { get; }
    /// <summary>σ′(0).</summary>
    public double DerivativeAtZero { get; }
    /// <inheritdoc/>
    public bool ActiveAtKink => DerivativeAtZero > 0;

    /// <inheritdoc/>
    public string ParameterName(int index) => InputDimension == 1 ? "w" : $"w{index + 1}";

    /// <inheritdoc/>
    public double KinkFunction(ReadOnlySpan<double> theta, NumericSample sample)
    {
        double u = 0;
        for (int l = 0; l < InputDimension; l++) u += theta[l] * sample.X[l];
        return u;
    }

    private bool IsActive(double u, int index) => active is null ? u > 0 || (u == 0 && ActiveAtKink) : active[index];

    /// <inheritdoc/>
    public double Output(ReadOnlySpan<double> theta, NumericSample sample)
    {
        double u = KinkFunction(theta, sample);
        return Math.Max(u, 0);
    }

    /// <inheritdoc/>
    public void AddOutputGradient(ReadOnlySpan<double> theta, NumericSample sample, double coefficient, Span<double> gradient)
    {
        double u = KinkFunction(theta, sample);
        if (!IsActive(u, sample.Index)) return;
        double slope = active is null && u == 0 ? DerivativeAtZero : 1;
        for (int l = 0; l < InputDimension; l++) gradient[l] += coefficient * slope * sample.X[l];
    }

    /// <inheritdoc/>
    public IModel Segment(IReadOnlyList<bool> activeSet) => new ReluNeuronModel(InputDimension, DerivativeAtZero, LossScale, activeSet.ToArray());

    /// <inheritdoc/>
    public IReadOnlyList<ConservedLaw> ConservedLaws(IReadOnlyList<NumericSample> data) => [];
}
