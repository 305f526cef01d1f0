using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

using ProofWorkbench.Verifier.Facts;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary><c>refutes-G</c>, One-point route (paper 000, Definition 4.5, Lemma 5.2 with two normals, Lemma 6.2 with the
/// range condition; README "pwb refute"). From the claim (G, route, θ₀, θ*, two one-sample datasets) the verifier re-derives,
/// in the generator's order: (reflect only) SMT goals σ &gt; 0, σ′ &gt; 0 and σ − cσ′ &gt; 0 with c a positive constant, no
/// assumptions; θ* = (w₀, ±a₀) exactly; r_k(θ*) = a*σ(x_kᵀw*) − y_k (zero for a proving fact); (reflect) Q(θ*) − Q(θ₀) =
/// (a*² − a₀²)/2 and x_k ≠ 0; a 2×2 minor of (∇r_1(θ*), ∇r_2(θ*)) enclosed away from 0; one ∂G/∂θ_i enclosed away from 0
/// and every other ∂G/∂θ_j finite, on boxes with θ* in their interior and θ₀ exact. A fact stated undecided is bound but
/// need not hold (it can only make the verdict inconclusive); a proving fact must show its part.</summary>
internal sealed class RefutesGBinding : IClaimBinding
{

    public string Kind => "refutes-G";

    public string Bind(ClaimView c)
    {
        var route = c.Param("route")?.Str() ?? throw new RejectException("$.claim.parameters.route: missing");
        if (route == "two-point-recipe") return RefutesGRecipe.Bind(c); // σ is the recipe's piecewise activation (C^k), not smooth
        var (sigma, u) = c.Activation();
        SmoothOrReject(sigma, "$.setup.activation", "σ");
        if (route == "direct") return RefutesGDirect.Bind(c);
        if (route == "two-point-trace-back") return RefutesGTwoPoint.Bind(c);
        int s = route switch { "one-point-stationary" => 1, "one-point-reflect" => -1, _ => throw new UnsupportedException($"the refutes-G route '{route}' is not re-derived by the verifier") };
        var from = Point(c, "from");
        var limit = Point(c, "limit");
        int d = from.W.Count;
        if (from.A.IsZero) throw new RejectException("$.claim.parameters.from: the One-point route needs a₀ ≠ 0");
        if (!limit.W.SequenceEqual(from.W) || limit.A != s * from.A)
            throw new RejectException($"$.claim.parameters.limit: the route {route} ends at (w₀, {(s > 0 ? "a₀" : "−a₀")}), not at the stated limit");
        var G = Regularizer(c);
        var sets = c.Param("datasets")?.Items().Select(n => c.Setup["datasets"][n.Str()]).ToList() ?? throw new RejectException("$.claim.parameters.datasets: missing");
        if (sets.Count != 2 || sets.Any(x => x.Arr().Count != 1)) throw new RejectException("$.claim.parameters.datasets: the route needs two one-sample datasets");
        var models = sets.Select(x => new OneNeuron(c, x[0]["x"].Items().Select(v => (Expr)Num(v.Rat())).ToList(), x[0]["y"].Expr())).ToList();
        if (models.Any(m => m.X.Count != d)) throw new RejectException("$.setup.datasets: an input is not in ℝ^d with d the dimension of θ₀");
        var names = models[0].Parameters;
        var theta0Names = Theta0Names(d);
        var at = names.Select((n, i) => (n, i < d ? limit.W[i] : limit.A)).ToDictionary(p => p.n, p => p.Item2);
        var facts = new Queue<J>(c.Facts);
        J Next(string what) => facts.Count > 0 ? facts.Dequeue() : throw new RejectException($"$.facts: no fact for {what}");
        if (s < 0)
        {
            SignBinding.SameRelation(Smt(Next("σ > 0")), new Relation(c.SigmaAt(Sym(u)), RelationOperator.Greater, Zero));
            SignBinding.SameRelation(Smt(Next("σ′ > 0")), new Relation(c.SigmaPrimeAt(Sym(u)), RelationOperator.Greater, Zero));
            if (facts.Count > 0 && facts.Peek()["kind"].Str() == "smt-check") RangeCondition(c, Smt(facts.Dequeue()), u);
            else if (c.Facts.All(f => f["outcome"].Str() == Outcomes.Proves)) throw new RejectException("$.facts: the reflect route needs the range condition σ − cσ′ > 0 (corrected Lemma A.3)");
        }
        var normals = new List<IReadOnlyList<Expr>>();
        for (int k = 0; k < 2; k++)
        {
            var r = Sub(Mul(Sym("a"), c.SigmaAt(models[k].Pre)), models[k].Y);
            ZeroFact(Next($"r_{k + 1}(θ*) = 0"), Exact.At(r, at), $"r_{k + 1}(θ*)");
            normals.Add(Differentiator.Gradient(r, names).Select(g => Exact.At(g, at)).ToList());
        }
        if (s < 0)
        {
            ZeroFact(Next("Q(θ*) = Q(θ₀)"), Div(Sub(Pow(Num(limit.A), Two), Pow(Num(from.A), Two)), Two), "Q(θ*) − Q(θ₀)");
            if (models.Any(m => m.X.All(Exact.IsZero)) && Next("x ≠ 0") is var z && z["outcome"].Str() != Outcomes.Undecided)
                throw new RejectException($"{z.Path}: Lemma A.3 needs x ≠ 0, and an input is 0");
        }
        var minors = new List<Expr>();
        for (int i = 0; i <= d; i++) for (int j = i + 1; j <= d; j++) minors.Add(Sub(Mul(normals[0][i], normals[1][j]), Mul(normals[0][j], normals[1][i])));
        var minor = Enclosure(Next("the independence of the normals"), new Dictionary<string, Rational>());
        if (!minors.Any(m => Exact.IsZero(Sub(minor["expression"].Expr(), m)) || Exact.IsZero(Add(minor["expression"].Expr(), m))))
            throw new RejectException($"{minor.Path}.expression: not a 2×2 minor of (∇r_1(θ*), ∇r_2(θ*)) as derived by the verifier");
        NonzeroIfProving(minor);
        var grad = names.Select(n => Differentiator.Derivative(G, n)).ToList();
        var box = new Dictionary<string, Rational>(at);
        for (int i = 0; i <= d; i++) box[theta0Names[i]] = i < d ? from.W[i] : from.A;
        var witness = Enclosure(Next("∇_θG(θ*; θ₀) ≠ 0"), box);
        int wi = Component(witness, grad, names);
        NonzeroIfProving(witness);
        var covered = new HashSet<int> { wi };
        while (facts.Count > 0) covered.Add(Component(Enclosure(facts.Dequeue(), box), grad, names));
        if (covered.Count != names.Count) throw new RejectException($"$.facts: ∂G/∂{names[Enumerable.Range(0, names.Count).First(i => !covered.Contains(i))]} is not shown finite near θ* (G must be C¹ there)");
        return c.Facts.All(f => f["outcome"].Str() == Outcomes.Proves)
            ? $"{route}: θ* = {(s > 0 ? "θ₀" : "(w₀, −a₀)")} ∈ M_D1 ∩ M_D2, independent normals, ∂G/∂{names[wi]}(θ*; θ₀) ≠ 0, G C¹ near θ*"
            : $"{route}: every fact bound to its obligation; the undecided ones leave the route open";
    }

    /// <summary>The claim's G, required smooth.</summary>
    internal static Expr Regularizer(ClaimView c)
    {
        var g = c.Expr("regularizer");
        SmoothOrReject(g, "$.claim.parameters.regularizer", "G");
        return g;
    }

    /// <summary>The names of θ: w (or w1 … wd), then a.</summary>
    internal static string[] ThetaNames(int d) => d == 1 ? ["w", "a"] : [.. Enumerable.Range(1, d).Select(i => $"w{i}"), "a"];

    /// <summary>The names of θ₀: w0 (or w0_1 … w0_d), then a0.</summary>
    internal static string[] Theta0Names(int d) => d == 1 ? ["w0", "a0"] : [.. Enumerable.Range(1, d).Select(i => $"w0_{i}"), "a0"];

    /// <summary>A point of the setup named by the claim parameter <paramref name="key"/>.</summary>
    internal static (IReadOnlyList<Rational> W, Rational A) Point(ClaimView c, string key)
    {
        var p = c.Setup["points"][c.Param(key)?.Str() ?? throw new RejectException($"$.claim.parameters.{key}: missing")];
        return (p["w"].Items().Select(v => v.Rat()).ToList(), p["a"].Rat());
    }

    internal static void SmoothOrReject(Expr e, string path, string what)
    {
        if (e.Any(n => n is Piecewise or AbstractCall)) throw new RejectException($"{path}: {what} must be C¹; piecewise and abstract functions are not");
        if (e.Any(n => n is FunctionCall { Function.Smooth: false }))
            throw new RejectException($"{path}: {what} must be C¹, and the verifier knows only {string.Join(", ", KnownFunctions.All.Where(f => f.Smooth).Select(f => f.Name).Order(StringComparer.Ordinal))} (and roots) as smooth");
    }

    /// <summary>An SMT fact's goal, required without assumptions.</summary>
    internal static J Smt(J f)
    {
        if (f["kind"].Str() != "smt-check" || f["goal"].IsNull) throw new RejectException($"{f.Path}: the route needs an SMT check with a goal here");
        if (f["assumptions"].Arr().Count != 0) throw new RejectException($"{f.Path}.assumptions: a hypothesis on ℝ must be proved without assumptions");
        return f["goal"];
    }

    // σ − cσ′ > 0 with c a positive constant: (σ − lhs)/σ′ has derivative 0 (zero test) and is enclosed above 0 at u = 0.
    private static void RangeCondition(ClaimView c, J goal, string u)
    {
        var rel = goal.Relation();
        var k = Div(Sub(c.SigmaAt(Sym(u)), Sub(rel.Left, rel.Right)), c.SigmaPrimeAt(Sym(u)));
        Interval at0;
        try { at0 = IntervalEvaluator.Evaluate(k, new Dictionary<string, Interval> { [u] = Interval.Point(0) }); } catch (InputException) { at0 = Interval.Entire; }
        if (rel.Operator != RelationOperator.Greater || !Exact.IsZero(Differentiator.Derivative(k, u)) || !(at0.Lo > 0))
            throw new RejectException($"{goal.Path}: the relation {rel} is not σ − c·σ′ > 0 with a constant c > 0 (the range condition)");
    }

    private static void ZeroFact(J f, Expr derived, string what)
    {
        ClaimView.Same(f["expression"], derived, what);
        if (f["outcome"].Str() == Outcomes.Proves && (f["kind"].Str() != "exact-identity" || !Exact.IsZero(derived)))
            throw new RejectException($"{f.Path}: {what} is not shown to be 0 exactly (zero test of the verifier's derivation)");
    }

    private static J Enclosure(J f, IReadOnlyDictionary<string, Rational> around)
    {
        if (f["kind"].Str() != "interval-enclosure") throw new RejectException($"{f.Path}: the route needs an interval enclosure here");
        var box = f["box"].Entries().ToDictionary(kv => kv.Key, kv => kv.Value.Interval());
        if (box.Count != around.Count) throw new RejectException($"{f.Path}.box: not a box over θ and θ₀");
        foreach (var (name, v) in around)
        {
            if (!box.TryGetValue(name, out var i)) throw new RejectException($"{f.Path}.box: no interval for {name}");
            bool theta0 = name.StartsWith("w0", StringComparison.Ordinal) || name == "a0";
            if (theta0 ? i.Lo != v || i.Hi != v : !(i.Lo < v && v < i.Hi))
                throw new RejectException($"{f.Path}.box.{name}: {(theta0 ? $"not the claim's θ₀ value {v}" : $"does not contain θ* = {v} in its interior")}");
        }
        return f;
    }

    private static int Component(J f, IReadOnlyList<Expr> grad, IReadOnlyList<string> names)
    {
        var e = f["expression"].Expr();
        for (int i = 0; i < grad.Count; i++) if (Exact.IsZero(Sub(e, grad[i])) || Exact.IsZero(Add(e, grad[i]))) return i;
        throw new RejectException($"{f.Path}.expression: {e} is not a component of ∇_θG as derived by the verifier ({string.Join(", ", names.Select((n, i) => $"∂G/∂{n} = {grad[i]}"))})");
    }

    private static void NonzeroIfProving(J f)
    {
        var (lo, hi) = f["enclosure"].Interval();
        if (f["outcome"].Str() == Outcomes.Proves && lo.Sign <= 0 && hi.Sign >= 0)
            throw new RejectException($"{f.Path}.enclosure: [{lo}, {hi}] contains 0, so it does not prove the value nonzero");
    }
}
