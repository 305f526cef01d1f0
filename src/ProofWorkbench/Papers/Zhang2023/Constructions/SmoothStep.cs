using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.Zhang2023.Constructions;

/// <summary>
/// The C^∞ join of the Two-point Recipe (paper 000, Section 6.1: σ may be taken smooth, "C^∞ by smooth bumps"):
/// ψ(t) = e^{−1/t} for t &gt; 0 (0 for t ≤ 0) and the smooth step S(t) = ψ(t)/(ψ(t) + ψ(1 − t)), 0 on t ≤ 0 and 1 on t ≥ 1.
/// Between an anchor f that ends at p and an anchor g that starts at q, σ = f + (g − f)·S((u − p)/(q − p)) on (p, q).
/// Why σ ∈ C^∞ (the claim <c>smoothness</c> with <c>order: inf</c> checks the exact parts):
/// (i) ψ^{(n)}(t) = P_n(1/t)e^{−1/t} on t &gt; 0 with P₀ = 1 and P_{n+1}(s) = s²(P_n(s) − P_n′(s)) — the induction step is the
/// identity <see cref="InductionStep"/> for an arbitrary differentiable P, checked by the zero test; (ii) P(s)e^{−s} → 0 as
/// s → ∞ for every polynomial P (e^s ≥ s^{m+1}/(m+1)!; cited, not checked), so every one-sided derivative of ψ at 0⁺ is 0
/// and ψ ∈ C^∞(ℝ); (iii) on t &lt; 1 the denominator ψ(t) + ψ(1 − t) ≥ ψ(1 − t) &gt; 0, so S = ψ·1/(ψ(t) + ψ(1 − t)) is C^∞
/// there and, by Leibniz's rule, all its derivatives vanish at 0⁺; (iv) S(t) + S(1 − t) = 1 (<see cref="Symmetry"/>, zero
/// test), so 1 − S has the same property at 1⁻; hence σ − f = (g − f)·S and σ − g = (f − g)·S(1 − t) have all one-sided
/// derivatives 0 at p⁺ and q⁻, with f and g smooth on ℝ.
/// </summary>
public static class SmoothStep
{
    /// <summary>The value of a smoothness order that stands for C^∞ (<c>--smoothness inf</c>).</summary>
    public const int Infinite = -1;

    /// <summary>ψ(t) = e^{−1/t} (for t &gt; 0).</summary>
    public static Expr Psi(Expr t) => Call("exp", Neg(Pow(t, MinusOne)));

    /// <summary>S(t) = ψ(t)/(ψ(t) + ψ(1 − t)) (for 0 &lt; t &lt; 1).</summary>
    public static Expr S(Expr t) => Div(Psi(t), Add(Psi(t), Psi(Sub(One, t))));

    /// <summary>f + (g − f)·S((u − p)/(q − p)): f at p⁺, g at q⁻, C^∞ on (p, q).</summary>
    public static Expr Join(Expr f, Expr g, Rational p, Rational q, string u) =>
        Add(f, Mul(Sub(g, f), S(Div(Sub(Sym(u), Num(p)), Num(q - p)))));

    /// <summary>
    /// d/dt[P(1/t)e^{−1/t}] − (1/t)²(P(1/t) − P′(1/t))e^{−1/t}, with P the abstract function σ: identically 0, the induction
    /// step ψ^{(n)} = P_n(1/t)e^{−1/t} ⇒ ψ^{(n+1)} = P_{n+1}(1/t)e^{−1/t} with P_{n+1}(s) = s²(P_n(s) − P_n′(s)).
    /// </summary>
    public static Expr InductionStep()
    {
        var s = Pow(Sym("t"), MinusOne);
        var p = new AbstractCall("sigma", 0, s);
        var dp = new AbstractCall("sigma", 1, s);
        var psiTimesP = Mul(p, Psi(Sym("t")));
        return Sub(Differentiator.Derivative(psiTimesP, "t"), Mul(Pow(s, Two), Sub(p, dp), Psi(Sym("t"))));
    }

    /// <summary>S(t) + S(1 − t) − 1: identically 0 (1 − S(t) = S(1 − t)).</summary>
    public static Expr Symmetry() => Sub(Add(S(Sym("t")), S(Sub(One, Sym("t")))), One);

    /// <summary>
    /// What σ ∈ C^∞ rests on for a recipe activation with smooth-step joins, as expressions that must be identically 0:
    /// the two lemma identities, then per join J on (p, q) between anchors f and g: J − (f + (g − f)·S((u − p)/(q − p))).
    /// Throws <see cref="InputException"/> when σ is not anchors and joins in that pattern (u ≤ p before a join, u &lt; q
    /// after it) or an anchor is not shown smooth on ℝ (a domain condition, a function that is not C^∞, a piecewise or
    /// abstract term).
    /// </summary>
    public static IReadOnlyList<(string What, Expr MustVanish)> Obligations(PiecewiseActivation pw)
    {
        var b = pw.Breakpoints;
        if (b.Count % 2 != 0 || Enumerable.Range(0, b.Count).Any(i => pw.Closed[i] != (i % 2 == 0)))
            throw new InputException($"order inf: σ must alternate anchors and smooth-step joins (conditions {pw.Variable} <= p before each join and {pw.Variable} < q after it).");
        for (int i = 0; i < pw.Pieces.Count; i += 2)
        {
            var f = pw.Pieces[i];
            if (f.Any(n => n is Piecewise or AbstractCall || n is FunctionCall { Function.Smooth: false })
                || Symbolic.Parsing.Parser.ParseWithDomain(f.ToString()).Domain.Count > 0)
                throw new InputException($"order inf: the anchor {f} is not shown smooth on all of ℝ (a non-smooth function, a denominator, a log or a root).");
        }
        var obligations = new List<(string, Expr)>
        {
            ("induction step: d/dt[P(1/t)e^{−1/t}] − (1/t)²(P(1/t) − P′(1/t))e^{−1/t} for any differentiable P", InductionStep()),
            ("symmetry of the smooth step: S(t) + S(1 − t) − 1", Symmetry()),
        };
        for (int i = 1; i < pw.Pieces.Count; i += 2)
        {
            Rational p = b[i - 1], q = b[i];
            obligations.Add(($"the piece on ({ExactText.Of(p)}, {ExactText.Of(q)}) minus the smooth step f + (g − f)·S((u − p)/(q − p)) between its neighbours",
                Sub(pw.Pieces[i], Join(pw.Pieces[i - 1], pw.Pieces[i + 1], p, q, pw.Variable))));
        }
        return obligations;
    }
}
