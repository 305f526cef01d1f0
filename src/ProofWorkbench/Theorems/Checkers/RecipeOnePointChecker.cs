using ProofWorkbench.Smt;
using ProofWorkbench.Papers.Zhang2023.Recipes;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// <c>recipe-one-point</c>: the conditions of the One-point Overlapping Recipe (paper 000, Section 6.3) for an
/// activation, a point θ₀ (<c>from</c>) and the inputs xᵢ of its datasets (<c>datasets</c>): σ &gt; 0 and σ′ &gt; 0
/// on ℝ (step (a), Lemma 6.1) — proved by Z3 through sound abstraction of the transcendental terms, never by
/// sampling — and the step (b) vectors linearly independent (exact determinant). Each condition leaves its
/// SMT-LIB2 script.
/// </summary>
public sealed class RecipeOnePointChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "recipe-one-point";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Activation,
            ClaimParameter.From,
            ClaimParameter.Needs("datasets", "list of datasets", "the One-point datasets; their inputs are the step (b) vectors"),
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var sigma = context.ActivationOf(claim);
        var theta0 = context.Point(claim.Node.Required("from"));
        var setsNode = claim.Node.Required("datasets");
        var sets = setsNode.Items().Select(context.DatasetOf).ToList();
        int d = theta0.W.Count;
        // Step (b) needs d datasets, each with an input x in ℝ^d (issue 9 item 5: a file error, not a crash).
        if (sets.Count != d || sets.Any(s => s.Samples.Count == 0 || s.Samples[0].X.Count != d))
            throw setsNode.Error($"step (b) of the One-point Recipe needs d = {d} datasets (the dimension of w in 'from'), each with an input x of {d} component{(d == 1 ? "" : "s")}; {sets.Count} dataset{(sets.Count == 1 ? " is" : "s are")} given.");
        var xs = sets.Select(s => (IReadOnlyList<Symbolic.Numbers.Rational>)s.Samples[0].X
            .Select(e => e is Symbolic.Expressions.Number n ? n.Value
                : throw claim.Node.Required("datasets").Error("the inputs x of a One-point recipe must be exact numbers."))
            .ToArray()).ToList();
        IReadOnlyList<SmtCheckResult> results;
        try
        {
            results = RecipeChecks.OnePoint(new OnePointInput { Activation = sigma.Definition, Variable = sigma.Variable, W = theta0.W, A = theta0.A, X = xs });
        }
        catch (Z3NotFoundException ex) { throw new InputException(ex.Message); }
        // The facts re-derivable from expressions: σ > 0 and σ′ > 0 as relations, step (b) as an exact matrix (1/(x_k)_i)
        // (a ≠ 0 and the (x_k)_i ≠ 0 are exact facts about the inputs, stated as exact values).
        var zero = Symbolic.Expressions.Expr.Num(0);
        var derivative = Symbolic.Calculus.Differentiator.Derivative(sigma.Definition, sigma.Variable);
        bool inputsNonzero = !theta0.A.IsZero && xs.All(x => x.All(v => !v.IsZero));
        Evidence.Fact? FactOf(SmtCheckResult r) =>
            ReferenceEquals(r, results[0]) ? Evidence.SmtCheck.Of(r, new Symbolic.Expressions.Relation(sigma.Definition, Symbolic.Expressions.RelationOperator.Greater, zero))
            : ReferenceEquals(r, results[1]) ? Evidence.SmtCheck.Of(r, new Symbolic.Expressions.Relation(derivative, Symbolic.Expressions.RelationOperator.Greater, zero))
            : ReferenceEquals(r, results[2]) && inputsNonzero && xs.Count == theta0.W.Count
                ? Evidence.LinearAlgebraFact.Compute("Sec. 6.3(b): the rows r_k = (1/(x_k)_1, …, 1/(x_k)_d) are linearly independent",
                    xs.Select(x => (IReadOnlyList<Symbolic.Numbers.Rational>)x.Select(v => Symbolic.Numbers.Rational.One / v).ToList()).ToList())
            : null;
        return RecipeVerdict.Of(claim, results, [], "Violated",
            "Every condition of the One-point Recipe holds, each proved by Z3 (negation unsat) or by exact arithmetic.", factOf: FactOf);
    }
}
