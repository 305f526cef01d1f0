using ProofWorkbench.Evidence;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// <c>in-minimum-set</c>: θ (<c>point</c>) lies in M_S, the zero set of L_S, up to <c>tolerance</c> on every
/// residual |f(θ; xᵢ) − yᵢ|. Exact when the residuals are rational numbers; otherwise the residuals are enclosed by
/// interval arithmetic. Every residual is judged by <see cref="VerdictRule"/>: exactly 0 proves, exactly nonzero but
/// within the tolerance (or enclosed within it) confirms, beyond it refutes.
/// </summary>
public sealed class InMinimumSetChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "in-minimum-set";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Activation,
            ClaimParameter.Point,
            ClaimParameter.Dataset,
            ClaimParameter.Tolerance,
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var sigma = context.ActivationOf(claim);
        var data = context.DatasetOf(claim.Node.Required("dataset"));
        var theta = context.Point(claim.Node.Required("point"));
        double tol = context.ToleranceOf(claim);
        if (ResidualCheck.Exact(sigma, data, theta, tol) is { } exact)
        {
            var section = new EvidenceSection(EvidenceLayer.Symbolic, "exact residuals f(θ; xᵢ) − yᵢ over ℚ")
            {
                Values = [.. exact.Select((r, i) => new NamedValue($"r{i + 1}", r.Value.ToString())), new("tolerance on |rᵢ|", Format.Error(tol))],
            };
            var verdict = VerdictRule.Decide(exact);
            string explanation = verdict switch
            {
                Verdict.Proved => "Every residual is exactly 0: θ ∈ M_S.",
                Verdict.Confirmed => $"A residual is exactly nonzero, so θ ∉ M_S exactly, but every residual is within the tolerance {Format.Error(tol)}: θ is in M_S to this tolerance.",
                _ => $"A residual is a nonzero rational number beyond the tolerance {Format.Error(tol)}: θ ∉ M_S.",
            };
            return ClaimResult.FromFacts(claim, exact, explanation, [section]);
        }
        var enclosures = ResidualCheck.Enclose(sigma, data, theta, tol);
        var evidence = new EvidenceSection(EvidenceLayer.Interval, "residual enclosures by outward-rounded interval arithmetic")
        {
            Values = [.. enclosures.Select(r => new NamedValue($"r{r.Sample + 1} = f(θ; x{r.Sample + 1}) − y{r.Sample + 1}", ResidualCheck.Show(r))),
                      new("tolerance on |rᵢ|", Format.Error(tol))],
        };
        var facts = enclosures.Select(r => (Fact)r.Fact).ToList();
        string why = VerdictRule.Decide(facts) switch
        {
            Verdict.Confirmed => $"Every residual is within {Format.Error(tol)} of 0 (rigorous enclosures).",
            Verdict.Refuted => $"A residual exceeds {Format.Error(tol)} in absolute value (rigorous enclosure): θ is not in M_S to this tolerance.",
            Verdict.Proved => "Every residual is enclosed in [0, 0]: θ ∈ M_S.",
            _ => "A residual enclosure straddles the tolerance.",
        };
        return ClaimResult.FromFacts(claim, facts, why, [evidence]);
    }
}
