using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// <c>in-minimum-set</c>: θ (<c>point</c>) lies in M_S, the zero set of L_S, up to <c>tolerance</c> on every
/// residual |f(θ; xᵢ) − yᵢ|. Exact when the residuals are rational numbers (proved / refuted); otherwise
/// the residuals are enclosed by interval arithmetic: confirmed when every enclosure lies within the
/// tolerance, refuted when one lies entirely beyond it.
/// </summary>
public sealed class InMinimumSetChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "in-minimum-set";
    /// <inheritdoc/>
    public IReadOnlyList<string> Parameters => ["activation", "point", "dataset", "tolerance"];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var sigma = context.ActivationOf(claim);
        var data = context.DatasetOf(claim.Node.Required("dataset"));
        var theta = context.Point(claim.Node.Required("point"));
        double tol = context.ToleranceOf(claim);
        if (ResidualCheck.Exact(sigma, data, theta) is { } exact)
        {
            var ev = new Evidence(EvidenceLayer.Symbolic, "exact residuals f(θ; xᵢ) − yᵢ over ℚ")
            {
                Values = exact.Select((r, i) => new NamedValue($"r{i + 1}", r.ToString())).ToList(),
            };
            bool zero = exact.All(r => r is Number { Value.IsZero: true });
            return zero
                ? new ClaimResult(claim, Verdict.Proved, "Every residual is exactly 0: θ ∈ M_S.", [ev])
                : new ClaimResult(claim, Verdict.Refuted, "A residual is a nonzero rational number: θ ∉ M_S.", [ev]);
        }
        var enclosures = ResidualCheck.Enclose(sigma, data, theta.ToArray(), 0);
        var evidence = new Evidence(EvidenceLayer.Interval, "residual enclosures by outward-rounded interval arithmetic")
        {
            Values = [.. enclosures.Select(r => new NamedValue($"r{r.Sample + 1} = f(θ; x{r.Sample + 1}) − y{r.Sample + 1}", ResidualCheck.Show(r))),
                      new("tolerance on |rᵢ|", Format.Error(tol))],
        };
        if (enclosures.All(r => r.MaxAbs <= tol))
            return new ClaimResult(claim, Verdict.Confirmed, $"Every residual is within {Format.Error(tol)} of 0 (rigorous enclosures).", [evidence]);
        if (enclosures.Any(r => r.MinAbs > tol))
            return new ClaimResult(claim, Verdict.Refuted, $"A residual exceeds {Format.Error(tol)} in absolute value (rigorous enclosure): θ is not in M_S to this tolerance.", [evidence]);
        return new ClaimResult(claim, Verdict.Inconclusive, "A residual enclosure straddles the tolerance.", [evidence]);
    }
}
