using ProofWorkbench.Symbolic.Expressions;

namespace ProofWorkbench.Evidence;

/// <summary>
/// A certified root: <paramref name="Function"/> of <paramref name="Variable"/> has opposite strict signs at the ends of
/// <paramref name="Bracket"/> (intermediate value theorem: a zero inside) and, when <paramref name="DerivativeSign"/> is
/// ±1, a derivative of that strict sign on the whole bracket (strictly monotone: exactly one zero). The zero is
/// therefore enclosed by the bracket. A one-neuron limit on a conserved level set is such a root (paper 000, Lemma A.3).
/// </summary>
/// <param name="Label">What the root is.</param>
/// <param name="Function">The function, in <paramref name="Variable"/> (closed form, or with a quadrature term described by <see cref="Integral"/>).</param>
/// <param name="Variable">The variable.</param>
/// <param name="Bracket">The bracket [lo, hi] (exact ends).</param>
/// <param name="SignAtLo">The sign of the function at lo (−1 or +1).</param>
/// <param name="SignAtHi">The sign at hi.</param>
/// <param name="DerivativeSign">The sign of the derivative on the bracket (−1, +1), or 0 when uniqueness is not claimed.</param>
public sealed record CertifiedRoot(string Label, Expr Function, string Variable, ExactInterval Bracket, int SignAtLo, int SignAtHi, int DerivativeSign)
    : Fact(Label, SignAtLo * SignAtHi < 0 ? FactOutcome.Proves : FactOutcome.Undecided)
{
    /// <inheritdoc/>
    public override string Kind => "certified-root";
    /// <inheritdoc/>
    public override bool IsExact => true;

    /// <summary>A validated-quadrature term in <see cref="Function"/> (when H has no closed form), or null.</summary>
    public IntegralTerm? Integral { get; init; }
}
