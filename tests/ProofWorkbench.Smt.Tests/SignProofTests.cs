using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Parsing;
using Xunit.Abstractions;

namespace ProofWorkbench.Smt.Tests;

public class SignProofTests(ITestOutputHelper output)
{
    private SmtCheckResult Prove(string expr, string op = ">", params string[] assumptions)
    {
        var rel = Parser.ParseRelation($"{expr} {op} 0");
        var r = SmtProver.Prove(rel, assumptions.Select(a => Parser.ParseRelation(a)).ToList());
        output.WriteLine(r.ToString());
        output.WriteLine(r.Script);
        return r;
    }

    [Fact]
    public void SigmoidDerivativeIsPositive() => Assert.Equal(SmtVerdict.Proved, Prove("exp(-u)/(1+exp(-u))^2").Verdict);

    [Fact]
    public void QuadraticIsRefutedWithAWitnessThatReallyFails()
    {
        var r = Prove("x^2 - 2*x + 1/2");
        Assert.Equal(SmtVerdict.Refuted, r.Verdict);
    }
}
