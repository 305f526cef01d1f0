using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Parsing;
using ProofWorkbench.Symbolic.Simplification;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Symbolic.Tests;

public class IdentityTests
{
    private static Expr P(string s) => Parser.Parse(s);

    [Theory]
    [InlineData("1/(1+exp(-u))")]
    [InlineData("sigmoid(u)")]
    public void SigmoidDerivativeIsSigmaTimesOneMinusSigma(string text)
    {
        var s = P(text);
        var d = Differentiator.Derivative(s, "u");
        Assert.Equal(ZeroTestResult.Zero, Simplifier.ZeroTest(d - s * (1 - s)));
    }

    [Fact]
    public void TanhDerivativeIsOneMinusTanhSquared()
    {
        var t = P("(exp(2*u) - 1)/(exp(2*u) + 1)");
        Assert.Equal(ZeroTestResult.Zero, Simplifier.ZeroTest(Differentiator.Derivative(t, "u") - (1 - Pow(t, 2))));
        Assert.Equal(ZeroTestResult.Zero, Simplifier.ZeroTest(Differentiator.Derivative(P("tanh(u)"), "u") - P("1 - tanh(u)^2")));
    }

    [Fact]
    public void ZeroTestSaysNonZeroForDifferentFunctions()
    {
        Assert.Equal(ZeroTestResult.NonZero, Simplifier.ZeroTest(P("sigmoid(u) - exp(u)/(1 + 2*exp(u))")));
        Assert.Equal(ZeroTestResult.NonZero, Simplifier.ZeroTest(P("(x+1)^2 - x^2 - 2*x")));
        Assert.False(Simplifier.AreEqual(P("exp(u)"), P("exp(2*u)")));
    }

    [Fact]
    public void ZeroTestDecidesPolynomialIdentities()
    {
        Assert.True(Simplifier.AreEqual(P("(x+y)^3"), P("x^3 + 3*x^2*y + 3*x*y^2 + y^3")));
        Assert.True(Simplifier.AreEqual(P("(z^2+1/2)^2 - (z^4+z^2)"), P("1/4")));
        Assert.True(Simplifier.AreEqual(P("1/(x-1) - 1/(x+1)"), P("2/(x^2-1)")));
        Assert.True(Simplifier.AreEqual(P("exp(u/3)^3"), P("exp(u)")));
        Assert.True(Simplifier.AreEqual(P("exp(-u/3)*exp(2*u/9)"), P("exp(-u/9)")));
    }

    /// <summary>
    /// Corollary 6.1(c) of paper 000: with σ̃ = 1/σ, F(p, x) = σ̃(xw)σ̃(x₀p) − σ̃(xp)σ̃(x₀w).
    /// For σ = eˣ, F = e^A − e^B vanishes iff A − B = (x − x₀)(p − w) does.
    /// </summary>
    [Fact]
    public void Corollary61cExponential()
    {
        var F = P("exp(-x*w)*exp(-x0*p) - exp(-x*p)*exp(-x0*w)");
        Assert.Equal(ZeroTestResult.NonZero, Simplifier.ZeroTest(F));
        Assert.Equal(ZeroTestResult.Zero, Simplifier.ZeroTest(Substitution.Substitute(F, "x", Sym("x0"))));
        Assert.Equal(ZeroTestResult.Zero, Simplifier.ZeroTest(Substitution.Substitute(F, "p", Sym("w"))));
        var exponentDifference = P("(-x*w - x0*p) - (-x*p - x0*w)");
        Assert.True(Simplifier.AreEqual(exponentDifference, P("(x - x0)*(p - w)")));
    }

    /// <summary>Corollary 6.1(c) for σ = e^{−x²}: σ̃ = e^{x²}, so F = 0 iff (x² − x₀²)(p² − w²) = 0.</summary>
    [Fact]
    public void Corollary61cGaussian()
    {
        var F = P("exp((x*w)^2)*exp((x0*p)^2) - exp((x*p)^2)*exp((x0*w)^2)");
        Assert.Equal(ZeroTestResult.NonZero, Simplifier.ZeroTest(F));
        Assert.Equal(ZeroTestResult.Zero, Simplifier.ZeroTest(Substitution.Substitute(F, "x", Neg(Sym("x0")))));
        Assert.Equal(ZeroTestResult.Zero, Simplifier.ZeroTest(Substitution.Substitute(F, "p", Neg(Sym("w")))));
        Assert.True(Simplifier.AreEqual(P("(x*w)^2 + (x0*p)^2 - (x*p)^2 - (x0*w)^2"), P("-(x^2 - x0^2)*(p^2 - w^2)")));
    }

