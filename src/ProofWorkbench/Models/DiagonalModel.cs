namespace ProofWorkbench.Models;

/// <summary>
/// The diagonal linear network of depth D (paper 003, Woodworth et al.): f(θ; x) = βᵀx with β = w₊^D − w₋^D
/// (elementwise powers), θ = (w₊, w₋) ∈ ℝ^{2d} (names wp1..wpd, then wm1..wmd), initialized at w₊ = w₋ = α·𝟏 (β = 0).
/// </summary>
public sealed class DiagonalModel : IModel
{
    /// <summary>A depth-<paramref name="depth"/> diagonal network on inputs of dimension <paramref name="dimension"/>.</summary>
    public DiagonalModel(int dimension, int depth, double lossScale = 1)
    {
        if (dimension < 1) throw new InputException($"The input dimension must be at least 1, not {dimension}.");
        if (depth < 2) throw new InputException($"--depth {depth} must be at least 2 (paper 003's diagonal networks have D ≥ 2).");
        if (depth > 64) throw new InputException($"--depth {depth} is beyond the supported 64.");
        InputDimension = dimension;
        Depth = depth;
        LossScale = lossScale;
    }

    /// <inheritdoc/>
    public string Name => "diagonal";
    /// <summary>D.</summary>
    public int Depth { get; }
    /// <inheritdoc/>
    public int InputDimension { get; }
    /// <inheritdoc/>
    public int ParameterCount => 2 * InputDimension;
    /// <inheritdoc/>
    public double LossScale { get; }

    /// <summary>The initialization w₊ = w₋ = α·𝟏.</summary>
    public double[] Initialization(double alpha) => Enumerable.Repeat(alpha, ParameterCount).ToArray();

    /// <inheritdoc/>
    public string ParameterName(int index) => index < InputDimension ? $"wp{index + 1}" : $"wm{index - InputDimension + 1}";

    /// <summary>β = w₊^D − w₋^D.</summary>
    public double[] Beta(ReadOnlySpan<double> theta)
    {
        int d = InputDimension;
        var beta = new double[d];
        for (int j = 0; j < d; j++) beta[j] = Math.Pow(theta[j], Depth) - Math.Pow(theta[d + j], Depth);
        return beta;
    }

    /// <inheritdoc/>
    public double Output(ReadOnlySpan<double> theta, NumericSample sample)
    {
        int d = InputDimension;
        double f = 0;
        for (int j = 0; j < d; j++) f += (Math.Pow(theta[j], Depth) - Math.Pow(theta[d + j], Depth)) * sample.X[j];
        return f;
    }

    /// <inheritdoc/>
    public void AddOutputGradient(ReadOnlySpan<double> theta, NumericSample sample, double coefficient, Span<double> gradient)
    {
        int d = InputDimension;
        for (int j = 0; j < d; j++)
        {
            double c = coefficient * Depth * sample.X[j];
            gradient[j] += c * Math.Pow(theta[j], Depth - 1);
            gradient[d + j] -= c * Math.Pow(theta[d + j], Depth - 1);
        }
    }

    /// <summary>
    /// Per coordinate: w₊w₋ for D = 2 (= α² from the initialization), w₊^{2−D} + w₋^{2−D} for D &gt; 2 (= 2α^{2−D}):
    /// d/dt w₊^{2−D} = −(2−D)D·∂L/∂β and d/dt w₋^{2−D} = +(2−D)D·∂L/∂β (paper 003, Section 4).
    /// </summary>
    public IReadOnlyList<ConservedLaw> ConservedLaws(IReadOnlyList<NumericSample> data)
    {
        int d = InputDimension, depth = Depth;
        return depth == 2
            ? [new ConservedLaw("wp_j*wm_j (each coordinate)", "paper 003, diagonal network with D = 2", d,
                (theta, q) => { for (int j = 0; j < d; j++) q[j] = theta[j] * theta[d + j]; })]
            : [new ConservedLaw($"wp_j^(2-D) + wm_j^(2-D), D = {depth} (each coordinate)", "paper 003, diagonal network with D > 2", d,
                (theta, q) => { for (int j = 0; j < d; j++) q[j] = Math.Pow(theta[j], 2 - depth) + Math.Pow(theta[d + j], 2 - depth); })];
    }
}
