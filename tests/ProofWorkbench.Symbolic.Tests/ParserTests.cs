using CsCheck;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Parsing;

namespace ProofWorkbench.Symbolic.Tests;

public class ParserTests
{
    [Theory]
    [InlineData("a*log(1+exp(w*x))", "a*log(1 + exp(w*x))")]
    [InlineData("1/(1+exp(-u))", "1/(1 + exp(-u))")]
    [InlineData("sigma(x*w)", "sigma(w*x)")]
    [InlineData("x^2*w", "w*x^2")]
    [InlineData("-x^2", "-x^2")]
    [InlineData("2^-1", "1/2")]
    [InlineData("x**3", "x^3")]
    [InlineData("sqrt(4)", "2")]
    [InlineData("12.307", "12307/1000")]
    [InlineData("1e-3*x", "x/1000")]
    [InlineData("sigma''(u)", "sigma''(u)")]
    [InlineData("piecewise(u <= 0, 0, u)", "piecewise(u <= 0, 0, u)")]
    [InlineData("e^u", "exp(u)")]
    public void ParsesAndPrints(string text, string printed) => Assert.Equal(printed, Parser.Parse(text).ToString());

    [Theory]
    [InlineData("1/(1+exp(-u)", 13, "expected ')'")]
    [InlineData("foo(u)", 1, "unknown function 'foo'")]
    [InlineData("2 x", 3, "write '*'")]
    [InlineData("x +", 4, "expected a number, a name or '('")]
    [InlineData("", 1, "empty")]
    [InlineData("exp(u, v)", 1, "exp takes 1 argument")]
    [InlineData("x / 0", 5, "division by zero")]
    [InlineData("u'(x)", 1, "primes")]
    [InlineData("exp", 1, "is a function")]
    [InlineData("x $ y", 3, "found '$'")]
    [InlineData("piecewise(u, 1, 2)", 1, "must be a condition")]
    [InlineData("piecewise(u < 0, 1)", 1, "condition, value pairs")]
    public void ReportsColumnAndWhatWasExpected(string text, int column, string fragment)
    {
        var ex = Assert.Throws<ParseException>(() => Parser.Parse(text));
        Assert.Equal(column, ex.Column);
        Assert.Contains(fragment, ex.Reason);
    }

    [Fact]
    public void RationalParsesExactDecimals()
    {
        Assert.Equal(new Rational(12307, 1000), Rational.Parse("12.307"));
        Assert.Equal(new Rational(-3, 4), Rational.Parse("-3/4"));
        Assert.Equal(new Rational(250), Rational.Parse("2.5E2"));
        Assert.False(Rational.TryParse("1.2.3", out _));
        Assert.Equal(0.1, Rational.Parse("0.1").ToDouble());
        Assert.Equal(new Rational(1, 10) , Rational.Parse("0.1"));
        Assert.Equal(Rational.FromDouble(0.5), new Rational(1, 2));
    }
}

public class RationalTests
{
    [Fact]
    public void ToDoubleIsCorrectlyRounded()
    {
        // For integers below 2^53, p/q in IEEE double is the correctly rounded quotient.
        CsCheck.Gen.Select(CsCheck.Gen.Long[-(1L << 52), 1L << 52], CsCheck.Gen.Long[1, 1L << 52]).SampleDeterministic(t =>
        {
            var (p, q) = t;
            Assert.Equal((double)p / q, new Rational(p, q).ToDouble());
        }, 2000);
    }

    [Fact]
    public void FromDoubleIsExact()
    {
        foreach (var d in new[] { 0.1, -2.5, 1e-300, 123456.789, Math.PI })
            Assert.Equal(d, Rational.FromDouble(d).ToDouble());
    }
}

public class ExactLinearAlgebraTests
{
    private static Rational[][] M(params int[][] rows) => rows.Select(r => r.Select(x => new Rational(x)).ToArray()).ToArray();

    [Fact]
    public void SolveDeterminantAndRankAgree()
    {
        var a = M([2, 1, 0], [1, 3, 1], [0, 1, 4]);
        var x = ExactLinearAlgebra.Solve(a, [new Rational(1), new Rational(2), new Rational(3)])!;
        for (int i = 0; i < 3; i++) Assert.Equal(new Rational(i + 1), ExactLinearAlgebra.Dot(a[i], x));
        Assert.Equal(new Rational(18), ExactLinearAlgebra.Determinant(a));
        Assert.Equal(3, ExactLinearAlgebra.Rank(a));
        var singular = M([1, 2], [2, 4]);
        Assert.Null(ExactLinearAlgebra.Solve(singular, [Rational.One, Rational.One]));
        Assert.Equal(Rational.Zero, ExactLinearAlgebra.Determinant(singular));
        Assert.Equal(1, ExactLinearAlgebra.Rank(singular));
    }
}
