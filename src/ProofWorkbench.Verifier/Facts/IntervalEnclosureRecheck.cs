using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Verifier.Facts;

/// <summary><c>interval-enclosure</c>: re-evaluates the expression on the stated box with Symbolic's outward-rounded
/// interval arithmetic (bisecting the box a bounded number of times when the natural extension is too wide; a box of points
/// exactly when the expression simplifies to a rational; an integral term by validated quadrature) and requires
/// the result inside the stated enclosure; the outcome is re-judged from the enclosure and the tolerance: |x| ≤ tol on the
/// whole enclosure confirms (proves when the certificate says the tolerance is the claim's own bound), |x| &gt; tol on it
/// refutes, otherwise undecided. Without a tolerance the fact informs.</summary>
internal sealed class IntervalEnclosureRecheck : IFactRechecker
{
    private const int MaxDepth = 12;

    public string Kind => "interval-enclosure";

    public FactCheck Recheck(J fact)
    {
        var e = fact["expression"].Expr();
        var box = fact["box"].Entries().ToDictionary(kv => kv.Key, kv => kv.Value.Interval());
        var (lo, hi) = fact["enclosure"].Interval();
        var exactBox = box.ToDictionary(kv => kv.Key, kv => Exact.Enclose(kv.Value.Lo, kv.Value.Hi));
        var integral = fact["integral"].IsNull ? null : fact["integral"];
        int required = fact.Has("required_sign") ? fact["required_sign"].Int() : 0;
        if (integral is not null)
            foreach (var kv in Integral.Over(integral, exactBox.TryGetValue(integral["variable"].Str(), out var iv) ? iv : throw new CertificateFormatException(integral["variable"].Path, "the integral's variable must be a box variable"))!)
                exactBox[kv.Key] = kv.Value;
        // A box of points (e.g. an exact comparison p − q of rationals): evaluated exactly when it simplifies to a rational.
        if (integral is null && box.Values.All(b => b.Lo == b.Hi)
            && Symbolic.Simplification.Simplifier.Simplify(Exact.At(e, box.ToDictionary(kv => kv.Key, kv => kv.Value.Lo))) is Symbolic.Expressions.Number n)
        {
            if (n.Value < lo || n.Value > hi) throw new RejectException($"{fact.Path} (interval-enclosure): {e} at the stated point is {n.Value}, not in [{lo}, {hi}]");
        }
        else
        {
            // An exact (rational) enclosure can be narrower than any outward-rounded double evaluation: allow 4 ulps at each end,
            // and judge the outcome on the hull of both (which contains the range, because the re-evaluation does).
            var widened = Exact.Enclose(lo, hi);
            for (int k = 0; k < 4; k++) widened = new Interval(Math.BitDecrement(widened.Lo), Math.BitIncrement(widened.Hi));
            if (!Inside(e, exactBox, lo, hi, 0))
                (lo, hi) = (Rational.FromDouble(widened.Lo) < lo ? Rational.FromDouble(widened.Lo) : lo, Rational.FromDouble(widened.Hi) > hi ? Rational.FromDouble(widened.Hi) : hi);
            if (!Inside(e, exactBox, lo, hi, 0))
            {
                Interval mine;
                try { mine = IntervalEvaluator.Evaluate(e, exactBox); } catch (InputException) { mine = Interval.Entire; }
                bool finite = double.IsFinite(mine.Lo) && double.IsFinite(mine.Hi);
                // A signed fact claims only the strict sign: judged on the re-evaluation when the stated enclosure is narrower.
                if (finite && Exact.StrictSign(mine) == required && required != 0 && fact["tolerance"].IsNull && !(Rational.FromDouble(mine.Hi) < lo || Rational.FromDouble(mine.Lo) > hi))
                    (lo, hi) = (Rational.FromDouble(mine.Lo), Rational.FromDouble(mine.Hi));
                else if (!(Rational.FromDouble(mine.Hi) < lo || Rational.FromDouble(mine.Lo) > hi) || !finite)
                    return new FactCheck(fact.Path, Kind, fact["outcome"].Str(), false, "the stated enclosure is narrower than the outward-rounded double re-evaluation, which overlaps it (not re-checked)");
                else throw new RejectException($"{fact.Path} (interval-enclosure): {e} on the stated box is not enclosed by [{lo}, {hi}] (re-evaluated with outward-rounded intervals)");
            }
        }
        string outcome;
        if (fact["tolerance"].IsNull && required != 0)
            outcome = (required > 0 ? lo.Sign > 0 : hi.Sign < 0) ? Outcomes.Proves : (required > 0 ? hi.Sign < 0 : lo.Sign > 0) ? Outcomes.Refutes : Outcomes.Undecided;
        // No tolerance and no required sign: a bare enclosure (proves what it encloses), or one its generator left undecided
        // (e.g. a claimed nonzero it could not separate from 0). An undecided outcome can only make a verdict inconclusive,
        // which certifies nothing, so it is accepted as stated.
        else if (fact["tolerance"].IsNull)
            outcome = fact["outcome"].Str() is Outcomes.Proves or Outcomes.Undecided ? fact["outcome"].Str() : Outcomes.Informs;
        else
        {
            var tol = fact["tolerance"].Rat();
            Rational maxAbs = lo.Abs() > hi.Abs() ? lo.Abs() : hi.Abs(), minAbs = lo.Sign <= 0 && hi.Sign >= 0 ? Rational.Zero : lo.Abs() < hi.Abs() ? lo.Abs() : hi.Abs();
            outcome = maxAbs <= tol ? (fact["outcome"].Str() == Outcomes.Proves ? Outcomes.Proves : Outcomes.Confirms)
                : minAbs > tol ? Outcomes.Refutes : Outcomes.Undecided;
        }
        return new FactCheck(fact.Path, Kind, outcome, true, $"re-enclosed inside [{lo}, {hi}]");
    }

    // True when e's range on the box lies in [lo, hi]: natural extension, else bisect the widest side (bounded depth).
    internal static bool Inside(Symbolic.Expressions.Expr e, Dictionary<string, Interval> box, Rational lo, Rational hi, int depth)
    {
        Interval r;
        try { r = IntervalEvaluator.Evaluate(e, box); }
        catch (InputException) { return false; }
        if (!double.IsNaN(r.Lo) && !double.IsNaN(r.Hi) && Rational.FromDouble(r.Lo) >= lo && Rational.FromDouble(r.Hi) <= hi && double.IsFinite(r.Lo) && double.IsFinite(r.Hi)) return true;
        if (depth >= MaxDepth || box.Count == 0) return false;
        var (name, side) = box.OrderByDescending(kv => kv.Value.Width).ThenBy(kv => kv.Key, StringComparer.Ordinal).First();
        if (side.Width <= 0) return false;
        var mid = side.Mid;
        return Inside(e, new(box) { [name] = new Interval(side.Lo, mid) }, lo, hi, depth + 1)
            && Inside(e, new(box) { [name] = new Interval(mid, side.Hi) }, lo, hi, depth + 1);
    }
}
