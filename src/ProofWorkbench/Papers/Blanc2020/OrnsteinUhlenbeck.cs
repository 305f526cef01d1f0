using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.Blanc2020;

/// <summary>
/// The Ornstein–Uhlenbeck picture of Blanc et al. 2020, Section 3.2–3.3 and Lemma 7, for the linearized noise process in a
/// direction with γ = E_i[h_i^j h_i^j] &gt; 0 (one sample: γ = ‖∇h‖², coordinate u along ∇h/‖∇h‖). Keeping the first
/// two terms of eq. (6) with e = −ξ: u ← (1 − 2ηγ)u + 2η√γ·ξ, so the second moment obeys the exact recursion
/// v ← (1 − 2ηγ)²v + 4η²γ·Var ξ (Lemma 7's eq. (11) keeps (1 − 4ηγ), dropping 4η²γ²). Symbols: eta, gamma, s2 = Var ξ.
/// </summary>
public static class OrnsteinUhlenbeck
{
    /// <summary>η.</summary>
    public static Expr Eta { get; } = Sym("eta");
    /// <summary>γ.</summary>
    public static Expr Gamma { get; } = Sym("gamma");
    /// <summary>Var ξ.</summary>
    public static Expr NoiseVariance { get; } = Sym("s2");

    /// <summary>The contraction factor of the second-moment recursion, (1 − 2ηγ)².</summary>
    public static Expr Contraction => Pow(Sub(Num(1), Mul(Num(2), Eta, Gamma)), Num(2));

    /// <summary>The forcing of the second-moment recursion, E[(2η√γ·ξ)²] = 4η²γ·Var ξ.</summary>
    public static Expr Forcing => Mul(Num(4), Pow(Eta, Num(2)), Gamma, NoiseVariance);

    /// <summary>The fixed point v* = B/(1 − A) of v ← A·v + B: the exact stationary variance of the linearized process.</summary>
    public static Expr StationaryVariance => Div(Forcing, Sub(Num(1), Contraction));

    /// <summary>The Taylor coefficients c₀, c₁ of ln A in η at 0; the relaxation time of the variance is T = −1/ln A, so
    /// lim_{η→0} η·T = −1/c₁ (with c₀ = 0).</summary>
    public static IReadOnlyList<Expr> LogContractionCoefficients() =>
        TaylorSeries.Coefficients(Call("log", Contraction), "eta", Num(0), 1);
}
