namespace ProofWorkbench.Numerics.Stochastic;

/// <summary>
/// Writes ∇_θ h(xᵢ; θ) into <paramref name="gradient"/> (overwritten) and returns h(xᵢ; θ) for sample
/// <paramref name="sample"/>. Each run gets its own evaluator (<see cref="LabelNoiseProblem.CreateEvaluator"/>), so an
/// evaluator may keep scratch buffers.
/// </summary>
public delegate double OutputAndGradient(ReadOnlySpan<double> theta, int sample, Span<double> gradient);

/// <summary>The label-noise distribution of ξ.</summary>
public enum LabelNoise
{
    /// <summary>ξ = ±δ with probability ½ each (Var ξ = δ²).</summary>
    Rademacher,
    /// <summary>ξ ~ N(0, δ²) (Var ξ = δ²).</summary>
    Gaussian,
}

/// <summary>How the sample i of each step is chosen.</summary>
public enum SampleOrder
{
    /// <summary>i uniform on {0, …, n − 1}, independently at each step.</summary>
    Uniform,
    /// <summary>i = k mod n at step k.</summary>
    Cyclic,
}

/// <summary>A label-noise SGD problem: n samples with labels yᵢ and the model's output and gradient.</summary>
/// <param name="ParameterCount">M, the number of parameters.</param>
/// <param name="Labels">y₁ … yₙ.</param>
/// <param name="CreateEvaluator">Makes an evaluator of h(xᵢ; θ) and ∇_θ h(xᵢ; θ); called once per run (runs execute in
/// parallel, so evaluators must not share mutable state).</param>
public sealed record LabelNoiseProblem(int ParameterCount, IReadOnlyList<double> Labels, Func<OutputAndGradient> CreateEvaluator)
{
    /// <summary>n, the number of samples.</summary>
    public int SampleCount => Labels.Count;
}

/// <summary>The step rule's settings.</summary>
/// <param name="StepSize">η.</param>
/// <param name="Steps">The number of SGD steps per run.</param>
/// <param name="Noise">The distribution of ξ.</param>
/// <param name="NoiseScale">δ (the standard deviation of ξ); 0 turns the noise off.</param>
/// <param name="Order">How i is chosen.</param>
/// <param name="RecordEvery">θ is recorded at steps 0, RecordEvery, 2·RecordEvery, … (and at the last step).</param>
public sealed record SgdSettings(double StepSize, long Steps, LabelNoise Noise, double NoiseScale, SampleOrder Order, long RecordEvery)
{
    /// <summary>Var ξ = δ².</summary>
    public double NoiseVariance => NoiseScale * NoiseScale;

    /// <summary>The recorded step numbers.</summary>
    public IReadOnlyList<long> RecordedSteps()
    {
        var steps = new List<long>();
        for (long k = 0; k < Steps; k += RecordEvery) steps.Add(k);
        steps.Add(Steps);
        return steps;
    }
}

/// <summary>
/// SGD with label noise, the update of Blanc et al. (COLT 2020), Section 3.1, eq. (5) with eᵢ = h(xᵢ; θ) − yᵢ − ξ:
/// θ ← θ − η∇_θ (h(xᵢ; θ) − yᵢ − ξ)² = θ − 2η(h(xᵢ; θ) − yᵢ − ξ)∇_θ h(xᵢ; θ) (no ½ in the loss, no 1/n). The random
/// numbers of run r at step k are <see cref="CounterRandom"/>(seed, r) at counter k (lane 0: i, lanes 1–2: ξ).
/// </summary>
public static class LabelNoiseSgd
{
    /// <summary>
    /// One run from <paramref name="theta0"/>; returns θ at <see cref="SgdSettings.RecordedSteps"/> (one array per record).
    /// Stops early (returning what it has, with the remaining records NaN) if θ leaves the double range.
    /// </summary>
    public static double[][] Run(LabelNoiseProblem problem, ReadOnlySpan<double> theta0, SgdSettings settings, ulong seed, int run)
    {
        int m = problem.ParameterCount, n = problem.SampleCount;
        if (theta0.Length != m) throw new ArgumentException($"θ0 has {theta0.Length} components, the problem {m}.", nameof(theta0));
        var rng = new CounterRandom(seed, (ulong)run);
        var recorded = settings.RecordedSteps();
        var records = new double[recorded.Count][];
        var theta = theta0.ToArray();
        var gradient = new double[m];
        var labels = problem.Labels.ToArray();
        var evaluate = problem.CreateEvaluator();
        double twoEta = 2 * settings.StepSize, delta = settings.NoiseScale;
        int next = 0;
        for (long k = 0; ; k++)
        {
            if (next < recorded.Count && recorded[next] == k) records[next++] = (double[])theta.Clone();
            if (k == settings.Steps) break;
            int i = n == 1 ? 0 : settings.Order == SampleOrder.Cyclic ? (int)(k % n) : rng.Index(k, 0, n);
            double xi = delta == 0 ? 0 : settings.Noise == LabelNoise.Rademacher ? delta * rng.Sign(k, 1) : delta * rng.Gaussian(k, 1);
            double h = evaluate(theta, i, gradient);
            double coefficient = twoEta * (h - labels[i] - xi);
            for (int j = 0; j < m; j++) theta[j] -= coefficient * gradient[j];
            if (!double.IsFinite(coefficient))
            {
                for (; next < recorded.Count; next++) records[next] = Enumerable.Repeat(double.NaN, m).ToArray();
                break;
            }
        }
        return records;
    }

    /// <summary>
    /// <paramref name="runs"/> independent runs (run r uses stream (seed, r)), in parallel on up to
    /// <paramref name="maxThreads"/> threads (all cores when null). Results are stored by run index, so they do not
    /// depend on the thread schedule. <paramref name="progress"/>, when given, is called with the number of finished
    /// runs after each run (from worker threads; it must be thread-safe).
    /// </summary>
    public static SgdEnsemble Ensemble(LabelNoiseProblem problem, IReadOnlyList<double> theta0, SgdSettings settings, ulong seed, int runs,
        int? maxThreads = null, Action<int>? progress = null)
    {
        if (runs < 1) throw new ArgumentOutOfRangeException(nameof(runs), "at least one run");
        var results = new double[runs][][];
        var start = theta0.ToArray();
        int done = 0;
        Parallel.For(0, runs, new ParallelOptions { MaxDegreeOfParallelism = maxThreads ?? Environment.ProcessorCount }, r =>
        {
            results[r] = Run(problem, start, settings, seed, r);
            int finished = Interlocked.Increment(ref done);
            progress?.Invoke(finished);
        });
        return new SgdEnsemble(settings, seed, settings.RecordedSteps(), results);
    }
}
