using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.LemmaA3;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Parsing;
using Xunit.Abstractions;

namespace ProofWorkbench.Tests.Papers.Zhang2023;

/// <summary>
/// The validated Lemma A.3 route on Figures 1 and 2 of paper 000. The reference digits come from mpmath at 40 digits
/// (bench/validated_limits.py), an independent computation.
/// </summary>
public class LemmaA3RouteTests(ITestOutputHelper output)
{
    private static Rational Q(string s) => Rational.Parse(s);

    private OneSampleLimit Enclose(string sigma, string[] x, string y, string[] w0, string a0)
    {
        var act = Activation.Parse(sigma);
        var hyp = LemmaA3Route.Hypotheses(act, out var why) ?? throw new Xunit.Sdk.XunitException(why);
        var p = new OneSampleProblem(act, x.Select(Q).ToArray(), Parser.Parse(y), w0.Select(Q).ToArray(), Q(a0));
        var r = LemmaA3Route.Enclose(p, hyp, null, out var reason);
        Assert.True(r is not null, reason);
        output.WriteLine($"{r!.Method}: u ∈ {r.U}, w ∈ {string.Join(", ", r.W)}, a ∈ {r.A}, width {r.Width:R}, G′ ∈ {r.DerivativeOnU}");
        return r;
    }

    private static void AssertContains(Interval i, double reference, double slack = 2e-16)
    {
        Assert.True(i.Lo - slack * Math.Max(1, Math.Abs(reference)) <= reference && reference <= i.Hi + slack * Math.Max(1, Math.Abs(reference)), $"{i} misses {reference:R}");
    }

    [Fact]
    public void Figure1LimitOnS1IsEnclosedWithClosedFormH()
    {
        var r = Enclose("1/(1+exp(-u))", ["1"], "1", ["0.922"], "2.868");
        Assert.Equal(AntiderivativeMethod.ClosedForm, r.Method);
        Assert.True(r.Width <= 1e-12);
        AssertContains(r.W[0], 0.08246409843294744227894702);
        AssertContains(r.A, 1.920844497023817927945537);
        Assert.Null(r.RangeWitness); // a₀ and y are both positive
    }

    [Fact]
    public void Figure1LimitOnS2IsEnclosedWithClosedFormH()
    {
        var r = Enclose("1/(1+exp(-u))", ["12.307"], "1.4", ["0.922"], "2.868");
        Assert.True(r.Width <= 1e-12);
        AssertContains(r.W[0], 0.9215436264956204117463389);
        AssertContains(r.A, 1.400016618979461562809592);
    }

    [Theory]
    [InlineData("0.6")]
    [InlineData("1.4")]
    [InlineData("1.8")]
    public void Figure2LimitsAreEnclosedByValidatedQuadrature(string x)
    {
        var u0 = (Q(x) * Q("0.3")).ToString();
        var r = Enclose("log(1+exp(u))", [x], $"-log(1+exp({u0}))", ["0.3"], "1");
        Assert.Equal(AntiderivativeMethod.Quadrature, r.Method);
        Assert.True(r.Width <= 1e-12, r.Width.ToString("R"));
        AssertContains(r.W[0], 0.3);
        AssertContains(r.A, -1);
        Assert.NotNull(r.RangeWitness); // a₀ = 1 > 0 > y: the flow crosses a = 0
    }

    [Fact]
    public void TwoDimensionalInputReducesToTheLineAlongX()
    {
        var r = Enclose("log(1+exp(u))", ["1", "2"], "-log(1+exp(-1/10))", ["0.3", "-0.2"], "1");
        Assert.True(r.Width <= 1e-12);
        AssertContains(r.W[0], 0.3);
        AssertContains(r.W[1], -0.2);
        AssertContains(r.A, -1);
    }

    [Fact]
    public void ActivationsWithoutProvedHypothesesAreRejected()
    {
        Assert.Null(LemmaA3Route.Hypotheses(Activation.Parse("tanh(u)"), out var why));
        Assert.Contains("not proved", why);
    }
}
