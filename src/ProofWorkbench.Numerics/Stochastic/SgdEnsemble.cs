namespace ProofWorkbench.Numerics.Stochastic;

/// <summary>The recorded iterates of many independent label-noise SGD runs.</summary>
/// <param name="Settings">The step rule.</param>
/// <param name="Seed">The seed; run r used the stream (Seed, r).</param>
/// <param name="Steps">The recorded step numbers.</param>
/// <param name="Runs">Runs[r][j] = θ of run r at step Steps[j].</param>
public sealed record SgdEnsemble(SgdSettings Settings, ulong Seed, IReadOnlyList<long> Steps, IReadOnlyList<double[][]> Runs)
{
    /// <summary>The number of runs.</summary>
    public int RunCount => Runs.Count;

    /// <summary>The sample mean and confidence interval of statistic(θ) at record <paramref name="record"/>, over all runs.</summary>
    public SampleMean Mean(Func<double[], double> statistic, int record, double confidence) =>
        SampleMean.Of(Runs.Select(r => statistic(r[record])).ToArray(), confidence);

    /// <summary>max over runs and records of |statistic(θ) − statistic(θ0)|.</summary>
    public double MaxDisplacement(Func<double[], double> statistic) =>
        Runs.Max(r => r.Max(t => Math.Abs(statistic(t) - statistic(r[0]))));
}
