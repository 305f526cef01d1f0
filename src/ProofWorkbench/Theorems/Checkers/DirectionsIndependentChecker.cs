using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.Constructions;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// <c>directions-independent</c>: at a point θ (<c>point</c>), the residual gradients ∇r_S(θ) = (a σ′(xᵀw)·x, σ(xᵀw)) of
/// the given one-sample <c>datasets</c> are linearly independent. They are the limiting directions of the flows when θ
/// is their common limit — r keeps its sign along one-sample flow (ṙ = −2r|∇r|²), so θ̇/|θ̇| = −sign(r₀)·∇r/|∇r| →
/// −sign(r₀)·∇r(θ)/|∇r(θ)| — i.e. Lemma 5.2's hypothesis (paper 000), and, at a point of M_S, the normals of the M_S.
/// Proved by a k×k minor whose determinant is exact and nonzero, or whose interval enclosure excludes 0; refuted only
/// when all entries are exact rationals and the exact rank is deficient; otherwise inconclusive.
/// </summary>
public sealed class DirectionsIndependentChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "directions-independent";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Activation,
            ClaimParameter.Point,
            ClaimParameter.Datasets,
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var sigma = context.ActivationOf(claim);
        var theta = context.Point(claim.Node.Required("point"));
        var setsNode = claim.Node.Required("datasets");
        var sets = setsNode.Items().Select(context.DatasetOf).ToList();
        if (sets.Count == 0 || sets.Any(s => s.Samples.Count != 1)) throw setsNode.Error("directions-independent takes a list of one-sample datasets.");
        int d = theta.W.Count;
        if (sets.Any(s => s.Dimension != d)) throw setsNode.Error($"every dataset needs d = {d} inputs, as the point has {d} weights.");
        var model = new OneNeuronModel(sigma, d);
        var at = model.ParameterNames.Select((p, i) => (p, Num(i < d ? theta.W[i] : theta.A))).ToDictionary(q => q.p, q => q.Item2);
        var rows = sets.Select(s => Differentiator.Gradient(model.Residual(s.Samples[0]), model.ParameterNames)
            .Select(g => Substitution.Substitute(g, at)).ToList()).ToList();
        var values = sets.Select((s, k) => new NamedValue($"∇r_{s.Name}(θ)", "(" + string.Join(", ", rows[k].Select(e => e.ToString())) + ")")).ToList();
        if (d == 1)
            values.AddRange(sets.Select((s, k) => new NamedValue($"slope ȧ/ẇ on {s.Name} (eq. (26))", Format.Value(Eval(rows[k][1]) / Eval(rows[k][0])))));

        if (rows.All(r => r.All(e => e is Number)))
        {
            var exact = rows.Select(r => (IReadOnlyList<Rational>)r.Select(e => ((Number)e).Value).ToList()).ToList();
            int rank = Symbolic.Numbers.ExactLinearAlgebra.Rank(exact);
            values.Add(new("rank (exact)", rank.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var ev = new EvidenceSection(EvidenceLayer.Symbolic, "exact rank of the directions") { Values = values };
            var fact = Evidence.LinearAlgebraFact.Compute("the directions ∇r_S(θ) as rows (exact)", exact);
            return ClaimResult.FromFacts(claim, [fact], rank == rows.Count
                ? $"The {rows.Count} directions are independent: exact rank {rank}."
                : $"The {rows.Count} directions are dependent: exact rank {rank}.", [ev]);
        }
        var enclosed = rows.Select(r => (IReadOnlyList<Interval>)r.Select(e => IntervalEvaluator.Evaluate(e, new Dictionary<string, Interval>())).ToList()).ToList();
        var minor = IntervalDeterminant.IndependentMinor(enclosed);
        if (minor is { } m)
        {
            var names = m.Columns.Select(c => model.ParameterNames[c]);
            values.Add(new($"det of the minor in ({string.Join(", ", names)})", $"∈ [{Format.Value(m.Determinant.Lo)}, {Format.Value(m.Determinant.Hi)}] ∌ 0"));
            var detExpr = IntervalDeterminant.Expression(rows.Select(r => (IReadOnlyList<Expr>)m.Columns.Select(c => r[c]).ToList()).ToList());
            var detFact = Evidence.IntervalEnclosure.Signed($"det of the minor of the directions ∇r_S(θ) in ({string.Join(", ", names)}) is nonzero", detExpr, [],
                IntervalEvaluator.Evaluate(detExpr, new Dictionary<string, Interval>()), m.Determinant.Lo > 0 ? 1 : -1);
            return ClaimResult.FromFacts(claim, [detFact],
                $"The {rows.Count} directions are linearly independent: the determinant of their minor in ({string.Join(", ", names)}) is enclosed away from 0 by outward-rounded interval arithmetic.",
                [new EvidenceSection(EvidenceLayer.Interval, "certified interval determinant") { Values = values }]);
        }
        int k = Math.Min(rows.Count, d + 1);
        var first = IntervalDeterminant.Expression(rows.Take(k).Select(r => (IReadOnlyList<Expr>)r.Take(k).ToList()).ToList());
        var undecided = Evidence.IntervalEnclosure.Signed("det of the first minor of the directions (no minor's enclosure excludes 0)", first, [],
            IntervalEvaluator.Evaluate(first, new Dictionary<string, Interval>()), 1) with { Outcome = Evidence.FactOutcome.Undecided };
        return ClaimResult.FromFacts(claim, [undecided], "No minor of the directions has a determinant enclosure excluding 0 (they may be dependent, or too close to it for interval arithmetic).",
            [new EvidenceSection(EvidenceLayer.Interval, "interval determinants") { Values = values }]);
    }

    private static double Eval(Expr e) => Symbolic.Compilation.Evaluator.Evaluate(e, new Dictionary<string, double>());
}
