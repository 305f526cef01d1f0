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
            ClaimParameter.Needs("route", "one-point-stationary or one-point-reflect", "the route of the refutation"),
            ClaimParameter.From,
            ClaimParameter.Needs("limit", "point", "the flows' common limit θ*"),
            ClaimParameter.Needs("datasets", "list of two datasets", "two one-sample datasets"),
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var sigma = context.ActivationOf(claim);
        var routeNode = claim.Node.Required("route");
        var variant = RefutationTheoremFile.VariantOf(routeNode.Text())
            ?? throw routeNode.Error($"unknown route '{routeNode.Text()}'; write one-point-stationary or one-point-reflect.");
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
}
