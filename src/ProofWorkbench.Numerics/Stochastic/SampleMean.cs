using MathNet.Numerics.Distributions;

namespace ProofWorkbench.Numerics.Stochastic;

/// <summary>
/// The sample mean of N independent values with a two-sided normal-approximation confidence interval
/// mean ± z·s/√N, z = Φ⁻¹((1 + level)/2) (central limit theorem; s the sample standard deviation). Values are summed in
/// index order, so the result is a deterministic function of the values.
/// </summary>
/// <param name="Mean">The sample mean.</param>
/// <param name="StandardDeviation">s (with N − 1).</param>
/// <param name="Count">N.</param>
/// <param name="Confidence">The level, e.g. 0.99.</param>
/// <param name="HalfWidth">z·s/√N.</param>
public sealed record SampleMean(double Mean, double StandardDeviation, int Count, double Confidence, double HalfWidth)
{
    /// <summary>The mean and interval of <paramref name="values"/>; NaN values make the mean NaN.</summary>
    public static SampleMean Of(IReadOnlyList<double> values, double confidence)
    {
        if (!(confidence > 0 && confidence < 1)) throw new ArgumentOutOfRangeException(nameof(confidence), "a level in (0, 1)");
        int n = values.Count;
        double sum = 0;
        for (int i = 0; i < n; i++) sum += values[i];
        double mean = sum / n, ss = 0;
        for (int i = 0; i < n; i++) ss += (values[i] - mean) * (values[i] - mean);
        double s = n > 1 ? Math.Sqrt(ss / (n - 1)) : double.PositiveInfinity;
        return new SampleMean(mean, s, n, confidence, Quantile(confidence) * s / Math.Sqrt(n));
    }

    /// <summary>z = Φ⁻¹((1 + level)/2).</summary>
    public static double Quantile(double confidence) => Normal.InvCDF(0, 1, (1 + confidence) / 2);
}
