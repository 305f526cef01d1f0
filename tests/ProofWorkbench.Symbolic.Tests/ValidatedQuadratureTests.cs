using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Parsing;

namespace ProofWorkbench.Symbolic.Tests;

public class ValidatedQuadratureTests
{
    private static Interval Integral(string f, double a, double b) => ValidatedQuadrature.Integrate(Parser.Parse(f), "t", a, b);

    [Theory]
    // Closed forms: e − 1; log 2 (∫_0^1 1/(1+t)); π/4 (∫_0^1 1/(1+t²)); 2·log(cosh(2)) (∫_{−1}^{3} tanh t = log cosh 3 − log cosh 1).
    [InlineData("exp(t)", 0, 1, 1.7182818284590452)]
    [InlineData("1/(1+t)", 0, 1, 0.69314718055994531)]
    [InlineData("1/(1+t^2)", 0, 1, 0.78539816339744831)]
    [InlineData("tanh(t)", -1, 3, 1.8755476740947580)]
    public void EnclosesKnownIntegralsTightly(string f, double a, double b, double exact)
    {
        var r = Integral(f, a, b);
        Assert.True(r.Lo <= exact && exact <= r.Hi, $"{r} misses {exact:R}");
        Assert.True(r.Width < 1e-13, $"width {r.Width:R}");
    }

    [Fact]
    public void ReversedEndsNegate()
    {
        var forward = Integral("exp(t)", 0, 1);
        var backward = Integral("exp(t)", 1, 0);
        Assert.Equal(-forward.Hi, backward.Lo);
    }

    [Fact]
    public void SoftplusRatioMatchesMpmath()
    {
        // ∫_0^2 softplus(t)/sigmoid(t) dt = ∫ log(1+e^t)(1+e^{−t}) dt, by mpmath.quad at 40 digits:
        // 3.6629724939882216... (bench/validated_limits.py recomputes it).
        var r = Integral("log(1+exp(t))*(1+exp(-t))", 0, 2);
        Assert.True(r.Lo <= 3.6629724939882216 + 1e-15 && 3.6629724939882216 - 1e-15 <= r.Hi, r.ToString());
        Assert.True(r.Width < 1e-13, r.Width.ToString("R"));
    }

    [Fact]
    public void InterpretsUncertainEndsSoundly()
    {
        var from = new Interval(-1e-9, 1e-9);
        var r = ValidatedQuadrature.Integrate(Parser.Parse("exp(t)"), "t", from, Interval.Point(1));
        // e − e^a for a ∈ [−1e-9, 1e-9] spans about 2e-9.
        Assert.True(r.Lo <= Math.E - Math.Exp(1e-9) && Math.E - Math.Exp(-1e-9) <= r.Hi);
        Assert.True(r.Width < 3e-9);
    }

    [Fact]
    public void SingularIntegrandGivesTheWholeLine()
    {
        var r = Integral("1/t", -1, 1);
        Assert.False(double.IsFinite(r.Lo) && double.IsFinite(r.Hi));
    }

    [Fact]
    public void JetCoefficientsEncloseDerivatives()
    {
        // sigmoid at 0: σ = 1/2, σ′ = 1/4, σ″/2 = 0, σ‴/6 = −1/48.
        var jet = IntervalTaylor.Jet(Parser.Parse("sigmoid(t)"), "t", Interval.Point(0), 3);
        double[] expected = [0.5, 0.25, 0, -1.0 / 48];
        for (int k = 0; k <= 3; k++) Assert.True(jet[k].Lo <= expected[k] && expected[k] <= jet[k].Hi, $"k = {k}: {jet[k]}");
    }
}
