using ProofWorkbench.Smt;
using ProofWorkbench.Papers.Zhang2023.Recipes;
using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// <c>recipe-part-a</c>: do θ₀ (<c>from</c>) and two one-sample datasets (<c>datasets: [S1, S2]</c>) satisfy the
/// conditions of the Two-point Overlapping Recipe, Part A (paper 000, Section 6.1, steps (a), (c), (d), (e))?
/// The numeric layer supplies the limits θ₁*, θ₂* and E₁ = the closure of {x₁ᵀw(t) : t ≥ 0} along the flow on S₁,
/// rounded outward by the limit's error estimate plus a margin; Z3 then decides each condition exactly and
/// leaves its SMT-LIB2 script. Proved when every condition is proved; refuted when one is refuted.
/// </summary>
public sealed class RecipePartAChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "recipe-part-a";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Activation,
            ClaimParameter.From,
            ClaimParameter.Needs("datasets", "list of two datasets", "S₁ and S₂, one sample each"),
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var sigma = context.ActivationOf(claim);
        var theta0 = context.Point(claim.Node.Required("from"));
        var sets = claim.Node.Required("datasets").Items().Select(context.DatasetOf).ToList();
        if (sets.Count != 2 || sets.Any(s => s.Samples.Count != 1))
            throw claim.Node.Required("datasets").Error("Part A takes two one-sample datasets: [S1, S2].");
        var r1 = context.Flow(sigma, sets[0], theta0);
        var r2 = context.Flow(sigma, sets[1], theta0);
        var c1 = FlowEvidence.Context($"flow on {sets[0].Name}", sigma, sets[0], theta0, r1);
        var c2 = FlowEvidence.Context($"flow on {sets[1].Name}", sigma, sets[1], theta0, r2);
        var evidence = new List<EvidenceSection> { c1.Section, c2.Section };
        if (!r1.Converged || !r2.Converged || r1.Trajectory.Count == 0)
            return new ClaimResult(claim, Verdict.Inconclusive, "A flow did not converge, so the recipe's limits are unknown.", evidence) { Facts = [c1.Run, c2.Run] };

        var empty = new Dictionary<string, double>();
        Rational[] Exact(IEnumerable<Expr> xs) => xs.Select(e => e is Number n ? n.Value : Rational.FromDouble(Evaluator.Evaluate(e, empty))).ToArray();
        var x1 = Exact(sets[0].Samples[0].X);
        var x2 = Exact(sets[1].Samples[0].X);
        int d = x1.Length;
        // E₁ ⊆ [min, max] of x₁ᵀw(t) over the accepted states, widened by the limit error and a margin for the
        // dense path between states (the flow is monotone along each step to first order).
        var projections = r1.Trajectory.Select(p => Enumerable.Range(0, d).Sum(i => x1[i].ToDouble() * p.Theta[i])).ToList();
        double margin = 1e-6 * Math.Max(1, projections.Max(Math.Abs)) + FlowEvidence.LimitError(r1);
        var e1 = new RationalInterval(Rational.FromDouble(projections.Min() - margin), Rational.FromDouble(projections.Max() + margin));
        var input = new TwoPointPartAInput
        {
            W0 = theta0.W, A0 = theta0.A,
            W1Star = r1.W.Select(Rational.FromDouble).ToArray(), X1 = x1, E1 = [e1],
            W2Star = r2.W.Select(Rational.FromDouble).ToArray(), A2Star = Rational.FromDouble(r2.A), X2 = x2,
        };
        IReadOnlyList<SmtCheckResult> results;
        try { results = RecipeChecks.TwoPointPartA(input); }
        catch (Z3NotFoundException ex) { throw new InputException(ex.Message); }
        evidence.Add(new EvidenceSection(EvidenceLayer.Numeric, "E₁ from the flow on S₁, rounded outward")
        {
            Values = [new("E₁ ⊆", $"[{Format.Value(e1.Lo.ToDouble())}, {Format.Value(e1.Hi.ToDouble())}]")],
        });
        return RecipeVerdict.Of(claim, results, evidence, "The construction violates Part A",
            "Every decidable condition of Part A holds (each proved by Z3 on exact rationals).",
            // The recipe's inputs θ₁*, θ₂*, E₁ come from flow runs: the verdict rests on them as numeric facts.
            [c1.Run with { Outcome = Evidence.FactOutcome.Confirms }, c2.Run with { Outcome = Evidence.FactOutcome.Confirms }]);
    }
}
