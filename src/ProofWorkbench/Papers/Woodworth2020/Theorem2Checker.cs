using ProofWorkbench.Evidence;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Papers.Woodworth2020;

/// <summary>
/// <c>diagonal-alpha-thresholds</c> (paper 003, Theorem 2): for each ε in <c>epsilons</c>,
/// α ≤ α₁(ε) = min{(2(1+ε)‖β*_L1‖₁)^{−(2+ε)/(2ε)}, exp(−d/(ε‖β*_L1‖₁))} ⟹ ‖β̂_α‖₁ ≤ (1+ε)‖β*_L1‖₁ and
/// α ≥ α₂(ε) = √(2(1+ε)(1+2/ε)‖β*_L2‖₂) ⟹ ‖β̂_α‖₂² ≤ (1+ε)‖β*_L2‖₂², as printed. β*_L1 and β*_L2 are exact
/// (<see cref="ExactInterpolants"/>); β̂_α is the KKT solution (<see cref="KktSolver"/>) at α = α₁·{1, 1/2, 1/10} and
/// α₂·{1, 2, 10}. With <c>lemma1-betas</c>, also Lemma 1 of Appendix B as printed at α₁(ε, ‖β‖₁, d)·{1, 1/2, 1/10}.
/// A sampled check of an implication over all α: confirmed at best.
/// </summary>
public sealed class Theorem2Checker : IClaimChecker
{
    private static readonly double[] Below = [1, 0.5, 0.1];
    private static readonly double[] Above = [1, 2, 10];

