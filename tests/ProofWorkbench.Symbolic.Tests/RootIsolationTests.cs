using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Parsing;
using ProofWorkbench.Symbolic.Simplification;

namespace ProofWorkbench.Symbolic.Tests;

public class RootIsolationTests
{
    [Fact]
    public void FindsEveryRootOfACubic()
    {
        var r = RootIsolation.FindRoots(Parser.Parse("(u - 1)*(u - 2)*(u + 3)"), "u", -10, 10);
        Assert.True(r.Complete);
        Assert.Equal(3, r.Roots.Count);
        Assert.Equal([-3.0, 1.0, 2.0], r.Roots.Select(z => Math.Round(z.Root, 10)));
        Assert.All(r.Roots, z => Assert.True(z.Hi - z.Lo <= 3e-12));
    }

    /// <summary>
    /// Paper 000, Corollary 6.1(d): for the sigmoid, C(u) = 1 − u·σ(u), whose only zero is z = 1 + W(1/e)
    /// (u·σ(u) = 1 ⇔ u = 1 + e^{−u} ⇔ (u − 1)e^{u−1} = 1/e). The paper only brackets it in (1, 2).
    /// </summary>
    [Fact]
    public void SigmoidPropositionConditionHasOneZeroAtOnePlusLambertWOfOneOverE()
    {
        var r = RootIsolation.FindRoots(Parser.Parse("1 - u*sigmoid(u)"), "u", -10, 10);
        Assert.True(r.Complete);
        var z = Assert.Single(r.Roots);
        double w = 0.5; // Lambert W(1/e) by Newton on w e^w = 1/e
        for (int i = 0; i < 50; i++) w -= (w * Math.Exp(w) - Math.Exp(-1)) / (Math.Exp(w) * (1 + w));
        Assert.InRange(1 + w, z.Lo - 1e-15, z.Hi + 1e-15);
        Assert.Equal(1.2784645427610738, z.Root, 1e-12);
    }

    [Fact]
    public void DoubleRootIsReportedUnresolvedNotDropped()
    {
        var r = RootIsolation.FindRoots(Parser.Parse("(u - 1/3)^2"), "u", -1, 1);
        Assert.False(r.Complete);
        Assert.Contains(r.Unresolved, i => i.Lo <= 1.0 / 3 && 1.0 / 3 <= i.Hi);
    }

    [Fact]
    public void RootAtABisectionPointIsFound()
    {
        var r = RootIsolation.FindRoots(Parser.Parse("u^3 + u"), "u", -4, 4);
        var z = Assert.Single(r.Roots);
        Assert.Equal(0, z.Root, 1e-12);
    }

    [Theory]
    [InlineData("exp(-u^2)", ProvenSign.Positive)]
    [InlineData("log(1+exp(u))", ProvenSign.Positive)]
    [InlineData("1/(1+exp(-u))", ProvenSign.Positive)]
    [InlineData("-exp(u)*(1+u^2)", ProvenSign.Negative)]
    [InlineData("tanh(u)", ProvenSign.Unknown)]
    [InlineData("u^2", ProvenSign.NonNegative)]
    [InlineData("log(u)", ProvenSign.Unknown)]
    public void SignAnalysisIsSound(string text, ProvenSign expected) => Assert.Equal(expected, SignAnalysis.Of(Parser.Parse(text)));
}
