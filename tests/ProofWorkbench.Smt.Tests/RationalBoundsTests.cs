using ProofWorkbench.Smt.Translation;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Smt.Tests;

public class RationalBoundsTests
{
    // 40-digit reference values (truncated); the bounds are ~1e-45 wide, so compare with a 1e-38 slack.
    public static TheoryData<string, string> ExpValues => new()
    {
        { "1", "2.718281828459045235360287471352662497757" },
        { "-1", "0.3678794411714423215955237701614608674458" },
        { "4", "54.59815003314423907811026120286087840279" },
        { "-4", "0.01831563888873418029371802127324124221191" },
        { "1/3", "1.395612425086089528628125319602586837597" },
        { "10", "22026.46579480671651695790064528424436635" },
    };

    public static TheoryData<string, string> LogValues => new()
    {
        { "2", "0.6931471805599453094172321214581765680755" },
        { "10", "2.302585092994045684017991454684364207601" },
        { "1/8", "-2.079441541679835928251696364374529704226" },
        { "3", "1.098612288668109691395245236922525704647" },
        { "12307/1000", "2.510168206190199606958621990666123871128" },
    };

    private static Rational Slack(Rational v) => Rational.Parse("1e-36") * (1 + v.Abs());

    [Theory]
    [MemberData(nameof(ExpValues))]
    public void ExpBoundsEncloseTheTrueValue(string c, string value)
    {
        var (lo, hi) = RationalBounds.Exp(Rational.Parse(c))!.Value;
        var v = Rational.Parse(value);
        Assert.True(lo <= v + Slack(v) && v - Slack(v) <= hi, $"e^{c} = {value} not in [{lo.ToDouble()}, {hi.ToDouble()}]");
        Assert.True((hi - lo) < Rational.Parse("1e-30") * (v + 1));
    }

    [Theory]
    [MemberData(nameof(LogValues))]
    public void LogBoundsEncloseTheTrueValue(string c, string value)
    {
        var (lo, hi) = RationalBounds.Log(Rational.Parse(c));
        var v = Rational.Parse(value);
        Assert.True(lo <= v + Slack(v) && v - Slack(v) <= hi, $"log {c} = {value} not in [{lo.ToDouble()}, {hi.ToDouble()}]");
        Assert.True((hi - lo) < Rational.Parse("1e-30"));
    }

    [Fact]
    public void BoundsAgreeWithTheMathLibraryAtManyPoints()
    {
        var random = new Random(7);
        for (int i = 0; i < 300; i++)
        {
            var c = new Rational(random.Next(-40000, 40000), random.Next(10, 2000));
            var (lo, hi) = RationalBounds.Exp(c)!.Value;
            double e = Math.Exp(c.ToDouble());
            double tol = 1e-15 * (4 + Math.Abs(c.ToDouble())); // rounding c to a double moves e^c by |c|·1e-16 relatively
            Assert.True(lo.ToDouble() <= e * (1 + tol) && e <= hi.ToDouble() * (1 + tol), $"exp({c}) = {e} vs [{lo.ToDouble()}, {hi.ToDouble()}]");
            var p = new Rational(random.Next(1, 100000), random.Next(1, 3000));
            var (llo, lhi) = RationalBounds.Log(p);
            double l = Math.Log(p.ToDouble());
            Assert.True(llo.ToDouble() <= l + 1e-14 * (1 + Math.Abs(l)) && l <= lhi.ToDouble() + 1e-14 * (1 + Math.Abs(l)), $"log({p})");
        }
    }

    [Fact]
    public void PiIsBracketed()
    {
        var pi = Rational.Parse("3.141592653589793238462643383279502884197");
        Assert.True(RationalBounds.Pi.Lo < pi && pi < RationalBounds.Pi.Hi);
    }

    [Fact]
    public void DecimalRoundingIsOutward()
    {
        var third = new Rational(1, 3);
        Assert.True(RationalBounds.RoundDecimal(third, 5, up: false) <= third);
        Assert.True(RationalBounds.RoundDecimal(third, 5, up: true) >= third);
        Assert.True(RationalBounds.RoundDecimal(-third, 5, up: false) <= -third);
        Assert.True(RationalBounds.RoundDecimal(-third, 5, up: true) >= -third);
        Assert.Equal(Rational.Parse("0.33333"), RationalBounds.RoundDecimal(third, 5, up: false));
        Assert.True(RationalBounds.RoundDown(third) <= third && third <= RationalBounds.RoundUp(third));
        Assert.Null(RationalBounds.Exp(5000));
    }
}
