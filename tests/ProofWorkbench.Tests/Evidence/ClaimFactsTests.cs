using ProofWorkbench.Evidence;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Theorems.Checkers;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Tests.Evidence;

/// <summary>
/// Every claim kind's verdict rests on typed facts (issue 10 item 1): Figure 1's validated limits carry a certified root
/// and enclosures ≤ 1e-12 wide, Figure 2's softplus limit a quadrature term, and a proved result without facts is not admitted.
/// </summary>
public class ClaimFactsTests
{
    private static readonly TheoremChecker Checker = new(ClaimCheckers.All());

    private static TheoremResult Check(string relativePath) =>
        Checker.Check(TheoremLoader.Load(relativePath, File.ReadAllText(Path.Combine(RepositoryPaths.Root, relativePath)), Checker.Kinds));

    [Fact]
    public void Figure1LimitsAndOverlapAreProvedOnCertifiedRootsAndNarrowEnclosures()
    {
        var result = Check("theorems/zhang2023/fig1-two-point-sigmoid.yaml");
        foreach (var id in new[] { "limit-on-S1", "limit-on-S2", "overlap-with-refined-data" })
        {
            var claim = result.Claims.Single(c => c.Claim.Id == id);
            Assert.Equal(Verdict.Proved, claim.Verdict);
            var facts = claim.Facts.Where(f => !f.IsContext).ToList();
            Assert.All(facts, f => Assert.Equal(FactOutcome.Proves, f.Outcome));
            var roots = facts.OfType<CertifiedRoot>().ToList();
            Assert.NotEmpty(roots);
            Assert.All(roots, r => { Assert.Equal(1, r.SignAtLo); Assert.Equal(-1, r.SignAtHi); Assert.Equal(-1, r.DerivativeSign); Assert.Null(r.Integral); });
            var limits = facts.OfType<IntervalEnclosure>().Where(f => f.Label.Contains("for u* in the bracket")).ToList();
            Assert.Equal(2 * roots.Count, limits.Count);
            Assert.All(limits, e => Assert.True(e.Enclosure.Hi - e.Enclosure.Lo <= new Rational(1, 1_000_000_000_000), $"{e.Label}: {e.Enclosure}"));
            Assert.Equal(2, facts.OfType<SmtCheck>().Count() / roots.Count);
            Assert.All(facts.OfType<SmtCheck>(), s => Assert.NotNull(s.Goal));
        }
    }

    [Fact]
    public void SoftplusLimitsUseAQuadratureTermWithTheInitialPreActivationAsLowerLimit()
    {
        var claim = Check("theorems/zhang2023/fig2-one-point-softplus.yaml").Claims.First(c => c.Claim.Kind == "converges" && c.Verdict == Verdict.Proved);
        var root = Assert.Single(claim.Facts.OfType<CertifiedRoot>());
        Assert.NotNull(root.Integral);
        Assert.Contains(root.Integral!.Symbol, root.Function.FreeSymbols());
        Assert.Contains("log", root.Integral.Integrand.ToString());
    }

    [Theory]
    [InlineData("theorems/zhang2023/recipe-two-point-c1-d1.yaml")]
    [InlineData("theorems/zhang2023/propA-1-exp-datasets.yaml")]
    [InlineData("theorems/zhang2023/lemma6-1-conserved-quantity.yaml")]
    public void EveryDecidedClaimRestsOnFacts(string path)
    {
        foreach (var c in Check(path).Claims.Where(c => c.Verdict is Verdict.Proved or Verdict.Refuted))
            Assert.True(c.Facts.Any(f => !f.IsContext), $"{c.Claim.Id} ({c.Claim.Kind}) is {c.Verdict} without facts");
    }

    [Fact]
    public void AProvedResultWithoutFactsOrWithUndecidedFactsIsNotAdmitted()
    {
        var claim = Check("theorems/zhang2023/fig1-two-point-sigmoid.yaml").Claims[0];
        var bare = new ClaimResult(claim.Claim, Verdict.Proved, "trust me", []);
        Assert.Equal(Verdict.Inconclusive, VerdictRule.Admit(bare).Verdict);
        var undecided = bare with { Facts = [NumericEstimate.NotDecided("x", "not computed")] };
        Assert.Equal(Verdict.Inconclusive, VerdictRule.Admit(undecided).Verdict);
        var proved = bare with { Facts = [IntervalEnclosure.ExactSign("2 > 1", new Rational(2), Rational.One)] };
        Assert.Equal(Verdict.Proved, VerdictRule.Admit(proved).Verdict);
        Assert.Equal(FactOutcome.Undecided, IntervalEnclosure.ExactSign("1 > 2", Rational.One, new Rational(2)).Outcome);
    }
}
