using ProofWorkbench.Evidence;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Tests.Theorems;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Tests.Evidence;

/// <summary>The one rule from evidence to verdict (issue 9 item 3): tolerances mean tolerances.</summary>
public class VerdictRuleTests
{
    [Fact]
    public void Exact_zero_proves_and_exact_nonzero_within_tolerance_confirms_saying_so()
    {
        Assert.Equal(FactOutcome.Proves, VerdictRule.Judge(Magnitude.Exact(Rational.Zero), 1e-9).Outcome);
        var j = VerdictRule.Judge(Magnitude.Exact(Rational.Parse("1e-12")), 1e-9);
        Assert.Equal(FactOutcome.Confirms, j.Outcome);
        Assert.Contains("exactly nonzero", j.Reason);
        Assert.Equal(FactOutcome.Refutes, VerdictRule.Judge(Magnitude.Exact(Rational.Parse("1e-6")), 1e-9).Outcome);
    }

    [Theory]
    [InlineData(1e-10, 1e-12, FactOutcome.Confirms)]   // within, including the error
    [InlineData(2e-9, 1e-12, FactOutcome.Refutes)]     // beyond by more than the error
    [InlineData(1.0005e-9, 1e-12, FactOutcome.Undecided)] // |value − tol| ≤ error
    [InlineData(0.9995e-9, 1e-12, FactOutcome.Undecided)] // within, but not by more than the error
    public void Estimates_are_judged_with_their_error(double value, double error, FactOutcome expected) =>
        Assert.Equal(expected, VerdictRule.Judge(Magnitude.Estimated(value, error), 1e-9).Outcome);

    [Fact]
    public void Enclosures_confirm_an_allowance_and_prove_a_bound()
    {
        var inside = Magnitude.Enclosed(new Interval(-1e-12, 2e-12));
        Assert.Equal(FactOutcome.Confirms, VerdictRule.Judge(inside, 1e-9).Outcome);
        Assert.Equal(FactOutcome.Proves, VerdictRule.Judge(inside, 1e-9, ToleranceMeaning.Bound).Outcome);
        Assert.Equal(FactOutcome.Undecided, VerdictRule.Judge(Magnitude.Enclosed(new Interval(0.5e-9, 2e-9)), 1e-9).Outcome);
        Assert.Equal(FactOutcome.Refutes, VerdictRule.Judge(Magnitude.Enclosed(new Interval(-3e-9, -2e-9)), 1e-9).Outcome);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-9)]
    [InlineData(double.NaN)]
    public void A_tolerance_that_is_not_positive_is_bad_input(double tol) =>
        Assert.Throws<InputException>(() => VerdictRule.Judge(Magnitude.Exact(Rational.One), tol));

    [Fact]
    public void Decide_combines_outcomes_refutation_first_and_ignores_context()
    {
        Assert.Equal(Verdict.Proved, VerdictRule.Decide([FactOutcome.Proves, FactOutcome.Informs]));
        Assert.Equal(Verdict.Confirmed, VerdictRule.Decide([FactOutcome.Proves, FactOutcome.Confirms]));
        Assert.Equal(Verdict.Inconclusive, VerdictRule.Decide([FactOutcome.Confirms, FactOutcome.Undecided]));
        Assert.Equal(Verdict.Refuted, VerdictRule.Decide([FactOutcome.Undecided, FactOutcome.Refutes, FactOutcome.Proves]));
        Assert.Equal(Verdict.Inconclusive, VerdictRule.Decide([FactOutcome.Informs]));
    }

    // Issue 9 item 3: an exact rational residual of 1e-12 with tolerance 1e-9 was refuted; it is confirmed.
    [Theory]
    [InlineData("1", "1e-9", Verdict.Proved)]
    [InlineData("1.000000000001", "1e-9", Verdict.Confirmed)]
    [InlineData("1.000000000001", "1e-13", Verdict.Refuted)]
    public void In_minimum_set_with_an_exact_residual_follows_the_rule(string y, string tol, Verdict expected) =>
        Assert.Equal(expected, ClaimKindTests.VerdictOf(
            $"kind: in-minimum-set\npoint: {{w: [1], a: 1}}\ndataset: [{{x: [1], y: {y}}}]\ntolerance: {tol}", "activation: \"u\""));

    [Theory]
    [InlineData("0")]
    [InlineData("-1e-9")]
    public void A_claim_with_a_nonpositive_tolerance_is_a_positioned_input_error(string tol)
    {
        var ex = Assert.Throws<TheoremFileException>(() => ClaimKindTests.VerdictOf(
            $"kind: in-minimum-set\npoint: {{w: [1], a: 1}}\ndataset: [{{x: [1], y: 1}}]\ntolerance: {tol}", "activation: \"u\""));
        Assert.Contains("tolerance must be a positive number", ex.Message);
    }
}
