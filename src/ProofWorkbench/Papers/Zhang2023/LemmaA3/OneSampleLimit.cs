using ProofWorkbench.Models;
using ProofWorkbench.Smt;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Papers.Zhang2023.LemmaA3;

/// <summary>
/// One sample S = {(x, y)} and an initial point θ₀ = (w₀, a₀) of the one-hidden-neuron model f = a·σ(xᵀw), exact.
/// <paramref name="Y"/> is a closed-form constant (e.g. −log(1 + e^0.42), Figure 2's label).
/// </summary>
public sealed record OneSampleProblem(Activation Sigma, IReadOnlyList<Rational> X, Expr Y, IReadOnlyList<Rational> W0, Rational A0);

/// <summary>How H(u) − H(u₀) = ∫_{u₀}^{u} σ/σ′ is enclosed.</summary>
public enum AntiderivativeMethod
{
    /// <summary>A closed-form antiderivative H of σ/σ′ (verified by differentiating back, exactly), in interval arithmetic.</summary>
    ClosedForm,
    /// <summary>The validated quadrature of σ/σ′ (<see cref="ValidatedQuadrature"/>).</summary>
    Quadrature,
}

/// <summary>
/// A validated enclosure of the limit θ* of gradient flow for one sample (paper 000, Lemma 6.1 / A.3), with everything
/// it rests on. The unknown is u = xᵀw: the flow moves w only along x (ẇ ∥ x), so w* = w₀ + (u* − u₀)/|x|²·x, and
/// a* = y/σ(u*) on M_S. <see cref="U"/> has floating-point ends; <see cref="GAtLo"/> &gt; 0 &gt; <see cref="GAtHi"/>
/// are the certified signs of the level-set function G at its ends, <see cref="DerivativeOnU"/> &lt; 0 the enclosure
/// of G′ over it.
/// </summary>
public sealed record OneSampleLimit
{
    /// <summary>The problem.</summary>
    public required OneSampleProblem Problem { get; init; }
    /// <summary>σ/σ′, the integrand of H.</summary>
    public required Expr Ratio { get; init; }
    /// <summary>How H was enclosed.</summary>
    public required AntiderivativeMethod Method { get; init; }
    /// <summary>H in closed form (when <see cref="Method"/> is ClosedForm).</summary>
    public Expr? H { get; init; }
    /// <summary>G(u), with H written as a difference or as the symbol <c>I</c> for the quadrature ∫_{u₀}^{u} σ/σ′.</summary>
    public required Expr G { get; init; }
    /// <summary>u₀ = xᵀw₀ (exact).</summary>
    public required Rational U0 { get; init; }
    /// <summary>|x|² (exact).</summary>
    public required Rational NormSquared { get; init; }
    /// <summary>The enclosure [u⁻, u⁺] of u* = xᵀw*.</summary>
    public required Interval U { get; init; }
    /// <summary>G(u⁻), certainly positive.</summary>
    public required Interval GAtLo { get; init; }
    /// <summary>G(u⁺), certainly negative.</summary>
    public required Interval GAtHi { get; init; }
    /// <summary>The enclosures of ∫_{u₀}^{u∓} σ/σ′ used for <see cref="GAtLo"/> and <see cref="GAtHi"/>.</summary>
    public required (Interval AtLo, Interval AtHi) Integrals { get; init; }
    /// <summary>G′ over [u⁻, u⁺], certainly negative.</summary>
    public required Interval DerivativeOnU { get; init; }
    /// <summary>w* enclosures, one per coordinate.</summary>
    public required IReadOnlyList<Interval> W { get; init; }
    /// <summary>a* enclosure.</summary>
    public required Interval A { get; init; }
    /// <summary>
    /// When a₀ and y may have opposite signs, the flow passes a = 0: a point u_L with H(u_L) − H(u₀) + |x|²a₀²/2 &lt; 0
    /// (certified), so the level set reaches a = 0 (see <see cref="LemmaA3Route"/>). Null when not needed.
    /// </summary>
    public (double UL, Interval Value)? RangeWitness { get; init; }
    /// <summary>The proofs of σ &gt; 0 and σ′ &gt; 0 on ℝ (Lemma 6.1's hypotheses), by Z3.</summary>
    public required IReadOnlyList<SmtCheckResult> Hypotheses { get; init; }

    /// <summary>θ* as a box (w…, a).</summary>
    public IReadOnlyList<Interval> Theta => [.. W, A];

    /// <summary>The largest width of the box.</summary>
    public double Width => Theta.Max(i => i.Width);
}
