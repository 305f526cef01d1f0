using ProofWorkbench.Models;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Simplification;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.Zhang2023.Constructions;

/// <summary>
/// A recipe-built activation σ = piecewise(u &lt; b₁, f₁, u &lt; b₂, f₂, …, f_N) with exact rational breakpoints
/// b₁ &lt; b₂ &lt; …: f_i holds on [b_{i−1}, b_i) (b₀ = −∞, b_N = +∞); a condition u ≤ bᵢ (the C^∞ joins, which are
/// defined only to the right of their left end) gives f_i the breakpoint itself. Pieces are chosen exactly for a rational
/// argument, and σ ∈ C^k is decided exactly: the one-sided derivatives of orders 0…k agree at every breakpoint.
/// A plain (non-piecewise) activation is the one-piece case.
/// </summary>
public sealed class PiecewiseActivation
{
    private PiecewiseActivation(string variable, IReadOnlyList<Rational> breakpoints, IReadOnlyList<bool> closed, IReadOnlyList<Expr> pieces)
    {
        Variable = variable; Breakpoints = breakpoints; Closed = closed; Pieces = pieces;
    }

    /// <summary>Closed[i]: the condition is u ≤ bᵢ, so f_i holds at bᵢ (else u &lt; bᵢ and f_{i+1} does).</summary>
    public IReadOnlyList<bool> Closed { get; }

    /// <summary>σ's variable.</summary>
    public string Variable { get; }
    /// <summary>b₁ &lt; … &lt; b_{N−1}.</summary>
    public IReadOnlyList<Rational> Breakpoints { get; }
    /// <summary>f₁ … f_N.</summary>
    public IReadOnlyList<Expr> Pieces { get; }

    /// <summary>
    /// Reads σ; throws <see cref="InputException"/> unless it is a piecewise expression whose conditions are
    /// "u &lt; b" with rational, increasing b (or not piecewise at all).
    /// </summary>
    public static PiecewiseActivation Of(Activation sigma)
    {
        var v = sigma.Variable;
        if (sigma.Definition is not Piecewise pw) return new PiecewiseActivation(v, [], [], [sigma.Definition]);
        var breaks = new List<Rational>();
        var closed = new List<bool>();
        foreach (var (condition, _) in pw.Pieces)
        {
            if (condition.Operator is not (RelationOperator.Less or RelationOperator.LessOrEqual) || condition.Left is not Symbol s || s.Name != v || condition.Right is not Number b)
                throw new InputException($"a recipe activation's conditions must read '{v} < b' or '{v} <= b' with a rational b, not '{condition}'.");
            if (breaks.Count > 0 && !(breaks[^1] < b.Value)) throw new InputException("a recipe activation's breakpoints must increase.");
            breaks.Add(b.Value);
            closed.Add(condition.Operator == RelationOperator.LessOrEqual);
        }
        return new PiecewiseActivation(v, breaks, closed, [.. pw.Pieces.Select(p => p.Value), pw.Otherwise]);
    }

    /// <summary>The index of the piece that holds at u (the first i with u &lt; b_i, or u ≤ b_i for a closed condition).</summary>
    public int IndexAt(Rational u)
    {
        for (int i = 0; i < Breakpoints.Count; i++) if (u < Breakpoints[i] || (Closed[i] && u == Breakpoints[i])) return i;
        return Breakpoints.Count;
    }

    /// <summary>
    /// The index of a piece that holds on an open interval containing [lo, hi] (b_{i−1} &lt; lo, hi &lt; b_i), or null
    /// when a breakpoint lies in [lo, hi].
    /// </summary>
    public int? IndexOn(Rational lo, Rational hi)
    {
        int i = IndexAt(lo);
        if (i > 0 && !(Breakpoints[i - 1] < lo)) return null;
        if (i < Breakpoints.Count && !(hi < Breakpoints[i])) return null;
        return i;
    }

    /// <summary>σ(u) for a rational u, as an exact expression.</summary>
    public Expr ValueAt(Rational u) => Substitution.Substitute(Pieces[IndexAt(u)], Variable, Num(u));

    /// <summary>
    /// For each breakpoint b and order j = 0…k: f_i^{(j)}(b) − f_{i+1}^{(j)}(b) and its exact zero test.
    /// </summary>
    public IReadOnlyList<(Rational Breakpoint, int Order, Expr Jump, ZeroTestResult Test)> Jumps(int k)
    {
        var result = new List<(Rational, int, Expr, ZeroTestResult)>();
        for (int i = 0; i < Breakpoints.Count; i++)
        {
            Expr left = Pieces[i], right = Pieces[i + 1];
            for (int j = 0; j <= k; j++)
            {
                var jump = Sub(Substitution.Substitute(left, Variable, Num(Breakpoints[i])), Substitution.Substitute(right, Variable, Num(Breakpoints[i])));
                result.Add((Breakpoints[i], j, jump, Simplifier.ZeroTest(jump)));
                left = Differentiator.Derivative(left, Variable);
                right = Differentiator.Derivative(right, Variable);
            }
        }
        return result;
    }
}
