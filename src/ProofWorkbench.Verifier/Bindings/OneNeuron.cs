using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary>The one-hidden-neuron model f(θ; x) = a·σ(wᵀx), θ = (w, a), and its loss on one sample, L = (f − y)² (paper 000's
/// convention, no ½), re-derived by the verifier (paper 000, Section 5; Lemma A.3).</summary>
internal sealed record OneNeuron(ClaimView C, IReadOnlyList<Expr> X, Expr Y)
{
    /// <summary>The weight names: w (d = 1) or w1 … wd.</summary>
    public IReadOnlyList<string> Weights => X.Count == 1 ? ["w"] : Enumerable.Range(1, X.Count).Select(i => $"w{i}").ToList();

    /// <summary>The parameter names, weights then a.</summary>
    public IReadOnlyList<string> Parameters => [.. Weights, "a"];

    /// <summary>wᵀx.</summary>
    public Expr Pre => Add(Weights.Select((w, i) => Mul(Sym(w), X[i])));

    /// <summary>The loss (f − y)².</summary>
    public Expr Loss => Pow(Sub(Mul(Sym("a"), C.SigmaAt(Pre)), Y), Two);

    /// <summary>The flow field −∇L.</summary>
    public IReadOnlyList<Expr> Field => Differentiator.Gradient(Loss, Parameters).Select(Neg).ToList();

    /// <summary>The model of a claim with parameters d, x, y (defaults: symbolic x or x1 … xd, y).</summary>
    public static OneNeuron Of(ClaimView c)
    {
        int d = c.Param("d") is { } dj ? int.Parse(dj.Str(), System.Globalization.CultureInfo.InvariantCulture) : 1;
        IReadOnlyList<Expr> x = c.Param("x") is { } xj
            ? (xj.Node is System.Text.Json.Nodes.JsonArray ? xj.Items().Select(i => i.Expr()).ToList() : [xj.Expr()])
            : d == 1 ? [Sym("x")] : Enumerable.Range(1, d).Select(i => Sym($"x{i}")).ToList();
        return new OneNeuron(c, x, c.Param("y")?.Expr() ?? Sym("y"));
    }
}

/// <summary>
/// A validated one-sample limit (paper 000, Lemma 6.1 / A.3; docs/certificates.md "Validated limits"), bound to the claim:
/// one sample (x, y) and θ₀ = (w₀, a₀) from the setup. With n = |x|², u₀ = xᵀw₀ and M(u) = (y/σ(u))²/2 − a₀²/2, the
/// certified root's function F must be the level-set function G = M − (H(u) − H(u₀))/n on M_S: F − M has derivative
/// −(σ/σ′)/n and vanishes at u₀ (zero test), or F ≡ M − I/n with I = ∫_{u₀}^{u} σ/σ′ (the integral term). G decreases
/// on ℝ (σ, σ′ &gt; 0: the two SMT goals), so signs +1/−1 at the bracket ends put the one meeting point of M_S and the level
/// set in the bracket; the coordinates w₀ + (u − u₀)/n·x and y/σ(u) over the bracket enclose the limit. When a₀ and y
/// may have opposite signs, H(u_L) − H(u₀) + n·a₀²/2 &lt; 0 must be shown too (the level set reaches a = 0).
/// </summary>
internal static class ValidatedLimit
{
    /// <summary>A one-sample dataset of the setup: x exact, y an expression.</summary>
    public static (IReadOnlyList<Rational> X, Expr Y) Sample(J datasets, string name)
    {
        var s = datasets[name].Items().ToList();
        if (s.Count != 1) throw new UnsupportedException($"{datasets.Path}.{name}: the validated limit needs one sample");
        return (s[0]["x"].Items().Select(v => v.Rat()).ToList(), s[0]["y"].Expr());
    }

    /// <summary>The claim's one-sample <c>dataset</c>, θ₀ (<c>from</c>) and the stated limit (<c>to</c>).</summary>
    public static ((IReadOnlyList<Rational> X, Expr Y) S, (IReadOnlyList<Rational> W, Rational A) T0, (IReadOnlyList<Rational> W, Rational A) To) Limit(ClaimView c) =>
        (Sample(c.Setup["datasets"], c.Param("dataset")!.Str()), Point(c, "from"), Point(c, "to"));

    /// <summary>A point θ of the setup.</summary>
    public static (IReadOnlyList<Rational> W, Rational A) Point(ClaimView c, string param) =>
        (c.Setup["points"][c.Param(param)!.Str()]["w"].Items().Select(v => v.Rat()).ToList(), c.Setup["points"][c.Param(param)!.Str()]["a"].Rat());

    /// <summary>The claim's tolerance (its own, the setup's, else 1e-9).</summary>
    public static Rational Tolerance(ClaimView c) => (c.Param("tolerance") ?? (c.Setup.Has("tolerance") ? c.Setup["tolerance"] : null))?.Rat() ?? new Rational(1, 1_000_000_000);

    /// <summary>Binds the facts from index <paramref name="k"/> on (advanced past them); returns the root's variable, its
    /// bracket, the stated enclosures of θ*'s coordinates (w…, a) and those coordinates as expressions in u.</summary>
    public static (string U, (Rational Lo, Rational Hi) Bracket, IReadOnlyList<(Rational Lo, Rational Hi)> Theta, IReadOnlyList<Expr> Coords) Bind(
        ClaimView c, ref int k, (IReadOnlyList<Rational> X, Expr Y) s, (IReadOnlyList<Rational> W, Rational A) t0)
    {
        Hypotheses(c, ref k);
        bool identity = k < c.Facts.Count && c.Facts[k]["kind"].Str() == "exact-identity"; // H′ − σ/σ′ ≡ 0, re-derived below
        if (identity) k++;
        var root = At(c, k++, "certified-root");
        if (identity != root["integral"].IsNull) throw new RejectException($"{root.Path}: a closed-form H comes with its identity H′ − σ/σ′ ≡ 0, a quadrature without");
        var u = root["variable"].Str();
        Rational n = s.X.Aggregate(Rational.Zero, (a, x) => a + x * x), u0 = s.X.Select((x, i) => x * t0.W[i]).Aggregate(Rational.Zero, (a, v) => a + v);
        if (n.IsZero) throw new RejectException($"{root.Path}: x = 0, the level set is not a graph over u");
        Expr su = c.SigmaAt(Sym(u)), ratio = Div(su, c.SigmaPrimeAt(Sym(u))), f = root["function"].Expr();
        var m = Sub(Div(Pow(Div(s.Y, su), Two), Two), Div(Pow(Num(t0.A), Two), Two));
        if (root["integral"].IsNull)
        {
            var d = Sub(f, m);
            if (!Exact.IsZero(Add(Differentiator.Derivative(d, u), Div(ratio, Num(n)))) || !Exact.IsZero(Substitution.Substitute(d, u, Num(u0))))
                throw new RejectException($"{root.Path}.function: not the level-set function (y/σ(u))²/2 − (H(u) − H(u₀))/|x|² − a₀²/2 with H′ = σ/σ′, u₀ = {u0}, |x|² = {n}");
        }
        else
        {
            var term = root["integral"];
            if (!IntegralIs(term, u, u0, ratio)) throw new RejectException($"{root.Path}.integral: not I = ∫_{{u₀}}^{{u}} σ/σ′ with u₀ = {u0}");
            ClaimView.Same(f, root.Path, Sub(m, Div(Sym(term["symbol"].Str()), Num(n))), "level-set function (y/σ(u))²/2 − I/|x|² − a₀²/2");
        }
        if (root["sign_at_lo"].Int() != 1 || root["sign_at_hi"].Int() != -1) throw new RejectException($"{root.Path}: G decreases, so its signs at the bracket ends must be +1 and −1");
        var bracket = root["bracket"].Interval();
        int ySign = Precise.Sign(s.Y) is var p and not 0 ? p : Exact.StrictSign(IntervalEvaluator.Evaluate(s.Y, new Dictionary<string, Interval>()));
        if (!(t0.A.IsZero || s.Y.Equals(Zero) || t0.A.Sign * ySign > 0)) Range(c, At(c, k++, "interval-enclosure"), u0, n, t0.A);
        var coords = Coordinates(s, t0, u, u0, n, su);
        var theta = new List<(Rational, Rational)>();
        foreach (var coord in coords)
        {
            var e = At(c, k++, "interval-enclosure");
            OnBracket(e, u, bracket);
            Is(e["expression"], coord, "coordinate of θ*(u) = (w₀ + (u − u₀)/|x|²·x, y/σ(u))");
            theta.Add(e["enclosure"].Interval());
        }
        return (u, bracket, theta, coords);
    }

    private static IReadOnlyList<Expr> Coordinates((IReadOnlyList<Rational> X, Expr Y) s, (IReadOnlyList<Rational> W, Rational A) t0, string u, Rational u0, Rational n, Expr su) =>
        [.. t0.W.Select((w, i) => Add(Num(w), Mul(Div(Sub(Sym(u), Num(u0)), Num(n)), Num(s.X[i])))), Div(s.Y, su)];

    /// <summary>Throws unsupported when the claim rests on the ODE route (numeric facts, no certified root).</summary>
    public static void NotNumeric(ClaimView c)
    {
        if (!c.Facts.Any(f => f["kind"].Str() == "certified-root") && c.Facts.Any(f => f["kind"].Str() is "numeric-estimate" or "flow-run"))
            throw new UnsupportedException("the limit rests on the ODE route (numeric), not on a validated Lemma A.3 root");
    }

    /// <summary>The facts k, k + 1: SMT checks of σ(u) &gt; 0 and σ′(u) &gt; 0 (Lemma A.3's hypotheses).</summary>
    public static void Hypotheses(ClaimView c, ref int k)
    {
        var (sv, v) = c.Activation();
        SignBinding.SameRelation(At(c, k++, "smt-check")["goal"], new Relation(sv, RelationOperator.Greater, Zero));
        SignBinding.SameRelation(At(c, k++, "smt-check")["goal"], new Relation(c.SigmaPrimeAt(Sym(v)), RelationOperator.Greater, Zero));
    }

    /// <summary>Lemma A.3's range condition (a₀ and a* of opposite signs): H(u_L) − H(u₀) + n·a₀²/2 &lt; 0 at a point, where the
    /// expression minus n·a₀²/2 has derivative σ/σ′ and vanishes at u₀, or is the integral term ∫_{u₀}^{u} σ/σ′.</summary>
    public static void Range(ClaimView c, J range, Rational u0, Rational n, Rational a0)
    {
        var u = range["box"].Entries().Select(e => e.Key).SingleOrDefault();
        if (range["required_sign"].Int() != -1 || u is null) throw new RejectException($"{range.Path}: a₀ and a* have opposite signs, so H(u_L) − H(u₀) + |x|²a₀²/2 < 0 must be shown at a point u_L");
        var ratio = Div(c.SigmaAt(Sym(u)), c.SigmaPrimeAt(Sym(u)));
        var dh = Sub(range["expression"].Expr(), Div(Mul(Num(n), Pow(Num(a0), Two)), Two));
        if (range["integral"].IsNull ? !Exact.IsZero(Sub(Differentiator.Derivative(dh, u), ratio)) || !Exact.IsZero(Substitution.Substitute(dh, u, Num(u0)))
            : !IntegralIs(range["integral"], u, u0, ratio) || !Exact.IsZero(Sub(dh, Sym(range["integral"]["symbol"].Str()))))
            throw new RejectException($"{range.Path}.expression: not H(u) − H(u₀) + |x|²a₀²/2 with H′ = σ/σ′, u₀ = {u0}, |x|² = {n}");
    }

    private static bool IntegralIs(J term, string u, Rational u0, Expr ratio) => term["variable"].Str() == u && term["lower"].Rat() == u0
        && Exact.IsZero(Sub(term["integrand"].Expr(), ratio));

    /// <summary>Requires the enclosure fact's box to be exactly {u: bracket}.</summary>
    public static void OnBracket(J e, string u, (Rational Lo, Rational Hi) bracket)
    {
        var box = e["box"].Entries().ToList();
        if (box.Count != 1 || box[0].Key != u || box[0].Value.Interval() != bracket) throw new RejectException($"{e.Path}.box: not the root's bracket {u} ∈ [{bracket.Lo}, {bracket.Hi}]");
    }

    /// <summary>Requires an enclosure judged against a tolerance to decide as stated with the claim's exact tolerance.</summary>
    public static void Judged(J e, Rational tol)
    {
        var (lo, hi) = e["enclosure"].Interval();
        Rational max = lo.Abs() > hi.Abs() ? lo.Abs() : hi.Abs(), min = lo.Sign <= 0 && hi.Sign >= 0 ? Rational.Zero : lo.Abs() < hi.Abs() ? lo.Abs() : hi.Abs();
        if (e["tolerance"].IsNull || Rational.FromDouble(tol.ToDouble()) != e["tolerance"].Rat()) throw new RejectException($"{e.Path}.tolerance: not the claim's tolerance {tol}");
        var outcome = e["outcome"].Str();
        if (outcome is Facts.Outcomes.Proves or Facts.Outcomes.Confirms ? max > tol : outcome == Facts.Outcomes.Refutes && min <= tol)
            throw new RejectException($"{e.Path}: the enclosure [{lo}, {hi}] does not give '{outcome}' against the claim's tolerance {tol}");
    }

    /// <summary>Requires the expression at <paramref name="field"/> to be exactly <paramref name="derived"/> (zero test; no sign flip).</summary>
    public static void Is(J field, Expr derived, string what)
    {
        if (!Exact.IsZero(Sub(field.Expr(), derived))) throw new RejectException($"{field.Path}: the expression {field.Expr()} is not the derived {what} ({derived})");
    }

    /// <summary>The fact at index k, of the given kind.</summary>
    public static J At(ClaimView c, int k, string kind) =>
        k < c.Facts.Count && c.Facts[k]["kind"].Str() == kind ? c.Facts[k] : throw new RejectException($"$.facts[{k}]: the validated limit needs a {kind} fact here");
}
