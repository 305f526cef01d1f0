using ProofWorkbench.Evidence;
using ProofWorkbench.Models;
using ProofWorkbench.Numerics.Stochastic;
using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Printing;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;
using Formula = ProofWorkbench.Theorems.Checking.Formula;

namespace ProofWorkbench.Papers.Blanc2020.Checkers;

/// <summary>
/// <c>label-noise-drift</c>: the drift prediction against simulation (Blanc et al. 2020, Section 3.3; issue 15). For the
/// two-layer model h = Σₖ aₖσ(wₖ·x) (width 1: h = a·σ(w·x), the paper's c·σ(w·x)) on the data, from <c>start</c> (a
/// point of the zero-loss manifold), runs <c>runs</c> seeded label-noise SGD runs of <c>steps</c> steps at each step
/// size in <c>eta</c> and compares the mean of <c>statistic</c> at K checkpoints with the predicted slow path
/// dθ/dτ = −P_T∇R, τ = η²·Var ξ·k/n (<see cref="ManifoldDriftPath"/>). Claim: |mean − predicted| ≤ tolerance at every
/// checkpoint. One fact per step size, judged by <see cref="VerdictRule"/> with the Bonferroni-corrected confidence
/// half-widths as the error: confirmed (never proved) when every interval lies within the tolerance, refuted when one
/// lies beyond it. With <c>delta: 0</c> (no noise) τ = 0 and the claim says the iterate does not move.
/// </summary>
public sealed class LabelNoiseDriftChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "label-noise-drift";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Activation,
            ClaimParameter.May("width", "integer", "the number of hidden units; default 1"),
            ClaimParameter.Needs("data", "dataset", "the training set"),
            ClaimParameter.Needs("start", "mapping name → number", "the start on the zero-loss manifold, one value per parameter"),
            ClaimParameter.Needs("eta", "number or list", "the step size(s) η"),
            ClaimParameter.May("noise", "rademacher or gaussian", "the label-noise distribution; default rademacher"),
            ClaimParameter.Needs("delta", "number ≥ 0", "the noise scale δ (±δ or N(0, δ²))"),
            ClaimParameter.May("order", "uniform or cyclic", "the sample order; default uniform"),
            ClaimParameter.Needs("steps", "integer", "SGD steps per run"),
            ClaimParameter.Needs("runs", "integer ≥ 2", "independent seeded runs per step size"),
            ClaimParameter.Needs("seed", "integer", "the seed of the runs"),
            ClaimParameter.May("checkpoints", "integer", "how many checkpoints are compared; default 10"),
            ClaimParameter.May("statistic", "expression in the parameters", "the statistic compared with the prediction; default the first parameter"),
            ClaimParameter.May("confidence", "number in (0, 1)", "the confidence level of the intervals; default 0.99"),
            ClaimParameter.Tolerance,
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var node = claim.Node;
        var inputs = DriftClaimInputs.Read(claim, context, node.Optional("width")?.Int() ?? 1);
        var (createModel, model, data, regularizer, names) = (inputs.CreateModel, inputs.Model, inputs.Data, inputs.Regularizer, inputs.Names);
        var (theta0, statistic, noise, runs, seed, confidence) = (inputs.Theta0, inputs.Statistic, inputs.Noise, inputs.Runs, inputs.Seed, inputs.Confidence);

        var etaNode = node.Required("eta");
        var etas = (etaNode.IsSequence ? etaNode.Items() : [etaNode]).Select(v => DriftClaimInputs.Positive(v, "a step size η")).ToArray();
        double delta = node.Required("delta").Double();
        if (!(delta >= 0) || double.IsInfinity(delta)) throw node.Required("delta").Error("delta must be a nonnegative number.");
        var orderNode = node.Optional("order");
        var order = (orderNode?.Text() ?? "uniform") switch
        {
            "uniform" => SampleOrder.Uniform,
            "cyclic" => SampleOrder.Cyclic,
            var t => throw orderNode!.Error($"order must be uniform or cyclic, not '{t}'."),
        };
        int steps = DriftClaimInputs.PositiveInt(node.Required("steps"), "steps");
        int k = node.Optional("checkpoints") is { } kn ? DriftClaimInputs.PositiveInt(kn, "checkpoints") : 10;
        double tolerance = context.ToleranceOf(claim);

        // The start must be on the zero-loss manifold (to rounding).
        double startResidual = data.Max(s => Math.Abs(model.Output(theta0, s) - s.Y));
        var settings = new DriftSettings(etas, steps, runs, (ulong)seed, noise, delta, order, k, confidence);
        var series = DriftExperiment.Run(createModel, data, regularizer, theta0, statistic, settings);

        var facts = new List<Fact>();
        var sections = new List<EvidenceSection>();
        var statName = InfixPrinter.Print(statistic);
        foreach (var s in series)
        {
            double upper = s.Checkpoints.Max(c => Math.Abs(c.Deviation) + c.Mean.HalfWidth + c.PredictionError);
            double lower = s.Checkpoints.Max(c => Math.Abs(c.Deviation) - c.Mean.HalfWidth - c.PredictionError);
            var stats = new List<KeyValuePair<string, double>>
            {
                new("eta", s.StepSize), new("noise_variance", s.Settings.NoiseVariance), new("runs", runs), new("steps", steps),
                new("seed", seed + Array.IndexOf(etas, s.StepSize)), new("family_confidence", confidence),
                new("interval_confidence", settings.PerIntervalConfidence), new("checkpoints", k), new("tau_end", s.Checkpoints[^1].Tau),
                new("diverged_runs", s.Diverged), new("max_displacement", s.MaxDisplacement),
            };
            facts.Add(new NumericEstimate(
                $"max over {k} checkpoints of |mean {statName} − predicted {statName}| at η = {Format.Value(s.StepSize)}",
                (upper + lower) / 2, (upper - lower) / 2, tolerance,
                $"Monte Carlo: mean of {runs} seeded label-noise SGD runs (counter-based generator, seed {seed + Array.IndexOf(etas, s.StepSize)}), " +
                $"each interval at level {Format.Value(settings.PerIntervalConfidence)} so that all {k * etas.Length} intervals hold together at level {Format.Value(confidence)} (Bonferroni); " +
                "prediction by DOP853 on dθ/dτ = −P_T∇R",
                stats, s.Diverged > 0 ? FactOutcome.Undecided : VerdictRule.Judge(Magnitude.Estimated((upper + lower) / 2, (upper - lower) / 2), tolerance).Outcome));
            var values = new List<NamedValue>
            {
                new("η, Var ξ, runs × steps, seed", $"{Format.Value(s.StepSize)}, {Format.Value(s.Settings.NoiseVariance)}, {runs} × {steps}, {seed + Array.IndexOf(etas, s.StepSize)}"),
                new("interval level (each; family)", $"{Format.Value(settings.PerIntervalConfidence)}; {Format.Value(confidence)}"),
            };
            values.AddRange(s.Checkpoints.Select(c => new NamedValue($"k = {c.Step}, τ = {Format.Value(c.Tau)}",
                $"mean {Format.Value(c.Mean.Mean)} ± {Format.Error(c.Mean.HalfWidth)}, predicted {Format.Value(c.Predicted)}, mean − predicted = {Format.Error(c.Deviation)}")));
            values.Add(new("(mean − predicted)/η at the last checkpoint", Format.Value(s.Checkpoints[^1].Deviation / s.StepSize)));
            values.Add(new("max |Δ statistic| over runs and steps", Format.Error(s.MaxDisplacement)));
            sections.Add(new EvidenceSection(EvidenceLayer.Numeric,
                $"η = {Format.Value(s.StepSize)}: largest |mean − predicted| + half-width over the checkpoints {Format.Error(upper)} (tolerance {Format.Error(tolerance)})")
            { Values = values });
        }
        var formulas = new List<Formula>
        {
            new("R(θ) = Σᵢ ‖∇_θ h(xᵢ; θ)‖²", regularizer.Regularizer),
            new("predicted slow motion", @"\frac{d\theta}{d\tau} = -P_T(\theta)\,\nabla R(\theta),\quad \tau = \eta^2\,\mathrm{Var}\,\xi\;k/n")
            {
                Plain = "dθ/dτ = −P_T(θ)·∇R(θ),   τ = η²·Var ξ·k/n",
            },
        };
        var longest = series.MaxBy(s => s.Checkpoints[^1].Tau)!;
        var plot = new MeanPathPlot($"{claim.Id}.svg", $"label-noise SGD: mean {statName} against the predicted slow path",
            $"Mean of {statName} over {runs} seeded runs (shaded: each checkpoint's confidence interval at level {Format.Value(settings.PerIntervalConfidence)}) at each step size, against the prediction dθ/dτ = −P_T∇R (dashed), τ = η²·Var ξ·k/n.",
            "τ = η²·Var ξ·k/n", statName, longest.PredictedCurve,
            series.Select(s => new MeanPath($"η = {Format.Value(s.StepSize)}",
                [(0.0, Compiler.Compile(statistic, names)(theta0), 0.0), .. s.Checkpoints.Select(c => (c.Tau, c.Mean.Mean, c.Mean.HalfWidth))])).ToArray());
        sections.Insert(0, new EvidenceSection(EvidenceLayer.Symbolic, "the regularizer and the predicted path")
        {
            PathFigure = plot,
            Formulas = formulas,
            Values = [new("θ₀", Format.Vector(theta0)), new("max |h(xᵢ; θ₀) − yᵢ| at the start", Format.Error(startResidual))],
        });
        var verdict = VerdictRule.Decide(facts);
        string explanation = verdict switch
        {
            Verdict.Confirmed => $"At every step size and checkpoint the mean of {runs} runs is within {Format.Error(tolerance)} of the predicted path, confidence intervals included (family level {Format.Value(confidence)}).",
            Verdict.Refuted => $"At some checkpoint the mean of {runs} runs is farther than {Format.Error(tolerance)} from the predicted path, beyond its confidence interval.",
            _ => "The confidence intervals straddle the tolerance (or runs diverged): more runs are needed to decide.",
        };
        return ClaimResult.FromFacts(claim, facts, explanation, sections);
    }
}
