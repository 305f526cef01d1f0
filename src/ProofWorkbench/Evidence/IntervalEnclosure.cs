using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;

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
