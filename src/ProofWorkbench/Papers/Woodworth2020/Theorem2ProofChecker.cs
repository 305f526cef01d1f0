using ProofWorkbench.Evidence;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Papers.Woodworth2020;

/// <summary>
/// <c>diagonal-theorem2-proof</c>: the constants of the proof of Theorem 2 (paper 003, Appendix B) traced on an instance,
/// one <c>part</c> per claim, for each ε of <c>epsilons</c> (α₁, α₂: the printed thresholds of Theorem 2):
/// <list type="bullet">
/// <item><c>l1-threshold-covers-proof</c>: α₁(ε) ≤ α₁^Lemma1(ε/(2+ε), (1+2ε)‖β*_L1‖₁, d), the condition under which the
/// proof applies Lemma 1 (eq. (74));</item>
/// <item><c>l1-lemma1-at-minimizer</c>: at α = α₁(ε), Lemma 1's lower-bound condition α ≤ exp(−d/(2ε′‖β̂_α‖₁)),
/// ε′ = ε/(2+ε), which step (81) uses for β = β̂_α;</item>
/// <item><c>l1-inequality-81</c>: at α = α₁(ε), inequality (81) itself, ‖β̂_α‖₁ ≤ (1/(1 − ε′))·α²/ln(1/α²)·Q(β̂_α/α²);</item>
/// <item><c>l1-direct-bound</c>: the corrected argument at α = α₁(ε)·{1, 1/2, 1/10}: eq. (40) at β̂_α and eq. (32) at β*_L1
/// with Q(β̂_α) ≤ Q(β*_L1) give ‖β̂_α‖₁ ≤ ‖β*_L1‖₁(1 + ln(‖β*_L1‖₁ + α²)/ln(1/α²)) + d/ln(1/α²) ≤ (1+ε)‖β*_L1‖₁;</item>
/// <item><c>l2-threshold-covers-proof</c>: α₂(ε) ≥ α₂^Lemma3(ε/(2+ε), (1+2ε)‖β*_L2‖₂), the condition under which the proof
/// applies Lemma 3 (eq. (85)).</item>
/// </list>
/// Numeric facts (the thresholds are transcendental); relative differences against a tolerance of 1e-9.
/// </summary>
public sealed class Theorem2ProofChecker : IClaimChecker
{
    private static readonly string[] Parts = ["l1-threshold-covers-proof", "l1-lemma1-at-minimizer", "l1-inequality-81", "l1-direct-bound", "l2-threshold-covers-proof"];
    private const double Tol = 1e-9;
    private const double Rel = 1e-12; // rounding allowance of the closed-form thresholds (a few ulps of pow/exp/log)

