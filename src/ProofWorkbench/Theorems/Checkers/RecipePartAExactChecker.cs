using ProofWorkbench.Papers.Zhang2023.Recipes;
using ProofWorkbench.Smt;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// <c>recipe-part-a-exact</c>: the conditions (a), (c), (d), (e) of the Two-point Recipe, Part A (paper 000, Section 6.1),
/// for exact limits θ₁*, θ₂* (<c>limits: [θ₁*, θ₂*]</c>) of flows on the parabola (14) — as the <c>parabola-limit</c>
/// claims of a generated file prove. Then E₁ is known exactly: x₁ᵀw(a) = x₁ᵀw₀ + x₁ᵀ(w₁* − w₀)·(a² − a₀²)/(a₁*² − a₀²) for
/// a between a₀ and a₁*, an interval with rational ends; Z3 decides each condition on exact rationals with its script.
/// </summary>
public sealed class RecipePartAExactChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "recipe-part-a-exact";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.From,
            ClaimParameter.Needs("limits", "list of two points", "the exact limits θ₁*, θ₂* (as proved by parabola-limit claims)"),
            ClaimParameter.Needs("datasets", "list of two datasets", "S₁ and S₂, one sample each"),
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var theta0 = context.Point(claim.Node.Required("from"));
        var limitNodes = claim.Node.Required("limits").Items();
        var setNodes = claim.Node.Required("datasets").Items();
        if (limitNodes.Count != 2 || setNodes.Count != 2) throw claim.Node.Error("recipe-part-a-exact takes limits: [θ₁*, θ₂*] and datasets: [S1, S2].");
        var t1 = context.Point(limitNodes[0]);
        var t2 = context.Point(limitNodes[1]);
        var sets = setNodes.Select(context.DatasetOf).ToList();
        if (sets.Any(s => s.Samples.Count != 1)) throw claim.Node.Required("datasets").Error("Part A takes two one-sample datasets.");
        Rational[] X(Dataset s) => s.Samples[0].X.Select(e => e is Number n ? n.Value : throw claim.Node.Required("datasets").Error("inputs x must be exact numbers.")).ToArray();
        var x1 = X(sets[0]);
        var x2 = X(sets[1]);
        var den = t1.A * t1.A - theta0.A * theta0.A;
        if (den.IsZero)
            return new ClaimResult(claim, Verdict.Refuted, "a₁*² = a₀²: on the parabola (14) the flow on S₁ cannot move w, so w₁* ≠ w₀ (step (a)) fails.", []);
        Rational Dot(IReadOnlyList<Rational> a, IReadOnlyList<Rational> b) => a.Select((v, i) => v * b[i]).Aggregate(Rational.Zero, (s, v) => s + v);
        var u0 = Dot(x1, theta0.W);
        var slope = Dot(x1, t1.W) - u0;
        var lambdas = new List<Rational> { Rational.Zero, Rational.One };
        if (theta0.A.Sign * t1.A.Sign <= 0) lambdas.Add(-(theta0.A * theta0.A) / den);
        var ends = lambdas.Select(l => u0 + slope * l).ToList();
        var e1 = new RationalInterval(ends.Min(), ends.Max());
        var input = new TwoPointPartAInput
        {
            W0 = theta0.W, A0 = theta0.A, W1Star = t1.W, X1 = x1, E1 = [e1], E1Certain = [e1],
            W2Star = t2.W, A2Star = t2.A, X2 = x2,
        };
        IReadOnlyList<SmtCheckResult> results;
        try { results = RecipeChecks.TwoPointPartA(input); }
        catch (Z3NotFoundException ex) { throw new InputException(ex.Message); }
        var prior = new EvidenceSection(EvidenceLayer.Symbolic, "E₁ exactly, from the parabola (14) through θ₀ and θ₁*") { Values = [new("E₁", e1.ToString())] };
        return RecipeVerdict.Of(claim, results, [prior], "The construction violates Part A",
            "Every condition (a), (c), (d), (e) of Part A holds, each proved by Z3 on exact rationals (E₁ exact).");
    }
}
