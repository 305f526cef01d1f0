using ProofWorkbench.Dynamics;
using ProofWorkbench.Models;
using ProofWorkbench.Numerics.Stochastic;
using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Expressions;

namespace ProofWorkbench.Papers.Blanc2020;

/// <summary>The measured bias at one step size: per run, the time average over the window of statistic(θ_k) −
/// statistic(θ_pred(τ_k)); their mean over the runs with its interval.</summary>
/// <param name="StepSize">η.</param>
/// <param name="Steps">SGD steps per run (τ_end·n/(η²·Var ξ)).</param>
/// <param name="Seed">The seed of this step size's runs.</param>
/// <param name="Bias">The mean over runs of the per-run window averages, with its interval (level as asked).</param>
/// <param name="WindowRecords">How many recorded steps each run's average is over.</param>
/// <param name="PredictionError">The drift ODE's error estimate of the statistic (max over the window).</param>
/// <param name="Diverged">Runs that left the double range.</param>
public sealed record BiasAtStepSize(double StepSize, long Steps, ulong Seed, SampleMean Bias, int WindowRecords, double PredictionError, int Diverged);

/// <summary>
/// The O(η) bias of label-noise SGD against its slow-motion prediction (Blanc et al. 2020, Section 3.3: the prediction
/// dθ/dτ = −P_T∇R, τ = η²·Var ξ·k/n, is the leading order in η; the mean of the iterates deviates from it by O(η)). At
/// each step size the runs go to the same rescaled time τ_end, the deviation statistic(θ_k) − statistic(θ_pred(τ_k)) is
/// averaged over the recorded steps with τ_k in a window (within one run; the runs are independent, so the interval of the
/// mean over runs is a plain central-limit interval), and the two step sizes are compared: with D(η) = βη + O(η²),
/// the two-point Richardson extrapolation E₀ = (η₁D(η₂) − η₂D(η₁))/(η₁ − η₂) is O(η₁η₂) and the slope
/// β̂ = (D(η₁) − D(η₂))/(η₁ − η₂) estimates β.
/// </summary>
public static class DriftBias
{
    /// <summary>Runs <paramref name="runs"/> seeded runs at each step size to τ_end = <paramref name="tauEnd"/>, recording
    /// <paramref name="records"/> equally spaced steps, and averages the deviation over the records with τ in
    /// [<paramref name="windowFrom"/>, τ_end]. Each interval at level <paramref name="level"/>.</summary>
    public static IReadOnlyList<BiasAtStepSize> Run(Func<IModel> createModel, IReadOnlyList<NumericSample> data, ImplicitRegularizer regularizer,
        IReadOnlyList<double> theta0, Expr statistic, IReadOnlyList<double> stepSizes, double tauEnd, double windowFrom, int records, int runs, ulong seed,
        LabelNoise noise, double noiseScale, double level, int? maxThreads = null)
    {
        var stat = Compiler.Compile(statistic, regularizer.Parameters);
        var problem = LabelNoiseSgdModel.Problem(createModel, data);
        var result = new List<BiasAtStepSize>();
        for (int e = 0; e < stepSizes.Count; e++)
        {
            double eta = stepSizes[e];
            double variance = new SgdSettings(eta, 1, noise, noiseScale, SampleOrder.Uniform, 1).NoiseVariance;
            long steps = StepsTo(tauEnd, eta, variance, data.Count);
            if (steps % records != 0) throw new InputException($"records = {records} must divide the {steps} steps at η = {eta}, so that every step size is recorded at the same τ.");
            var sgd = new SgdSettings(eta, steps, noise, noiseScale, SampleOrder.Uniform, steps / records);
            var ensemble = LabelNoiseSgd.Ensemble(problem, theta0, sgd, seed + (ulong)e, runs, maxThreads);
            var taus = ensemble.Steps.Select(k => eta * eta * variance * k / data.Count).ToArray();
            var window = Enumerable.Range(0, taus.Length).Where(j => taus[j] >= windowFrom).ToArray();
            var path = ManifoldDriftPath.Predict(regularizer, theta0, taus);
            var predicted = window.Select(j => stat(path.Theta[j])).ToArray();
            double predictionError = window.Max(j => Math.Abs(stat(path.Theta[j]) - stat(path.Coarse[j])));
            var perRun = ensemble.Runs.Select(run =>
            {
                double sum = 0;
                for (int q = 0; q < window.Length; q++) sum += stat(run[window[q]]) - predicted[q];
                return sum / window.Length;
            }).ToArray();
            int diverged = ensemble.Runs.Count(r => r[^1].Any(double.IsNaN));
            result.Add(new BiasAtStepSize(eta, steps, seed + (ulong)e, SampleMean.Of(perRun, level), window.Length, predictionError, diverged));
        }
        return result;
    }

    /// <summary>k = τ·n/(η²·Var ξ), required to be a whole number (to 1e-9 relative) so that both step sizes reach the same τ.</summary>
    public static long StepsTo(double tau, double eta, double variance, int samples)
    {
        double k = tau * samples / (eta * eta * variance);
        long steps = (long)Math.Round(k);
        if (steps < 1 || Math.Abs(k - steps) > 1e-9 * k) throw new InputException($"τ = {tau} is not reached in a whole number of steps at η = {eta} (k = {k}).");
        return steps;
    }
}
