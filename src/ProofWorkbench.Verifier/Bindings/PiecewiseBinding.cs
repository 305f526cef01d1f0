using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Parsing;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary><c>smoothness</c> (paper 000, Theorem 6.1(a): σ ∈ C^k) and <c>exact-membership</c> (θ ∈ M_S exactly) for a
/// recipe activation piecewise(u &lt; b₁, f₁, …, f_N) with rational increasing bᵢ (a condition u ≤ bᵢ gives f_i the
/// breakpoint). Smoothness: every piece is built from smooth functions and defined on all of ℝ (no domain condition), and
/// per breakpoint bᵢ and order j = 0…k one fact deciding f_i^{(j)}(bᵢ) − f_{i+1}^{(j)}(bᵢ) ≡ 0. For <c>order: inf</c> the
/// pieces alternate smooth anchors and smooth-step joins, and the verifier writes its own obligations (<see cref="Infinite"/>).
/// Membership: per sample, the residual a·f(xᵀw) − y with f the piece holding at the exact xᵀw, one fact deciding it is
/// exactly 0 (<see cref="Identity.BindZero"/>).</summary>
internal sealed class PiecewiseBinding(string kind) : IClaimBinding
{
    /// <summary>Built from functions that are C^∞ where defined, and defined on all of ℝ (no denominator, log or root).</summary>
    private static bool SmoothOnR(Expr f) =>
        !f.Any(n => n is FunctionCall { Function.Smooth: false } or Piecewise or AbstractCall) && Parser.ParseWithDomain(f.ToString()).Domain.Count == 0;

    public string Kind => kind;

    public string Bind(ClaimView c)
    {
        var (u, breaks, closed, pieces) = Split(c);
        if (kind == "exact-membership") return Membership(c, u, breaks, closed, pieces);
        if (c.Param("order")!.Str() == "inf") return Infinite(c, u, breaks, closed, pieces);
        int k = int.Parse(c.Param("order")!.Str(), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var f in pieces)
            if (!SmoothOnR(f)) throw new RejectException($"$.setup.activation: the piece {f} is not shown smooth on ℝ");
        var facts = c.Expect(null, breaks.Count * (k + 1));
        for (int i = 0; i < breaks.Count; i++)
            for (int j = 0; j <= k; j++)
            {
                Expr At(Expr f) => Substitution.Substitute(Differentiator.Derivative(f, u, j), u, Num(breaks[i]));
                Identity.Bind(facts[i * (k + 1) + j], Sub(At(pieces[i]), At(pieces[i + 1])), $"the jump of σ^({j}) at u = {breaks[i]}");
            }
        return $"{pieces.Count} smooth pieces, every jump of orders 0…{k} ≡ 0";
    }

    /// <summary>
    /// The recipe σ = piecewise(u &lt; b₁, f₁, …, f_N): its variable, the increasing rational breakpoints, whether each
    /// condition is u ≤ bᵢ (closed) and the pieces.
    /// </summary>
    internal static (string U, List<Rational> Breaks, List<bool> Closed, List<Expr> Pieces) Split(ClaimView c)
    {
        var (sigma, u) = c.Activation();
        var breaks = new List<Rational>();
        var closed = new List<bool>();
        var pieces = new List<Expr>();
        foreach (var (cond, value) in (sigma as Piecewise)?.Pieces ?? [])
        {
            if (cond is not { Operator: RelationOperator.Less or RelationOperator.LessOrEqual, Left: Symbol s, Right: Number b } || s.Name != u || (breaks.Count > 0 && !(breaks[^1] < b.Value)))
                throw new RejectException($"$.setup.activation: the condition {cond} is not 'u < b' or 'u <= b' with increasing rational b");
            breaks.Add(b.Value);
            closed.Add(cond.Operator == RelationOperator.LessOrEqual);
            pieces.Add(value);
        }
        pieces.Add(sigma is Piecewise pw ? pw.Otherwise : sigma);
        return (u, breaks, closed, pieces);
    }

    /// <summary>Requires <paramref name="fact"/> to decide a·σ(xᵀw) − y = 0 exactly, σ's piece chosen at the exact xᵀw.</summary>
    internal static void Residual(J fact, string u, List<Rational> breaks, List<bool> closed, List<Expr> pieces, IReadOnlyList<Rational> x, IReadOnlyList<Rational> w, Rational a, Expr y, string what)
    {
        var pre = x.Zip(w).Aggregate(Rational.Zero, (s, p) => s + p.First * p.Second);
        int piece = Enumerable.Range(0, breaks.Count).FirstOrDefault(i => pre < breaks[i] || (closed[i] && pre == breaks[i]), breaks.Count);
        Identity.BindZero(fact, Sub(Mul(Num(a), Substitution.Substitute(pieces[piece], u, Num(pre))), y), what);
    }

