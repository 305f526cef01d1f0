using ProofWorkbench.Evidence;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Printing;
using ProofWorkbench.Symbolic.Simplification;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;
using Formula = ProofWorkbench.Theorems.Checking.Formula;

namespace ProofWorkbench.Papers.Blanc2020.Checkers;

/// <summary>
/// <c>lagrange-second-order</c>: the exact second-order test of a stationary point θ of the implicit regularizer R on the
/// zero-loss manifold {h = y} of one sample (Blanc et al. 2020, Theorem 3: which stationary points are stable;
/// <see cref="ConstrainedSecondOrder"/>). The point is given as for <c>lagrange-stationary</c> (tanh(wᵢ) may be given exactly
/// instead of wᵢ, x = 1). Facts, in order: h − y; ∂ⱼR − λgⱼ for every parameter (λ = ∇R·g/g·g, exact); then
/// <list type="bullet">
/// <item><c>nature: minimum</c> — the bordered Hessian's leading principal minors of orders 3, …, n + 1, each a signed
/// enclosure required &lt; 0: all &lt; 0 proves a strict local minimum on the manifold; a minor &gt; 0 refutes (not even a
/// local minimum); a minor exactly 0 leaves the test degenerate (inconclusive: at best semidefinite).</item>
/// <item><c>nature: saddle</c> — a tangent direction v₋ with g·v₋ = 0 (exact identity) and v₋ᵀHv₋ &lt; 0, and a tangent v₊ with
/// v₊ᵀHv₊ &gt; 0 (signed enclosures of exact constants): R decreases to second order along the manifold in one direction
/// and increases in another — a saddle. Without both directions among the candidates: inconclusive, with the minors.</item>
/// </list>
/// </summary>
public sealed class LagrangeSecondOrderChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "lagrange-second-order";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            .. OneSampleLagrangePoint.Parameters,
            ClaimParameter.Needs("nature", "minimum | saddle", "what the point is claimed to be on the manifold"),
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var node = claim.Node;
        var nature = node.Required("nature").Text();
        if (nature is not ("minimum" or "saddle")) throw node.Required("nature").Error($"nature must be 'minimum' or 'saddle', not '{nature}'.");
        var (names, r, At) = OneSampleLagrangePoint.Read(node);
        var test = new ConstrainedSecondOrder(r, At);
        var facts = new List<Fact>();
        var residual = At(r.Constraints[0]);
        facts.Add(MustVanish("h(x; θ) − y at the point", residual));
        for (int j = 0; j < names.Length; j++)
            facts.Add(MustVanish($"∂R/∂{names[j]} − λ·∂h/∂{names[j]} at the point (λ = ∇R·∇h/‖∇h‖²)", test.Residuals[j]));
        var shown = new List<NamedValue> { new("λ", InfixPrinter.Print(test.Lambda)), new("∇h", Vector(test.Gradient)) };
        for (int i = 0; i < names.Length; i++) shown.Add(new($"row {names[i]} of H = ∇²R − λ∇²h", Vector(test.Hessian[i])));
        string detail;
        if (test.Pivot < 0)
        {
            facts.Add(IntervalEnclosure.Compute("‖∇h‖² at the point (∇h is not exactly nonzero: no tangent-space test)", Add(test.Gradient.Select(g => Expr.Pow(g, Expr.Two))), [], null)
                with { Outcome = FactOutcome.Undecided });
            detail = "∇h is not shown nonzero at the point, so the manifold's tangent space is not determined there.";
        }
        else
        {
            var order = string.Join(", ", test.Order.Select(i => names[i]));
            for (int k = 0; k < test.BorderedMinors.Count; k++)
                shown.Add(new($"bordered minor of order {k + 3} (variables {order})", Show(test.BorderedMinors[k])));
            for (int k = 0; k < test.ReducedMinors.Count; k++)
                shown.Add(new($"D{k + 1} (leading minor of H on the tangent basis b_j = g_{names[test.Pivot]}e_j − g_je_{names[test.Pivot]})", Show(test.ReducedMinors[k])));
            detail = nature == "minimum" ? Minimum(test, order, facts) : Saddle(test, facts, shown);
        }
        var verdict = VerdictRule.Decide(facts);
        string explanation = verdict switch
        {
            Verdict.Refuted when facts.Take(names.Length + 1).Any(f => f.Outcome == FactOutcome.Refutes) =>
                "Not a stationary point of R on the manifold (h ≠ y or ∇R − λ∇h ≠ 0), so the second-order test does not apply.",
            _ => detail,
        };
        var formulas = new List<Formula> { new("R(θ)", Simplifier.Simplify(r.Regularizer)) };
        return ClaimResult.FromFacts(claim, facts, explanation,
            [new EvidenceSection(EvidenceLayer.Symbolic, "Second-order test of R on the manifold {h = y}: λ, the Hessian of R − λh, its bordered minors and tangent directions, exactly") { Formulas = formulas, Values = shown }]);
    }

    private static string Minimum(ConstrainedSecondOrder test, string order, List<Fact> facts)
    {
        var bad = new List<string>();
        var zero = new List<string>();
        for (int k = 0; k < test.BorderedMinors.Count; k++)
        {
            var m = test.BorderedMinors[k];
            var (sign, enclosure) = ConstrainedSecondOrder.SignOf(m);
            var outcome = sign switch { -1 => FactOutcome.Proves, 1 => FactOutcome.Refutes, _ => FactOutcome.Undecided };
            var label = $"bordered-Hessian minor of order {k + 3} (border ∇h, variables {order}) < 0";
            facts.Add(new IntervalEnclosure(label, m, [], ExactInterval.Of(enclosure), null, outcome) { RequiredSign = -1 });
            if (sign == 1) bad.Add($"{k + 3} ({Show(m)})");
            if (sign == 0) zero.Add($"{k + 3}");
        }
        if (bad.Count > 0)
            return $"Not a local minimum on the manifold: the bordered minor(s) of order {string.Join(", ", bad)} are > 0, so H = ∇²R − λ∇²h has a tangent direction of negative curvature (second-order necessary condition fails).";
        if (zero.Count > 0)
            return $"The bordered-Hessian test is degenerate: the minor(s) of order {string.Join(", ", zero)} are exactly 0, so H on the tangent space is at best semidefinite and second order does not decide.";
        if (facts.All(f => f.Outcome == FactOutcome.Proves))
            return "A strict local minimum of R on the manifold: the point is stationary (∇R = λ∇h exactly) and every leading bordered-Hessian minor is < 0 (signs decided exactly), so ∇²R − λ∇²h is positive definite on the tangent space {v : ∇h·v = 0}.";
        return "Some bordered minor's sign could not be decided.";
    }

    private static string Saddle(ConstrainedSecondOrder test, List<Fact> facts, List<NamedValue> shown)
    {
        ConstrainedSecondOrder.Direction? negative = null, positive = null;
        foreach (var d in test.Candidates)
        {
            if (Simplifier.ZeroTest(d.Tangency) != ZeroTestResult.Zero) continue;
            var sign = ConstrainedSecondOrder.SignOf(d.Curvature).Sign;
            if (sign == -1) negative ??= d;
            if (sign == 1) positive ??= d;
        }
        if (negative is null || positive is null)
        {
            var missing = negative is null ? "negative" : "positive";
            var product = test.ReducedMinors.Count > 0 ? test.ReducedMinors[^1] : Expr.Zero;
            facts.Add(IntervalEnclosure.Compute($"det of H on the tangent basis (no tangent direction of {missing} curvature among the candidates)", product, [], null)
                with { Outcome = FactOutcome.Undecided });
            var signs = test.BorderedMinors.Select(m => ConstrainedSecondOrder.SignOf(m).Sign).ToList();
            var why = signs.All(s => s == -1)
                ? " Every bordered-Hessian minor is < 0: H is positive definite on the tangent space, so the point is a strict local minimum (claim it with nature: minimum to prove that), not a saddle."
                : " The bordered minors are shown above.";
            return $"No tangent direction of {missing} curvature among the candidates (the basis vectors and the pivots of a symmetric elimination): a saddle is not shown.{why}";
        }
        foreach (var (d, sign, word) in new[] { (negative, -1, "v₋"), (positive, 1, "v₊") })
        {
            facts.Add(new ExactIdentity($"∇h·{word} at the point ({word} = {d.Name}: tangent)", d.Tangency, Simplifier.ZeroTest(d.Tangency)));
            var (_, enclosure) = ConstrainedSecondOrder.SignOf(d.Curvature);
            facts.Add(new IntervalEnclosure($"{word}ᵀ(∇²R − λ∇²h){word} {(sign < 0 ? "<" : ">")} 0", d.Curvature, [], ExactInterval.Of(enclosure), null, FactOutcome.Proves) { RequiredSign = sign });
            shown.Add(new($"{word} ({d.Name})", Vector(d.Vector)));
            shown.Add(new($"{word}ᵀH{word}", Show(d.Curvature)));
        }
        return $"A saddle of R on the manifold: the point is stationary (∇R = λ∇h exactly), and along the tangent direction v₋ = {negative.Name} the Hessian of R − λh has curvature {Show(negative.Curvature)} < 0, along v₊ = {positive.Name} curvature {Show(positive.Curvature)} > 0 (exact), so R restricted to the manifold decreases to second order in one direction and increases in another.";
    }

    // A constant that must be exactly 0: the zero test's answer, or (when it cannot decide, e.g. products of square roots) a
    // rigorous enclosure judged against the threshold 0 (away from 0 refutes; containing 0 only confirms), as lagrange-stationary.
    private static Fact MustVanish(string label, Expr constant)
    {
        var test = Simplifier.ZeroTest(constant);
        if (test != ZeroTestResult.Unknown) return new ExactIdentity(label, constant, test);
        var enclosure = IntervalEvaluator.Evaluate(constant, new Dictionary<string, Interval>());
        return new IntervalEnclosure(label + " (interval enclosure)", constant, [], ExactInterval.Of(enclosure), 0,
            VerdictRule.JudgeZero(Magnitude.Enclosed(enclosure)).Outcome);
    }

    private static string Vector(IReadOnlyList<Expr> v) => "(" + string.Join(", ", v.Select(InfixPrinter.Print)) + ")";

    private static string Show(Expr e)
    {
        var (_, enclosure) = ConstrainedSecondOrder.SignOf(e);
        var printed = InfixPrinter.Print(e);
        return e is Number ? printed : $"{printed} ≈ {Format.Error(enclosure.Mid)}";
    }

    private static Expr Add(IEnumerable<Expr> terms) => Expr.Add(terms);
}