    /// <inheritdoc/>
    public string Kind => "diagonal-theorem2-proof";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.DesignMatrix,
            ClaimParameter.Labels,
            ClaimParameter.Needs("epsilons", "list of positive numbers", "the ε of Theorem 2"),
            ClaimParameter.Needs("part", "name", "the traced step: " + string.Join(", ", Parts)),
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var inst = DiagonalInstance.Of(claim);
        var epsNode = claim.Node.Required("epsilons");
        var eps = epsNode.Rationals();
        int d = inst.Dimension;
        if (eps.Any(e => e.Sign <= 0 || e >= new Rational(d))) throw epsNode.Error($"every ε must satisfy 0 < ε < d = {d} (Theorem 2).");
        var partNode = claim.Node.Required("part");
        var part = partNode.Text();
        if (!Parts.Contains(part)) throw partNode.Error($"unknown part '{part}'; one of {string.Join(", ", Parts)}.");
        var l1 = ExactInterpolants.MinL1(inst.X, inst.Y);
        var l2 = ExactInterpolants.MinL2(inst.X, inst.Y);
        double b1 = l1.Norm.ToDouble(), b2 = Math.Sqrt(l2.Aggregate(Rational.Zero, (s, v) => s + v * v).ToDouble());
        var facts = new List<Fact>();
        var values = new List<NamedValue> { new("‖β*_L1‖₁, ‖β*_L2‖₂ (exact references)", $"{l1.Norm}, {Format.Value(b2)}") };
        foreach (var e in eps)
        {
            double ep = e.ToDouble(), epp = ep / (2 + ep);
            double a1 = Theorem2Thresholds.TheoremL1(ep, b1, d), a2 = Theorem2Thresholds.TheoremL2(ep, b2);
            switch (part)
            {
                case "l1-threshold-covers-proof":
                {
                    double need = Theorem2Thresholds.ProofL1(ep, b1, d);
                    facts.Add(NumericEstimate.Judged($"ε = {e}: (α₁ − α₁^Lemma1(ε/(2+ε), (1+2ε)‖β*_L1‖₁, d))₊ / α₁^Lemma1", Math.Max(0, a1 - need) / need, Rel * (1 + a1 / need), Tol,
                        "closed forms of Theorem 2 and Lemma 1 in double precision"));
                    values.Add(new($"ε = {e}", $"printed α₁ = {Format.Value(a1)}, the proof needs α ≤ {Format.Value(need)}"));
                    break;
                }
                case "l1-lemma1-at-minimizer":
                case "l1-inequality-81":
                {
                    var (beta, n1, err, method) = Theorem2Checker.L1NormOfMinimizer(inst, l1.Minimizers[0], a1);
                    if (part == "l1-lemma1-at-minimizer")
                    {
                        double need = Math.Exp(-d / (2 * epp * n1));
                        double errNeed = need * d / (2 * epp * n1 * n1) * err + Rel * need;
                        facts.Add(NumericEstimate.Judged($"ε = {e}, α = α₁ = {Format.Value(a1)}: (α − exp(−d/(2ε′‖β̂_α‖₁)))₊ / α", Math.Max(0, a1 - need) / a1, errNeed / a1, Tol, method));
                        values.Add(new($"ε = {e}, α = {Format.Value(a1)}", $"‖β̂_α‖₁ = {Format.Value(n1)}; Lemma 1's lower bound at β̂_α needs α ≤ {Format.Value(need)}"));
                    }
                    else
                    {
                        double a2sq = a1 * a1, lg = Math.Log(1 / a2sq);
                        double q = beta.Sum(b => Theorem2Thresholds.Q(b / a2sq));
                        double rhs = a2sq / lg * q / (1 - epp);
                        // Q's error from β's: |∂/∂β_j α²q(β_j/α²)| = |asinh(β_j/2α²)| ≤ ln(|β_j|/α² + 1) ≤ ln(1/α²) + |ln(|β_j| + α²)|
                        // (the larger of the two ends of |β_j| ± err).
                        double slope = lg + beta.Max(b => Math.Max(Math.Abs(Math.Log(Math.Max(Math.Abs(b) - err, 0) + a2sq)), Math.Abs(Math.Log(Math.Abs(b) + err + a2sq))));
                        double errRhs = (err * slope + 1e-13 * Math.Abs(a2sq * q)) / lg / (1 - epp);
                        facts.Add(NumericEstimate.Judged($"ε = {e}, α = α₁ = {Format.Value(a1)}: (‖β̂_α‖₁ − α²Q(β̂_α/α²)/((1 − ε′)ln(1/α²)))₊", Math.Max(0, n1 - rhs), err + errRhs, Tol, method));
                        values.Add(new($"ε = {e}, α = {Format.Value(a1)}", $"‖β̂_α‖₁ = {Format.Value(n1)} ≤ {Format.Value(rhs)} = right side of (81)"));
                    }
                    break;
                }
                case "l1-direct-bound":
                    foreach (var f in new[] { 1, 0.5, 0.1 })
                    {
                        double alpha = a1 * f, lg = Math.Log(1 / (alpha * alpha));
                        double bound = b1 * (1 + Math.Log(b1 + alpha * alpha) / lg) + d / lg;
                        var (_, n1, err, method) = Theorem2Checker.L1NormOfMinimizer(inst, l1.Minimizers[0], alpha);
                        facts.Add(NumericEstimate.Judged($"ε = {e}, α = {Format.Value(alpha)}: ‖β*_L1‖₁(1 + ln(‖β*_L1‖₁ + α²)/ln(1/α²)) + d/ln(1/α²) ≤ (1+ε)‖β*_L1‖₁",
                            bound, Rel * bound, (1 + ep) * b1, "closed form in double precision"));
                        facts.Add(NumericEstimate.Judged($"ε = {e}, α = {Format.Value(alpha)}: ‖β̂_α‖₁ ≤ that bound (eqs. (40) and (32) with Q(β̂_α) ≤ Q(β*_L1))",
                            n1, err, bound, method));
                        values.Add(new($"ε = {e}, α = {Format.Value(alpha)}", $"‖β̂_α‖₁ = {Format.Value(n1)} ≤ bound {Format.Value(bound)} ≤ (1+ε)‖β*_L1‖₁ = {Format.Value((1 + ep) * b1)}"));
                    }
                    break;
                default:
                {
                    double need = Theorem2Thresholds.ProofL2(ep, b2);
                    facts.Add(NumericEstimate.Judged($"ε = {e}: (α₂^Lemma3(ε/(2+ε), (1+2ε)‖β*_L2‖₂) − α₂)₊ / α₂", Math.Max(0, need - a2) / a2, Rel * (1 + need / a2), Tol,
                        "closed forms of Theorem 2 and Lemma 3 in double precision"));
                    values.Add(new($"ε = {e}", $"printed α₂ = {Format.Value(a2)}, the proof needs α ≥ {Format.Value(need)}"));
                    break;
                }
            }
        }
        var verdict = VerdictRule.Decide(facts);
        string explanation = verdict switch
        {
            Verdict.Confirmed => $"For every ε in ({string.Join(", ", eps)}) the traced step holds on {inst}.",
            Verdict.Refuted => $"For some ε in ({string.Join(", ", eps)}) the traced step fails on {inst} (see the values).",
            _ => "Not decided: a value lies within its error of the tolerance.",
        };
        return ClaimResult.FromFacts(claim, facts, explanation,
            [new EvidenceSection(EvidenceLayer.Numeric, $"Appendix B, {part}, on {inst}") { Values = values }]);
    }
}
