using ProofWorkbench.Models;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Simplification;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.Zhang2023.Proposition61;

/// <summary>
/// Proposition 6.1(b) of paper 000: with σ̃ = 1/σ, condition (6) reads
/// 1/w − x₀[σ̃′(x₀w)/σ̃(x₀w) − σ̃″(x₀w)/σ̃′(x₀w)] ≠ 0. Multiplying by w and writing u = x₀w gives
/// C(u) = 1 − u·(σ̃′(u)/σ̃(u) − σ̃″(u)/σ̃′(u)) ≠ 0. Where C vanishes identically — power functions,
/// Corollary 6.1(a) — the proposition gives nothing.
/// </summary>
public sealed record Proposition61Condition(Activation Activation, Expr Condition, bool IdenticallyZero)
{
    /// <summary>The exact zero test of C: Zero, NonZero (C is certainly not identically 0) or Unknown.</summary>
    public ZeroTestResult ZeroTest { get; init; } = IdenticallyZero ? ZeroTestResult.Zero : ZeroTestResult.Unknown;

    /// <summary>Derives C(u) for σ, in σ's own variable.</summary>
    public static Proposition61Condition Derive(Activation sigma)
    {
        var u = Sym(sigma.Variable);
        var tilde = Pow(sigma.Definition, MinusOne);
        var t1 = Differentiator.Derivative(tilde, sigma.Variable);
        var t2 = Differentiator.Derivative(t1, sigma.Variable);
        if (Simplifier.ZeroTest(t1) == ZeroTestResult.Zero)
            throw new InputException($"--activation '{sigma.Text}' is constant, so σ̃′ = 0 and condition (6) of Proposition 6.1 is undefined.");
        Expr c;
        try { c = Sub(One, Mul(u, Sub(Div(t1, tilde), Div(t2, t1)))); }
        catch (SymbolicException ex) { throw new InputException($"--activation '{sigma.Text}': {ex.Message}"); }
        var test = Simplifier.ZeroTest(c);
        bool zero = test == ZeroTestResult.Zero;
        return new Proposition61Condition(sigma, zero ? Zero : Simplifier.Simplify(c), zero) { ZeroTest = test };
    }

    /// <summary>
    /// Every zero of C on [lo, hi], by interval root isolation (<see cref="RootIsolation"/>), after checking
    /// that σ itself has no zero there (σ̃ = 1/σ must be defined). Throws <see cref="InputException"/> when σ
    /// vanishes in the interval.
    /// </summary>
    public RootIsolationResult Roots(double lo, double hi, double tolerance = 1e-12)
    {
        if (Activation.IsAbstract)
            throw new InputException("--roots needs a concrete activation; sigma(u) has no numeric values.");
        if (IdenticallyZero) return new RootIsolationResult([], []);
        EnsureNonVanishing(Activation, lo, hi);
        return RootIsolation.FindRoots(Condition, Activation.Variable, lo, hi, tolerance);
    }

    /// <summary>
    /// Throws when σ has a zero (or an undecidable sign) on [lo, hi]. A σ whose sign is proved by structure
    /// (<see cref="SignAnalysis"/>) passes for every interval; otherwise interval root isolation decides.
    /// </summary>
    public static void EnsureNonVanishing(Activation sigma, double lo, double hi)
    {
        if (SignAnalysis.Of(sigma.Definition) is ProvenSign.Positive or ProvenSign.Negative) return; // proved on all of ℝ
        var zeros = RootIsolation.FindRoots(sigma.Definition, sigma.Variable, lo, hi, 1e-9);
        if (zeros.Roots.Count > 0)
            throw new InputException($"--activation '{sigma.Text}' vanishes at {sigma.Variable} ≈ {zeros.Roots[0].Root:G10} in [{lo}, {hi}], where σ̃ = 1/σ of Proposition 6.1 is undefined; choose an activation without zeros or an interval that avoids them.");
        if (zeros.Unresolved.Count > 0)
            throw new InputException($"--activation '{sigma.Text}' may vanish near {sigma.Variable} ≈ {zeros.Unresolved[0].Mid:G10} in [{lo}, {hi}] (its sign could not be decided there), so σ̃ = 1/σ of Proposition 6.1 may be undefined; choose an interval that avoids it.");
    }
}
