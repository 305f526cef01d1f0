using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Evidence;

/// <summary>
/// An interval enclosure: for every point of <paramref name="Box"/>, the value of <paramref name="Expression"/> lies in
/// <paramref name="Enclosure"/> (outward-rounded interval arithmetic). Judged against a tolerance on |value| by
/// <see cref="VerdictRule.Judge"/>.
/// </summary>
/// <param name="Label">What is enclosed.</param>
/// <param name="Expression">The expression, in the box's variables.</param>
/// <param name="Box">Each variable's interval (exact ends).</param>
/// <param name="Enclosure">The enclosure of the expression over the box (exact ends of the double interval).</param>
/// <param name="Tolerance">The tolerance on |value|, or null.</param>
/// <param name="Outcome">The outcome by <see cref="VerdictRule.Judge"/>.</param>
public sealed record IntervalEnclosure(string Label, Expr Expression, IReadOnlyList<KeyValuePair<string, ExactInterval>> Box,
    ExactInterval Enclosure, double? Tolerance, FactOutcome Outcome) : Fact(Label, Outcome)
{
    /// <inheritdoc/>
    public override string Kind => "interval-enclosure";
    /// <inheritdoc/>
    public override bool IsExact => true;

    /// <summary>A quadrature term in <see cref="Expression"/> (its symbol is not a box variable), or null.</summary>
    public IntegralTerm? Integral { get; init; }

    /// <summary>When ±1, the fact claims the value has this strict sign on the whole box (the enclosure lies strictly on that side of 0); 0 otherwise.</summary>
    public int RequiredSign { get; init; }

    /// <summary>
    /// An exact strict inequality <paramref name="left"/> &gt; <paramref name="right"/> between rationals, as an enclosure
    /// of p − q over the degenerate box p = left, q = right with required sign +1 (proves when it holds, else undecided).
    /// </summary>
    public static IntervalEnclosure ExactSign(string label, Rational left, Rational right) =>
        new(label, Expr.Sub(Expr.Sym("p"), Expr.Sym("q")), [new("p", ExactInterval.Point(left)), new("q", ExactInterval.Point(right))],
            ExactInterval.Point(left - right), null, left > right ? FactOutcome.Proves : FactOutcome.Undecided) { RequiredSign = 1 };

    /// <summary>
    /// The enclosure <paramref name="enclosure"/> of <paramref name="expression"/> over <paramref name="box"/>, claimed to
    /// have the strict sign <paramref name="sign"/> everywhere: proves when the enclosure lies strictly on that side of 0,
    /// else undecided.
    /// </summary>
    public static IntervalEnclosure Signed(string label, Expr expression, IReadOnlyList<KeyValuePair<string, Interval>> box, Interval enclosure, int sign,
        IntegralTerm? integral = null)
    {
        bool holds = double.IsFinite(enclosure.Lo) && double.IsFinite(enclosure.Hi) && (sign > 0 ? enclosure.Lo > 0 : enclosure.Hi < 0);
        return new IntervalEnclosure(label, expression, box.Select(kv => new KeyValuePair<string, ExactInterval>(kv.Key, ExactInterval.Of(kv.Value))).ToList(),
            ExactInterval.Of(enclosure), null, holds ? FactOutcome.Proves : FactOutcome.Undecided) { Integral = integral, RequiredSign = sign };
    }

    /// <summary>Encloses <paramref name="expression"/> over <paramref name="box"/>, judged against <paramref name="tolerance"/> (null: not judged, outcome Proves).</summary>
    public static IntervalEnclosure Compute(string label, Expr expression, IReadOnlyList<KeyValuePair<string, Interval>> box, double? tolerance,
        ToleranceMeaning meaning = ToleranceMeaning.Allowance)
    {
        var value = IntervalEvaluator.Evaluate(expression, box.ToDictionary(kv => kv.Key, kv => kv.Value));
        var outcome = tolerance is { } tol ? VerdictRule.Judge(Magnitude.Enclosed(value), tol, meaning).Outcome : FactOutcome.Proves;
        return new IntervalEnclosure(label, expression, box.Select(kv => new KeyValuePair<string, ExactInterval>(kv.Key, ExactInterval.Of(kv.Value))).ToList(),
            ExactInterval.Of(value), tolerance, outcome);
    }
}
