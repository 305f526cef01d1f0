using ProofWorkbench.Evidence;
using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.Refutation;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Tests.Papers.Zhang2023.Refutation;

/// <summary>
/// Soundness of <c>pwb refute</c> (issue 13): a G that characterizes the flow is never refuted, and a certificate whose
/// premises are tampered with does not prove anything.
/// </summary>
public class RefutationSoundnessTests
{
    private static readonly Activation Sigmoid = Activation.Parse("1/(1+exp(-u))");

    [Theory]
    [InlineData("(w1-w0_1)^2+(w2-w0_2)^2", 2)]
    [InlineData("(w1-w0_1)^2+(w2-w0_2)^2+(w3-w0_3)^2", 3)]
    [InlineData("((w1-w0_1)^2+(w2-w0_2)^2)^2", 2)]          // same minimizers: also characterizes
    [InlineData("exp((w1-w0_1)^2+(w2-w0_2)^2+(w3-w0_3)^2)", 3)] // same minimizers, transcendental gradient
    [InlineData("(w-w0)^2", 1)]
    public void Linear_model_characterizing_G_is_never_refuted(string g, int d)
    {
        var attempts = new List<RefutationAttempt>();
        var found = LinearDirectRoute.Run(Regularizer.Parse(g, d), g, "test", TimeSpan.FromMinutes(5), attempts);
        Assert.Null(found);
        Assert.Single(attempts);
    }

    [Theory]
    [InlineData("w1^2+w2^2", 2)]
    [InlineData("(w1-w0_1)^2+2*(w2-w0_2)^2", 2)]
    public void Linear_model_non_characterizing_G_is_refuted(string g, int d)
    {
        var attempts = new List<RefutationAttempt>();
        Assert.NotNull(LinearDirectRoute.Run(Regularizer.Parse(g, d), g, "test", TimeSpan.FromMinutes(5), attempts));
    }

    [Fact]
    public void One_neuron_G_critical_at_both_limits_gets_no_one_point_certificate_but_a_direct_one()
    {
        var result = RefutationSearch.Run(Sigmoid, Regularizer.Parse("(w-w0)^2+(a^2-a0^2)^2", 1), TimeSpan.FromMinutes(5), "direct");
        Assert.Null(result.Certificate);
        Assert.NotNull(result.Direct);
        Assert.Equal(Verdict.Proved, VerdictRule.Decide(result.Direct!.Facts));
        Assert.Equal("direct", result.RouteName);
    }

    private static readonly Rational Fig1W0 = Rational.Parse("0.922"), Fig1A0 = Rational.Parse("2.868"),
        Fig1Lo = Rational.Parse("11.92497123627"), Fig1Hi = Rational.Parse("11.924971236294");

    [Fact]
    public void Two_point_route_refutes_a_G_critical_at_both_one_point_limits()
    {
        var result = RefutationSearch.Run(Sigmoid, Regularizer.Parse("(w-w0)^2+(a^2-a0^2)^2", 1), TimeSpan.FromMinutes(5));
        Assert.Null(result.Certificate);
        Assert.NotNull(result.TwoPoint);
        Assert.Equal("two-point-trace-back", result.RouteName);
        Assert.Equal(Verdict.Proved, VerdictRule.Decide(result.TwoPoint!.Facts));
        Assert.True(result.TwoPoint.X2Lo <= Rational.Parse("11.9249712362819") && Rational.Parse("11.9249712362819") <= result.TwoPoint.X2Hi);
    }

    [Theory]
    [InlineData("a0^2+w0")]         // constant in θ: characterizes every flow in the weak sense
    [InlineData("exp(a0)*w0-a0")]
    public void Two_point_route_never_refutes_a_G_constant_in_theta(string g)
    {
        var hypotheses = ProofWorkbench.Papers.Zhang2023.LemmaA3.LemmaA3Route.Hypotheses(Sigmoid, out _)!;
        // The overlap itself is certified (same facts as for ‖θ − θ₀‖²), but G(θ₁*) − G(θ₂*) ≡ 0 has no strict sign.
        var facts = TwoPointRefutation.Certify(Sigmoid, Regularizer.Parse(g, 1), Fig1W0, Fig1A0, 1, 1, Fig1Lo, Fig1Hi, hypotheses, out var reason);
        Assert.NotNull(facts);
        Assert.Equal(Verdict.Inconclusive, VerdictRule.Decide(facts!));
        Assert.Equal(FactOutcome.Undecided, facts![^1].Outcome);
        Assert.All(facts.Take(facts.Count - 1), f => Assert.Equal(FactOutcome.Proves, f.Outcome));
        Assert.Contains("overlap", reason);
        var result = RefutationSearch.Run(Sigmoid, Regularizer.Parse(g, 1), TimeSpan.FromMinutes(5), "two-point");
        Assert.False(result.Found);
        Assert.Contains(result.Attempts, a => a.Outcome.Contains("∇_θG ≡ 0"));
    }

