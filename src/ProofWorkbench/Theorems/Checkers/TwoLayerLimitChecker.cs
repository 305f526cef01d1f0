using ProofWorkbench.Dynamics;
using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.Constructions;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// <c>two-layer-limit</c>: paper 000, Corollary 6.2 — gradient flow of g(θ, x) = Σₖ aₖσ(wₖ·x) on the one-sample dataset
/// (<c>x</c>, −g(θ0, x)) from θ0 ends at (w₀ₖ, −a₀ₖ) for every k, within <c>tolerance</c> (max norm). θ0 is given
/// explicitly (<c>neurons</c>: a list of {w: [...], a: ...}) or generated (<c>init</c>: random or equal-time, with
/// <c>width</c> and <c>seed</c>; see <see cref="Corollary62Construction"/>). Integrated by <see cref="ModelFlowEngine"/>
/// (cost linear in the number of parameters). Confirmed within tolerance; refuted beyond tolerance plus the limit's
/// error bound; inconclusive otherwise, or when the flow has no limit in M_S.
/// </summary>
public sealed class TwoLayerLimitChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "two-layer-limit";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Activation,
            ClaimParameter.Needs("x", "list of numbers", "the input of the one sample (x, −g(θ₀, x))"),
            ClaimParameter.Neurons,
            ClaimParameter.Init,
            ClaimParameter.Width,
            ClaimParameter.Seed,
            ClaimParameter.Tolerance,
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var sigma = context.ActivationOf(claim);
        var xNode = claim.Node.Required("x");
        var x = xNode.Rationals().Select(r => r.ToDouble()).ToArray();
        if (x.Any(c => c == 0)) throw xNode.Error("Corollary 6.2 needs every component of x nonzero.");
        int d = x.Length;
        var (theta0, width) = TwoLayerStart.Read(claim, sigma, [x]);
        double tol = context.ToleranceOf(claim);
        var model = new TwoLayerModel(sigma, d, width);
        var data = new[] { new NumericSample(0, x, Corollary62Construction.ReflectedLabel(model, theta0, x)) };
        var r = ModelFlowEngine.Run(model, data, theta0);
        var stated = Corollary62Construction.StatedLimit(theta0, d);
        double distance = r.Theta.Zip(stated, (p, q) => Math.Abs(p - q)).Max();
        int worst = Enumerable.Range(0, width).MaxBy(k => Enumerable.Range(0, d + 1).Max(l => Math.Abs(r.Theta[k * (d + 1) + l] - stated[k * (d + 1) + l])));
        var values = new List<NamedValue>
        {
            new("network", $"m = {width} neurons, d = {d}, M = {model.ParameterCount} parameters"),
            new("outcome", r.Converged ? "converged" : $"{r.Outcome}: {r.Message}"),
            new("error bound of θ* (reference run)", $"{Format.Bound(r.LimitErrorEstimate)} ({r.ReferenceRun})"),
            new("loss at θ*", Format.Bound(r.Loss)),
            new("max over k of |θ*ₖ − (w₀ₖ, −a₀ₖ)| (max norm)", Format.Error(distance)),
            new($"neuron {worst + 1}: a₀, a* (stated −a₀)", $"{Format.Value(theta0[worst * (d + 1) + d])}, {Format.Value(r.Theta[worst * (d + 1) + d])}"),
            new("solver", $"DOP853; {r.Steps} steps, {r.RhsEvaluations} + {r.ReferenceRhsEvaluations} (reference) RHS evaluations"),
        };
        values.AddRange(r.Conserved.Select(c => new NamedValue($"drift of {c.Name}", Format.Bound(c.MaxDrift))));
        var evidence = new EvidenceSection(EvidenceLayer.Numeric, $"gradient flow of the two-layer network on (x, −g(θ₀, x)), x = {Format.Vector(x)}") { Values = values };
        var stats = new List<KeyValuePair<string, double>> { new("time", r.Time), new("steps", r.Steps), new("rhs_evaluations", r.RhsEvaluations), new("loss", r.Loss) };
        if (!r.Converged)
            return ClaimResult.FromFacts(claim, [new Evidence.NumericEstimate("max over k of |θ*ₖ − (w₀ₖ, −a₀ₖ)| (the flow did not reach a limit)", distance, double.PositiveInfinity, tol,
                $"gradient flow (DOP853): {r.Message}", stats, Evidence.FactOutcome.Undecided)], $"The flow did not reach a limit in M_S: {r.Message}", [evidence]);
        double error = r.LimitErrorEstimate;
        // One estimate per neuron k: max_l |θ*ₖₗ − (w₀ₖ, −a₀ₖ)ₗ| (Corollary 6.2, Lemma 6.2 applied to each neuron).
        var facts = Enumerable.Range(0, width).Select(k => (Evidence.Fact)Evidence.NumericEstimate.Judged(
            $"neuron {k + 1}: |θ*ₖ − (w₀ₖ, −a₀ₖ)| (max norm)", Enumerable.Range(0, d + 1).Max(l => Math.Abs(r.Theta[k * (d + 1) + l] - stated[k * (d + 1) + l])),
            error, tol, $"gradient flow of the two-layer network (DOP853; error bound from a reference run: {r.ReferenceRun})", stats)).ToList();
        var verdict = Evidence.VerdictRule.Decide(facts);
        string why = verdict switch
        {
            Verdict.Confirmed => $"Every neuron ends at (w₀ₖ, −a₀ₖ) to {Format.Error(distance)} ≤ {Format.Error(tol)} (error bound {Format.Error(error)}).",
            Verdict.Refuted => $"Neuron {worst + 1} ends {Format.Error(distance)} away from (w₀ₖ, −a₀ₖ), more than the tolerance {Format.Error(tol)} plus the error bound {Format.Error(error)}: the flow stops elsewhere on the zero set.",
            _ => $"The distance {Format.Error(distance)} is within the error bound {Format.Error(error)} of the tolerance {Format.Error(tol)}.",
        };
        return ClaimResult.FromFacts(claim, facts, why, [evidence]);
    }
}
