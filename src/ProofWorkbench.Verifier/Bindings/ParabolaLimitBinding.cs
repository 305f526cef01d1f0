using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary><c>parabola-limit</c> (paper 000, Proposition A.1 with the corrected eq. (15)): with λ = β(a*² − a₀²)/2, per
/// coordinate the exact value of w − w₀ − β(a² − a₀²)/2·x at (w*_i, w₀_i, β, a*, a₀, x_i) (eq. (14) at t → ∞); E, the hull of
/// u(a) = xᵀw₀ + β|x|²(a² − a₀²)/2 over a₀, a* (and 0 when a₀a* ≤ 0), strictly between the breakpoints u &lt; b of σ around
/// it (exact comparisons p − q &gt; 0); that piece of σ ≡ C·exp(βu) (zero test by the verifier); and r(θ*) = a*·C·e^{βu} − y at
/// u = xᵀw*, exactly 0.</summary>
internal sealed class ParabolaLimitBinding : IClaimBinding
{
    public string Kind => "parabola-limit";

    public string Bind(ClaimView c)
    {
        int k = 0;
        var text = Bind(c, ref k);
        if (k != c.Facts.Count) throw new RejectException($"$.facts[{k}]: a fact the parabola limit does not use");
        return text;
    }

    /// <summary>Binds the facts from index <paramref name="k"/> on (advanced past them), for the claim's dataset, from, to,
    /// scale and exponent (also used by refutes-G's two-point-recipe route with one such view per flow).</summary>
    internal static string Bind(ClaimView c, ref int k)
    {
        var (s, t0, to) = ValidatedLimit.Limit(c);
        Rational C = c.Param("scale")!.Rat(), beta = c.Param("exponent")!.Rat(), lambda = beta * (to.A * to.A - t0.A * t0.A) / 2;
        var (sigma, v) = c.Activation();
        // u ≤ b or u < b: E is shown strictly between two breakpoints below, so which side owns a breakpoint does not matter.
        if (sigma is not Piecewise pw || pw.Pieces.Any(p => p.Condition is not { Left: Symbol, Operator: RelationOperator.Less or RelationOperator.LessOrEqual, Right: Number }))
            throw new UnsupportedException("σ is not a piecewise function with breakpoints u < b or u <= b");
        var b = pw.Pieces.Select(p => ((Number)p.Condition.Right).Value).ToList();
        int d = s.X.Count;
        var parabola = Sub(Sub(Sym("w"), Sym("w0")), Mul(Div(Mul(Sym("beta"), Sub(Pow(Sym("a"), Two), Pow(Sym("a0"), Two))), Two), Sym("x")));
        for (int i = 0; i < d; i++)
        {
            var f = ValidatedLimit.At(c, k++, "exact-value");
            ValidatedLimit.Is(f["expression"], parabola, "eq. (14): w − w₀ − β(a² − a₀²)/2·x");
            var want = new Dictionary<string, Rational> { ["w"] = to.W[i], ["w0"] = t0.W[i], ["beta"] = beta, ["a"] = to.A, ["a0"] = t0.A, ["x"] = s.X[i] };
            if (f["at"].Entries().Count() != want.Count || want.Any(kv => !f["at"].Has(kv.Key) || f["at"][kv.Key].Rat() != kv.Value))
                throw new RejectException($"{f.Path}.at: not the claim's θ*, θ₀, β and x, coordinate {i + 1}");
        }
        if (to.W.Where((w, i) => w - t0.W[i] != lambda * s.X[i]).Any()) // the exact values refute, and the checker stops there
            return "θ* is off the parabola (14)";
        Rational n = s.X.Aggregate(Rational.Zero, (a, x) => a + x * x), u0 = s.X.Select((x, i) => x * t0.W[i]).Aggregate(Rational.Zero, (a, q) => a + q);
        var us = new List<Rational> { u0, u0 + beta * n * (to.A * to.A - t0.A * t0.A) / 2 };
        if (t0.A.Sign * to.A.Sign <= 0) us.Add(u0 - beta * n * t0.A * t0.A / 2);
        Rational lo = us.Min(), hi = us.Max();
        int at = b.Count(x => x <= lo); // the piece whose condition first holds at lo
        if (at > 0) Compare(c, k++, lo, b[at - 1]);
        if (at < b.Count) Compare(c, k++, b[at], hi);
        var piece = at < b.Count ? pw.Pieces[at].Value : pw.Otherwise;
        var exp = Mul(Num(C), Call("exp", Mul(Num(beta), Sym(v))));
        if (!Exact.IsZero(Sub(piece, exp))) throw new RejectException($"$.facts[{k}]: piece {at + 1} of σ is not C·exp(βu) = {exp}");
        ValidatedLimit.Is(ValidatedLimit.At(c, k++, "exact-identity")["expression"], Sub(piece, exp), "piece − C·exp(βu)");
        var u = s.X.Select((x, i) => x * to.W[i]).Aggregate(Rational.Zero, (a, q) => a + q);
        var r = ValidatedLimit.At(c, k++, "exact-value");
        ValidatedLimit.Is(r["expression"], Sub(Mul(Num(to.A), exp), s.Y), "residual a*·C·e^{βu} − y");
        if (r["at"].Entries().Count() != 1 || r["at"][v].Rat() != u) throw new RejectException($"{r.Path}.at: not u = xᵀw* = {u}");
        return $"eq. (14), E = [{lo}, {hi}] inside piece {at + 1} = C·exp(βu), θ* ∈ M_S";
    }

    // The exact comparison l > r as the facts state it: p − q over the points p = l, q = r, required sign +1.
    private static void Compare(ClaimView c, int k, Rational l, Rational r)
    {
        var f = ValidatedLimit.At(c, k, "interval-enclosure");
        ValidatedLimit.Is(f["expression"], Sub(Sym("p"), Sym("q")), "p − q");
        if (f["required_sign"].Int() != 1 || f["box"].Entries().Count() != 2 || f["box"]["p"].Interval() != (l, l) || f["box"]["q"].Interval() != (r, r))
            throw new RejectException($"{f.Path}: not the exact comparison {l} > {r} placing E between σ's breakpoints");
    }
}
