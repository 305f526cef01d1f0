using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Simplification;

namespace ProofWorkbench.Evidence;

/// <summary>
/// An exact identity: the zero test's answer for <paramref name="Expression"/> ≡ 0 (e.g. derived − stated, or a Lie
/// derivative). Zero proves the identity; NonZero (exact, algebraically independent kernels) refutes it; Unknown is undecided.
/// </summary>
/// <param name="Label">What the identity says.</param>
/// <param name="Expression">The expression whose identical vanishing is tested.</param>
/// <param name="Result">The zero test's answer.</param>
public sealed record ExactIdentity(string Label, Expr Expression, ZeroTestResult Result)
    : Fact(Label, Result switch { ZeroTestResult.Zero => FactOutcome.Proves, ZeroTestResult.NonZero => FactOutcome.Refutes, _ => FactOutcome.Undecided })
{
    /// <inheritdoc/>
    public override string Kind => "exact-identity";
    /// <inheritdoc/>
    public override bool IsExact => Result != ZeroTestResult.Unknown;
}
