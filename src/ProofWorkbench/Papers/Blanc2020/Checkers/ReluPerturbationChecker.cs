using ProofWorkbench.Evidence;
using ProofWorkbench.Reports;
using ProofWorkbench.Smt;
using ProofWorkbench.Symbolic;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Printing;
using ProofWorkbench.Symbolic.Simplification;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;
using static ProofWorkbench.Symbolic.Expressions.Expr;
using Formula = ProofWorkbench.Theorems.Checking.Formula;

namespace ProofWorkbench.Papers.Blanc2020.Checkers;

/// <summary>
/// <c>relu-perturbation</c>: a perturbation θ̃(ε) of a two-layer ReLU network on 1-D data, as printed in the proof of
/// Theorem 2 (Blanc et al. 2020, Appendix B, Cases 1–4), keeps the network's values at every data point and strictly
/// decreases the implicit regularizer R = Σⱼ‖∇_θf_θ(xⱼ)‖² (eq. (16), a ReLU's derivative at its kink taken as 0), by
/// Θ(ε). On the concrete rational instance of the claim everything is exact (<see cref="ReluPerturbation"/>): on
/// 0 &lt; ε &lt; ε₀ the activation pattern is fixed, so f̃(xⱼ) − f(xⱼ) and R(θ̃(ε)) − R(θ) are polynomials in ε. Facts:
/// one exact identity f̃(xⱼ) − f(xⱼ) ≡ 0 per data point (zero test), Z3 on R(θ̃(ε)) − R(θ) &lt; 0 for 0 &lt; ε &lt; ε₀,
/// and Z3 on the first-order change d/dε R(θ̃(ε))|₀₊ &lt; 0 ("decreases proportionately to the perturbation"). Proved
/// when all hold; refuted with the exactly nonzero change or Z3's witness otherwise.
/// </summary>
public sealed class ReluPerturbationChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "relu-perturbation";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Needs("units", "list of {a, b, c}", "the ReLU units cᵢσ(aᵢx + bᵢ), rational"),
            ClaimParameter.May("linear", "{a, b}", "the linear and bias units ax + b; default 0, 0"),
            ClaimParameter.Needs("data", "list of numbers", "the inputs x₁ < … < xₙ (the network interpolates its own values there)"),
            ClaimParameter.Needs("x0", "number", "the pivot x₀ of the perturbation (x_{i+1} in the paper)"),
            ClaimParameter.Needs("perturbation", "mapping name → expression", "the printed θ̃(ε): keys ta1, tb1, …, ta, tb; values in eps, x0, a1, b1, c1, …, a, b and other perturbed parameters"),
            ClaimParameter.May("eps-max", "number in (0, 1]", "an upper bound on ε; default 1"),
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var node = claim.Node;
        var unitNodes = node.Required("units").Items();
        if (unitNodes.Count == 0) throw node.Required("units").Error("give at least one unit {a, b, c}.");
        var network = new ReluNetwork1D(unitNodes.Count);
        var theta = new Dictionary<string, Rational>();
        for (int i = 0; i < unitNodes.Count; i++)
            foreach (var p in new[] { "a", "b", "c" }) theta[$"{p}{i + 1}"] = unitNodes[i].Required(p).Rational();
        var linear = node.Optional("linear");
        theta["a"] = linear?.Optional("a")?.Rational() ?? Rational.Zero;
        theta["b"] = linear?.Optional("b")?.Rational() ?? Rational.Zero;
        var dataNode = node.Required("data");
        var data = dataNode.Rationals();
        for (int j = 1; j < data.Count; j++)
            if (data[j] <= data[j - 1]) throw dataNode.Error("the data inputs must be strictly increasing (x_i < x_{i+1}, Theorem 2).");
        var x0 = node.Required("x0").Rational();
        var epsMaxNode = node.Optional("eps-max");
        var epsMax = epsMaxNode?.Rational() ?? Rational.One;
        if (epsMax.Sign <= 0 || epsMax > Rational.One) throw epsMaxNode!.Error("eps-max must be in (0, 1].");
        var pNode = node.Required("perturbation");
        var printed = pNode.Keys.ToDictionary(k => k, k => pNode.Required(k).Expression());
        ReluPerturbation run;
        try { run = new ReluPerturbation(network, theta, data, x0, printed, epsMax); }
        catch (InputException ex) { throw pNode.Error(ex.Message.TrimEnd('.') + "."); }

        var eps = Sym(ReluPerturbation.Epsilon);
        string range = $"0 < ε < {run.EpsilonMax}";
        var facts = new List<Fact>();
        var outputValues = new List<NamedValue>();
        for (int j = 0; j < data.Count; j++)
        {
            var change = run.OutputChanges[j];
            facts.Add(new ExactIdentity($"f̃(x) − f(x) at x = {data[j]} for {range}", change, Simplifier.ZeroTest(change)));
            outputValues.Add(new($"f̃(x) − f(x) at x = {data[j]}", InfixPrinter.Print(change)));
        }
        var inRange = new List<Relation> { new(eps, RelationOperator.Greater, Zero), new(eps, RelationOperator.Less, Num(run.EpsilonMax)) };
        SmtCheckResult decrease, firstOrder;
        try
        {
            decrease = SmtProver.ProveSign(run.RegularizerChange, RelationOperator.Less, inRange, name: $"R(θ̃(ε)) − R(θ) < 0 for {range}");
            firstOrder = SmtProver.ProveSign(Num(run.FirstOrderChange), RelationOperator.Less, name: "d/dε R(θ̃(ε)) at ε = 0⁺ < 0");
        }
        catch (Z3NotFoundException ex) { throw new InputException(ex.Message); }
        facts.Add(SmtCheck.Of(decrease, new Relation(run.RegularizerChange, RelationOperator.Less, Zero), inRange));
        facts.Add(SmtCheck.Of(firstOrder, new Relation(Num(run.FirstOrderChange), RelationOperator.Less, Zero), []));

        var verdict = VerdictRule.Decide(facts);
        var moved = facts.Where(f => f.Outcome == FactOutcome.Refutes).Select(f => f.Label).ToList();
        string explanation = verdict switch
        {
            Verdict.Proved => $"For {range} the perturbed network takes exactly the same values at all {data.Count} data points (so θ̃(ε) stays on the zero-loss manifold), while R(θ̃(ε)) − R(θ) = {InfixPrinter.Print(run.RegularizerChange)} < 0, with first-order change {run.FirstOrderChange}·ε: R strictly decreases along a curve in the manifold, so θ is not a local minimum (nor a stationary point) of R on it — by Theorem 1 not an attractive point of label-noise SGD.",
            Verdict.Refuted => "Fails: " + string.Join("; ", moved) + ".",
            _ => "Z3 could not decide the sign of the regularizer's change.",
        };

        var perturbedValues = network.Parameters.Where(p => !Simplifier.AreEqual(run.Perturbed[p], Num(theta[p])))
            .Select(p => new NamedValue($"{p}: {theta[p]} → ", InfixPrinter.Print(run.Perturbed[p]))).ToList();
        var activationValues = run.Activations.Select(a => new NamedValue(
            $"unit {a.Unit} at x = {a.X}: aᵢx + bᵢ = {InfixPrinter.Print(a.Before)} → {InfixPrinter.Print(a.After)} ({(a.ActiveBefore ? "on" : "off")} → {(a.ActiveAfter ? "on" : "off")})",
            "R̃ᵢⱼ − Rᵢⱼ = " + InfixPrinter.Print(a.RegularizerChange))).ToList();
        var sections = new List<EvidenceSection>
        {
            new(EvidenceLayer.Symbolic, $"The perturbation θ̃(ε) as printed, on the instance (ε₀ = {run.EpsilonMax}: no preactivation at a data point changes sign for {range})")
            {
                Formulas = [new Formula("f_θ(x)", network.Output)],
                Values = [.. perturbedValues, .. Intercepts(network, theta, run)],
                LineFigure = Figure(claim, network, theta, run, data),
            },
            new(EvidenceLayer.Symbolic, "The network's values at the data points, exactly (a polynomial in ε that must vanish identically)") { Values = outputValues },
            new(EvidenceLayer.Symbolic, "The regularizer, unit by unit and point by point (Rᵢⱼ = σ(aᵢxⱼ + bᵢ)² + cᵢ²(1 + xⱼ²)I_{aᵢxⱼ+bᵢ>0}; the linear and bias units add the constant Σⱼ(1 + xⱼ²))")
            {
                Values = [.. activationValues, new("R(θ)", run.RegularizerBefore.ToString()), new("R(θ̃(ε)) − R(θ)", InfixPrinter.Print(run.RegularizerChange)),
                    new("first-order change d/dε at 0⁺", run.FirstOrderChange.ToString())],
            },
            new(EvidenceLayer.Smt, $"Z3: R decreases on {range}: {decrease.Verdict.ToString().ToLowerInvariant()}; first-order change negative: {firstOrder.Verdict.ToString().ToLowerInvariant()}") { SmtLib = decrease.Script },
        };
        return ClaimResult.FromFacts(claim, facts, explanation, sections);
    }

    /// <summary>The intercepts kᵢ = −bᵢ/aᵢ of the perturbed units, before and after (Definition 9).</summary>
    private static IEnumerable<NamedValue> Intercepts(ReluNetwork1D network, IReadOnlyDictionary<string, Rational> theta, ReluPerturbation run)
    {
        for (int i = 1; i <= network.Width; i++)
        {
            string a = $"a{i}", b = $"b{i}";
            if (Simplifier.AreEqual(run.Perturbed[a], Num(theta[a])) && Simplifier.AreEqual(run.Perturbed[b], Num(theta[b]))) continue;
            if (theta[a].IsZero) continue;
            var after = Simplifier.Simplify(Neg(Div(run.Perturbed[b], run.Perturbed[a])));
            yield return new($"intercept k{i} = −b{i}/a{i}: {-theta[b] / theta[a]} → ", InfixPrinter.Print(after));
        }
    }

    /// <summary>f before and after the perturbation at one ε in (0, ε₀) (for the figure: ε = min(ε₀/2, 1/4)).</summary>
    private static LinePlot Figure(Claim claim, ReluNetwork1D network, IReadOnlyDictionary<string, Rational> theta, ReluPerturbation run, IReadOnlyList<Rational> data)
    {
        var epsShown = run.EpsilonMax / 2 < new Rational(1, 4) ? run.EpsilonMax / 2 : new Rational(1, 4);
        var before = network.Parameters.ToDictionary(p => p, p => theta[p].ToDouble());
        var after = network.Parameters.ToDictionary(p => p, p => ReluNetwork1D.AsRational(Symbolic.Calculus.Substitution.Substitute(run.Perturbed[p], ReluPerturbation.Epsilon, Num(epsShown)))!.Value.ToDouble());
        double F(IReadOnlyDictionary<string, double> t, double x)
        {
            double s = t["a"] * x + t["b"];
            for (int i = 1; i <= network.Width; i++) s += t[$"c{i}"] * Math.Max(0, t[$"a{i}"] * x + t[$"b{i}"]);
            return s;
        }
        double lo = data[0].ToDouble() - 1, hi = data[^1].ToDouble() + 1;
        // The kinks of both networks as grid points, so the piecewise-linear curves are drawn exactly.
        var xs = new SortedSet<double> { lo, hi };
        foreach (var t in new[] { before, after })
            for (int i = 1; i <= network.Width; i++)
                if (t[$"a{i}"] != 0) { double k = -t[$"b{i}"] / t[$"a{i}"]; if (k > lo && k < hi) xs.Add(k); }
        foreach (var x in data) xs.Add(x.ToDouble());
        var curves = new List<PlotCurve>
        {
            new("f_θ", xs.Select(x => (x, F(before, x))).ToList(), 0),
            new($"f_θ̃, ε = {epsShown}", xs.Select(x => (x, F(after, x))).ToList(), 1, Dashed: true),
            new("data", data.Select(x => (x.ToDouble(), F(before, x.ToDouble()))).ToList(), 2) { MarkersOnly = true },
        };
        return new LinePlot($"{claim.Id}.svg", "The network before and after the perturbation",
            $"Solid: f_θ; dashed: f_θ̃ at ε = {epsShown} (the kinks move, the values at the data points do not); dots: the data.",
            new PlotAxes("x", "f(x)"), curves);
    }
}
