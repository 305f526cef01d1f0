using ProofWorkbench.Papers.Zhang2023.Proposition61;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Printing;
using ProofWorkbench.Symbolic.Simplification;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// <c>prop61</c>: statements about Proposition 6.1(b)'s condition C(u) = 1 − u(σ̃′/σ̃ − σ̃″/σ̃′), u = x₀w
/// (paper 000, eq. (6) times w). Parameters, each optional:
/// <c>identically-zero: true|false</c>; <c>nonzero-on: [[lo, hi], …]</c> (C has no zero there);
/// <c>interval: [lo, hi]</c> with <c>count</c> (number of zeros) and/or <c>roots</c> (each within
/// <c>tolerance</c> of a zero). Decided by the exact zero test and outward-rounded interval root isolation.
/// </summary>
public sealed class Prop61Checker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "prop61";
    /// <inheritdoc/>
    public IReadOnlyList<string> Parameters => ["activation", "identically-zero", "nonzero-on", "interval", "count", "roots", "tolerance"];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var sigma = context.ActivationOf(claim);
        Proposition61Condition condition;
        try { condition = Proposition61Condition.Derive(sigma); }
        catch (InputException ex) { throw claim.Node.Error(ex.Message); }
        var evidence = new List<Evidence>
        {
            new(EvidenceLayer.Symbolic, "C(u) derived from σ̃ = 1/σ")
            {
                Formulas = [new($"C({sigma.Variable})", condition.IdenticallyZero ? "0" : LatexPrinter.Print(condition.Condition))],
            },
        };
        var failures = new List<string>();
        var undecided = new List<string>();
        bool anyInterval = false;

        if (claim.Node.Optional("identically-zero") is { } iz)
        {
            bool stated = iz.Bool();
            if (condition.ZeroTest == ZeroTestResult.Unknown)
                undecided.Add("the zero test cannot decide whether C vanishes identically");
            else if (stated != condition.IdenticallyZero)
                failures.Add(stated ? "C does not vanish identically (exact zero test)" : "C vanishes identically (exact zero test)");
        }

        RootIsolationResult Isolate(YamlValue node, double lo, double hi)
        {
            if (!(lo < hi)) throw node.Error("an interval needs lo < hi.");
            try { return condition.Roots(lo, hi, rangeName: $"'{node.Path}'"); }
            catch (InputException ex) { throw node.Error(ex.Message); }
        }

        if (claim.Node.Optional("nonzero-on") is { } nz)
        {
            foreach (var item in nz.Items())
            {
                var b = item.Rationals();
                if (b.Count != 2) throw item.Error("each entry of 'nonzero-on' is [lo, hi].");
                double lo = b[0].ToDouble(), hi = b[1].ToDouble();
                var r = Isolate(item, lo, hi);
                anyInterval = true;
                evidence.Add(IsolationEvidence($"zeros of C on [{Format.Value(lo)}, {Format.Value(hi)}]", r));
                if (r.Roots.Count > 0) failures.Add($"C vanishes at u = {Format.Value(r.Roots[0].Root)} in [{Format.Value(lo)}, {Format.Value(hi)}]");
                else if (!r.Complete) undecided.Add($"[{Format.Value(lo)}, {Format.Value(hi)}] has undecided pieces");
            }
        }

        if (claim.Node.Optional("interval") is { } iv)
        {
            var b = iv.Rationals();
            if (b.Count != 2) throw iv.Error("'interval' is [lo, hi].");
            double lo = b[0].ToDouble(), hi = b[1].ToDouble();
            var r = Isolate(iv, lo, hi);
            anyInterval = true;
            evidence.Add(IsolationEvidence($"zeros of C on [{Format.Value(lo)}, {Format.Value(hi)}]", r));
            if (claim.Node.Optional("count") is { } countNode)
            {
                int stated = countNode.Int();
                if (r.Roots.Count > stated) failures.Add($"C has at least {r.Roots.Count} zeros in the interval, not {stated}");
                else if (!r.Complete) undecided.Add("the interval has undecided pieces, so the count is not certain");
                else if (r.Roots.Count != stated) failures.Add($"C has exactly {r.Roots.Count} zeros in the interval, not {stated}");
            }
            if (claim.Node.Optional("roots") is { } rootsNode)
            {
                double tol = context.ToleranceOf(claim);
                foreach (var stated in rootsNode.Rationals().Select(q => q.ToDouble()))
                {
                    bool within = r.Roots.Any(z => z.Lo >= stated - tol && z.Hi <= stated + tol);
                    if (!within)
                    {
                        if (r.Complete) failures.Add($"no zero of C lies within {Format.Error(tol)} of {Format.Value(stated)}");
                        else undecided.Add($"the zero near {Format.Value(stated)} could not be certified");
                    }
                }
            }
        }
        else if (claim.Node.Optional("count") is not null || claim.Node.Optional("roots") is not null)
            throw claim.Node.Error("'count' and 'roots' need an 'interval: [lo, hi]'.");

        if (failures.Count > 0)
            return new ClaimResult(claim, Verdict.Refuted, "Refuted: " + string.Join("; ", failures) + ".", evidence);
        if (undecided.Count > 0)
            return new ClaimResult(claim, Verdict.Inconclusive, "Not decided: " + string.Join("; ", undecided) + ".", evidence);
        return new ClaimResult(claim, Verdict.Proved,
            anyInterval
                ? "Proved: every stated fact about C holds, by the exact zero test and outward-rounded interval root isolation (no zero can be missed)."
                : "Proved by the exact zero test.", evidence);
    }

    private static Evidence IsolationEvidence(string title, RootIsolationResult r)
    {
        // Enclosure ends depend on the last bits of the math library, so the report states their width bound, not the ends.
        var values = r.Roots.Select((z, i) => new NamedValue($"zero {i + 1}",
            $"u = {Format.Value(z.Root)}, certified the only zero in an enclosure of width ≤ 3e-12")).ToList();
        values.AddRange(r.Unresolved.Select(u => new NamedValue("undecided", $"near u = {Format.Value(u.Mid)}")));
        if (values.Count == 0) values.Add(new("zeros", "none (C's interval enclosure excludes 0 on every piece)"));
        return new Evidence(EvidenceLayer.Interval, title) { Values = values };
    }
}
