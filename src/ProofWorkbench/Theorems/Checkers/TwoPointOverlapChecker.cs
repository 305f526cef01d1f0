using ProofWorkbench.Dynamics;
using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.Mechanisms;
using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Evidence;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// <c>two-point-overlap</c>: the hypotheses of Lemma 5.1 (paper 000) for θ₀ (<c>from</c>) and two datasets S₁, S₂
/// (<c>datasets: [S1, S2]</c>): the limits θ₁*, θ₂* differ and {θ₁*, θ₂*} ⊆ M_S₁ ∩ M_S₂, each residual within
/// <c>tolerance</c>. With <c>refine: S2</c> (one-sample datasets, d = 1), x₂ is first adjusted near its printed value,
/// with y₂ = a₁*σ(x₂w₁*) so that θ₁* ∈ M_S₂, until θ₂* ∈ M_S₁ (a 1-D root find through the conserved-quantity
/// route of Lemma A.3), and the refined dataset is then checked by full gradient-flow runs.
/// </summary>
public sealed class TwoPointOverlapChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "two-point-overlap";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Activation,
            ClaimParameter.From,
            ClaimParameter.Needs("datasets", "list of two datasets", "S₁ and S₂"),
            ClaimParameter.May("refine", "dataset name", "refine this one-sample dataset's x₂ (y₂ tied to θ₁*) until the overlap holds"),
            ClaimParameter.Tolerance,
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var sigma = context.ActivationOf(claim);
        var theta0 = context.Point(claim.Node.Required("from"));
        var setNodes = claim.Node.Required("datasets").Items();
        if (setNodes.Count != 2) throw claim.Node.Required("datasets").Error("a two-point-overlap claim takes exactly two datasets: [S1, S2].");
        var s1 = context.DatasetOf(setNodes[0]);
        var s2 = context.DatasetOf(setNodes[1]);
        double tol = context.ToleranceOf(claim);
        var evidence = new List<EvidenceSection>();
        var facts = new List<Fact>();

        var r1 = context.Flow(sigma, s1, theta0);
        IReadOnlyList<Dataset> witness = [];
        if (claim.Node.Optional("refine") is { } refineNode)
        {
            if (refineNode.Text() != s2.Name) throw refineNode.Error($"'refine' names the second dataset ({s2.Name}), whose x is adjusted.");
            if (s1.Samples.Count != 1 || s2.Samples.Count != 1 || s1.Dimension != 1)
                throw refineNode.Error("refinement needs two one-sample datasets with d = 1.");
            var first = FlowEvidence.Context($"flow on {s1.Name}", sigma, s1, theta0, r1);
            if (!r1.Converged) return Undecided(claim, $"the flow on {s1.Name} did not converge: {r1.Message}", [first.Section], [first.Run]);
            var (refined, note) = Lemma51Refinement.RefineSecondDataset(sigma, s1, s2, theta0, r1);
            if (refined is null) return Undecided(claim, note, [first.Section], [first.Run]);
            evidence.Add(new EvidenceSection(EvidenceLayer.Numeric, "refinement of S₂ (1-D root find on the conserved-quantity route)")
            {
                Values =
                [
                    new("printed S₂ = (x₂, y₂)", $"({Format.Value(Value(s2.Samples[0].X[0]))}, {Format.Value(Value(s2.Samples[0].Y))})"),
                    new("refined S₂ = (x₂, a₁*σ(x₂w₁*))", $"({Format.Value(Value(refined.Samples[0].X[0]))}, {Format.Value(Value(refined.Samples[0].Y))})"),
                    new("method", note),
                ],
            });
            s2 = refined;
            witness = [refined];
        }
        var r2 = context.Flow(sigma, s2, theta0);
        var run1 = FlowEvidence.Context($"flow on {s1.Name} from θ₀", sigma, s1, theta0, r1);
        var run2 = FlowEvidence.Context($"flow on {s2.Name} from θ₀", sigma, s2, theta0, r2);
        evidence.Add(run1.Section);
        evidence.Add(run2.Section);
        facts.Add(run1.Run);
        facts.Add(run2.Run);
        evidence.Add(new EvidenceSection(EvidenceLayer.Numeric, "phase-plane figure")
        {
            Figure = new PhasePlane($"{claim.Id}.svg", "Two-point overlap in the (w, a) plane",
                $"Trajectories from θ₀ and the zero sets M_{s1.Name}, M_{s2.Name} (cf. paper 000, Figure 1)", [run1.Run, run2.Run]),
        });
        if (Validated(claim, context, sigma, theta0, s1, s2, tol, evidence) is { } decided) return decided with { Witness = witness };
        if (!r1.Converged || !r2.Converged)
            return Undecided(claim, "a flow did not reach its limit, so the overlap cannot be decided", evidence, facts);

        double e1 = FlowEvidence.LimitError(r1), e2 = FlowEvidence.LimitError(r2);
        double separation = r1.Theta.Zip(r2.Theta, (a, b) => Math.Abs(a - b)).Max();
        var distinct = VerdictRule.JudgeNonzero(Magnitude.Estimated(separation, e1 + e2));
        facts.Add(new NumericEstimate("|θ₁* − θ₂*| (max norm): the limits differ (Lemma 5.1)", separation, e1 + e2, null,
            "difference of two gradient-flow limits, error the sum of their bounds", [], distinct.Outcome));
        var own1 = ResidualCheck.Enclose(sigma, s1, r1.Theta, e1, tol, "θ₁*");
        var own2 = ResidualCheck.Enclose(sigma, s2, r2.Theta, e2, tol, "θ₂*");
        var cross12 = ResidualCheck.Enclose(sigma, s2, r1.Theta, e1, tol, "θ₁*"); // θ₁* on S₂
        var cross21 = ResidualCheck.Enclose(sigma, s1, r2.Theta, e2, tol, "θ₂*"); // θ₂* on S₁
        var all = own1.Concat(own2).Concat(cross12).Concat(cross21).ToList();
        facts.AddRange(all.Select(r => r.Fact));
        double LossUpper(IEnumerable<ResidualEnclosure> rs) => rs.Sum(r => r.MaxAbs * r.MaxAbs);
        evidence.Add(new EvidenceSection(EvidenceLayer.Interval, "residuals at the limits, enclosed over θ* ± its error estimate")
        {
            Values =
            [
                new("|θ₁* − θ₂*| (max norm)", $"{Format.Error(separation)} (errors {Format.Bound(e1)}, {Format.Bound(e2)})"),
                new($"θ₁* on {s1.Name}: residual", string.Join("; ", own1.Select(ResidualCheck.Show))),
                new($"θ₂* on {s2.Name}: residual", string.Join("; ", own2.Select(ResidualCheck.Show))),
                new($"θ₁* on {s2.Name}: residual", string.Join("; ", cross12.Select(ResidualCheck.Show))),
                new($"θ₂* on {s1.Name}: residual", string.Join("; ", cross21.Select(ResidualCheck.Show))),
                new($"L_{s2.Name}(θ₁*)", Format.Bound(LossUpper(cross12))),
                new($"L_{s1.Name}(θ₂*)", Format.Bound(LossUpper(cross21))),
                new("tolerance on |rᵢ|", Format.Error(tol)),
            ],
        });
        var verdict = VerdictRule.Decide(facts);
        string explanation = verdict switch
        {
            _ when distinct.Outcome == FactOutcome.Undecided => "Not decided: the two limits coincide within their error estimates; Lemma 5.1 needs θ₁* ≠ θ₂*.",
            Verdict.Refuted => $"A limit is not in the other zero set: a residual exceeds {Format.Error(tol)} (L_{s2.Name}(θ₁*) {Format.Bound(LossUpper(cross12))}, L_{s1.Name}(θ₂*) {Format.Bound(LossUpper(cross21))}).",
            Verdict.Inconclusive => "Not decided: a residual enclosure straddles the tolerance.",
            _ => $"θ₁* ≠ θ₂* (separated by {Format.Error(separation)}) and both lie in M_{s1.Name} ∩ M_{s2.Name}: every residual is within {Format.Error(tol)}.",
        };
        return ClaimResult.FromFacts(claim, facts, explanation, evidence) with { Witness = witness };
    }

    private static ClaimResult Undecided(Claim claim, string why, IReadOnlyList<EvidenceSection> evidence, IReadOnlyList<Fact> facts) =>
        new(claim, Verdict.Inconclusive, $"Not decided: {why}.", evidence) { Facts = facts };

    private static double Value(Expr e) => Evaluator.Evaluate(e, new Dictionary<string, double>());

    /// <summary>
    /// With validated boxes for both limits (Lemma A.3 route, one-sample datasets, σ, σ′ &gt; 0 proved): proved when the
    /// boxes are disjoint (θ₁* ≠ θ₂*) and every residual over them is within the tolerance; refuted when the boxes are
    /// disjoint and a residual exceeds it everywhere on its box. Null otherwise (the ODE runs then decide, numerically).
    /// </summary>
    private static ClaimResult? Validated(Claim claim, TheoremContext context, Activation sigma, Theta theta0, Dataset s1, Dataset s2, double tol, List<EvidenceSection> evidence)
    {
        var (l1, _) = context.ValidatedLimit(sigma, s1, theta0);
        var (l2, _) = context.ValidatedLimit(sigma, s2, theta0);
        if (l1 is null || l2 is null) return null;
        bool disjoint = l1.Theta.Zip(l2.Theta, (a, b) => a.Hi < b.Lo || b.Hi < a.Lo).Any(x => x);
        if (!disjoint) return null;
        var own1 = ResidualCheck.EncloseBox(sigma, s1, l1.Theta);
        var own2 = ResidualCheck.EncloseBox(sigma, s2, l2.Theta);
        var cross12 = ResidualCheck.EncloseBox(sigma, s2, l1.Theta);
        var cross21 = ResidualCheck.EncloseBox(sigma, s1, l2.Theta);
        var all = own1.Concat(own2).Concat(cross12).Concat(cross21).ToList();
        var list = new List<EvidenceSection>(evidence);
        list.AddRange(ValidatedLimitEvidence.Of($"θ₁* (flow on {s1.Name})", l1));
        list.AddRange(ValidatedLimitEvidence.Of($"θ₂* (flow on {s2.Name})", l2));
        list.Add(new EvidenceSection(EvidenceLayer.Interval, "residuals over the validated boxes of θ₁* and θ₂*")
        {
            Values =
            [
                new("θ₁* ≠ θ₂*", "the two boxes are disjoint"),
                new($"θ₁* on {s1.Name}: residual", string.Join("; ", own1.Select(ResidualCheck.Show))),
                new($"θ₂* on {s2.Name}: residual", string.Join("; ", own2.Select(ResidualCheck.Show))),
                new($"θ₁* on {s2.Name}: residual", string.Join("; ", cross12.Select(ResidualCheck.Show))),
                new($"θ₂* on {s1.Name}: residual", string.Join("; ", cross21.Select(ResidualCheck.Show))),
                new("tolerance on |rᵢ|", Format.Error(tol)),
            ],
        });
        bool proved = all.All(r => r.MaxAbs <= tol);
        if (!proved && !all.Any(r => r.MinAbs > tol)) return null;
        var facts = new List<Fact>();
        facts.AddRange(ValidatedLimitFacts.Of($"θ₁* (flow on {s1.Name})", l1));
        facts.AddRange(ValidatedLimitFacts.Of($"θ₂* (flow on {s2.Name})", l2));
        var box1 = ValidatedLimitFacts.Theta(l1);
        var box2 = ValidatedLimitFacts.Theta(l2);
        facts.Add(Separation(box1, box2));
        foreach (var (set, box, name) in new[] { (s1, box1, "θ₁*"), (s2, box2, "θ₂*"), (s2, box1, "θ₁*"), (s1, box2, "θ₂*") })
            facts.AddRange(ResidualCheck.EncloseBox(sigma, set, box, tol, name, ToleranceMeaning.Bound).Select(r => r.Fact));
        string explanation = proved
            ? $"θ₁* ≠ θ₂* (disjoint validated boxes, widths {Format.Bound(l1.Width)} and {Format.Bound(l2.Width)}) and every residual of both limits on both datasets is within {Format.Error(tol)} over the boxes (Lemma A.3 route)."
            : $"A limit is not in the other zero set: over its validated box (Lemma A.3 route) a residual exceeds {Format.Error(tol)}.";
        return ClaimResult.FromFacts(claim, facts, explanation, list);
    }

    /// <summary>
    /// θ₁* ≠ θ₂* from two boxes: the first coordinate in which they are disjoint, as an interval-enclosure of
    /// p − q over p ∈ box₁, q ∈ box₂ with a required strict sign (docs/certificates.md, "Separation").
    /// </summary>
    public static IntervalEnclosure Separation(IReadOnlyList<Interval> box1, IReadOnlyList<Interval> box2)
    {
        int i = Enumerable.Range(0, box1.Count).FirstOrDefault(k => box1[k].Hi < box2[k].Lo || box2[k].Hi < box1[k].Lo, -1);
        int k0 = Math.Max(i, 0);
        var difference = box1[k0] - box2[k0];
        int sign = box1[k0].Lo > box2[k0].Hi ? 1 : -1;
        return IntervalEnclosure.Signed($"θ₁* ≠ θ₂*: coordinate {k0 + 1} of the two limits' enclosures differs (p = θ₁*_{k0 + 1}, q = θ₂*_{k0 + 1})",
            Expr.Sub(Expr.Sym("p"), Expr.Sym("q")), [new("p", box1[k0]), new("q", box2[k0])], difference, sign);
    }
}
