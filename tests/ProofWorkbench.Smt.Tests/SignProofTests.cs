using ProofWorkbench.Smt.Translation;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Parsing;
using Xunit.Abstractions;

namespace ProofWorkbench.Smt.Tests;

public class SignProofTests(ITestOutputHelper output)
{
    private SmtCheckResult Prove(string claim, params string[] assumptions)
    {
        var r = SmtProver.Prove(Parser.ParseRelation(claim), assumptions.Select(a => Parser.ParseRelation(a)).ToList());
        output.WriteLine(r.ToString());
        return r;
    }

    [Fact]
    public void SigmoidDerivativeIsPositive()
    {
        var r = Prove("exp(-u)/(1+exp(-u))^2 > 0");
        Assert.Equal(SmtVerdict.Proved, r.Verdict);
        Assert.Equal(SatAnswer.Unsat, r.Answer);
        Assert.Contains("(declare-const exp!1 Real)", r.Script);
        Assert.Contains("; exp(v) > 0: exp is positive", r.Script); // the axiom is logged with its justification
        Assert.Contains("1 + exp(-u) != 0", r.Domain.Single());
    }

    [Fact]
    public void QuadraticIsRefutedWithAWitnessThatReallyMakesItNonpositive()
    {
        var r = Prove("x^2 - 2*x + 1/2 > 0");
        Assert.Equal(SmtVerdict.Refuted, r.Verdict);
        var x = r.Witness!["x"].Exact!.Value;
        var value = x * x - 2 * x + new Rational(1, 2);
        Assert.True(value.Sign <= 0, $"x = {x} gives {value}");
        Assert.Equal(WitnessCheckMethod.Exact, r.WitnessCheck!.Method);
        Assert.True(r.WitnessCheck.Confirmed);
    }

    [Fact]
    public void APolynomialIdentityInDisguiseIsProved() => Assert.Equal(SmtVerdict.Proved, Prove("(z^2+1/2)^2 - (z^4+z^2) > 0").Verdict);

    [Theory]
    [InlineData("softplus(u) > 0")]
    [InlineData("log(1+exp(u)) > 0")]
    [InlineData("sigmoid(u) > 0")]
    [InlineData("1/(1+exp(-u)) > 0")]
    public void SoftplusAndSigmoidArePositive(string claim) => Assert.Equal(SmtVerdict.Proved, Prove(claim).Verdict);

    [Theory]
    [InlineData("sigmoid")]
    [InlineData("softplus")]
    public void TheDerivativesFromTheDifferentiatorArePositive(string activation)
    {
        var sigma = Parser.Parse($"{activation}(u)");
        var d = Differentiator.Derivative(sigma, "u");
        var r = SmtProver.ProveSign(d, RelationOperator.Greater);
        output.WriteLine($"{d}: {r}");
        Assert.Equal(SmtVerdict.Proved, r.Verdict);
    }

    [Theory]
    [InlineData("sin(x) > 0", "sin")]
    [InlineData("cos(x)^2 + 1 > 0", "cos")]
    [InlineData("sigma(x) > 0", "sigma")]
    [InlineData("x^y > 0", null)]
    public void UnsupportedFunctionsAreReportedNotGuessed(string claim, string? name)
    {
        if (name is null)
        {
            // real powers are translated through exp and log on the domain base > 0
            Assert.NotEqual(SmtVerdict.Refuted, Prove(claim).Verdict);
            return;
        }
        var e = Assert.Throws<UnsupportedExpressionException>(() => Prove(claim));
        Assert.Contains(name, e.Message);
    }

    [Fact]
    public void ContradictoryAssumptionsAreReportedInsteadOfProvingAnything()
    {
        var r = Prove("x^2 + 3 < 0", "x > 1", "x < 0");
        Assert.True(r.AssumptionsUnsatisfiable);
        Assert.NotEqual(SmtVerdict.Proved, r.Verdict);
        Assert.Contains("the assumptions are unsatisfiable", r.Explanation);
        Assert.Equal(SatAnswer.Unsat, SmtProver.CheckAssumptions([Parser.ParseRelation("exp(x) < 0")]).Answer);
    }

    [Fact]
    public void AssumptionsAreUsed()
    {
        Assert.Equal(SmtVerdict.Proved, Prove("x - 1 > 0", "x > 2").Verdict);
        Assert.Equal(SmtVerdict.Proved, Prove("log(x) > 0", "x > 1").Verdict);
        Assert.Equal(SmtVerdict.Refuted, Prove("x - 3 > 0", "x > 2").Verdict);
    }