    /// <inheritdoc/>
    public string Kind => "diagonal-alpha-thresholds";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.DesignMatrix,
            ClaimParameter.Labels,
            ClaimParameter.Needs("epsilons", "list of positive numbers", "the ε of Theorem 2"),
            ClaimParameter.May("lemma1-betas", "list of vectors", "β at which Lemma 1 (Appendix B) is also checked as printed"),
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var inst = DiagonalInstance.Of(claim);
        var epsNode = claim.Node.Required("epsilons");
        var eps = epsNode.Rationals();
        int d = inst.Dimension;
        if (eps.Any(e => e.Sign <= 0 || e >= new Rational(d))) throw epsNode.Error($"every ε must satisfy 0 < ε < d = {d} (Theorem 2).");
        var l1 = ExactInterpolants.MinL1(inst.X, inst.Y);
        var l2 = ExactInterpolants.MinL2(inst.X, inst.Y);
        double l1Norm = l1.Norm.ToDouble();
        double l2Sq = l2.Aggregate(Rational.Zero, (s, v) => s + v * v).ToDouble();
        var facts = new List<Fact>();
        var values = new List<NamedValue>
        {
            new("β*_L1 (exact, LP vertices)", string.Join("; ", l1.Minimizers.Select(b => "(" + string.Join(", ", b) + ")")) + $", ‖β*_L1‖₁ = {l1.Norm}"),
            new("β*_L2 (exact)", "(" + string.Join(", ", l2) + $"), ‖β*_L2‖₂² = {l2.Aggregate(Rational.Zero, (s, v) => s + v * v)}"),
        };
        foreach (var e in eps)
        {
            double ep = e.ToDouble();
            double a1 = Theorem2Thresholds.TheoremL1(ep, l1Norm, d);
            double a2 = Theorem2Thresholds.TheoremL2(ep, Math.Sqrt(l2Sq));
            values.Add(new($"ε = {e}: thresholds", $"α₁ = {Format.Value(a1)}, α₂ = {Format.Value(a2)}"));
            foreach (var f in Below)
            {
                double alpha = a1 * f;
                var (_, norm, err, method) = L1NormOfMinimizer(inst, l1.Minimizers[0], alpha);
                facts.Add(NumericEstimate.Judged($"ε = {e}, α = {Format.Value(alpha)} ≤ α₁: ‖β̂_α‖₁ ≤ (1+ε)‖β*_L1‖₁", norm, err, (1 + ep) * l1Norm, method));
                values.Add(new($"ε = {e}, α = {Format.Value(alpha)}", $"‖β̂_α‖₁ = {Format.Value(norm)} (‖β̂_α‖₁ − ‖β*_L1‖₁ = {Format.Value(norm - l1Norm)} ± {Format.Error(err)}, {(method.StartsWith("KKT", StringComparison.Ordinal) ? "KKT route" : "line-enclosure route")}) vs (1+ε)‖β*_L1‖₁ = {Format.Value((1 + ep) * l1Norm)}"));
            }
            foreach (var f in Above)
            {
                double alpha = a2 * f;
                var s = KktSolver.SolveByContinuation(inst.X, inst.Y, 2, alpha);
                double sq = s.Beta.Sum(b => b * b), err = s.Beta.Zip(s.BetaErrorBound, (b, u) => (2 * Math.Abs(b) + u) * u).Sum();
                facts.Add(NumericEstimate.Judged($"ε = {e}, α = {Format.Value(alpha)} ≥ α₂: ‖β̂_α‖₂² ≤ (1+ε)‖β*_L2‖₂²", sq, err, (1 + ep) * l2Sq,
                    "KKT solution (Newton, a-posteriori bound)"));
                values.Add(new($"ε = {e}, α = {Format.Value(alpha)}", $"‖β̂_α‖₂² = {Format.Value(sq)} vs (1+ε)‖β*_L2‖₂² = {Format.Value((1 + ep) * l2Sq)}"));
            }
        }
        if (claim.Node.Optional("lemma1-betas") is { } betasNode)
            foreach (var bNode in betasNode.Items())
            {
                var b = bNode.Rationals().Select(v => v.ToDouble()).ToArray();
                double n1 = b.Sum(Math.Abs);
                foreach (var e in eps)
                {
                    double ep = e.ToDouble();
                    // Lemma 1 (Appendix B) as printed: α₁(ε, ‖β‖₁, d) = min{1, √‖β‖₁, (2‖β‖₁)^{−1/(2ε)}, exp(−d/(2ε‖β‖₁))}.
                    double a1 = Theorem2Thresholds.Lemma1(ep, n1, b.Length);
                    foreach (var f in Below)
                    {
                        double alpha = a1 * f, a2 = alpha * alpha;
                        double q = b.Sum(bi => Theorem2Thresholds.Q(bi / a2));
                        double ratio = a2 / Math.Log(1 / a2) * q / n1;
                        facts.Add(NumericEstimate.Judged($"Lemma 1, ε = {e}, β = ({string.Join(", ", bNode.Rationals())}), α = {Format.Value(alpha)}: |α²Q(β/α²)/(ln(1/α²)‖β‖₁) − 1| ≤ ε",
                            Math.Abs(ratio - 1), 1e-12 * Math.Max(1, Math.Abs(ratio)), ep, "direct evaluation of q in double precision"));
                        values.Add(new($"Lemma 1, ε = {e}, α = {Format.Value(alpha)}", $"α²Q(β/α²)/(ln(1/α²)‖β‖₁) = {Format.Value(ratio)}"));
                    }
                }
            }
        var verdict = VerdictRule.Decide(facts);
        string explanation = verdict switch
        {
            Verdict.Confirmed => "At every sampled α beyond the printed thresholds the KKT solution β̂_α satisfies the printed ℓ1 and ℓ2 bounds (a sampled check of an implication over all α).",
            Verdict.Refuted => "At some sampled α beyond a printed threshold the printed bound fails.",
            _ => "Not decided: a value lies within its error of the bound.",
        };
        return ClaimResult.FromFacts(claim, facts, explanation,
            [new EvidenceSection(EvidenceLayer.Numeric, $"Theorem 2's thresholds on {inst}") { Values = values }]);
    }

    /// <summary>
    /// β̂_α and ‖β̂_α‖₁ with its error bound: the KKT solution (continued from α = 1 down), or — when its dual bound is not
    /// finite or not small, as at α ≈ 1e-13 — the primal enclosure on the line of interpolants through <paramref name="l1Vertex"/>.
    /// </summary>
    public static (double[] Beta, double Norm, double Error, string Method) L1NormOfMinimizer(DiagonalInstance inst, IReadOnlyList<Rational> l1Vertex, double alpha)
    {
        var s = KktSolver.SolveByContinuation(inst.X, inst.Y, 2, alpha);
        double norm = s.Beta.Sum(Math.Abs), err = s.BetaErrorBound.Sum();
        if ((!double.IsFinite(err) || err > 1e-6 * Math.Max(1, norm)) && NullLineEnclosure.Enclose(inst.X, l1Vertex, alpha, s.Beta) is { } enc)
        {
            var mid = enc.Mid;
            double n = mid.Sum(Math.Abs);
            return (mid, n, Math.Max(0, enc.L1Upper - n),
                "primal enclosure on the line of interpolants β*_L1 + t·n (sign change of Σ n_j asinh(β_j/2α²), eq. (19)); the KKT bound was not finite here");
        }
        return (s.Beta, norm, err, "KKT solution (Newton, a-posteriori bound)");
    }
}
