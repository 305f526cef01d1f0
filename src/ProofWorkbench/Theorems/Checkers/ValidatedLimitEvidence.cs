using ProofWorkbench.Papers.Zhang2023.LemmaA3;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Theorems.Checking;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>The evidence of a validated one-sample limit (Lemma A.3 route) and distances from its box.</summary>
public static class ValidatedLimitEvidence
{
    /// <summary>
    /// The Z3 proofs of σ &gt; 0, σ′ &gt; 0 (with scripts) and the interval facts: the sign change of G, G′ &lt; 0 on the
    /// enclosure, the range witness, and the box of θ*.
    /// </summary>
    public static IReadOnlyList<EvidenceSection> Of(string title, OneSampleLimit limit)
    {
        var list = limit.Hypotheses.Select(h =>
            new EvidenceSection(EvidenceLayer.Smt, $"Lemma 6.1's hypothesis — {h.Name}: {h.Verdict.ToString().ToLowerInvariant()}") { SmtLib = h.Script }).ToList();
        var values = new List<NamedValue>
        {
            new("reduction", $"u = xᵀw, u₀ = {Format.Value(limit.U0.ToDouble())}, |x|² = {Format.Value(limit.NormSquared.ToDouble())}; w* = w₀ + (u* − u₀)/|x|²·x, a* = y/σ(u*)"),
            new("level-set function on M_S", "G(u) = (y/σ(u))²/2 − (H(u) − H(u₀))/|x|² − a₀²/2, G′ = −y²σ′/σ³ − σ/(|x|²σ′) < 0 (σ, σ′ > 0)"),
            new("H", limit.Method == AntiderivativeMethod.ClosedForm
                ? $"closed form H(u) = {limit.H} (antiderivative of σ/σ′ = {limit.Ratio}, verified by differentiation)"
                : $"validated quadrature of σ/σ′ = {limit.Ratio} (interval Taylor models of order 16, outward rounding)"),
            new("u* ∈", Show(limit.U)),
            new("G(u⁻)", limit.GAtLo.Lo > 0 ? "certainly > 0 (the lower end of its enclosure is positive)" : "not certified"),
            new("G(u⁺)", limit.GAtHi.Hi < 0 ? "certainly < 0 (the upper end of its enclosure is negative)" : "not certified"),
            new("G′ on [u⁻, u⁺]", $"< 0: {Show(limit.DerivativeOnU)}"),
        };
        if (limit.RangeWitness is { } rw)
            values.Add(new("a₀·y < 0: level set reaches a = 0", $"H(u_L) − H(u₀) + |x|²a₀²/2 ∈ {Show(rw.Value)} < 0 at u_L = {Format.Value(rw.UL)}"));
        values.AddRange(limit.W.Select((w, i) => new NamedValue(limit.W.Count == 1 ? "w* ∈" : $"w*_{i + 1} ∈", Show(w))));
        values.Add(new("a* ∈", Show(limit.A)));
        values.Add(new("box width", Format.Bound(limit.Width)));
        list.Add(new EvidenceSection(EvidenceLayer.Interval, $"{title}: validated limit by the Lemma A.3 route (certified sign change of G, G strictly decreasing)") { Values = values });
        return list;
    }

    /// <summary>Bounds on max_i |θ_i − t_i| over the box: (lower, upper).</summary>
    public static (double Lower, double Upper) Distance(IReadOnlyList<Interval> box, IReadOnlyList<Expr> target)
    {
        double lower = 0, upper = 0;
        for (int i = 0; i < box.Count; i++)
        {
            var d = box[i] - IntervalEvaluator.Evaluate(target[i], new Dictionary<string, Interval>());
            upper = Math.Max(upper, Math.Max(Math.Abs(d.Lo), Math.Abs(d.Hi)));
            lower = Math.Max(lower, d.ContainsZero ? 0 : Math.Min(Math.Abs(d.Lo), Math.Abs(d.Hi)));
        }
        return (lower, upper);
    }

    /// <summary>"m ± r" with machine-independent digits (midpoint to 10 digits, radius as a one-digit bound).</summary>
    public static string Show(Interval i) => !double.IsFinite(i.Lo) || !double.IsFinite(i.Hi) ? "unbounded"
        : $"{Format.Value(i.Mid)} ± {Format.Bound(i.Width / 2)[2..]}";
}
