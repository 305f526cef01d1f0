using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.Proposition61;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Parsing;
using ProofWorkbench.Symbolic.Simplification;
using ProofWorkbench.Tests.Theorems;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Tests.Piecewise;

/// <summary>Issue 9, item 4: piecewise activations are decided branch by branch in the shared evaluators.</summary>
public class BranchByBranchTests
{
    private const string Sigma = "piecewise(u<0, exp(u), 1+u)";

    [Fact]
    public void ExactEvaluationTakesTheDecidedBranch()
    {
        var sigma = Parser.Parse(Sigma);
        Assert.Equal("3/2", Symbolic.Calculus.Substitution.Substitute(sigma, "u", Expr.Half).ToString());
        Assert.Equal("exp(-1)", Symbolic.Calculus.Substitution.Substitute(sigma, "u", Expr.MinusOne).ToString());
        Assert.Equal("1", Symbolic.Calculus.Substitution.Substitute(sigma, "u", Expr.Zero).ToString());
    }

    [Fact]
    public void IntervalEvaluationEvaluatesOnlyTheBranchesThatMayBeTaken()
    {
        var sigma = Parser.Parse(Sigma);
        var right = IntervalEvaluator.Evaluate(sigma, new Dictionary<string, Interval> { ["u"] = new(0.1, 10) });
        Assert.Equal(1.1, right.Lo, 12);
        Assert.Equal(11, right.Hi, 12);
        var left = IntervalEvaluator.Evaluate(sigma, new Dictionary<string, Interval> { ["u"] = new(-10, -1) });
        Assert.True(left.Hi <= Math.Exp(-1) * (1 + 1e-15) && left.Lo >= 0);
        var both = IntervalEvaluator.Evaluate(sigma, new Dictionary<string, Interval> { ["u"] = new(-1, 1) });
        Assert.True(both.Lo <= 0.37 && both.Hi >= 2);
    }

    [Fact]
    public void InMinimumSetResidualIsExactlyZero()
    {
        const string setup = "activation: \"piecewise(u<0, exp(u), 1+u)\"\npoints:\n  p: { w: [1/2], a: 2 }\ndatasets:\n  S: [ { x: [1], y: 3 } ]";
        Assert.Equal(Verdict.Proved, ClaimKindTests.VerdictOf("kind: in-minimum-set\npoint: p\ndataset: S", setup));
    }

    [Fact]
    public void Proposition61ConditionIsDerivedPerBranchAndHasNoZeroOnTheRight()
    {
        var c = Proposition61Condition.Derive(Activation.Parse(Sigma));
        Assert.Equal("piecewise(u < 0, 1, 1/(1 + u))", c.Condition.ToString()); // by hand: C = 1 for exp, 1/(1 + u) for 1 + u
        var roots = c.Roots(0.1, 10);
        Assert.Empty(roots.Roots);
        Assert.Empty(roots.Unresolved);
    }

    [Fact]
    public void ZeroTestLiftsPiecewiseSubterms()
    {
        var sigma = Parser.Parse(Sigma);
        var d = Symbolic.Calculus.Differentiator.Derivative(sigma, "u");
        // σ′ − piecewise(u < 0, σ, 1) ≡ 0 branch by branch.
        Assert.Equal(ZeroTestResult.Zero, Simplifier.ZeroTest(Expr.Sub(d, Parser.Parse("piecewise(u < 0, exp(u), 1)"))));
        Assert.Equal(ZeroTestResult.Unknown, Simplifier.ZeroTest(Expr.Sub(d, Parser.Parse("piecewise(u < 0, exp(u), 2)"))));
    }
}
