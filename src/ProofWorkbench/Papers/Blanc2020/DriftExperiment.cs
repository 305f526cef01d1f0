using ProofWorkbench.Dynamics;
using ProofWorkbench.Models;
using ProofWorkbench.Numerics.Stochastic;
using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Expressions;

namespace ProofWorkbench.Papers.Blanc2020;

/// <summary>One checkpoint of one step size: the simulated mean of the statistic and the predicted value.</summary>
/// <param name="Step">k.</param>
/// <param name="Tau">τ = η²·Var ξ·k/n.</param>
/// <param name="Predicted">statistic(θ_pred(τ)).</param>
/// <param name="Mean">The Monte Carlo mean and its interval.</param>
/// <param name="PredictionError">|statistic at tolerance 1e-12 − statistic at 1e-10| of the drift ODE (its error estimate).</param>
public sealed record DriftCheckpoint(long Step, double Tau, double Predicted, SampleMean Mean, double PredictionError)
{
    /// <summary>mean − predicted.</summary>
    public double Deviation => Mean.Mean - Predicted;
}

/// <summary>The simulation at one step size.</summary>
/// <param name="StepSize">η.</param>
/// <param name="Checkpoints">The compared checkpoints (k = 0 excluded).</param>
/// <param name="PredictionError">The drift ODE's error estimate (in θ, max norm).</param>
/// <param name="MaxDisplacement">max over runs and recorded steps of |statistic(θ_k) − statistic(θ₀)|.</param>
/// <param name="Diverged">Runs that left the double range.</param>
/// <param name="Settings">The SGD settings of this step size.</param>
/// <param name="PredictedCurve">(τ, statistic) of the predicted path at 101 equally spaced τ in [0, τ_end] (for figures).</param>
public sealed record DriftSeries(double StepSize, IReadOnlyList<DriftCheckpoint> Checkpoints, double PredictionError, double MaxDisplacement, int Diverged, SgdSettings Settings,
    IReadOnlyList<(double Tau, double Value)> PredictedCurve);

/// <summary>The settings of a drift experiment (everything but the model).</summary>
/// <param name="StepSizes">The step sizes η compared.</param>
/// <param name="Steps">SGD steps per run.</param>
/// <param name="Runs">Independent runs per step size.</param>
/// <param name="Seed">The seed (run r of step size number e uses stream (seed + e, r)).</param>
/// <param name="Noise">ξ's distribution.</param>
/// <param name="NoiseScale">δ.</param>
/// <param name="Order">How i is chosen.</param>
/// <param name="CheckpointCount">K checkpoints at k = j·steps/K, j = 1 … K.</param>
/// <param name="Confidence">The family-wise confidence level of all K·E intervals together (Bonferroni).</param>
public sealed record DriftSettings(IReadOnlyList<double> StepSizes, long Steps, int Runs, ulong Seed, LabelNoise Noise, double NoiseScale,
    SampleOrder Order, int CheckpointCount, double Confidence)
{
    /// <summary>The level of each single interval: 1 − (1 − family level)/(K·E).</summary>
    public double PerIntervalConfidence => 1 - (1 - Confidence) / (CheckpointCount * StepSizes.Count);
}

/// <summary>
/// The drift prediction against simulation (Blanc et al. 2020, Section 3.3; issue 15): from a point on the zero-loss
/// manifold, the mean of many seeded label-noise SGD runs of a statistic against the predicted slow path
/// (<see cref="ManifoldDriftPath"/>) at the rescaled time τ = η²·Var ξ·k/n, at each step size.
/// </summary>
public static class DriftExperiment
{
    /// <summary>Runs the experiment for <paramref name="createModel"/> (a numeric model) with the symbolic
    /// <paramref name="regularizer"/> of the same model and data.</summary>
    public static IReadOnlyList<DriftSeries> Run(Func<IModel> createModel, IReadOnlyList<NumericSample> data, ImplicitRegularizer regularizer,
        IReadOnlyList<double> theta0, Expr statistic, DriftSettings settings, int? maxThreads = null)
    {
        var stat = Compiler.Compile(statistic, regularizer.Parameters);
        var problem = LabelNoiseSgdModel.Problem(createModel, data);
        var series = new List<DriftSeries>();
        long every = Math.Max(1, settings.Steps / settings.CheckpointCount);
        for (int e = 0; e < settings.StepSizes.Count; e++)
        {
            double eta = settings.StepSizes[e];
            var sgd = new SgdSettings(eta, settings.Steps, settings.Noise, settings.NoiseScale, settings.Order, every);
            var ensemble = LabelNoiseSgd.Ensemble(problem, theta0, sgd, settings.Seed + (ulong)e, settings.Runs, maxThreads);
            var steps = ensemble.Steps;
            var taus = steps.Select(k => eta * eta * sgd.NoiseVariance * k / data.Count).ToArray();
            var dense = Enumerable.Range(0, 101).Select(q => taus[^1] * q / 100).ToArray();
            var path = ManifoldDriftPath.Predict(regularizer, theta0, taus.Concat(dense).ToArray());
            var checkpoints = new List<DriftCheckpoint>();
            for (int j = 1; j < steps.Count; j++)
                checkpoints.Add(new DriftCheckpoint(steps[j], taus[j], stat(path.Theta[j]), ensemble.Mean(t => stat(t), j, settings.PerIntervalConfidence),
                    Math.Abs(stat(path.Theta[j]) - stat(path.Coarse[j]))));
            int diverged = ensemble.Runs.Count(r => r[^1].Any(double.IsNaN));
            series.Add(new DriftSeries(eta, checkpoints, path.Error, ensemble.MaxDisplacement(t => stat(t)), diverged, sgd,
                dense.Select((t, q) => (t, stat(path.Theta[taus.Length + q]))).ToArray()));
        }
        return series;
    }
}