    [Fact]
    public void SimplifyCancelsCommonFactors()
    {
        var s = P("sigmoid(x*w)");
        var ratio = Simplifier.Simplify(s / (Sym("x") * Differentiator.Derivative(s, "w") / Sym("x")));
        Assert.Equal(P("(1 + exp(w*x))/x"), ratio);
        Assert.Equal(Zero, Simplifier.Simplify(P("sigmoid(u) - 1/(1+exp(-u))")));
    }

    [Fact]
    public void LieDerivativeOfTheSigmoidConservedQuantityVanishes()
    {
        // Paper 000, Lemma A.3 with σ = sigmoid, x = 1: Q = a²/2 − (w + e^w), flow of L = (aσ(w) − y)².
        var loss = P("(a*sigmoid(w) - y)^2");
        var field = Differentiator.Gradient(loss, ["w", "a"]).Select(Neg).ToArray();
        var q = P("a^2/2 - w - exp(w)");
        Assert.Equal(ZeroTestResult.Zero, Simplifier.ZeroTest(Differentiator.LieDerivative(q, field, ["w", "a"])));
        var wrong = P("a^2/2 - w");
        Assert.Equal(ZeroTestResult.NonZero, Simplifier.ZeroTest(Differentiator.LieDerivative(wrong, field, ["w", "a"])));
    }

    [Fact]
    public void HessianIsSymmetricAndJacobianHasTheRightShape()
    {
        var h = Differentiator.Hessian(P("a*sigmoid(w*x) + w^3*a^2"), ["w", "a"]);
        Assert.True(Simplifier.AreEqual(h[0, 1], h[1, 0]));
        var j = Differentiator.Jacobian([P("w*a"), P("exp(w)"), P("a")], ["w", "a"]);
        Assert.Equal(3, j.GetLength(0));
        Assert.Equal(P("exp(w)"), j[1, 0]);
    }

    [Fact]
    public void TaylorSeriesOfExpHasInverseFactorials()
    {
        var c = TaylorSeries.Coefficients(P("exp(u)"), "u", Zero, 5);
        Assert.Equal([P("1"), P("1"), P("1/2"), P("1/6"), P("1/24"), P("1/120")], c);
        var sig = TaylorSeries.Coefficients(P("sigmoid(u)"), "u", Zero, 3);
        Assert.Equal([P("1/2"), P("1/4"), Zero, P("-1/48")], sig);
    }

    [Fact]
    public void AbstractFunctionsDifferentiateToTheirDerivatives()
    {
        var e = P("sigma(x*w)");
        Assert.Equal(P("x*sigma'(x*w)"), Differentiator.Derivative(e, "w"));
        Assert.Equal(P("x^2*sigma''(x*w)"), Differentiator.Derivative(e, "w", 2));
        var inst = Substitution.Instantiate(P("sigma'(x*w)"), "sigma", P("exp(u)"), "u");
        Assert.Equal(P("exp(x*w)"), inst);
    }

    [Fact]
    public void PiecewiseDifferentiatesPieceByPiece()
    {
        var e = P("piecewise(u < 0, u^2, exp(u))");
        Assert.Equal(P("piecewise(u < 0, 2*u, exp(u))"), Differentiator.Derivative(e, "u"));
        Assert.Equal(4.0, Compilation.Evaluator.Evaluate(e, new Dictionary<string, double> { ["u"] = -2 }));
        Assert.Equal(1.0, Compilation.Compiler.Compile(e, ["u"])([0]));
    }

    [Fact]
    public void RandomPointComparisonGivesCertainWitnessesAndOnlyEvidenceOfEquality()
    {
        var differ = ProbabilisticEquivalence.Check(P("exp(u)"), P("1 + u + u^2/2"));
        Assert.False(differ.Agree);
        Assert.NotNull(differ.Witness);
        var same = ProbabilisticEquivalence.Check(P("tanh(u)"), P("2*sigmoid(2*u) - 1"));
        Assert.True(same.Agree);
        Assert.Equal(64, same.PointsTried);
        Assert.Equal(0, ProbabilisticEquivalence.Check(P("sigma(u)"), P("u")).PointsTried);
    }
}
