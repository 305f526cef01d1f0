using ProofWorkbench.Papers.Zhang2023.Proposition61;
using ProofWorkbench.Evidence;
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
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Activation,
            ClaimParameter.May("identically-zero", "true or false", "claims that C(u) ≡ 0 (or that it is not)"),
            ClaimParameter.May("nonzero-on", "list of [lo, hi]", "intervals on which C has no zero"),
            ClaimParameter.May("interval", "[lo, hi]", "the interval for count and roots"),
            ClaimParameter.May("count", "integer", "the number of zeros of C in interval"),
            ClaimParameter.May("roots", "list of numbers", "stated zeros of C in interval, each within tolerance of a zero"),
            ClaimParameter.Tolerance,
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var sigma = context.ActivationOf(claim);
        Proposition61Condition condition;
        try { condition = Proposition61Condition.Derive(sigma); }
        catch (InputException ex) { throw claim.Node.Error(ex.Message); }
        var evidence = new List<EvidenceSection>
        {
            new(EvidenceLayer.Symbolic, "C(u) derived from σ̃ = 1/σ")
            {
                Formulas = [condition.IdenticallyZero ? new Formula($"C({sigma.Variable})", Symbolic.Expressions.Expr.Zero) : new Formula($"C({sigma.Variable})", condition.Condition)],
            },
        };
        var failures = new List<string>();
        var undecided = new List<string>();
        var facts = new List<Fact>();
        bool anyInterval = false;
        // The outcome of the part checked since the counts were (f, u): failures refute, undecided pieces leave it open.
        FactOutcome Since(int f, int u) => failures.Count > f ? FactOutcome.Refutes : undecided.Count > u ? FactOutcome.Undecided : FactOutcome.Proves;
        void AddZeros(string label, double lo, double hi, RootIsolationResult r, int f, int u) =>
            facts.Add(new IsolatedZeros(label, condition.Condition, sigma.Variable, new ExactInterval(Symbolic.Numbers.Rational.FromDouble(lo), Symbolic.Numbers.Rational.FromDouble(hi)),
                r.Roots.Select(z => new ExactInterval(Symbolic.Numbers.Rational.FromDouble(z.Lo), Symbolic.Numbers.Rational.FromDouble(z.Hi))).ToList(), r.Complete, Since(f, u)));

        if (claim.Node.Optional("identically-zero") is { } iz)
        {
            bool stated = iz.Bool();
            int f0 = failures.Count, u0 = undecided.Count;
            if (condition.ZeroTest == ZeroTestResult.Unknown)
                undecided.Add("the zero test cannot decide whether C vanishes identically");
            else if (stated != condition.IdenticallyZero)
                failures.Add(stated ? "C does not vanish identically (exact zero test)" : "C vanishes identically (exact zero test)");
            facts.Add(new ExactIdentity(stated ? "C ≡ 0" : "C ≢ 0", condition.Condition, condition.ZeroTest) with { Outcome = Since(f0, u0) });
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
                int f0 = failures.Count, u0 = undecided.Count;
                anyInterval = true;
                evidence.Add(IsolationEvidence($"zeros of C on [{Format.Value(lo)}, {Format.Value(hi)}]", r));
                if (r.Roots.Count > 0) failures.Add($"C vanishes at u = {Format.Value(r.Roots[0].Root)} in [{Format.Value(lo)}, {Format.Value(hi)}]");
                else if (!r.Complete) undecided.Add($"[{Format.Value(lo)}, {Format.Value(hi)}] has undecided pieces");
                AddZeros($"C has no zero on [{b[0]}, {b[1]}]", lo, hi, r, f0, u0);
            }
        }

        if (claim.Node.Optional("interval") is { } iv)
        {
            var b = iv.Rationals();
            if (b.Count != 2) throw iv.Error("'interval' is [lo, hi].");
            double lo = b[0].ToDouble(), hi = b[1].ToDouble();
            var r = Isolate(iv, lo, hi);
            int f0 = failures.Count, u0 = undecided.Count;
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
            AddZeros($"the zeros of C on [{b[0]}, {b[1]}]" + (claim.Node.Optional("count") is { } cn ? $": exactly {cn.Int()}" : "")
                + (claim.Node.Optional("roots") is { } rn ? $"; within {Format.Error(context.ToleranceOf(claim))} of {string.Join(", ", rn.Rationals())}" : ""), lo, hi, r, f0, u0);
        }
        else if (claim.Node.Optional("count") is not null || claim.Node.Optional("roots") is not null)
            throw claim.Node.Error("'count' and 'roots' need an 'interval: [lo, hi]'.");

        string explanation = failures.Count > 0 ? "Refuted: " + string.Join("; ", failures) + "."
            : undecided.Count > 0 ? "Not decided: " + string.Join("; ", undecided) + "."
            : anyInterval ? "Proved: every stated fact about C holds, by the exact zero test and outward-rounded interval root isolation (no zero can be missed)."
            : "Proved by the exact zero test.";
        return ClaimResult.FromFacts(claim, facts, explanation, evidence);
    }

    private static EvidenceSection IsolationEvidence(string title, RootIsolationResult r)
    {
        // Enclosure ends depend on the last bits of the math library, so the report states their width bound, not the ends.
        var values = r.Roots.Select((z, i) => new NamedValue($"zero {i + 1}",
            $"u = {Format.Value(z.Root)}, certified the only zero in an enclosure of width ≤ 3e-12")).ToList();
        values.AddRange(r.Unresolved.Select(u => new NamedValue("undecided", $"near u = {Format.Value(u.Mid)}")));
        if (values.Count == 0) values.Add(new("zeros", "none (C's interval enclosure excludes 0 on every piece)"));
        return new EvidenceSection(EvidenceLayer.Interval, title) { Values = values };
    }
}
