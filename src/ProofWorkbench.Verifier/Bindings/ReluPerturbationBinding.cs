using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Simplification;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary>
/// <c>relu-perturbation</c> (paper 001, Blanc et al. 2020, Theorem 2 / Appendix B, eq. (16)): f = Σᵢcᵢσ(aᵢx + bᵢ) + ax + b with
/// σ = ReLU on rational data, and a printed perturbation θ̃(ε). The verifier resolves θ̃(ε) itself from the claim (the printed
/// expressions may use x0, eps, the parameters and other perturbed parameters), requires every preactivation ũᵢⱼ(ε) at a
/// data point to be affine in ε and of one sign on (0, E), E the bound of the facts' range "0 &lt; eps &lt; E" (so on (0, E)
/// every ReLU is on or off for good and everything is a polynomial in ε; a unit at its kink counts as off, Theorem 2's
/// derivative 0 there). It then derives f̃(xⱼ) − f(xⱼ) for each data point, ΔR = R(θ̃(ε)) − R(θ) with
/// R = Σⱼ Σᵢ [uᵢⱼ &gt; 0](uᵢⱼ² + cᵢ²(1 + xⱼ²)) + Σⱼ(1 + xⱼ²), and ΔR′(0⁺). Facts, in order: one exact identity per data point
/// (that difference), Z3 on ΔR &lt; 0 for 0 &lt; eps &lt; E, Z3 on ΔR′(0⁺) &lt; 0.
/// </summary>
internal sealed class ReluPerturbationBinding : IClaimBinding
{
    private const string Eps = "eps";

    public string Kind => "relu-perturbation";

    public string Bind(ClaimView c)
    {
        var units = c.Param("units")?.Items().ToList() ?? throw new RejectException("$.claim.parameters.units: missing");
        if (units.Count == 0) throw new RejectException("$.claim.parameters.units: no unit");
        var theta = new Dictionary<string, Expr>();
        for (int i = 0; i < units.Count; i++)
            foreach (var p in new[] { "a", "b", "c" }) theta[$"{p}{i + 1}"] = Num(units[i][p].Rat());
        var linear = c.Param("linear");
        theta["a"] = Num(linear is not null && linear.Has("a") ? linear["a"].Rat() : Rational.Zero);
        theta["b"] = Num(linear is not null && linear.Has("b") ? linear["b"].Rat() : Rational.Zero);
        var data = c.Param("data")?.Items().Select(d => d.Rat()).ToList() ?? throw new RejectException("$.claim.parameters.data: missing");
        var x0 = c.Param("x0")?.Rat() ?? throw new RejectException("$.claim.parameters.x0: missing");
        var printed = c.Param("perturbation")?.Entries().ToDictionary(kv => kv.Key, kv => kv.Value.Expr())
            ?? throw new RejectException("$.claim.parameters.perturbation: missing");
        var tilde = Resolve(theta, printed, x0);

        var facts = c.Expect(null, data.Count + 2);
        var range = facts[data.Count];
        var bound = RangeBound(range);

        Expr deltaR = Zero;
        for (int j = 0; j < data.Count; j++)
        {
            var x = Num(data[j]);
            Expr before = Add(Mul(theta["a"], x), theta["b"]), after = Add(Mul(tilde["a"], x), tilde["b"]);
            for (int i = 1; i <= units.Count; i++)
            {
                var u = Simplifier.Simplify(Add(Mul(theta[$"a{i}"], x), theta[$"b{i}"]));
                var ut = Simplifier.Simplify(Add(Mul(tilde[$"a{i}"], x), tilde[$"b{i}"]));
                bool on = Rat(u, $"unit {i} at x = {data[j]}").Sign > 0;
                bool onAfter = SignOnRange(ut, bound, $"unit {i} at x = {data[j]}") > 0;
                var weight = Add(One, Pow(x, Two));
                if (on) { before = Add(before, Mul(theta[$"c{i}"], u)); deltaR = Sub(deltaR, Add(Pow(u, Two), Mul(Pow(theta[$"c{i}"], Two), weight))); }
                if (onAfter) { after = Add(after, Mul(tilde[$"c{i}"], ut)); deltaR = Add(deltaR, Add(Pow(ut, Two), Mul(Pow(tilde[$"c{i}"], Two), weight))); }
            }
            if (facts[j]["kind"].Str() != "exact-identity") throw new RejectException($"{facts[j].Path}: the claim needs an exact identity f̃(x) − f(x) at x = {data[j]} here");
            ClaimView.Same(facts[j]["expression"], Simplifier.Simplify(Sub(after, before)), $"f̃(x) − f(x) at x = {data[j]}");
        }
        deltaR = Simplifier.Simplify(deltaR);
        SignBinding.SameRelation(range["goal"], new Relation(deltaR, RelationOperator.Less, Zero));
        var slope = Simplifier.Simplify(Substitution.Substitute(Differentiator.Derivative(deltaR, Eps), Eps, Zero));
        var first = facts[data.Count + 1];
        if (first["kind"].Str() != "smt-check" || first["assumptions"].Items().Any())
            throw new RejectException($"{first.Path}: the claim needs Z3 on the first-order change ΔR′(0⁺) < 0, without assumptions, here");
        SignBinding.SameRelation(first["goal"], new Relation(slope, RelationOperator.Less, Zero));
        return $"θ̃(ε) resolved, the ReLU pattern fixed on 0 < ε < {bound}, f̃ − f at {data.Count} data points, ΔR = {deltaR} and ΔR′(0⁺) = {slope}";
    }

