using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Limits;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Parsing;
using ProofWorkbench.Symbolic.Simplification;

namespace ProofWorkbench.Symbolic.Tests;

/// <summary>Issue 9, item 5: explicit limits of the parser and the engine, reported as bad input with the position.</summary>
public class InputLimitTests
{
    [Theory]
    [InlineData("u^1000000000000", 3, "beyond ±1000")]
    [InlineData("u + 1e2147483647", 5, "decimal exponent")]
    [InlineData("u + 1e999999999", 5, "decimal exponent")]
    [InlineData("u + 1e-99999999999999999999", 5, "decimal exponent")]
    [InlineData("x^1000000000 + 1", 3, "beyond ±1000")]
    [InlineData("2^100000000 - x^2", 3, "beyond ±1000")]
    [InlineData("(u^1000)^1000", 10, "beyond ±1000")]
    [InlineData("(2^1000)^1000", 10, "limit for exact numbers")]
    [InlineData("_ + u", 1, "needs at least one letter")]
    [InlineData("u + __", 5, "needs at least one letter")]
    public void RejectsWithThePosition(string text, int column, string fragment)
    {
        var ex = Assert.Throws<ParseException>(() => Parser.Parse(text));
        Assert.Equal(column, ex.Column);
        Assert.Contains(fragment, ex.Reason);
    }

    [Fact]
    public void RejectsDeepNestingInsteadOfOverflowingTheStack()
    {
        var deep = new string('(', 10_000) + "u" + new string(')', 10_000);
        Assert.Contains("nested more than", Assert.Throws<ParseException>(() => Parser.Parse(deep)).Reason);
        var signs = new string('-', 50_000) + "u";
        Assert.Contains("nested more than", Assert.Throws<ParseException>(() => Parser.Parse(signs)).Reason);
        var tower = string.Join("^", Enumerable.Repeat("u", 5000));
        Assert.Contains("nested more than", Assert.Throws<ParseException>(() => Parser.Parse(tower)).Reason);
    }

    [Fact]
    public void RejectsOverlongText()
    {
        var text = string.Join("+", Enumerable.Range(0, 60_000).Select(i => "u"));
        Assert.Contains("characters", Assert.Throws<ParseException>(() => Parser.Parse(text)).Reason);
    }

    [Fact]
    public void AcceptsWhatIsWithinTheLimits()
    {
        Assert.Equal("u^1000", Parser.Parse("u^1000").ToString());
        Assert.Equal(Rational.Parse("1e1000"), ((Number)Parser.Parse("1e1000")).Value);
        Assert.Equal("1 + x_1", Parser.Parse("x_1 + 1").ToString());
        var nested = new string('(', ExpressionLimits.MaxNesting - 5) + "u" + new string(')', ExpressionLimits.MaxNesting - 5);
        Assert.Equal("u", Parser.Parse(nested).ToString());
    }

    /// <summary>The one rule for numeric literals, shared with the theorem-file loader.</summary>
    [Theory]
    [InlineData("1e999999999", "decimal exponent")]
    [InlineData("1e2147483648", "decimal exponent")]
    [InlineData("12x", "not a number")]
    [InlineData("1/0", "divides by zero")]
    public void LiteralRuleSaysWhy(string text, string fragment)
    {
        Assert.False(Rational.TryParse(text, out _, out var problem));
        Assert.Contains(fragment, problem);
        Assert.False(Rational.TryParse(text, out _));
    }

    [Fact]
    public void LiteralDigitsAreLimited()
    {
        Assert.False(Rational.TryParse(new string('7', ExpressionLimits.MaxLiteralDigits + 1), out _, out var problem));
        Assert.Contains("digits", problem);
        Assert.True(Rational.TryParse(new string('7', ExpressionLimits.MaxLiteralDigits), out _, out _));
    }

    [Fact]
    public void NormalizationIsBoundedNotHanging()
    {
        // A sum of 1,499 exponentials (issue 9): its square needs ~10^6 term products, beyond the normalization budget.
        var sum = Parser.Parse(string.Join("+", Enumerable.Range(1, 1499).Select(i => $"exp({i}*u)")));
        var ex = Assert.Throws<SymbolicException>(() => Simplifier.ZeroTest(Expr.Mul(sum, sum) - Expr.One));
        Assert.Contains("too large to normalize", ex.Message);
        Assert.Equal(Expr.Mul(sum, sum), Simplifier.Simplify(Expr.Mul(sum, sum))); // Simplify keeps the input when over budget
    }
}
