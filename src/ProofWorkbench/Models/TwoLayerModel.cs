namespace ProofWorkbench.Models;

/// <summary>
/// The two-layer network g(θ, x) = Σₖ aₖ σ(wₖ·x) with m neurons (paper 000, Corollary 6.2), θ = (wₖ, aₖ)ₖ₌₁..ₘ ∈
/// ℝ^{(d+1)m}, stored neuron by neuron: w₁ (d numbers), a₁, w₂, a₂, …; names <c>wk.l</c> (or <c>wk</c> for d = 1) and
/// <c>ak</c>. With m = 1 and one-neuron naming it is the one-hidden-neuron model f = a·σ(wᵀx) with the
/// names w (or w1..wd) and a — the vectorized backend of <c>one-neuron</c> for large d. Cost of f and ∇f: O(m·d).
/// </summary>
public sealed class TwoLayerModel : IModel
{
    private readonly ScalarActivation sigma;
    private readonly bool oneNeuronNames;

    /// <summary>A network of <paramref name="width"/> neurons on inputs of dimension <paramref name="dimension"/>.</summary>
    public TwoLayerModel(Activation activation, int dimension, int width, double lossScale = 1, bool oneNeuronNames = false)
    {
        if (dimension < 1) throw new InputException($"The input dimension must be at least 1, not {dimension}.");
        if (width < 1) throw new InputException($"--width must be at least 1, not {width}.");
        if ((long)(dimension + 1) * width > 2_000_000)
            throw new InputException($"A two-layer network with d = {dimension} and m = {width} has more than 2 million parameters, beyond the supported size (memory grows by about 1.5 kB per parameter).");
        if (oneNeuronNames && width != 1) throw new ArgumentException("one-neuron naming needs m = 1", nameof(oneNeuronNames));
        sigma = new ScalarActivation(activation);
        InputDimension = dimension;
        Width = width;
        LossScale = lossScale;
        this.oneNeuronNames = oneNeuronNames;
    }

    /// <inheritdoc/>
    public string Name => oneNeuronNames ? "one-neuron" : "two-layer";
    /// <summary>m, the number of neurons.</summary>
    public int Width { get; }
    /// <inheritdoc/>
    public int InputDimension { get; }
    /// <inheritdoc/>
    public int ParameterCount => (InputDimension + 1) * Width;
    /// <inheritdoc/>
    public double LossScale { get; }
    /// <summary>σ.</summary>
    public Activation Activation => sigma.Activation;

    /// <summary>The offset of neuron k's block (k from 0): wₖ at [offset, offset + d), aₖ at offset + d.</summary>
    public int Offset(int k) => k * (InputDimension + 1);

    /// <inheritdoc/>
    public string ParameterName(int index)
    {
        int d = InputDimension, k = index / (d + 1), l = index % (d + 1);
        if (oneNeuronNames) return l == d ? "a" : d == 1 ? "w" : $"w{l + 1}";
        return l == d ? $"a{k + 1}" : d == 1 ? $"w{k + 1}" : $"w{k + 1}.{l + 1}";
    }

    /// <inheritdoc/>
    public double Output(ReadOnlySpan<double> theta, NumericSample sample)
    {
        int d = InputDimension;
        var x = sample.X;
        double g = 0;
        for (int k = 0, o = 0; k < Width; k++, o += d + 1)
        {
            double u = 0;
            for (int l = 0; l < d; l++) u += theta[o + l] * x[l];
            g += theta[o + d] * sigma.At(u).Value;
        }
        return g;
    }

    /// <inheritdoc/>
    public void AddOutputGradient(ReadOnlySpan<double> theta, NumericSample sample, double coefficient, Span<double> gradient)
    {
        int d = InputDimension;
        var x = sample.X;
        for (int k = 0, o = 0; k < Width; k++, o += d + 1)
        {
            double u = 0;
            for (int l = 0; l < d; l++) u += theta[o + l] * x[l];
            var (s, s1) = sigma.At(u);
            double cw = coefficient * theta[o + d] * s1;
            for (int l = 0; l < d; l++) gradient[o + l] += cw * x[l];
            gradient[o + d] += coefficient * s;
        }
    }

    /// <inheritdoc/>
    public double OutputAndGradient(ReadOnlySpan<double> theta, NumericSample sample, Span<double> gradient)
    {
        int d = InputDimension;
        var x = sample.X;
        double g = 0;
        for (int k = 0, o = 0; k < Width; k++, o += d + 1)
        {
            double u = 0;
            for (int l = 0; l < d; l++) u += theta[o + l] * x[l];
            var (s, s1) = sigma.At(u);
            double a = theta[o + d], cw = a * s1;
            for (int l = 0; l < d; l++) gradient[o + l] = cw * x[l];
            gradient[o + d] = s;
            g += a * s;
        }
        return g;
    }

    /// <summary>
    /// ‖wₖ‖² − aₖ² for each neuron when σ is positively homogeneous (paper 002, Lemma 6.1; Du, Hu &amp; Lee 2018), and,
    /// for one sample and σ = exp, aₖ²/2 − wₖ·x/|x|² for each neuron: the first integral a²/2 − H(wᵀx) of paper 000,
    /// Lemma A.3, with H′(u) = σ(u)/(|x|²σ′(u)) = 1/|x|² (each neuron sees the common residual, Corollary 6.2's proof).
    /// </summary>
    public IReadOnlyList<ConservedLaw> ConservedLaws(IReadOnlyList<NumericSample> data)
    {
        int d = InputDimension, m = Width;
        var laws = new List<ConservedLaw>();
        if (sigma.IsPositivelyHomogeneous)
            laws.Add(new ConservedLaw("|w_k|^2 - a_k^2 (each neuron)", "balancedness for positively homogeneous σ (paper 002, Lemma 6.1; Du, Hu & Lee 2018)", m,
                (theta, q) =>
                {
                    for (int k = 0, o = 0; k < m; k++, o += d + 1)
                    {
                        double s = 0;
                        for (int l = 0; l < d; l++) s += theta[o + l] * theta[o + l];
                        q[k] = s - theta[o + d] * theta[o + d];
                    }
                }));
        var u = sigma.Activation;
        if (data.Count == 1 && u.Definition is Symbolic.Expressions.FunctionCall { Function.Name: "exp" } e
            && e.Arguments[0].Equals(Symbolic.Expressions.Expr.Sym(u.Variable)))
        {
            var x = data[0].X;
            double norm2 = x.Sum(c => c * c);
            if (norm2 > 0)
                laws.Add(new ConservedLaw("a_k^2/2 - w_k.x/|x|^2 (each neuron)", "paper 000, Lemma A.3, eq. (20), per neuron as in the proof of Corollary 6.2", m,
                    (theta, q) =>
                    {
                        for (int k = 0, o = 0; k < m; k++, o += d + 1)
                        {
                            double s = 0;
                            for (int l = 0; l < d; l++) s += theta[o + l] * x[l];
                            q[k] = 0.5 * theta[o + d] * theta[o + d] - s / norm2;
                        }
                    }));
        }
        return laws;
    }
}
