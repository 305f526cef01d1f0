using ProofWorkbench.Papers.Zhang2023.Constructions;
using ProofWorkbench.Papers.Zhang2023.Refutation;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// <c>refutes-G</c>: the data-independent <c>regularizer</c> G(θ, θ₀) does not characterize gradient flow on
/// L = (aσ(xᵀw) − y)², even in the weak sense (paper 000, Definition 4.5), by the One-point route of
/// <see cref="OnePointRefutation"/>: <c>route</c> one-point-stationary (θ* = θ₀) or one-point-reflect (θ* = (w₀, −a₀),
/// Lemma 6.2 with the range condition), <c>from</c> θ₀, <c>limit</c> θ*, two one-sample <c>datasets</c>.
/// Proved when every fact proves; a premise that fails leaves it inconclusive (never refuted: a failed certificate does
/// not show that G characterizes the flow).
/// </summary>
public sealed class RefutesGChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "refutes-G";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Activation,
            ClaimParameter.Needs("regularizer", "expression in θ and θ₀", "the candidate G(θ, θ₀)"),
            ClaimParameter.Needs("route", "one-point-stationary, one-point-reflect or direct", "the route of the refutation"),
            ClaimParameter.From,
            ClaimParameter.May("limit", "point", "one-point routes (required there): the flows' common limit θ*"),
            ClaimParameter.May("datasets", "list of two datasets", "one-point routes (required there): two one-sample datasets"),
            ClaimParameter.May("dataset", "dataset", "direct route (required there): the one-sample dataset S, a label of a₀'s sign"),
            ClaimParameter.May("witness", "list of numbers", "direct route (required there): w′ of the point θ′ = (w′, y/σ(xᵀw′)) ∈ M_S with G(θ′; θ₀) < G(θ*; θ₀)"),
            ClaimParameter.May("limits", "list of two points", "two-point-recipe route (required there): θ₁*, θ₂*, the exact limits on the two datasets"),
            ClaimParameter.May("scales", "list of two numbers", "two-point-recipe route (required there): C of σ = C·e^{βu} around each flow"),
            ClaimParameter.May("exponents", "list of two numbers", "two-point-recipe route (required there): β of σ = C·e^{βu} around each flow"),
            ClaimParameter.May("x2", "[lo, hi]", "two-point-trace-back route (required there, with dataset S₁): the interval of x₂ with a proved overlap"),
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var sigma = context.ActivationOf(claim);
        var routeNode = claim.Node.Required("route");
        if (routeNode.Text() == DirectRefutation.RouteName) return CheckDirect(claim, context, sigma);
        if (routeNode.Text() == TwoPointRefutation.RouteName) return CheckTwoPoint(claim, context, sigma);
        if (routeNode.Text() == TwoPointRecipeRefutation.RouteName) return CheckRecipe(claim, context, sigma);
        var variant = RefutationTheoremFile.VariantOf(routeNode.Text())
            ?? throw routeNode.Error($"unknown route '{routeNode.Text()}'; write one-point-stationary, one-point-reflect, {TwoPointRefutation.RouteName}, {TwoPointRecipeRefutation.RouteName} or direct.");
        var from = context.Point(claim.Node.Required("from"));
        var limitNode = claim.Node.Required("limit");
        var limit = context.Point(limitNode);
        int d = from.W.Count;
        var gNode = claim.Node.Required("regularizer");
        gNode.Expression(); // positioned parse errors
        Regularizer g;
        try { g = Regularizer.Parse(gNode.Text(), d, "regularizer"); }
        catch (InputException ex) { throw gNode.Error(ex.Message); }
        if (from.A.IsZero) throw claim.Node.Required("from").Error("the One-point route needs a₀ ≠ 0 (with a₀ = 0 the normals at θ* are parallel).");
        var expectedA = OnePointRefutation.Sign(variant) * from.A;
        if (limit.W.Count != d || !limit.W.SequenceEqual(from.W) || limit.A != expectedA)
            throw limitNode.Error($"the route {routeNode.Text()} ends at (w₀, {(variant == OnePointVariant.Stationary ? "a₀" : "−a₀")}) = ({string.Join(", ", from.W)}; {expectedA}), not at ({string.Join(", ", limit.W)}; {limit.A}).");
        var setsNode = claim.Node.Required("datasets");
        var sets = setsNode.Items().Select(context.DatasetOf).ToList();
        if (sets.Count != 2 || sets.Any(s => s.Samples.Count != 1 || s.Dimension != d))
            throw setsNode.Error($"refutes-G takes two one-sample datasets with inputs in ℝ^{d}.");
        var data = sets.Select(s => ((IReadOnlyList<Rational>)s.Samples[0].X.Select(e => e is Number n ? n.Value : throw setsNode.Error("the inputs x must be exact numbers.")).ToList(), s.Samples[0].Y)).ToList();
        var hypotheses = variant == OnePointVariant.Reflect ? OnePointRefutation.ReflectHypotheses(sigma) : [];
        var facts = OnePointRefutation.Certify(sigma, g, variant, from.W, from.A, data, hypotheses);
        var section = new EvidenceSection(EvidenceLayer.Symbolic, "One-point route (Lemma 5.2 with two normals; Lemma 6.2 with the range condition)")
        {
            Values = facts.Select(f => new NamedValue(f.Label, f.Outcome.ToString().ToLowerInvariant())).ToList(),
        };
        var verdict = Evidence.VerdictRule.Decide(facts);
        string why = verdict == Verdict.Proved
            ? $"Proved: the flows from θ₀ on D1 and D2 end exactly at θ* = ({string.Join(", ", from.W)}; {expectedA}), their normals there are independent, and ∇_θG(θ*; θ₀) ≠ 0 (enclosed), so by Lemma 5.2 G does not characterize the flow even in the weak sense."
            : "Inconclusive: a premise of the One-point route was not certified (see the facts marked undecided); this does not show that G characterizes the flow.";
        return ClaimResult.FromFacts(claim, facts, why, [section]);
    }

    // The direct route (DirectRefutation): from θ₀, one-sample dataset S, witness w′ (θ′ = (w′, y/σ(xᵀw′)) ∈ M_S).
    private static ClaimResult CheckDirect(Claim claim, TheoremContext context, Models.Activation sigma)
    {
        var from = context.Point(claim.Node.Required("from"));
        int d = from.W.Count;
        var g = Parse(claim, d);
        var setNode = claim.Node.Required("dataset");
        var set = context.DatasetOf(setNode);
        if (set.Samples.Count != 1 || set.Dimension != d) throw setNode.Error($"the direct route takes one one-sample dataset with its input in ℝ^{d}.");
        var x = set.Samples[0].X.Select(e => e is Number n ? n.Value : throw setNode.Error("the input x must be exact numbers.")).ToList();
        var witnessNode = claim.Node.Required("witness");
        var witness = witnessNode.Items().Select(i => Rational.TryParse(i.Text(), out var r) ? r : throw i.Error($"'{i.Text()}' is not an exact number.")).ToList();
        if (witness.Count != d) throw witnessNode.Error($"the witness w′ needs {d} exact number(s).");
        var hypotheses = Papers.Zhang2023.LemmaA3.LemmaA3Route.Hypotheses(sigma, out _);
        var facts = DirectRefutation.Certify(sigma, g, from.W, from.A, x, set.Samples[0].Y, witness, hypotheses);
        var section = new EvidenceSection(EvidenceLayer.Interval, "Direct route (Definition 4.5; the limit by the validated Lemma A.3 route)")
        {
            Values = facts.Select(f => new NamedValue(f.Label, f.Outcome.ToString().ToLowerInvariant())).ToList(),
        };
        string why = Evidence.VerdictRule.Decide(facts) == Verdict.Proved
            ? "Proved: the flow from θ₀ on S converges to θ* (enclosed), θ′ = (w′, y/σ(xᵀw′)) lies on M_S, and G(θ′; θ₀) < G(θ*; θ₀) on the whole enclosure, so G(·; θ₀) is not minimal over M_S at the limit: G does not characterize the flow even in the weak sense."
            : "Inconclusive: a premise of the direct route was not certified (see the facts marked undecided); this does not show that G characterizes the flow.";
        return ClaimResult.FromFacts(claim, facts, why, [section]);
    }

    // The two-point route through the trace-back (TwoPointRefutation): from θ₀, one-sample S₁ (d = 1), the x₂ interval.
    private static ClaimResult CheckTwoPoint(Claim claim, TheoremContext context, Models.Activation sigma)
    {
        var from = context.Point(claim.Node.Required("from"));
        if (from.W.Count != 1) throw claim.Node.Required("from").Error("the two-point trace-back route is for d = 1.");
        var g = Parse(claim, 1);
        var setNode = claim.Node.Required("dataset");
        var set = context.DatasetOf(setNode);
        if (set.Samples.Count != 1 || set.Dimension != 1 || set.Samples[0].X[0] is not Number x1 || set.Samples[0].Y is not Number y1)
            throw setNode.Error("the two-point route takes one one-sample dataset S₁ with an exact input x₁ and label y₁.");
        var x2Node = claim.Node.Required("x2");
        var bounds = x2Node.Rationals();
        if (bounds.Count != 2 || !(bounds[0] < bounds[1])) throw x2Node.Error("x2 must be an interval [lo, hi] with lo < hi.");
        var hypotheses = Papers.Zhang2023.LemmaA3.LemmaA3Route.Hypotheses(sigma, out var why);
        string reason = why;
        var facts = hypotheses is null ? null : TwoPointRefutation.Certify(sigma, g, from.W[0], from.A, x1.Value, y1.Value, bounds[0], bounds[1], hypotheses, out reason);
        if (facts is null)
        {
            Evidence.Fact open = Evidence.NumericEstimate.NotDecided("the trace-back overlap", reason);
            return ClaimResult.FromFacts(claim, [open], $"Inconclusive: the overlap was not certified ({reason}); this does not show that G characterizes the flow.", []);
        }
        var section = new EvidenceSection(EvidenceLayer.Interval, "Two-point route (Lemma 5.1; the trace-back of Section 5.2 with Lemma A.3 enclosures)")
        {
            Values = facts.Select(f => new NamedValue(f.Label, f.Outcome.ToString().ToLowerInvariant()))
                .Append(new NamedValue("G(θ₁*; θ₀) − G(θ₂*; θ₀) ∈", facts[^1] is Evidence.IntervalEnclosure gap
                    ? $"[{Format.Value(gap.Enclosure.Lo.ToDouble())}, {Format.Value(gap.Enclosure.Hi.ToDouble())}]" : "not enclosed")).ToList(),
        };
        string text = Evidence.VerdictRule.Decide(facts) == Verdict.Proved
            ? "Proved: some x₂ in the interval gives S₂ with θ₁* ∈ M_S₂, θ₂* ∈ M_S₁ exactly and θ₁* ≠ θ₂*, and G(θ₁*; θ₀) − G(θ₂*; θ₀) has a strict sign on the whole enclosure; a G characterizing the flow would make them equal (Lemma 5.1), so G does not characterize the flow even in the weak sense."
            : $"Inconclusive: a premise of the two-point route was not certified ({(reason.Length > 0 ? reason : "see the facts marked undecided")}); this does not show that G characterizes the flow.";
        return ClaimResult.FromFacts(claim, facts, text, [section]);
    }

    // The two-point route on a recipe activation (TwoPointRecipeRefutation): from θ₀, limits θ₁*, θ₂*, datasets S₁, S₂, C and β per flow.
    private static ClaimResult CheckRecipe(Claim claim, TheoremContext context, Models.Activation sigma)
    {
        var from = context.Point(claim.Node.Required("from"));
        int d = from.W.Count;
        var g = Parse(claim, d);
        YamlValue Two(string key) => claim.Node.Required(key) is var n && n.IsSequence && n.Items().Count == 2 ? n : throw claim.Node.Required(key).Error($"{key} must list two entries (for S₁ and S₂).");
        var (limits, sets, scales, exponents) = (Two("limits").Items(), Two("datasets").Items(), Two("scales").Items(), Two("exponents").Items());
        var flows = new List<RecipeFlow>();
        for (int i = 0; i < 2; i++)
        {
            var set = context.DatasetOf(sets[i]);
            if (set.Samples.Count != 1 || set.Dimension != d) throw sets[i].Error($"the recipe route takes one-sample datasets with inputs in ℝ^{d}.");
            var x = set.Samples[0].X.Select(e => e is Number n ? n.Value : throw sets[i].Error("the input x must be exact numbers.")).ToList();
            var to = context.Point(limits[i]);
            if (to.W.Count != d) throw limits[i].Error($"the limit needs {d} weights.");
            flows.Add(new RecipeFlow(sets[i].Text(), x, set.Samples[0].Y, limits[i].Text(), to, scales[i].Rational(), exponents[i].Rational()));
        }
        var overlap = new RecipeOverlap(sigma, claim.Node.Required("from").Text(), from, flows, context.File.Path);
        var facts = TwoPointRecipeRefutation.Certify(overlap, g, out var reason);
        if (facts is null)
        {
            Evidence.Fact open = Evidence.NumericEstimate.NotDecided("the recipe's exact overlap", reason);
            return ClaimResult.FromFacts(claim, [open], $"Inconclusive: a premise of the recipe's overlap does not hold exactly ({reason}); this does not show that G characterizes the flow.", []);
        }
        var section = new EvidenceSection(EvidenceLayer.Symbolic, "Two-point route on the recipe's exact overlap (Lemma 5.1; Proposition A.1 with the corrected eq. (15))")
        {
            Values = facts.Select(f => new NamedValue(f.Label, f.Outcome.ToString().ToLowerInvariant()))
                .Append(new NamedValue("G(θ₁*; θ₀) − G(θ₂*; θ₀)", facts[^1] is Evidence.IntervalEnclosure gap
                    ? (gap.Enclosure.Lo == gap.Enclosure.Hi ? ExactText.Of(gap.Enclosure.Lo) : $"∈ [{Format.Value(gap.Enclosure.Lo.ToDouble())}, {Format.Value(gap.Enclosure.Hi.ToDouble())}]") : "not enclosed")).ToList(),
        };
        string text = Evidence.VerdictRule.Decide(facts) == Verdict.Proved
            ? "Proved: the flows from θ₀ on S₁ and S₂ end exactly at θ₁* and θ₂* (Proposition A.1), θ₂* ∈ M_S₁ and θ₁* ∈ M_S₂ exactly, and G(θ₁*; θ₀) ≠ G(θ₂*; θ₀); a G characterizing the flow would make them equal (Lemma 5.1), so G does not characterize the flow even in the weak sense."
            : $"Inconclusive: {reason}; this does not show that G characterizes the flow.";
        return ClaimResult.FromFacts(claim, facts, text, [section]);
    }

    private static Regularizer Parse(Claim claim, int d)
    {
        var gNode = claim.Node.Required("regularizer");
        gNode.Expression(); // positioned parse errors
        try { return Regularizer.Parse(gNode.Text(), d, "regularizer"); }
        catch (InputException ex) { throw gNode.Error(ex.Message); }
    }
}
