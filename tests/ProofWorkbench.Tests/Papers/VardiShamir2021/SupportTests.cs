using ProofWorkbench.Models;
using ProofWorkbench.Papers.VardiShamir2021;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Tests.Papers.VardiShamir2021;

/// <summary>Richardson extrapolation, σ⁻¹ enclosures and the exact affine limit of the last phase.</summary>
public class SupportTests
{
    [Fact]
    public void Richardson_recovers_the_limit_of_a_series_in_eps_squared()
    {
        // f(ε) = −2 + 3ε² − 5ε⁴ + 7ε⁶: three Richardson levels remove ε², ε⁴, ε⁶ exactly (up to round-off).
        double F(double e) => -2 + 3 * e * e - 5 * Math.Pow(e, 4) + 7 * Math.Pow(e, 6);
        var r = Richardson.Of([F(0.4), F(0.2), F(0.1), F(0.05)], 2, 0);
        Assert.Equal(-2, r.Estimate, 1e-12);
        Assert.InRange(r.ObservedOrders[^1], 1.8, 2.2); // the order shows once ε is small
        Assert.True(r.Error < 1e-3);
    }

    [Fact]
    public void Richardson_error_grows_with_the_input_error()
    {
        var clean = Richardson.Of([1.0, 1.0, 1.0], 2, 0);
        var noisy = Richardson.Of([1.0, 1.0, 1.0], 2, 1e-6);
        Assert.Equal(0, clean.Error);
        Assert.True(noisy.Error >= 1e-6);
    }

    [Fact]
    public void Tanh_preimage_is_certified_and_contains_atanh()
    {
        var root = PreimageEnclosure.Of(Activation.Parse("tanh(u)"), new Rational(3, 10), "z");
        Assert.NotNull(root);
        Assert.Equal(1, root!.DerivativeSign);
        Assert.True(root.Bracket.Lo.ToDouble() <= Math.Atanh(0.3) && Math.Atanh(0.3) <= root.Bracket.Hi.ToDouble());
        Assert.True((root.Bracket.Hi - root.Bracket.Lo).ToDouble() < 1e-13);
    }

    [Fact]
    public void Preimage_outside_the_range_is_not_certified()
    {
        Assert.Null(PreimageEnclosure.Of(Activation.Parse("tanh(u)"), new Rational(3, 2), "z"));
    }

    [Fact]
    public void Cubic_preimage_is_found_exactly()
    {
        var sigma = Activation.Parse("u + u^3");
        Assert.Equal(new Rational(1, 2), PreimageEnclosure.Exact(sigma, new Rational(5, 8), 0.5000000000000001));
        Assert.Null(PreimageEnclosure.Exact(sigma, new Rational(1, 3), 0.3221853546));
    }

    [Fact]
    public void Affine_limit_of_gamma0_is_exactly_the_minimum_norm_point()
    {
        var inst = new NeuronInstance("X0", [[3, -1, 0], [4, 2, 0], [0, 0, 0]], [16, 18, 0], [0, 0, 0], 1, new Rational(1, 2)) { Y = [16, 18, 0] };
        var s = ReluPiecewiseSolution.Solve(inst.X, inst.Y, inst.W0, 1, 0.5);
        var l = AffineLimit.Of(inst, s, new Rational(1, 1000))!;
        Assert.Equal(new Rational[] { 5, -1, 0 }, l.AtCenter());
        Assert.All(l.Ranges(), r => Assert.Equal(r.Lo, r.Hi)); // one phase from the exact w₀: radius 0
    }

    [Fact]
    public void Affine_limit_of_gamma1_fixes_w1_w2_and_carries_the_box_in_w3()
    {
        var inst = new NeuronInstance("X1", [[3, -1, 0], [4, 2, 0], [0, 1, 1]], [16, 18, 0], [0, 0, 0], 1, new Rational(1, 2)) { Y = [16, 18, 0] };
        var s = ReluPiecewiseSolution.Solve(inst.X, inst.Y, inst.W0, 1, 0.5);
        var l = AffineLimit.Of(inst, s, new Rational(1, 1000))!;
        var ranges = l.Ranges();
        Assert.Equal((new Rational(5), new Rational(5)), ranges[0]);
        Assert.Equal((new Rational(-1), new Rational(-1)), ranges[1]);
        Assert.Equal(new Rational(1, 500), ranges[2].Hi - ranges[2].Lo);
    }
}
