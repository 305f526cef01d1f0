using ProofWorkbench.Evidence;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// <c>converges</c>: gradient flow from θ₀ (<c>from</c>) on <c>dataset</c> converges to θ* (<c>to</c>) within
/// <c>tolerance</c> (max norm). The distance between the computed and the stated limit, with the limit's error bound,
/// is judged by <see cref="VerdictRule"/>; a diverging flow refutes, an unfinished one is inconclusive.
/// </summary>
public sealed class ConvergesChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "converges";
    /// <inheritdoc/>
    public IReadOnlyList<string> Parameters => ["activation", "dataset", "from", "to", "tolerance"];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var sigma = context.ActivationOf(claim);
        var data = context.DatasetOf(claim.Node.Required("dataset"));
        var from = context.Point(claim.Node.Required("from"));
        var to = context.Point(claim.Node.Required("to"));
        if (from.W.Count != data.Dimension || to.W.Count != data.Dimension)
            throw claim.Node.Error($"'from' and 'to' need {data.Dimension} weights, as the data have d = {data.Dimension}.");
        double tol = context.ToleranceOf(claim);
        var r = context.Flow(sigma, data, from);
        var run = FlowEvidence.Run($"gradient flow on {data.Name} from θ₀ = {Format.Vector(from.ToArray())}", sigma, data, from, r);
        var section = Reports.FlowRunSection.Of(run);
        if (!r.Converged)
        {
            bool diverged = r.Outcome == Dynamics.FlowOutcome.Diverged;
            return ClaimResult.FromFacts(claim, [run with { Outcome = diverged ? FactOutcome.Refutes : FactOutcome.Undecided }],
                diverged ? $"The flow diverges: {r.Message}" : $"The flow did not reach its limit: {r.Message}", [section]);
        }
        var target = to.ToArray();
        double distance = r.Theta.Zip(target, (a, b) => Math.Abs(a - b)).Max();
        double error = run.LimitError;
        var estimate = NumericEstimate.Judged("|θ* − stated θ*| (max norm)", distance, error, tol, "gradient-flow limit (ODE route; error bound from a reference run and the second route)",
            [new("time", r.Time), new("steps", r.Steps), new("rhs_evaluations", r.RhsEvaluations)]);
        var judgement = VerdictRule.Judge(Magnitude.Estimated(distance, error), tol);
        section = section with { Values = [.. section.Values, new("stated θ*", Format.Vector(target)), new("|computed − stated| (max norm)", Format.Error(distance)), new("tolerance", Format.Error(tol))] };
        string explanation = judgement.Outcome switch
        {
            FactOutcome.Confirms => $"The limit agrees with the stated θ* to {Format.Error(distance)} ≤ {Format.Error(tol)} (error estimate {Format.Error(error)}).",
            FactOutcome.Refutes => $"The limit differs from the stated θ* by {Format.Error(distance)}, more than the tolerance {Format.Error(tol)} plus the error estimate {Format.Error(error)}.",
            _ => $"Not decided: the distance {Format.Error(distance)} is within the error estimate {Format.Error(error)} of the tolerance {Format.Error(tol)}.",
        };
        return ClaimResult.FromFacts(claim, [run with { Outcome = FactOutcome.Informs }, estimate], explanation, [section]);
    }
}