    private static string Membership(ClaimView c, string u, List<Rational> breaks, List<bool> closed, List<Expr> pieces)
    {
        var point = c.Setup["points"][c.Param("point")!.Str()];
        var w = point["w"].Items().Select(v => v.Rat()).ToList();
        var a = point["a"].Rat();
        var samples = c.Setup["datasets"][c.Param("dataset")!.Str()].Items().ToList();
        var facts = c.Expect(null, samples.Count);
        for (int i = 0; i < samples.Count; i++)
        {
            var x = samples[i]["x"].Items().Select(v => v.Rat()).ToList();
            if (x.Count != w.Count) throw new RejectException($"{samples[i].Path}.x: not {w.Count} inputs");
            Residual(facts[i], u, breaks, closed, pieces, x, w, a, samples[i]["y"].Expr(), $"the residual of sample {i + 1}");
        }
        return $"the {samples.Count} residuals a·σ(xᵀw) − y at θ";
    }

    /// <summary>
    /// σ ∈ C^∞ (order inf): anchors at the even places, smooth on ℝ; joins at the odd places, each on (p, q) with u ≤ p before
    /// it and u &lt; q after it; the facts decide, in order, the verifier's own identities: the induction step
    /// d/dt[P(1/t)e^{−1/t}] = (1/t)²(P(1/t) − P′(1/t))e^{−1/t} for an arbitrary P (σ), the symmetry S(t) + S(1 − t) = 1 of the
    /// smooth step S(t) = ψ(t)/(ψ(t) + ψ(1 − t)), ψ(t) = e^{−1/t}, and per join J − (f + (g − f)·S((u − p)/(q − p))) ≡ 0. The
    /// remaining steps — P(s)e^{−s} → 0 for polynomials P, Leibniz's rule, ψ(1 − t) &gt; 0 on t &lt; 1 — are cited (README).
    /// </summary>
    private static string Infinite(ClaimView c, string u, List<Rational> breaks, List<bool> closed, List<Expr> pieces)
    {
        if (breaks.Count % 2 != 0 || closed.Where((x, i) => x != (i % 2 == 0)).Any())
            throw new RejectException("$.setup.activation: for order inf the pieces must alternate anchors (u <= p) and joins (u < q)");
        for (int i = 0; i < pieces.Count; i += 2)
            if (!SmoothOnR(pieces[i])) throw new RejectException($"$.setup.activation: the anchor {pieces[i]} is not shown smooth on ℝ");
        static Expr Psi(Expr t) => Call("exp", Neg(Div(One, t)));
        static Expr S(Expr t) => Div(Psi(t), Add(Psi(t), Psi(Sub(One, t))));
        Expr t = Sym("t"), inv = Div(One, t);
        Expr p0 = new AbstractCall("sigma", 0, inv), p1 = new AbstractCall("sigma", 1, inv);
        var obligations = new List<(Expr, string)>
        {
            (Sub(Differentiator.Derivative(Mul(p0, Psi(t)), "t"), Mul(Pow(inv, Two), Sub(p0, p1), Psi(t))), "the induction step of ψ's derivatives"),
            (Sub(Add(S(t), S(Sub(One, t))), One), "S(t) + S(1 − t) − 1"),
        };
        for (int i = 1; i < pieces.Count; i += 2)
        {
            Rational p = breaks[i - 1], q = breaks[i];
            var step = S(Div(Sub(Sym(u), Num(p)), Num(q - p)));
            obligations.Add((Sub(pieces[i], Add(pieces[i - 1], Mul(Sub(pieces[i + 1], pieces[i - 1]), step))), $"the join on ({p}, {q}) minus the smooth step of its neighbours"));
        }
        var facts = c.Expect("exact-identity", obligations.Count);
        for (int i = 0; i < obligations.Count; i++) Identity.Bind(facts[i], obligations[i].Item1, obligations[i].Item2);
        return $"{pieces.Count / 2 + 1} smooth anchors, {pieces.Count / 2} smooth-step joins, the step's induction identity and symmetry ≡ 0";
    }
}
