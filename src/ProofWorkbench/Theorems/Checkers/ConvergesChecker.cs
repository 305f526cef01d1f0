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
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Activation,
            ClaimParameter.Dataset,
            ClaimParameter.From,
            ClaimParameter.Needs("to", "point", "the stated limit θ* = (w*, a*): a name in setup.points or {w: [...], a: ...}"),
            ClaimParameter.Tolerance,
        ];

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
        if (Validated(claim, context, sigma, data, from, to, tol, r) is { } proved) return proved;
        var run = FlowEvidence.Run($"gradient flow on {data.Name} from θ₀ = {Format.Vector(from.ToArray())}", sigma, data, from, r);
        var section = Reports.FlowRunSection.Of(run);
        if (!r.HasLimit)
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

    /// <summary>
    /// For one sample with σ, σ′ &gt; 0 proved: the validated Lemma A.3 box of the limit decides the claim exactly —
    /// proved when every point of the box is within the tolerance of the stated θ*, refuted when none is. Null when the
    /// route does not apply or the box straddles the tolerance (then the ODE run decides, numerically).
    /// </summary>
    private static ClaimResult? Validated(Claim claim, TheoremContext context, Models.Activation sigma, Dataset data, Theta from, Theta to, double tol, Dynamics.FlowResult r)
    {
        var (limit, _) = context.ValidatedLimit(sigma, data, from);
        if (limit is null) return null;
        var target = to.W.Append(to.A).Select(q => (Symbolic.Expressions.Expr)Symbolic.Expressions.Expr.Num(q)).ToList();
        var (lower, upper) = ValidatedLimitEvidence.Distance(limit.Theta, target);
        var evidence = ValidatedLimitEvidence.Of($"flow on {data.Name} from θ₀ = {Format.Vector(from.ToArray())}", limit).ToList();
        var odeRun = FlowEvidence.Run($"gradient flow on {data.Name} (ODE route, for comparison)", sigma, data, from, r);
        evidence.Add(Reports.FlowRunSection.Of(odeRun));
        evidence.Add(new EvidenceSection(EvidenceLayer.Interval, "distance from the stated θ*")
        {
            Values = [new("stated θ*", Format.Vector(to.ToArray())), new("max |θ* − stated| over the box", $"between {Format.Error(lower)} and {Format.Error(upper)}"), new("tolerance", Format.Error(tol))],
        });
        if (upper > tol && lower <= tol) return null;
        var title = $"flow on {data.Name}";
        var facts = ValidatedLimitFacts.Of(title, limit).Concat(ValidatedLimitFacts.Distances(title, limit, target, tol)).Append(odeRun with { Outcome = FactOutcome.Informs }).ToList();
        string explanation = upper <= tol
            ? $"The flow's limit exists and lies in a box of width {Format.Bound(limit.Width)} (Lemma A.3 route: σ, σ′ > 0 proved by Z3, certified sign change of the level-set function on M_S); every point of it is within {Format.Error(tol)} of the stated θ*."
            : $"The flow's limit lies in a box of width {Format.Bound(limit.Width)} (Lemma A.3 route), at distance at least {Format.Error(lower)} > {Format.Error(tol)} from the stated θ*.";
        return ClaimResult.FromFacts(claim, facts, explanation, evidence);
    }
}
