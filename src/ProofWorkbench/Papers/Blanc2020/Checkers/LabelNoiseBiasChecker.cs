using ProofWorkbench.Evidence;
using ProofWorkbench.Models;
using ProofWorkbench.Numerics.Stochastic;
using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Printing;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Papers.Blanc2020.Checkers;

/// <summary>
/// <c>label-noise-bias</c>: the O(η) bias of label-noise SGD against the slow-motion prediction (Blanc et al. 2020,
/// Section 3.3; issue 15), measured at two step sizes η₁ &gt; η₂ that are run to the same rescaled time τ_end
/// (<see cref="DriftBias"/>). D(η) is the mean over <c>runs</c> seeded runs of the time average, over the recorded steps
/// with τ ≥ <c>window-from</c>, of statistic(θ_k) − statistic(θ_pred(τ_k)). Facts (each a Monte Carlo estimate with a
/// central-limit interval; the intervals of all facts hold together at level <c>confidence</c>, Bonferroni):
/// <list type="bullet">
/// <item>with <c>resolved: true</c>: D(η₁) ≠ 0 (its interval excludes 0: the bias is resolved at η₁);</item>
/// <item>the two-point Richardson extrapolation E₀ = (η₁D(η₂) − η₂D(η₁))/(η₁ − η₂) to η → 0 is within <c>tolerance</c>
/// of 0 (the prediction is the η → 0 limit, and D is linear in η to that accuracy): it fails when D(η₂) is not about
/// η₂/η₁ of D(η₁);</item>
/// <item>with <c>bound</c>: |D(ηᵢ)| ≤ bound at each step size (for biases too small to resolve).</item>
/// </list>
/// Confirmed (never proved) when every interval is on the claimed side; refuted when one lies beyond it.
/// </summary>
public sealed class LabelNoiseBiasChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "label-noise-bias";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Activation,
            ClaimParameter.Needs("data", "dataset", "the training set"),
            ClaimParameter.Needs("start", "mapping name → number", "the start on the zero-loss manifold (one-neuron model: w, a)"),
            ClaimParameter.Needs("eta", "list of two numbers", "the step sizes η₁ > η₂"),
            ClaimParameter.May("noise", "rademacher or gaussian", "the label-noise distribution; default rademacher"),
            ClaimParameter.Needs("delta", "number > 0", "the noise scale δ"),
            ClaimParameter.Needs("tau", "number", "the common rescaled horizon τ_end (k = τ_end·n/(η²·Var ξ) steps, a whole number)"),
            ClaimParameter.Needs("window-from", "number", "the deviation is averaged over the recorded steps with τ ≥ this"),
            ClaimParameter.Needs("records", "integer", "recorded steps per run (equally spaced)"),
            ClaimParameter.Needs("runs", "integer ≥ 2", "independent seeded runs per step size"),
            ClaimParameter.Needs("seed", "integer", "the seed of the runs"),
            ClaimParameter.May("statistic", "expression in the parameters", "the statistic; default the first parameter"),
            ClaimParameter.May("confidence", "number in (0, 1)", "the family level of all intervals; default 0.99"),
            ClaimParameter.May("resolved", "true or false", "also claim D(η₁) ≠ 0; default false"),
            ClaimParameter.May("bound", "number > 0", "also claim |D(ηᵢ)| ≤ bound at each step size"),
            ClaimParameter.Tolerance,
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var node = claim.Node;
        var inputs = DriftClaimInputs.Read(claim, context, 1);
        var (createModel, model, data, regularizer, names) = (inputs.CreateModel, inputs.Model, inputs.Data, inputs.Regularizer, inputs.Names);
        var (theta0, statistic, noise, runs, seed, confidence) = (inputs.Theta0, inputs.Statistic, inputs.Noise, inputs.Runs, inputs.Seed, inputs.Confidence);

        var etaNode = node.Required("eta");
        var etas = etaNode.IsSequence ? etaNode.Items().Select(v => v.Double()).ToArray() : [];
        if (etas.Length != 2 || !(etas[1] > 0) || !(etas[0] > etas[1]) || double.IsInfinity(etas[0]))
            throw etaNode.Error("eta must be a list of two step sizes η₁ > η₂ > 0.");
        double delta = DriftClaimInputs.Positive(node.Required("delta"), "delta");
        double tau = DriftClaimInputs.Positive(node.Required("tau"), "tau");
        var fromNode = node.Required("window-from");
        double from = fromNode.Double();
        if (!(from >= 0 && from < tau)) throw fromNode.Error("window-from must be in [0, tau).");
        int records = DriftClaimInputs.PositiveInt(node.Required("records"), "records");
        bool resolved = node.Optional("resolved")?.Text() switch { null or "false" => false, "true" => true, var t => throw node.Required("resolved").Error($"resolved must be true or false, not '{t}'.") };
        double? bound = node.Optional("bound") is { } bn ? DriftClaimInputs.Positive(bn, "bound") : null;
        double tolerance = context.ToleranceOf(claim);
        // Bonferroni: every judged interval at level 1 − (1 − confidence)/count.
        int intervals = 1 + (resolved ? 1 : 0) + (bound is null ? 0 : 2);
        double level = 1 - (1 - confidence) / intervals;
        double z = SampleMean.Quantile(level);
        double variance = delta * delta; // Var ξ for ±δ and for N(0, δ²)
        foreach (var eta in etas) DriftBias.StepsTo(tau, eta, variance, data.Length);

        var series = DriftBias.Run(createModel, data, regularizer, theta0, statistic, etas, tau, from, records, runs, (ulong)seed, noise, delta, level);
        var (b1, b2) = (series[0], series[1]);
        double se1 = b1.Bias.StandardDeviation / Math.Sqrt(runs), se2 = b2.Bias.StandardDeviation / Math.Sqrt(runs);
        double c1 = -etas[1] / (etas[0] - etas[1]), c2 = etas[0] / (etas[0] - etas[1]);
        double e0 = c1 * b1.Bias.Mean + c2 * b2.Bias.Mean;
        // The two step sizes' runs are independent (different seeds): the variances add. The ODE's error enters linearly.
        double predErr = Math.Abs(c1) * b1.PredictionError + Math.Abs(c2) * b2.PredictionError;
        double e0Half = z * Math.Sqrt(c1 * c1 * se1 * se1 + c2 * c2 * se2 * se2) + predErr;
        double slope = (b1.Bias.Mean - b2.Bias.Mean) / (etas[0] - etas[1]);
        double slopeHalf = z * Math.Sqrt(se1 * se1 + se2 * se2) / (etas[0] - etas[1]);
        int divergedRuns = b1.Diverged + b2.Diverged;
        string statName = InfixPrinter.Print(statistic);
        string method = $"Monte Carlo: {runs} seeded label-noise SGD runs per step size (counter-based generator, seeds {b1.Seed} and {b2.Seed}) to τ = {Format.Value(tau)}; " +
            $"per run the deviation {statName} − predicted averaged over the recorded steps with τ ≥ {Format.Value(from)}; central-limit intervals, each at level {Format.Value(level)} " +
            $"so that all {intervals} hold together at level {Format.Value(confidence)} (Bonferroni); prediction by DOP853 on dθ/dτ = −P_T∇R";
        List<KeyValuePair<string, double>> Stats(params (string, double)[] extra) =>
            [new("eta1", etas[0]), new("eta2", etas[1]), new("runs", runs), new("steps1", b1.Steps), new("steps2", b2.Steps), new("seed", seed),
             new("family_confidence", confidence), new("interval_confidence", level), new("window_records", b1.WindowRecords), new("diverged_runs", divergedRuns),
             .. extra.Select(x => new KeyValuePair<string, double>(x.Item1, x.Item2))];

        var facts = new List<Fact>();
        FactOutcome Guard(FactOutcome o) => divergedRuns > 0 ? FactOutcome.Undecided : o;
        if (resolved)
        {
            double half = b1.Bias.HalfWidth + b1.PredictionError;
            facts.Add(new NumericEstimate($"|D(η₁)|, the bias at η₁ = {Format.Value(etas[0])}, is nonzero (its interval excludes 0)", Math.Abs(b1.Bias.Mean), half, null, method,
                Stats(("D1", b1.Bias.Mean), ("D1_half_width", half)), Guard(VerdictRule.JudgeNonzero(Magnitude.Estimated(Math.Abs(b1.Bias.Mean), half)).Outcome)));
        }
        facts.Add(new NumericEstimate($"|E₀| = |(η₁D(η₂) − η₂D(η₁))/(η₁ − η₂)|, the bias extrapolated to η → 0", Math.Abs(e0), e0Half, tolerance, method,
            Stats(("E0", e0), ("E0_half_width", e0Half)), Guard(VerdictRule.Judge(Magnitude.Estimated(Math.Abs(e0), e0Half), tolerance, ToleranceMeaning.Bound).Outcome)));
        if (bound is { } bb)
            foreach (var b in series)
            {
                double half = b.Bias.HalfWidth + b.PredictionError;
                facts.Add(new NumericEstimate($"|D(η)| at η = {Format.Value(b.StepSize)}", Math.Abs(b.Bias.Mean), half, bb, method,
                    Stats(("D", b.Bias.Mean), ("D_half_width", half)), Guard(VerdictRule.Judge(Magnitude.Estimated(Math.Abs(b.Bias.Mean), half), bb, ToleranceMeaning.Bound).Outcome)));
            }

        var values = new List<NamedValue>();
        foreach (var b in series)
            values.Add(new($"D(η) at η = {Format.Value(b.StepSize)} ({b.Steps} steps, seed {b.Seed}, {b.WindowRecords} records in the window)",
                $"{Format.Error(b.Bias.Mean)} ± {Format.Error(b.Bias.HalfWidth)} (sd over runs {Format.Error(b.Bias.StandardDeviation)}); D/η = {Format.Error(b.Bias.Mean / b.StepSize)}"));
        values.Add(new("E₀ = (η₁D(η₂) − η₂D(η₁))/(η₁ − η₂)", $"{Format.Error(e0)} ± {Format.Error(e0Half)}"));
        values.Add(new("slope β̂ = (D(η₁) − D(η₂))/(η₁ − η₂)", $"{Format.Error(slope)} ± {Format.Error(slopeHalf)}"));
        values.Add(new("D(η₁)/D(η₂) (η₁/η₂ if linear)", $"{Format.Error(b1.Bias.Mean / b2.Bias.Mean)} (η₁/η₂ = {Format.Value(etas[0] / etas[1])})"));
        values.Add(new("drift ODE error (max over the window)", Format.Error(Math.Max(b1.PredictionError, b2.PredictionError))));
        var verdict = VerdictRule.Decide(facts);
        string explanation = verdict switch
        {
            Verdict.Confirmed => $"The bias of the mean {statName} against the prediction, D(η₁) = {Format.Error(b1.Bias.Mean)} and D(η₂) = {Format.Error(b2.Bias.Mean)}, extrapolates linearly to {Format.Error(e0)} ± {Format.Error(e0Half)} at η → 0, within {Format.Error(tolerance)} of 0" +
                (resolved ? $"; the bias at η₁ is resolved (its interval excludes 0)" : "") + (bound is { } x ? $"; |D| ≤ {Format.Error(x)} at both step sizes" : "") + $" (all intervals together at level {Format.Value(confidence)}).",
            Verdict.Refuted => "An interval lies on the wrong side: " + string.Join("; ", facts.Where(f => f.Outcome == FactOutcome.Refutes).Select(f => f.Label)) + ".",
            _ => divergedRuns > 0 ? "Some runs diverged." : "An interval straddles its threshold: more runs are needed to decide.",
        };
        return ClaimResult.FromFacts(claim, facts, explanation,
            [new EvidenceSection(EvidenceLayer.Numeric, $"the O(η) bias of the mean {statName} against the predicted path at η = {Format.Value(etas[0])} and {Format.Value(etas[1])}, τ ∈ [{Format.Value(from)}, {Format.Value(tau)}]") { Values = values }]);
    }
}
