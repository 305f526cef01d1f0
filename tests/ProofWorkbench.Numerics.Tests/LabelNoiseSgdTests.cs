using ProofWorkbench.Numerics.Stochastic;

namespace ProofWorkbench.Numerics.Tests;

public sealed class LabelNoiseSgdTests
{
    // h(θ; x) = a·tanh(w·x), θ = (w, a), one sample x = 1, y = 1.
    private static LabelNoiseProblem TanhUnit(double x = 1, double y = 1) => new(2, [y], () => (theta, _, g) =>
    {
        double t = Math.Tanh(theta[0] * x);
        g[0] = theta[1] * (1 - t * t) * x;
        g[1] = t;
        return theta[1] * t;
    });

    private static readonly double[] Start = [0.5, 1 / Math.Tanh(0.5)];

    [Fact]
    public void TheStepIsThePapersEquation5WithTheNoisyLabel()
    {
        // One step by hand: θ₁ = θ₀ − η·2(h − y − ξ)∇h with ξ = δ·sign from the counter-based stream (seed 7, run 0, step 0).
        var settings = new SgdSettings(0.1, 1, LabelNoise.Rademacher, 0.5, SampleOrder.Uniform, 1);
        var records = LabelNoiseSgd.Run(TanhUnit(), Start, settings, 7, 0);
        double xi = 0.5 * new CounterRandom(7, 0).Sign(0, 1);
        double t = Math.Tanh(Start[0]), h = Start[1] * t;
        double w1 = Start[0] - 0.1 * 2 * (h - 1 - xi) * Start[1] * (1 - t * t);
        double a1 = Start[1] - 0.1 * 2 * (h - 1 - xi) * t;
        Assert.Equal(w1, records[1][0], 15);
        Assert.Equal(a1, records[1][1], 15);
        Assert.Equal(Start, records[0]);
    }

    [Fact]
    public void EnsembleDoesNotDependOnTheThreadCountOrSchedule()
    {
        var settings = new SgdSettings(0.02, 2000, LabelNoise.Gaussian, 1, SampleOrder.Uniform, 500);
        var one = LabelNoiseSgd.Ensemble(TanhUnit(), Start, settings, 42, 16, maxThreads: 1);
        var many = LabelNoiseSgd.Ensemble(TanhUnit(), Start, settings, 42, 16, maxThreads: 4);
        for (int r = 0; r < 16; r++)
            for (int j = 0; j < one.Steps.Count; j++)
                Assert.Equal(one.Runs[r][j], many.Runs[r][j]);
        // Different seeds give different runs; different runs of one seed differ.
        var other = LabelNoiseSgd.Ensemble(TanhUnit(), Start, settings, 43, 16, maxThreads: 2);
        Assert.NotEqual(one.Runs[0][^1][0], other.Runs[0][^1][0]);
        Assert.NotEqual(one.Runs[0][^1][0], one.Runs[1][^1][0]);
    }

    [Fact]
    public void WithoutNoiseAPointOfTheZeroLossManifoldDoesNotMove()
    {
        var settings = new SgdSettings(0.05, 5000, LabelNoise.Rademacher, 0, SampleOrder.Cyclic, 1000);
        var e = LabelNoiseSgd.Ensemble(TanhUnit(), Start, settings, 1, 2);
        Assert.True(e.MaxDisplacement(t => t[0]) < 1e-13);
    }

    [Fact]
    public void CounterRandomHasTheRightMomentsAndIsAPureFunction()
    {
        var rng = new CounterRandom(5, 3);
        Assert.Equal(rng.Bits(10, 2), new CounterRandom(5, 3).Bits(10, 2));
        int n = 200_000;
        double sum = 0, sumSq = 0, signSum = 0;
        var counts = new int[3];
        for (int k = 0; k < n; k++)
        {
            double g = rng.Gaussian(k, 1);
            sum += g; sumSq += g * g;
            signSum += rng.Sign(k, 0);
            counts[rng.Index(k, 3, 3)]++;
        }
        // 5 standard errors: a failure here means a broken generator, not bad luck (p < 1e-6).
        Assert.InRange(sum / n, -5 / Math.Sqrt(n), 5 / Math.Sqrt(n));
        Assert.InRange(sumSq / n, 1 - 5 * Math.Sqrt(2.0 / n), 1 + 5 * Math.Sqrt(2.0 / n));
        Assert.InRange(signSum / n, -5 / Math.Sqrt(n), 5 / Math.Sqrt(n));
        foreach (var c in counts) Assert.InRange(c, n / 3.0 - 5 * Math.Sqrt(n * 2 / 9.0), n / 3.0 + 5 * Math.Sqrt(n * 2 / 9.0));
    }

    [Fact]
    public void OrnsteinUhlenbeckVarianceOfALinearModelMatchesTheExactRecursion()
    {
        // h = g·θ (linear, one sample, y = 0): θ ← (1 − 2ηg²)θ + 2ηgξ; stationary Var θ = η·Var ξ/(1 − ηg²) exactly.
        double g = 1.5, eta = 0.05;
        var problem = new LabelNoiseProblem(1, [0.0], () => (theta, _, grad) => { grad[0] = g; return g * theta[0]; });
        var settings = new SgdSettings(eta, 400, LabelNoise.Rademacher, 1, SampleOrder.Uniform, 400);
        var e = LabelNoiseSgd.Ensemble(problem, [0.0], settings, 9, 20_000);
        var m = SampleMean.Of(e.Runs.Select(r => r[^1][0] * r[^1][0]).ToArray(), 0.999999);
        double exact = eta / (1 - eta * g * g) * (1 - Math.Pow(1 - 2 * eta * g * g, 2 * 400));
        Assert.InRange(exact, m.Mean - m.HalfWidth, m.Mean + m.HalfWidth);
    }

    [Fact]
    public void SampleMeanIntervalUsesTheNormalQuantile()
    {
        var m = SampleMean.Of([1.0, 2, 3, 4], 0.95);
        Assert.Equal(2.5, m.Mean, 15);
        Assert.Equal(1.959963984540054 * Math.Sqrt(5.0 / 3) / 2, m.HalfWidth, 12);
    }
}
