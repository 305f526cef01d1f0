using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Expressions;

namespace ProofWorkbench.Symbolic.Simplification;

/// <summary>The outcome of a probabilistic equivalence test: evidence, never a proof.</summary>
public sealed record ProbabilisticEquivalenceResult(bool Agree, int PointsTried, double MaxRelativeDifference, IReadOnlyDictionary<string, double>? Witness);

/// <summary>
/// Compares two expressions at pseudo-random points (fixed seed, so reproducible) in double precision.
/// A disagreement beyond the tolerance is a witness of inequivalence; agreement is only probabilistic
/// evidence and must be reported as such — it is never a proof.
/// </summary>
public static class ProbabilisticEquivalence
{
    /// <summary>Evaluates a and b at <paramref name="points"/> points with coordinates in [−range, range].</summary>
    public static ProbabilisticEquivalenceResult Check(Expr a, Expr b, int points = 64, double range = 2, double relativeTolerance = 1e-9, int seed = 20231)
    {
        var names = a.FreeSymbols().Union(b.FreeSymbols()).Order(StringComparer.Ordinal).ToArray();
        var rng = new Random(seed);
        double worst = 0;
        int tried = 0;
        for (int i = 0; i < points * 4 && tried < points; i++)
        {
            var env = names.ToDictionary(n => n, _ => (rng.NextDouble() * 2 - 1) * range);
            double va = Evaluator.Evaluate(a, env), vb = Evaluator.Evaluate(b, env);
            if (!double.IsFinite(va) || !double.IsFinite(vb)) continue;
            tried++;
            double diff = Math.Abs(va - vb) / Math.Max(1, Math.Max(Math.Abs(va), Math.Abs(vb)));
            if (diff > relativeTolerance) return new(false, tried, diff, env);
            worst = Math.Max(worst, diff);
        }
        return new(true, tried, worst, null);
    }
}
