using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Papers.Zhang2023.Recipes;

/// <summary>A closed interval [Lo, Hi] of exact rationals.</summary>
public sealed record RationalInterval
{
    /// <summary>Creates [lo, hi]; requires lo ≤ hi.</summary>
    public RationalInterval(Rational lo, Rational hi)
    {
        if (lo > hi) throw new ArgumentException($"Empty interval [{lo}, {hi}].");
        Lo = lo; Hi = hi;
    }
    /// <summary>The left end.</summary>
    public Rational Lo { get; }
    /// <summary>The right end.</summary>
    public Rational Hi { get; }
    /// <summary>True when lo ≤ x ≤ hi.</summary>
    public bool Contains(Rational x) => Lo <= x && x <= Hi;
    /// <summary>The smallest interval containing a and b.</summary>
    public static RationalInterval Hull(Rational a, Rational b) => a <= b ? new(a, b) : new(b, a);
    /// <summary>"[lo, hi]".</summary>
    public override string ToString() => $"[{NumberText.Show(Lo)}, {NumberText.Show(Hi)}]";
}

/// <summary>
/// The data of paper 000's Two-point Overlapping Recipe, Part A (Section 6.1), as exact rationals.
/// θ = (w, a) with w ∈ ℝ^d. The numeric layer supplies E1, the closure of {x1ᵀw(t) : t ≥ 0} along the
/// gradient-flow trajectory for S1 from θ0, as intervals rounded outward.
/// </summary>
public sealed record TwoPointPartAInput
{
    /// <summary>w0 (step (a): w0 ≠ 0).</summary>
    public required IReadOnlyList<Rational> W0 { get; init; }
    /// <summary>a0.</summary>
    public required Rational A0 { get; init; }
    /// <summary>w1*, the w-part of the limit θ1* of the flow for S1 (step (a): w1* ≠ w0).</summary>
    public required IReadOnlyList<Rational> W1Star { get; init; }
    /// <summary>x1 of S1 = (x1, y1) (step (a): x1 ≠ 0).</summary>
    public required IReadOnlyList<Rational> X1 { get; init; }
    /// <summary>An outer enclosure of E1 (step (b)): E1 ⊆ the union of these intervals.</summary>
    public required IReadOnlyList<RationalInterval> E1 { get; init; }
    /// <summary>
    /// Intervals certainly contained in E1, used only to make a refutation of step (c) rigorous. Default: the
    /// hull of x1ᵀw0 and x1ᵀw1*, which E1 contains because t ↦ x1ᵀw(t) is continuous from x1ᵀw0 to x1ᵀw1*.
    /// </summary>
    public IReadOnlyList<RationalInterval>? E1Certain { get; init; }
    /// <summary>w2*, the w-part of θ2* (step (c)).</summary>
    public required IReadOnlyList<Rational> W2Star { get; init; }
    /// <summary>a2* (step (d): a2*·a0 ≥ 0).</summary>
    public required Rational A2Star { get; init; }
    /// <summary>x2 of S2 (step (e)); null to only search for one.</summary>
    public IReadOnlyList<Rational>? X2 { get; init; }
}

/// <summary>
/// The data of the n-th step (n ≥ 2) of paper 000's Two-point Overlapping Recipe, Part B (Section 6.2).
/// </summary>
public sealed record TwoPointPartBInput
{
    /// <summary>n ≥ 2.</summary>
    public required int N { get; init; }
    /// <summary>k ∈ {1, …, n − 1}.</summary>
    public required int K { get; init; }
    /// <summary>w0.</summary>
    public required IReadOnlyList<Rational> W0 { get; init; }
    /// <summary>a0.</summary>
    public required Rational A0 { get; init; }
    /// <summary>x_k of S_k.</summary>
    public required IReadOnlyList<Rational> XK { get; init; }
    /// <summary>w_k*.</summary>
    public required IReadOnlyList<Rational> WKStar { get; init; }
    /// <summary>An outer enclosure of E_{n−1}.</summary>
    public required IReadOnlyList<RationalInterval> E { get; init; }
    /// <summary>Intervals certainly contained in E_{n−1} (for rigorous refutations); default none.</summary>
    public IReadOnlyList<RationalInterval>? ECertain { get; init; }
    /// <summary>w_n*.</summary>
    public required IReadOnlyList<Rational> WNStar { get; init; }
    /// <summary>a_n*.</summary>
    public required Rational ANStar { get; init; }
    /// <summary>x_n (step (c)); null to only search for one.</summary>
    public IReadOnlyList<Rational>? XN { get; init; }
}

/// <summary>
/// The data of one θ_n of paper 000's One-point Overlapping Recipe (Section 6.3, step (b)):
/// θ_n = (w_n, a_n) and the d inputs x_{n,1}, …, x_{n,d} ∈ ℝ^d of the datasets S_{n,k} = (x_{n,k}, −a_n σ(x_{n,k}ᵀw_n)).
/// </summary>
public sealed record OnePointInput
{
    /// <summary>The activation σ as an expression in <see cref="Variable"/>.</summary>
    public required Expr Activation { get; init; }
    /// <summary>The activation's variable (default "u").</summary>
    public string Variable { get; init; } = "u";
    /// <summary>w_n ∈ ℝ^d.</summary>
    public required IReadOnlyList<Rational> W { get; init; }
    /// <summary>a_n (must be nonzero).</summary>
    public required Rational A { get; init; }
    /// <summary>x_{n,1}, …, x_{n,d} ∈ ℝ^d.</summary>
    public required IReadOnlyList<IReadOnlyList<Rational>> X { get; init; }
}
