using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Parsing;
using ProofWorkbench.Symbolic.Simplification;

namespace ProofWorkbench.Symbolic.Tests;

/// <summary>The integral defining h in paper 000, Lemma A.3: h′(w) = σ(xw)/(xσ′(xw)).</summary>
public class IntegrationTests
{
    private static Expr HPrime(string sigma)
    {
        var s = Parser.Parse(sigma);
        var at = Substitution.Substitute(s, "u", Parser.Parse("x*w"));
        var d = Substitution.Substitute(Differentiator.Derivative(s, "u"), "u", Parser.Parse("x*w"));
        return Simplifier.Simplify(at / (Expr.Sym("x") * d));
    }

    [Theory]
    [InlineData("1/(1+exp(-u))", "w/x + exp(x*w)/x^2")]
    [InlineData("exp(u)", "w/x")]
    [InlineData("exp(-u^2)", "-log(abs(w))/(2*x^2)")]
    [InlineData("u^3", "w^2/6")]
    [InlineData("u^2", "w^2/4")]
    public void HasTheClosedForm(string sigma, string expected)
    {
        var h = Integrator.Integrate(HPrime(sigma), "w");
        Assert.NotNull(h);
        Assert.True(Simplifier.AreEqual(h!, Parser.Parse(expected)), $"h = {h}, expected {expected}");
    }

    [Fact]
    public void SoftplusHasNoClosedForm() => Assert.Null(Integrator.Integrate(HPrime("log(1+exp(u))"), "w"));

    [Theory]
    [InlineData("x^3*exp(2*x)")]
    [InlineData("3*x^2 - 1/x + 5")]
    [InlineData("sin(3*x) + cos(x)")]
    [InlineData("log(2*x+1)")]
    [InlineData("1/(2*x+1)^2")]
    public void AntiderivativeDifferentiatesBack(string f)
    {
        var e = Parser.Parse(f);
        var g = Integrator.Integrate(e, "x");
        Assert.NotNull(g);
        var smooth = g!.Map(n => n is FunctionCall { Function.Name: "log", Argument: FunctionCall { Function.Name: "abs" } a }
            ? Expr.Call(KnownFunctions.Log, a.Argument) : n);
        var check = Simplifier.ZeroTest(Differentiator.Derivative(smooth, "x") - e);
        if (check != ZeroTestResult.Zero)
            Assert.True(Simplification.ProbabilisticEquivalence.Check(Differentiator.Derivative(smooth, "x"), e, range: 0.4).Agree);
    }

    [Fact]
    public void NoClosedFormIsNull()
    {
        Assert.Null(Integrator.Integrate(Parser.Parse("exp(x^2)"), "x"));
        Assert.Null(Integrator.Integrate(Parser.Parse("sigmoid(x)*x"), "x"));
    }
}
