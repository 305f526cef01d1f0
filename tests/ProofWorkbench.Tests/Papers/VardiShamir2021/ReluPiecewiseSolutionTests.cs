using ProofWorkbench.Papers.VardiShamir2021;

namespace ProofWorkbench.Tests.Papers.VardiShamir2021;

/// <summary>
/// The exact piecewise solution of paper 002's Theorem 4.1 instances. Reference values were computed independently with
/// mpmath at 40 digits (matrix exponential by mpmath.expm, the crossing by mpmath.findroot; loss ½Σ, σ′(0) = 1).
/// </summary>
public class ReluPiecewiseSolutionTests
{
    private static double[][] X(double g) => [[3, -1, 0], [4, 2, 0], [0, g, g]];
    private static readonly double[] Y = [16, 18, 0];

    [Theory]
    [InlineData(1, 0.16965059612848535, 0.040772919766673468)]
    [InlineData(5, 0.086147473780677066, 0.20904881230540470)]
    [InlineData(2, 0.13831796060759680, 0.11069645835966629)]
    public void Gamma_positive_has_one_crossing_and_the_limit_5_minus1_minus_c(double gamma, double t1, double c)
    {
        var s = ReluPiecewiseSolution.Solve(X(gamma), Y, [0, 0, 0], 1, 0.5);
        Assert.Null(s.Failure);
        var crossing = Assert.Single(s.Crossings);
        Assert.Equal(3, crossing.Sample);
        Assert.Equal("active", crossing.From);
        Assert.Equal(t1, crossing.T, 1e-13);
        Assert.NotNull(s.Limit);
        Assert.Equal(5, s.Limit![0], 1e-12);
        Assert.Equal(-1, s.Limit[1], 1e-12);
        Assert.Equal(-c, s.Limit[2], 1e-13);
    }

    [Fact]
    public void Gamma_zero_converges_to_the_minimum_norm_solution_without_crossing()
    {
        var s = ReluPiecewiseSolution.Solve(X(0), Y, [0, 0, 0], 1, 0.5);
        Assert.Null(s.Failure);
        Assert.Empty(s.Crossings);
        Assert.Equal(5, s.Limit![0], 1e-12);
        Assert.Equal(-1, s.Limit[1], 1e-12);
        Assert.Equal(0, s.Limit[2], 1e-14);
    }

    [Fact]
    public void Loss_scale_changes_the_time_not_the_limit()
    {
        var half = ReluPiecewiseSolution.Solve(X(1), Y, [0, 0, 0], 1, 0.5);
        var full = ReluPiecewiseSolution.Solve(X(1), Y, [0, 0, 0], 1, 1);
        Assert.Equal(half.Crossings[0].T / 2, full.Crossings[0].T, 1e-14);
        Assert.Equal(half.Limit![2], full.Limit![2], 1e-14);
    }

    [Fact]
    public void Derivative_zero_at_the_kink_leaves_the_flow_at_the_origin()
    {
        var s = ReluPiecewiseSolution.Solve(X(1), Y, [0, 0, 0], 0, 0.5);
        Assert.True(s.Stationary);
        Assert.Equal([0.0, 0, 0], s.Limit!);
    }

    [Fact]
    public void Phase_one_matches_the_printed_closed_form()
    {
        // Appendix A, eq. (8): w(t) = (I − e^{−XᵀXt}) X⁻¹y with X⁻¹y = (5, −1, 1) for γ = 1; at t = 0.1, by mpmath.
        var s = ReluPiecewiseSolution.Solve(X(1), Y, [0, 0, 0], 1, 0.5);
        var w = s.At(0.1);
        Assert.Equal(4.3413630329130475, w[0], 1e-13);
        Assert.Equal(0.30622073619959944, w[1], 1e-13);
        Assert.Equal(-0.031274634184282860, w[2], 1e-13);
    }
}