    [Fact]
    public void Two_point_route_certifies_nothing_on_an_interval_without_a_sign_change_of_F()
    {
        var hypotheses = ProofWorkbench.Papers.Zhang2023.LemmaA3.LemmaA3Route.Hypotheses(Sigmoid, out _)!;
        var g = Regularizer.Parse("(w-w0)^2+(a-a0)^2", 1);
        Assert.Equal(Verdict.Proved, VerdictRule.Decide(TwoPointRefutation.Certify(Sigmoid, g, Fig1W0, Fig1A0, 1, 1, Fig1Lo, Fig1Hi, hypotheses, out _)!));
        Assert.Null(TwoPointRefutation.Certify(Sigmoid, g, Fig1W0, Fig1A0, 1, 1, Rational.Parse("11.93"), Rational.Parse("11.94"), hypotheses, out var why));
        Assert.Contains("same certain sign", why);
        Assert.Null(TwoPointRefutation.Certify(Sigmoid, g, Fig1W0, Fig1A0, 1, -1, Fig1Lo, Fig1Hi, hypotheses, out why)); // a₀·y₁ < 0
        Assert.Contains("a₀·y₁ > 0", why);
    }

    private static RecipeOverlap CommittedRecipe(string relative)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "ProofWorkbench.sln"))) root = root.Parent!;
        var path = Path.Combine(root.FullName, relative);
        var kinds = new ProofWorkbench.Theorems.Checking.TheoremChecker(ProofWorkbench.Theorems.Checkers.ClaimCheckers.All()).Kinds;
        return TwoPointRecipeRefutation.Read(ProofWorkbench.Theorems.Files.TheoremLoader.Load(path, File.ReadAllText(path), kinds));
    }

    [Theory]
    [InlineData("(w-w0)^2+2*(a-a0)^2", "3/4")]   // 9/4 − 3/2
    [InlineData("(w-w0)^2+(a-a0)^2", "0")]       // θ₁* = (1/2, 2), θ₂* = (2, 1/2): both at distance² 5/4 from θ₀ = (1, 1)
    [InlineData("w^2+a^2", "0")]                 // 17/4 both
    [InlineData("a0^2+w0", "0")]                 // constant in θ
    public void Recipe_route_separates_exactly_and_never_certifies_a_tie(string g, string gap)
    {
        var recipe = CommittedRecipe("theorems/zhang2023/recipe-two-point-c1-d1.yaml");
        var facts = TwoPointRecipeRefutation.Certify(recipe, Regularizer.Parse(g, 1), out var reason);
        Assert.NotNull(facts);
        Assert.All(facts!.Take(facts.Count - 1), f => Assert.Equal(FactOutcome.Proves, f.Outcome)); // the exact overlap itself
        var last = Assert.IsType<IntervalEnclosure>(facts[^1]);
        Assert.Equal(Rational.Parse(gap), last.Enclosure.Lo);
        Assert.Equal(gap == "0" ? Verdict.Inconclusive : Verdict.Proved, VerdictRule.Decide(facts));
        if (gap == "0") Assert.Contains("exactly", reason);
    }

    [Fact]
    public void Recipe_route_certifies_nothing_when_a_limit_is_moved()
    {
        var recipe = CommittedRecipe("theorems/zhang2023/recipe-two-point-c1-d1.yaml");
        var moved = recipe with { Flows = [recipe.Flows[0], recipe.Flows[1] with { Limit = recipe.Flows[1].Limit with { A = new Rational(1, 3) } }] };
        Assert.Null(TwoPointRecipeRefutation.Certify(moved, Regularizer.Parse("(w-w0)^2+2*(a-a0)^2", 1), out var reason));
        Assert.Contains("S2", reason);
    }

    [Theory]
    [InlineData("a0^2+w0", 1)]                 // constant in θ: characterizes every flow in the weak sense (remark after Def. 4.5)
    [InlineData("exp(a0)*w0_1-w0_2", 2)]
    public void One_neuron_G_constant_in_theta_is_never_refuted(string g, int d)
    {
        var result = RefutationSearch.Run(Sigmoid, Regularizer.Parse(g, d), TimeSpan.FromMinutes(5));
        Assert.False(result.Found);
        Assert.Contains(result.Attempts, a => a.Route.StartsWith("direct", StringComparison.Ordinal) && a.Outcome.StartsWith("no certificate", StringComparison.Ordinal));
    }

    [Fact]
    public void The_direct_certificate_proves_and_a_witness_not_below_the_limit_leaves_it_undecided()
    {
        var g = Regularizer.Parse("(w-w0)^2+(a^2-a0^2)^2", 1);
        var hypotheses = ProofWorkbench.Papers.Zhang2023.LemmaA3.LemmaA3Route.Hypotheses(Sigmoid, out _);
        Rational half = new(1, 2);
        Assert.Equal(Verdict.Proved, VerdictRule.Decide(DirectRefutation.Certify(Sigmoid, g, [half], 1, [2], Expr.One, [new Rational(7, 8)], hypotheses)));
        var bad = DirectRefutation.Certify(Sigmoid, g, [half], 1, [2], Expr.One, [half], hypotheses);
        Assert.Equal(Verdict.Inconclusive, VerdictRule.Decide(bad));
        Assert.DoesNotContain(bad, f => f.Outcome == FactOutcome.Refutes);
        Assert.Equal(Verdict.Inconclusive, VerdictRule.Decide(DirectRefutation.Certify(Sigmoid, g, [half], 1, [2], Expr.One, [new Rational(7, 8)], null)));
    }

    private static IReadOnlyList<(IReadOnlyList<Rational> X, Expr Y)> Data(OnePointVariant v, IReadOnlyList<Rational> w0, Rational a0) =>
        [([2], OnePointRefutation.Label(Sigmoid, v, w0, a0, [2])), ([-1], OnePointRefutation.Label(Sigmoid, v, w0, a0, [-1]))];

    [Fact]
    public void The_reflect_certificate_proves_and_each_tampered_premise_leaves_it_undecided()
    {
        var g = Regularizer.Parse("(w-w0)^2+(a-a0)^2", 1);
        var hypotheses = OnePointRefutation.ReflectHypotheses(Sigmoid);
        Rational half = new(1, 2);
        var good = OnePointRefutation.Certify(Sigmoid, g, OnePointVariant.Reflect, [half], 1, Data(OnePointVariant.Reflect, [half], 1), hypotheses);
        Assert.Equal(Verdict.Proved, VerdictRule.Decide(good));

        // A label of the stationary variant: (w₀, −a₀) is not in M_D1.
        var wrongLabel = Data(OnePointVariant.Reflect, [half], 1).ToList();
        wrongLabel[0] = Data(OnePointVariant.Stationary, [half], 1)[0];
        Assert.Equal(Verdict.Inconclusive, VerdictRule.Decide(OnePointRefutation.Certify(Sigmoid, g, OnePointVariant.Reflect, [half], 1, wrongLabel, hypotheses)));
        // Parallel inputs: the normals at θ* are dependent when x₂ = x₁.
        var parallel = new[] { Data(OnePointVariant.Reflect, [half], 1)[0], Data(OnePointVariant.Reflect, [half], 1)[0] };
        Assert.Equal(Verdict.Inconclusive, VerdictRule.Decide(OnePointRefutation.Certify(Sigmoid, g, OnePointVariant.Reflect, [half], 1, parallel, hypotheses)));
        // No proofs of the hypotheses.
        Assert.Equal(Verdict.Inconclusive, VerdictRule.Decide(OnePointRefutation.Certify(Sigmoid, g, OnePointVariant.Reflect, [half], 1, Data(OnePointVariant.Reflect, [half], 1), [])));
        // A G critical at (w₀, −a₀).
        var mirror = Regularizer.Parse("(w-w0)^2+(a+a0)^2", 1);
        Assert.Equal(Verdict.Inconclusive, VerdictRule.Decide(OnePointRefutation.Certify(Sigmoid, mirror, OnePointVariant.Reflect, [half], 1, Data(OnePointVariant.Reflect, [half], 1), hypotheses)));
        // No fact ever refutes: a failed certificate never claims that G characterizes the flow.
        Assert.DoesNotContain(OnePointRefutation.Certify(Sigmoid, mirror, OnePointVariant.Reflect, [half], 1, wrongLabel, hypotheses), f => f.Outcome == FactOutcome.Refutes);
    }

    [Fact]
    public void The_range_condition_is_not_proved_for_the_counterexample_to_Lemma_6_1_as_printed()
    {
        // σ = exp(−e^{−u}): σ > 0 and σ′ > 0, but σ/σ′ = e^u → 0, so H is bounded below (theorems/zhang2023/lemma6-1-conserved-quantity.yaml).
        var facts = OnePointRefutation.ReflectHypotheses(Activation.Parse("exp(-exp(-u))"));
        Assert.Equal(3, facts.Count);
        Assert.Equal(Smt.SmtVerdict.Proved, facts[0].Answer);
        Assert.Equal(Smt.SmtVerdict.Proved, facts[1].Answer);
        Assert.NotEqual(Smt.SmtVerdict.Proved, facts[2].Answer);
    }
}
