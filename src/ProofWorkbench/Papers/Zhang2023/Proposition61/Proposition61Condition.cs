using System.Globalization;
using ProofWorkbench.Models;
using ProofWorkbench.Smt;
using ProofWorkbench.Smt.Translation;
using ProofWorkbench.Symbolic.Numbers;
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
    /// Every zero of C on [lo, hi], by interval root isolation (<see cref="RootIsolation"/>), after deciding that σ
    /// itself has no zero there (σ̃ = 1/σ must be defined; see <see cref="EnsureNonVanishing"/>). Throws
    /// <see cref="InputException"/> naming <paramref name="rangeName"/> (the option or key that gave the interval)
    /// when σ vanishes in the interval or its sign cannot be decided there.
    /// </summary>
    public RootIsolationResult Roots(double lo, double hi, double tolerance = 1e-12, string rangeName = "--roots")
    {
        if (Activation.IsAbstract)
            throw new InputException($"{rangeName} needs a concrete activation; sigma(u) has no numeric values.");
        if (IdenticallyZero) return new RootIsolationResult([], []);
        EnsureNonVanishing(Activation, lo, hi, rangeName);
        return RootIsolation.FindRoots(Condition, Activation.Variable, lo, hi, tolerance);
    }

    /// <summary>
    /// Decides σ ≠ 0 on [lo, hi] by proof (issue 9, item 7): by structure (<see cref="SignAnalysis"/>), else by Z3
    /// (σ ≠ 0 under lo ≤ u ≤ hi; unsat of the negation is a proof, a checked witness a zero), else by interval root
    /// isolation. Throws <see cref="InputException"/> naming <paramref name="rangeName"/> when σ has a zero in the
    /// interval, or when a sub-interval stays undecided (which one is said).
    /// </summary>
    public static void EnsureNonVanishing(Activation sigma, double lo, double hi, string rangeName = "--roots")
    {
        if (SignAnalysis.Of(sigma.Definition) is ProvenSign.Positive or ProvenSign.Negative) return; // proved on all of ℝ
        var v = sigma.Variable;
        string range = $"[{lo.ToString("R", CultureInfo.InvariantCulture)}, {hi.ToString("R", CultureInfo.InvariantCulture)}] (given by {rangeName})";
        string undefinedThere = "where σ̃ = 1/σ of Proposition 6.1 is undefined";
        var u = Sym(v);
        Relation[] inRange = [new(u, RelationOperator.GreaterOrEqual, Num(Rational.FromDouble(lo))), new(u, RelationOperator.LessOrEqual, Num(Rational.FromDouble(hi)))];
        try
        {
            var r = SmtProver.ProveSign(sigma.Definition, RelationOperator.NotEqual, inRange, new SmtSolverOptions { TimeoutMilliseconds = 5000 },
                name: $"σ({v}) = {sigma.Definition} != 0 on {range}");
            if (r.Verdict == SmtVerdict.Proved) return;
            if (r.Verdict == SmtVerdict.Refuted)
                throw new InputException($"--activation '{sigma.Text}' vanishes at {r.Witness} in {range}, {undefinedThere}; give {rangeName} an interval where σ ≠ 0 (Z3 found the zero and it was checked).");
        }
        catch (UnsupportedExpressionException) { } // sin, cos, an abstract σ: decide by intervals below
        catch (Z3NotFoundException) { }
        var zeros = RootIsolation.FindRoots(sigma.Definition, v, lo, hi, 1e-9);
        if (zeros.Roots.Count > 0)
            throw new InputException($"--activation '{sigma.Text}' vanishes at {v} ≈ {zeros.Roots[0].Root.ToString("G10", CultureInfo.InvariantCulture)} in {range}, {undefinedThere}; give {rangeName} an interval where σ ≠ 0.");
        if (zeros.Unresolved.Count > 0)
        {
            var w = zeros.Unresolved[0];
            throw new InputException($"the sign of --activation '{sigma.Text}' could not be decided on [{w.Lo.ToString("R", CultureInfo.InvariantCulture)}, {w.Hi.ToString("R", CultureInfo.InvariantCulture)}] inside {range} (neither Z3 nor interval arithmetic proved σ ≠ 0 there), so σ̃ = 1/σ of Proposition 6.1 may be undefined; give {rangeName} an interval that avoids it.");
        }
    }
}