    // θ̃(ε) from the printed expressions, each reduced to a function of eps alone (a perturbed parameter may use others).
    private static Dictionary<string, Expr> Resolve(IReadOnlyDictionary<string, Expr> theta, IReadOnlyDictionary<string, Expr> printed, Rational x0)
    {
        foreach (var key in printed.Keys)
            if (!key.StartsWith('t') || !theta.ContainsKey(key[1..]))
                throw new RejectException($"$.claim.parameters.perturbation.{key}: not a perturbed parameter");
        var resolved = new Dictionary<string, Expr>();
        Expr Of(string p, int depth)
        {
            if (resolved.TryGetValue(p, out var done)) return done;
            if (!printed.TryGetValue("t" + p, out var e)) return resolved[p] = theta[p];
            if (depth > theta.Count) throw new RejectException($"$.claim.parameters.perturbation.t{p}: defined in terms of itself");
            var map = new Dictionary<string, Expr>(theta) { ["x0"] = Num(x0) };
            foreach (var s in e.FreeSymbols())
                if (s.StartsWith('t') && theta.ContainsKey(s[1..])) map[s] = Of(s[1..], depth + 1);
            var value = Simplifier.Simplify(Substitution.Substitute(e, map));
            if (value.FreeSymbols().Any(s => s != Eps))
                throw new RejectException($"$.claim.parameters.perturbation.t{p}: does not reduce to a function of eps");
            return resolved[p] = value;
        }
        return theta.Keys.ToDictionary(p => p, p => Of(p, 0));
    }

    // E from the range fact's assumptions, which must be exactly eps > 0 and eps < E with a rational E > 0.
    private static Rational RangeBound(J fact)
    {
        if (fact["kind"].Str() != "smt-check") throw new RejectException($"{fact.Path}: the claim needs Z3 on ΔR < 0 for 0 < eps < E here");
        var a = fact["assumptions"].Items().Select(r => r.Relation()).ToList();
        if (a is [{ Left: Symbol { Name: Eps }, Operator: RelationOperator.Greater, Right: Number { Value.IsZero: true } },
                  { Left: Symbol { Name: Eps }, Operator: RelationOperator.Less, Right: Number { Value: var e } }] && e.Sign > 0)
            return e;
        throw new RejectException($"{fact.Path}.assumptions: not the range eps > 0, eps < E with a rational E > 0");
    }

    // The sign of an affine u(ε) on all of (0, E): that of u(0) when nonzero, else of its slope; it must not change inside.
    private static int SignOnRange(Expr u, Rational bound, string what)
    {
        if (!Exact.IsZero(Differentiator.Derivative(u, Eps, 2))) throw new UnsupportedException($"the preactivation of {what} is not affine in eps");
        var u0 = Rat(Substitution.Substitute(u, Eps, Zero), what);
        var u1 = Rat(Substitution.Substitute(Differentiator.Derivative(u, Eps), Eps, Zero), what);
        int s = u0.Sign != 0 ? u0.Sign : u1.Sign;
        if (u0.Sign != 0 && u1.Sign != 0 && u0.Sign != u1.Sign && -u0 / u1 < bound)
            throw new RejectException($"the preactivation of {what}, {u}, changes sign at eps = {-u0 / u1} < {bound}: the ReLU pattern is not fixed on the stated range");
        return s;
    }

    private static Rational Rat(Expr e, string what) =>
        Simplifier.Simplify(e) is Number n ? n.Value : throw new RejectException($"the preactivation of {what} is not a rational number");
}
