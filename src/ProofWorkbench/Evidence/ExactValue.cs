using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Evidence;

/// <summary>
/// An exact value: an expression (e.g. a residual f(θ; x) − y) evaluated over ℚ at exact values of its variables, judged
/// against the claim's tolerance by <see cref="VerdictRule.Judge"/>: 0 proves; exactly nonzero within the tolerance
/// confirms (the claim holds only approximately); beyond it refutes.
/// </summary>
/// <param name="Label">What the value is.</param>
/// <param name="Expression">The expression, in the variables of <paramref name="At"/>.</param>
/// <param name="At">The exact values substituted for its variables.</param>
/// <param name="Value">Its exact value.</param>
/// <param name="Tolerance">The tolerance on |value| (exact), or null when only 0 is acceptable.</param>
/// <param name="Outcome">The outcome by <see cref="VerdictRule.Judge"/>.</param>
public sealed record ExactValue(string Label, Expr Expression, IReadOnlyList<KeyValuePair<string, Rational>> At, Rational Value, Rational? Tolerance, FactOutcome Outcome) : Fact(Label, Outcome)
{
    /// <inheritdoc/>
    public override string Kind => "exact-value";
    /// <inheritdoc/>
    public override bool IsExact => true;
}
