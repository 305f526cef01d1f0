using ProofWorkbench.Symbolic.Expressions;

namespace ProofWorkbench.Evidence;

/// <summary>
/// Certified root isolation of <paramref name="Function"/> on <paramref name="Domain"/> (outward-rounded interval
/// arithmetic): each of <paramref name="Roots"/> holds exactly one zero (strict sign change at its ends and a derivative
/// enclosure excluding 0); when <paramref name="Complete"/>, the function has no other zero on the domain (its enclosure
/// excludes 0 on every other piece). The outcome is what these zeros mean for the claim (a count, stated roots, none).
/// </summary>
/// <param name="Label">What was asked of the zeros.</param>
/// <param name="Function">The function.</param>
/// <param name="Variable">Its variable.</param>
/// <param name="Domain">The interval searched.</param>
/// <param name="Roots">The root enclosures.</param>
/// <param name="Complete">True when no piece of the domain was left undecided.</param>
/// <param name="Outcome">How the zeros bear on the claim.</param>
public sealed record IsolatedZeros(string Label, Expr Function, string Variable, ExactInterval Domain, IReadOnlyList<ExactInterval> Roots, bool Complete, FactOutcome Outcome)
    : Fact(Label, Outcome)
{
    /// <inheritdoc/>
    public override string Kind => "isolated-zeros";
    /// <inheritdoc/>
    public override bool IsExact => true;
}
