using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

using ProofWorkbench.Verifier.Facts;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary><c>refutes-G</c>, direct route (paper 000, Definition 4.5, eq. (4); the limit by Lemma 6.1 / A.3). From θ₀, the
/// one sample (x, y) with a₀·y &gt; 0 and the witness w′, the verifier re-derives: SMT goals σ &gt; 0 and σ′ &gt; 0 without
/// assumptions; a certified root (u ∈ bracket) of a function F with F′ ≡ −y²σ′(u)/σ(u)³ − σ(u)/(|x|²σ′(u)) and F(u₀) ≡
/// (y/σ(u₀))²/2 − a₀²/2 — so F is the level-set function of Lemma A.3 and its zero is u* = xᵀw*, whatever H was used; the
/// limit's coordinates w₀ + (u − u₀)/|x|²·x and y/σ(u) over the bracket; and G(θ*(u); θ₀) − G(θ′; θ₀) with
/// θ′ = (w′, y/σ(xᵀw′)) ∈ M_S enclosed above 0 over exactly that bracket.</summary>
internal static class RefutesGDirect
{
    public static string Bind(ClaimView c)
    {
        var (sigma, v) = c.Activation();
        var G = RefutesGBinding.Regularizer(c);
        var (w0, a0) = RefutesGBinding.Point(c, "from");
        int d = w0.Count;
        var set = c.Setup["datasets"][c.Param("dataset")?.Str() ?? throw new RejectException("$.claim.parameters.dataset: missing")];
        if (set.Arr().Count != 1) throw new RejectException($"{set.Path}: the direct route needs a one-sample dataset");
        var x = set[0]["x"].Items().Select(i => i.Rat()).ToList();
        var y = set[0]["y"].Expr();
        var witness = c.Param("witness")?.Items().Select(i => i.Rat()).ToList() ?? throw new RejectException("$.claim.parameters.witness: missing");
        if (x.Count != d || witness.Count != d) throw new RejectException("$.claim.parameters: θ₀, x and the witness w′ need the same dimension");
        Rational n = x.Aggregate(Rational.Zero, (s, t) => s + t * t), u0 = Dot(x, w0);
        if (n.IsZero) throw new RejectException($"{set.Path}: Lemma A.3 needs x ≠ 0");
        if (Exact.StrictSign(IntervalEvaluator.Evaluate(Mul(y, Num(a0)), new Dictionary<string, Interval>())) != 1)
            throw new UnsupportedException("a₀·y > 0 is not shown: with opposite signs the limit needs the range witness, which the verifier does not re-derive");
        var facts = new Queue<J>(c.Facts);
        J Next(string what) => facts.Count > 0 ? facts.Dequeue() : throw new RejectException($"$.facts: no fact for {what}");
        SignBinding.SameRelation(RefutesGBinding.Smt(Next("σ > 0")), new Relation(c.SigmaAt(Sym(v)), RelationOperator.Greater, Zero));
        SignBinding.SameRelation(RefutesGBinding.Smt(Next("σ′ > 0")), new Relation(c.SigmaPrimeAt(Sym(v)), RelationOperator.Greater, Zero));
        // H′ = σ/σ′ when H is a closed form (the generator's record of its antiderivative; the check of F below implies it).
        bool closedForm = facts.Count > 0 && facts.Peek()["kind"].Str() == "exact-identity";
        if (closedForm) facts.Dequeue();
        var root = Next("the limit (certified root)");
        if (!closedForm && (!root.Has("integral") || root["integral"].IsNull)) throw new RejectException($"{root.Path}: a level-set function without an integral term needs the identity H′ = σ/σ′ before it");
        if (root["kind"].Str() != "certified-root") throw new RejectException($"{root.Path}: the direct route needs the certified root of the level-set function here");
        if (root.Has("integral") && !root["integral"].IsNull) throw new UnsupportedException("the level-set function has an integral term (validated quadrature), which the verifier does not re-derive yet");
        var u = root["variable"].Str();
        var F = root["function"].Expr();
        Expr U = Sym(u), sig = c.SigmaAt(U), sigP = c.SigmaPrimeAt(U);
        var slope = Sub(Neg(Div(Mul(Pow(y, Two), sigP), Pow(sig, Num(3)))), Div(sig, Mul(Num(n), sigP)));
        var start = Sub(Div(Pow(Div(y, c.SigmaAt(Num(u0))), Two), Two), Div(Pow(Num(a0), Two), Two));
        if (!Exact.IsZero(Sub(Differentiator.Derivative(F, u), slope)) || !Exact.IsZero(Sub(Substitution.Substitute(F, u, Num(u0)), start)))
            throw new RejectException($"{root.Path}.function: {F} is not Lemma A.3's level-set function on M_S (its derivative or its value at u₀ = {u0} differs)");
        if (root["sign_at_lo"].Int() * root["sign_at_hi"].Int() != -1) throw new RejectException($"{root.Path}: the bracket needs opposite signs at its ends");
        var bracket = root["bracket"].Interval();
        var coordinates = new List<Expr>(x.Select((xi, i) => (Expr)Add(Num(w0[i]), Mul(Div(Sub(U, Num(u0)), Num(n)), Num(xi))))) { Div(y, sig) };
        foreach (var coordinate in coordinates) Over(Next("a coordinate of the limit"), bracket, u, coordinate, exact: false);
        var theta = RefutesGBinding.ThetaNames(d);
        var theta0 = RefutesGBinding.Theta0Names(d);
        var atLimit = new Dictionary<string, Expr>();
        var atWitness = new Dictionary<string, Expr>();
        for (int i = 0; i <= d; i++)
        {
            atLimit[theta0[i]] = atWitness[theta0[i]] = Num(i < d ? w0[i] : a0);
            atLimit[theta[i]] = coordinates[i];
            atWitness[theta[i]] = i < d ? Num(witness[i]) : Div(y, c.SigmaAt(Num(Dot(x, witness))));
        }
        var gap = Next("G(θ*; θ₀) − G(θ′; θ₀) > 0");
        Over(gap, bracket, u, Sub(Substitution.Substitute(G, atLimit), Substitution.Substitute(G, atWitness)), exact: true);
        if (gap["required_sign"].Int() != 1 && gap["outcome"].Str() != Outcomes.Undecided) throw new RejectException($"{gap.Path}.required_sign: the route needs G(θ*; θ₀) − G(θ′; θ₀) > 0");
        if (facts.Count > 0) throw new RejectException($"{facts.Peek().Path}: a fact the direct route does not use");
        return gap["outcome"].Str() == Outcomes.Proves && c.Facts.All(f => f["outcome"].Str() == Outcomes.Proves)
            ? $"direct: θ* enclosed by Lemma A.3 on M_S, θ′ = (w′, y/σ(xᵀw′)) ∈ M_S, G(θ′; θ₀) < G(θ*; θ₀)"
            : "direct: every fact bound to its obligation; the undecided ones leave the route open";
    }

    // An interval-enclosure over exactly {u: bracket} of the derived expression (exactly, or up to sign for the coordinates' bare enclosures).
    private static void Over(J f, (Rational Lo, Rational Hi) bracket, string u, Expr derived, bool exact)
    {
        if (f["kind"].Str() != "interval-enclosure") throw new RejectException($"{f.Path}: the direct route needs an interval enclosure here");
        var box = f["box"].Entries().ToList();
        if (box.Count != 1 || box[0].Key != u || box[0].Value.Interval() != bracket)
            throw new RejectException($"{f.Path}.box: not the certified root's bracket {u} ∈ [{bracket.Lo}, {bracket.Hi}]");
        if (f.Has("integral") && !f["integral"].IsNull) throw new RejectException($"{f.Path}.integral: the route's enclosures have no integral term");
        var e = f["expression"].Expr();
        if (!Exact.IsZero(Sub(e, derived)) && (exact || !Exact.IsZero(Add(e, derived))))
            throw new RejectException($"{f.Path}.expression: {e} is not the derived {derived}");
    }

    private static Rational Dot(IReadOnlyList<Rational> x, IReadOnlyList<Rational> w) => x.Select((c, i) => c * w[i]).Aggregate(Rational.Zero, (s, t) => s + t);
}
