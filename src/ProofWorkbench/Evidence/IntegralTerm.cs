using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Evidence;

/// <summary>
/// A validated-quadrature term inside a fact's expression: the symbol <paramref name="Symbol"/> stands for
/// ∫_{<paramref name="Lower"/>}^{v} <paramref name="Integrand"/>(t) dt, where v is the value of
/// <paramref name="Variable"/> (the certified root's variable, or the box variable of an enclosure) and the integrand is
/// written in <paramref name="Variable"/>. Used when H = ∫σ/σ′ has no closed form (paper 000, Lemma A.3; Figure 2's
/// softplus): a checker encloses the integral by validated quadrature, and d/dv of the symbol is the integrand.
/// </summary>
/// <param name="Symbol">The symbol used in the expression (e.g. "I").</param>
/// <param name="Integrand">The integrand, in <paramref name="Variable"/>.</param>
/// <param name="Variable">The integration variable, which is also the upper limit.</param>
/// <param name="Lower">The lower limit (exact).</param>
public sealed record IntegralTerm(string Symbol, Expr Integrand, string Variable, Rational Lower);