    [Fact]
    public void ATimeoutGivesUnknownWithZ3sReason()
    {
        var hard = "(x^5 + y^7 + z^11 + 3*x*y*z - 7)^2 + (x^2*y + y^2*z^3 - 13)^2 + (x^2*y^2*z^2 - 17)^2 > 0";
        var r = SmtProver.Prove(Parser.ParseRelation(hard), [Parser.ParseRelation("x*y > 3/2")], new SmtSolverOptions { TimeoutMilliseconds = 50 });
        output.WriteLine(r.ToString());
        Assert.Equal(SmtVerdict.Unknown, r.Verdict);
        Assert.Contains(r.ReasonUnknown, new[] { "timeout", "canceled" });
        Assert.Contains("timeout", r.Explanation);
    }

    [Fact]
    public void TheLibraryLocationIsInjectable()
    {
        var options = new SmtSolverOptions { LibraryCandidates = ["libz3-does-not-exist.so.99"] };
        var e = Assert.Throws<Z3NotFoundException>(() => SmtProver.Prove(Parser.ParseRelation("x^2 >= 0"), null, options));
        Assert.Equal(Z3Library.NotFoundMessage, e.Message);
    }

    [Fact]
    public void AnAlgebraicCounterexampleOfAnExactTranslationIsARefutation()
    {
        var r = Prove("x^2 - 2 != 0");
        Assert.Equal(SmtVerdict.Refuted, r.Verdict);
        var x = r.Witness!["x"];
        Assert.False(x.IsExact);
        Assert.Equal(2, x.Approximation * x.Approximation, 12);
    }

    [Fact]
    public void ASpuriousModelOfTheAbstractionIsUnknownNotRefuted()
    {
        // true for u ≥ 0, but the exp axioms alone do not imply it: any model is spurious
        var r = SmtProver.Prove(Parser.ParseRelation("exp(u) - 1 - u - u^2/2 - u^3/6 - u^4/24 - u^5/120 >= 0"), [Parser.ParseRelation("u >= 0")],
            new SmtSolverOptions { TimeoutMilliseconds = 2000 });
        output.WriteLine(r.ToString());
        Assert.NotEqual(SmtVerdict.Refuted, r.Verdict);
    }

    [Fact]
    public void RefinementTurnsASpuriousModelIntoACheckedCounterexample()
    {
        // tanh(u) < u fails exactly for u ≤ 0; the first model (u > 0) is spurious, refinement moves on.
        var r = Prove("tanh(u) < u");
        Assert.Equal(SmtVerdict.Refuted, r.Verdict);
        Assert.True(r.Witness!["u"].Approximation <= 0);
        var none = SmtProver.Prove(Parser.ParseRelation("tanh(u) < u"), null, null, new TranslationOptions { MaxRefinements = 0 });
        Assert.NotEqual(SmtVerdict.Proved, none.Verdict);
    }

    [Fact]
    public void DomainConditionsArePathAwareInsidePiecewise()
    {
        var r = Prove("piecewise(x > 0, 1/x, 1) > 0");
        Assert.Equal(SmtVerdict.Proved, r.Verdict);
        Assert.Contains("x > 0", r.Domain.Single()); // x != 0 is only required where x > 0
    }

    [Fact]
    public void AnEmptyDomainIsReportedInsteadOfAVacuousProof()
    {
        var r = Prove("log(-1 - x^2) > 5");
        Assert.True(r.DomainEmpty);
        Assert.Equal(SmtVerdict.Unknown, r.Verdict);
        Assert.Contains("vacuously", r.Explanation);
        Assert.Equal(SmtVerdict.Proved, Prove("sqrt(x) >= 0").Verdict); // a nonempty domain (x >= 0)
    }

    [Fact]
    public void RootsAreTakenOnNonnegativeBasesAsTheNumericEvaluatorsDo()
    {
        var r = Prove("x^(1/3) > -1");
        Assert.Equal(SmtVerdict.Proved, r.Verdict);
        Assert.Contains("x >= 0", r.Domain.Single());
    }

    [Fact]
    public void ReservedNamesAreRenamedAndReportedUnderTheirOwnName()
    {
        var r = SmtProver.Prove(new Relation(Expr.Sub(Expr.Pow(Expr.Sym("let"), Expr.Two), Expr.One), RelationOperator.Greater, Expr.Zero));
        Assert.Equal(SmtVerdict.Refuted, r.Verdict);
        Assert.True(r.Witness!.Values.ContainsKey("let"));
        Assert.Contains("v!1", r.Script);
    }
}
