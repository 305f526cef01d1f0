using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Parsing;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary><c>smoothness</c> (paper 000, Theorem 6.1(a): σ ∈ C^k) and <c>exact-membership</c> (θ ∈ M_S exactly) for a
/// recipe activation piecewise(u &lt; b₁, f₁, …, f_N) with rational increasing bᵢ. Smoothness: every piece is built from
/// smooth functions and defined on all of ℝ (no domain condition), and per breakpoint bᵢ and order j = 0…k one fact deciding
/// f_i^{(j)}(bᵢ) − f_{i+1}^{(j)}(bᵢ) ≡ 0. Membership: per sample, the residual a·f(xᵀw) − y with f the piece holding at the
/// exact xᵀw, one fact deciding it is exactly 0 (<see cref="Identity.BindZero"/>).</summary>
internal sealed class PiecewiseBinding(string kind) : IClaimBinding
{
    private static readonly HashSet<string> Smooth = ["exp", "sin", "cos", "sinh", "cosh", "tanh"];

    public string Kind => kind;

    public string Bind(ClaimView c)
    {
        var (u, breaks, pieces) = Split(c);
        if (kind == "exact-membership") return Membership(c, u, breaks, pieces);
        int k = int.Parse(c.Param("order")!.Str(), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var f in pieces)
            if (f.Any(n => n is FunctionCall call && !Smooth.Contains(call.Function.Name)) || Parser.ParseWithDomain(f.ToString()).Domain.Count > 0)
                throw new RejectException($"$.setup.activation: the piece {f} is not shown smooth on ℝ");
        var facts = c.Expect(null, breaks.Count * (k + 1));
        for (int i = 0; i < breaks.Count; i++)
            for (int j = 0; j <= k; j++)
            {
                Expr At(Expr f) => Substitution.Substitute(Differentiator.Derivative(f, u, j), u, Num(breaks[i]));
                Identity.Bind(facts[i * (k + 1) + j], Sub(At(pieces[i]), At(pieces[i + 1])), $"the jump of σ^({j}) at u = {breaks[i]}");
            }
        return $"{pieces.Count} smooth pieces, every jump of orders 0…{k} ≡ 0";
    }

    /// <summary>The recipe σ = piecewise(u &lt; b₁, f₁, …, f_N): its variable, the increasing rational breakpoints and the pieces.</summary>
    internal static (string U, List<Rational> Breaks, List<Expr> Pieces) Split(ClaimView c)
    {
        var (sigma, u) = c.Activation();
        var breaks = new List<Rational>();
        var pieces = new List<Expr>();
        foreach (var (cond, value) in (sigma as Piecewise)?.Pieces ?? [])
        {
            if (cond is not { Operator: RelationOperator.Less, Left: Symbol s, Right: Number b } || s.Name != u || (breaks.Count > 0 && !(breaks[^1] < b.Value)))
                throw new RejectException($"$.setup.activation: the condition {cond} is not 'u < b' with increasing rational b");
            breaks.Add(b.Value);
            pieces.Add(value);
        }
        pieces.Add(sigma is Piecewise pw ? pw.Otherwise : sigma);
        return (u, breaks, pieces);
    }

    /// <summary>Requires <paramref name="fact"/> to decide a·σ(xᵀw) − y = 0 exactly, σ's piece chosen at the exact xᵀw.</summary>
    internal static void Residual(J fact, string u, List<Rational> breaks, List<Expr> pieces, IReadOnlyList<Rational> x, IReadOnlyList<Rational> w, Rational a, Expr y, string what)
    {
        var pre = x.Zip(w).Aggregate(Rational.Zero, (s, p) => s + p.First * p.Second);
        int piece = breaks.FindIndex(b => pre < b) is var at and >= 0 ? at : breaks.Count;
        Identity.BindZero(fact, Sub(Mul(Num(a), Substitution.Substitute(pieces[piece], u, Num(pre))), y), what);
    }

    private static string Membership(ClaimView c, string u, List<Rational> breaks, List<Expr> pieces)
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
            Residual(facts[i], u, breaks, pieces, x, w, a, samples[i]["y"].Expr(), $"the residual of sample {i + 1}");
        }
        return $"the {samples.Count} residuals a·σ(xᵀw) − y at θ";
    }
}
