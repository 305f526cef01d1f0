using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;

namespace ProofWorkbench.Symbolic.Simplification;

/// <summary>The outcome of a probabilistic equivalence test: evidence, never a proof of equality.</summary>
/// <param name="Agree">True when no point separated the two expressions.</param>
/// <param name="PointsTried">Points at which both expressions were defined.</param>
/// <param name="MaxRelativeDifference">The largest relative difference of the enclosures' midpoints seen.</param>
/// <param name="Witness">A point where the two values are certainly different (disjoint enclosures), or null.</param>
public sealed record ProbabilisticEquivalenceResult(bool Agree, int PointsTried, double MaxRelativeDifference, IReadOnlyDictionary<string, double>? Witness);

/// <summary>
/// Compares two expressions at pseudo-random points (fixed seed, so reproducible). Each value is enclosed by
/// outward-rounded interval arithmetic at the point, so a witness of inequivalence is certain: the enclosures
/// are disjoint. Agreement (every pair of enclosures overlaps) is only probabilistic evidence and must be
/// reported as such — it is never a proof.
/// </summary>
public static class ProbabilisticEquivalence
{
    /// <summary>
    /// Evaluates a and b at <paramref name="points"/> points with coordinates in [−range, range]. With
    /// <paramref name="domain"/> (the domain of the expressions as written), only points certainly inside it count:
    /// a canonical form may be defined where the original is not (√x·√x = x), and a witness must lie where it is.
    /// </summary>
    public static ProbabilisticEquivalenceResult Check(Expr a, Expr b, int points = 64, double range = 2, int seed = 20231,
        IReadOnlyList<Domains.DomainCondition>? domain = null)
    {
        if (a.Any(n => n is AbstractCall) || b.Any(n => n is AbstractCall))
            return new(true, 0, 0, null); // an abstract σ has no values: no evidence either way
        var names = a.FreeSymbols().Union(b.FreeSymbols()).Order(StringComparer.Ordinal).ToArray();
        var rng = new Random(seed);
        double worst = 0;
        int tried = 0;
        for (int i = 0; i < points * 4 && tried < points; i++)
        {
            var point = names.ToDictionary(n => n, _ => (rng.NextDouble() * 2 - 1) * range);
            var box = point.ToDictionary(kv => kv.Key, kv => Interval.Point(kv.Value));
            if (domain is not null && !domain.All(d => CertainlyInside(d, box))) continue;
            var ia = IntervalEvaluator.Evaluate(a, box);
            var ib = IntervalEvaluator.Evaluate(b, box);
            if (!double.IsFinite(ia.Lo) || !double.IsFinite(ia.Hi) || !double.IsFinite(ib.Lo) || !double.IsFinite(ib.Hi)) continue;
            tried++;
            if (ia.Hi < ib.Lo || ib.Hi < ia.Lo)
                return new(false, tried, Math.Abs(ia.Mid - ib.Mid) / Math.Max(1, Math.Max(Math.Abs(ia.Mid), Math.Abs(ib.Mid))), point);
            worst = Math.Max(worst, Math.Abs(ia.Mid - ib.Mid) / Math.Max(1, Math.Max(Math.Abs(ia.Mid), Math.Abs(ib.Mid))));
        }
        return new(true, tried, worst, null);
    }

    /// <summary>True when the point certainly satisfies the condition, or certainly lies off its piecewise path.</summary>
    private static bool CertainlyInside(Domains.DomainCondition d, IReadOnlyDictionary<string, Interval> box)
    {
        try
        {
            foreach (var r in d.Path)
            {
                var certain = Certainly(r, box);
                if (certain == false) return true;
                if (certain is null) return false;
            }
            return Certainly(d.Condition, box) == true;
        }
        catch (SymbolicException) { return false; }
    }

    private static bool? Certainly(Relation r, IReadOnlyDictionary<string, Interval> box) => IntervalEvaluator.Decide(r, box);
}
