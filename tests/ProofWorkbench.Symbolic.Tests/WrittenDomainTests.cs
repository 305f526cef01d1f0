using ProofWorkbench.Symbolic.Parsing;

namespace ProofWorkbench.Symbolic.Tests;

/// <summary>Issue 9, item 2: the parser records the domain of the expression as written; the canonical form may be wider.</summary>
public class WrittenDomainTests
{
    [Theory]
    [InlineData("exp(-log(x))", "1/x", "x > 0")]
    [InlineData("exp(2*log(x))", "x^2", "x > 0")]
    [InlineData("sqrt(x)*sqrt(x)", "x", "x >= 0")]
    [InlineData("sqrt(x)^2", "x", "x >= 0")]
    [InlineData("x/x", "1", "x != 0")]
    [InlineData("0*log(x) + 1", "1", "x > 0")]
    [InlineData("1/(1 + exp(u))^2", "1/(1 + exp(u))^2", "1 + exp(u) != 0")]
    [InlineData("x^(-1/2)", "1/sqrt(x)", "x > 0")]
    [InlineData("2^x + e^x", "2^x + exp(x)", "")]
    public void RecordsTheDomainAsWritten(string text, string canonical, string domain)
    {
        var p = Parser.ParseWithDomain(text);
        Assert.Equal(canonical, p.Value.ToString());
        Assert.Equal(domain, string.Join("; ", p.Domain));
    }

    [Fact]
    public void ConditionsInsideAPiecewiseBranchCarryItsPath()
    {
        var p = Parser.ParseWithDomain("piecewise(x < 0, sqrt(-x), x < 1, log(x), 1/(x - 2))");
        Assert.Equal(["x < 0 ⇒ -x >= 0", "x >= 0 and x < 1 ⇒ x > 0", "x >= 0 and x >= 1 ⇒ x - 2 != 0"], p.Domain.Select(d => d.ToString()));
    }

    [Fact]
    public void TheSoundRuleSqrtSquaredIsApplied()
    {
        Assert.Equal("1 + u^2", Parser.Parse("sqrt(u^2 + 1)^2").ToString());
        Assert.Equal("sqrt(1 + u^2)", Parser.Parse("((u^2 + 1)^(1/4))^2").ToString());
    }
}
