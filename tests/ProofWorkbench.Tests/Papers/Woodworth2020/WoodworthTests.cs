using ProofWorkbench.Papers.Woodworth2020;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Tests.Theorems;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Tests.Papers.Woodworth2020;

/// <summary>Paper 003 (Woodworth et al.): the KKT solver, the exact interpolants and the claim kinds.</summary>
public class WoodworthTests
{
    private static readonly IReadOnlyList<IReadOnlyList<Rational>> X = [[1, 0, 1], [0, 1, 1]];
    private static readonly IReadOnlyList<Rational> Y = [1, 1];

    // Reference values from mpmath at 40 digits (findroot on Xβ = y, β = 2α² sinh(Xᵀν)); see the report of issue 14.
    [Theory]
    [InlineData(0.1, 0.094132273043990825, 0.90586772695600918)]
    [InlineData(1.0, 0.33034928037326858, 0.66965071962673142)]
    [InlineData(10.0, 0.33333302469242969, 0.66666697530757031)]
    public void KktMatchesHighPrecisionReferenceWithinItsBound(double alpha, double b1, double b3)
    {
        var s = KktSolver.Solve(X, Y, 2, alpha);
        Assert.True(s.Converged, s.Message);
        Assert.True(s.MaxBetaError < 1e-12, $"bound {s.MaxBetaError}");
        Assert.True(Math.Abs(s.Beta[0] - b1) <= s.BetaErrorBound[0] + 1e-16);
        Assert.True(Math.Abs(s.Beta[2] - b3) <= s.BetaErrorBound[2] + 1e-16);
    }

    [Fact]
    public void KktDepth3StaysInsideTheDomainAndInterpolates()
    {
        var s = KktSolver.Solve(X, Y, 3, 0.1);
        Assert.True(s.Converged, s.Message);
        Assert.All(s.Nu, v => Assert.True(double.IsFinite(v)));
        Assert.True(Math.Abs(s.Beta[0] + s.Beta[2] - 1) < 1e-12);
        Assert.True(Math.Abs(s.Beta[1] + s.Beta[2] - 1) < 1e-12);
        Assert.All(s.Beta, b => Assert.True(b > 0)); // α → 0 moves towards β*_L1 = (0, 0, 1), never past it
    }

    [Fact]
    public void ExactL2AndL1References()
    {
        Assert.Equal(new Rational[] { new(1, 3), new(1, 3), new(2, 3) }, ExactInterpolants.MinL2(X, Y));
        var l1 = ExactInterpolants.MinL1(X, Y);
        Assert.Equal(Rational.One, l1.Norm);
        Assert.Equal(new Rational[] { 0, 0, 1 }, Assert.Single(l1.Minimizers));
    }

    [Fact]
    public void L1ReportsEveryOptimalVertexWhenNotUnique()
    {
        // x1 + x2 = 1: every β on the segment is optimal; the vertices are (1, 0) and (0, 1).
        var l1 = ExactInterpolants.MinL1([[1, 1]], [1]);
        Assert.Equal(2, l1.Minimizers.Count);
    }

    [Fact]
    public void DependentRowsAreBadInput() =>
        Assert.Throws<InputException>(() => KktSolver.Solve([[1, 1], [2, 2]], [1, 2], 2, 1));

    [Theory]
    [InlineData("object: conserved\nquantity: \"wp1*wm1\"\ninitial: \"alpha^2\"", Verdict.Proved)]
    [InlineData("object: conserved\nquantity: \"wp1 + wm1\"", Verdict.Refuted)]
    [InlineData("object: flow-field\nloss-scale: 1/2\ncoefficient: 2", Verdict.Proved)]
    [InlineData("object: flow-field\nloss-scale: 1\ncoefficient: 2", Verdict.Refuted)]
    public void DiagonalSymbolicKind(string body, Verdict expected) =>
        Assert.Equal(expected, ClaimKindTests.VerdictOf("kind: diagonal-symbolic\nX: [[1, 0, 1], [0, 1, 1]]\ny: [1, 1]\ndepth: 2\n" + body));

    [Theory]
    [InlineData("value: \"asinh(z/2)\"", Verdict.Proved)]
    [InlineData("value: \"asinh(z)\"", Verdict.Refuted)]
    public void DerivativeEqualsKind(string body, Verdict expected) =>
        Assert.Equal(expected, ClaimKindTests.VerdictOf("kind: derivative-identity\nf: \"2 - sqrt(4 + z^2) + z*asinh(z/2)\"\nvariable: z\n" + body));

    [Theory]
    [InlineData("y: [1, 1]", Verdict.Confirmed)]
    public void ImplicitBiasKind(string data, Verdict expected) =>
        Assert.Equal(expected, ClaimKindTests.VerdictOf($"kind: diagonal-implicit-bias\nX: [[1, 0, 1], [0, 1, 1]]\n{data}\nalphas: [1/2]\nloss-scale: 1/2\ntolerance: 1e-8"));

    // Reference values from mpmath at 50 digits (findroot on Xβ = y, β = 2α² sinh(Xᵀν), continued from large α):
    // at α = 1e-4, ‖β̂_α‖₁ = 1.00009999499913, ‖β̂_α − β*_L1‖₂ = 1.73196e-4, ‖β̂_α − β*_L2‖₂ = 0.577177.
    [Fact]
    public void SweepAtTheRichEndMatchesTheHighPrecisionReference()
    {
        var inst = new DiagonalInstance(X, Y);
        var p = AlphaSweep.Run(inst, [1e-4, 1e-3], [0, 0, 1], [new(1, 3), new(1, 3), new(2, 3)]);
        Assert.True(Math.Abs(p[0].L1Norm - 1.00009999499913) <= p[0].L1NormError + 1e-14, $"{p[0].L1Norm}");
        Assert.True(Math.Abs(p[0].DistanceToL1 - 1.73196e-4) < 1e-9);
        Assert.True(Math.Abs(p[0].DistanceToL2 - 0.577177) < 1e-6);
        Assert.True(p[0].DistanceToL1 < p[1].DistanceToL1);
    }

    [Fact]
    public void SweepGridHasExactDecadesAndTheRightLength()
    {
        var g = AlphaSweep.Grid(-2, 1, 4);
        Assert.Equal(13, g.Count);
        Assert.Equal(0.01, g[0]);
        Assert.Equal(0.1, g[4]);
        Assert.Equal(10.0, g[^1]);
        Assert.Throws<InputException>(() => AlphaSweep.Grid(1, 1, 4));
    }

    [Fact]
    public void LargestDecreaseSeesOnlyDecreases()
    {
        Assert.Equal(0, AlphaSweep.LargestDecrease([1, 2, 3], [0, 0, 0]).Decrease);
        Assert.Equal(0.5, AlphaSweep.LargestDecrease([1, 2, 1.5, 3], [0, 0, 0, 0]).Decrease);
    }

    private const string Sweep = "kind: diagonal-alpha-sweep\nX: [[1, 0, 1], [0, 1, 1]]\ny: [1, 1]\nalpha-from: 1/1000\nalpha-to: 10\npoints-per-decade: 2\n"
        + "flow-alphas: [1/100, 1]\nloss-scale: 1/2\nl2-end-tolerance: 1e-5\nmonotone-tolerance: 1e-12\nflow-tolerance: 1e-6\n";

    [Theory]
    [InlineData("l1-end-tolerance: 1e-2", Verdict.Confirmed)]
    [InlineData("l1-end-tolerance: 1e-4", Verdict.Refuted)] // ‖β̂_α − β*_L1‖₂ = 1.73e-3 at α = 1e-3
    public void AlphaSweepKind(string body, Verdict expected) =>
        Assert.Equal(expected, ClaimKindTests.VerdictOf(Sweep + body));

    [Fact]
    public void AlphaSweepRejectsANonPowerOfTen() =>
        Assert.ThrowsAny<InputException>(() => ClaimKindTests.VerdictOf(Sweep.Replace("alpha-from: 1/1000", "alpha-from: 1/3") + "l1-end-tolerance: 1e-2"));

    [Fact]
    public void NullVectorIsExactAndInteger()
    {
        var n = NullLineEnclosure.NullVector(X)!;
        Assert.Equal(new Rational[] { 1, 1, -1 }, n.Select(v => v.Sign * n[0].Sign == 0 ? v : v * n[0].Sign).ToArray());
        Assert.Null(NullLineEnclosure.NullVector([[1, 0, 1, 2], [0, 1, 1, 0]]));
    }

    // mpmath reference (see KktMatchesHighPrecisionReferenceWithinItsBound): β₁ = 0.094132273043990825 at α = 0.1.
    [Fact]
    public void LineEnclosureContainsTheHighPrecisionReference()
    {
        var enc = NullLineEnclosure.Enclose(X, [0, 0, 1], 0.1, null)!;
        double lo = Math.Min(enc.TLow, enc.THigh), hi = Math.Max(enc.TLow, enc.THigh);
        // β = (0, 0, 1) + t(1, 1, −1) up to the sign of n: |t| = β₁.
        Assert.True(Math.Abs(lo) <= 0.094132273043990825 + 1e-15 || Math.Abs(hi) <= 0.094132273043990825 + 1e-15);
        Assert.True(hi - lo < 1e-12, $"width {hi - lo}");
        Assert.True(Math.Abs(enc.Mid[0] - 0.094132273043990825) < 1e-12);
    }

    [Fact]
    public void LineEnclosureWorksWhereTheDualBoundDoesNot()
    {
        const double alpha = 9.357622969e-14; // Theorem 2's ℓ1 threshold at ε = 1/10 on this instance
        Assert.False(double.IsFinite(KktSolver.SolveByContinuation(X, Y, 2, alpha).MaxBetaError) && KktSolver.SolveByContinuation(X, Y, 2, alpha).MaxBetaError < 1e-6);
        var enc = NullLineEnclosure.Enclose(X, [0, 0, 1], alpha, null)!;
        double excess = enc.Mid.Sum(Math.Abs) - 1; // ‖β̂_α‖₁ − 1 = β₁ ≈ α (mpmath: 9.33e-14)
        Assert.InRange(excess, 0.5 * alpha, 1.5 * alpha);
        Assert.True(enc.L1Upper < 1 + 1e-12);
    }

    [Fact]
    public void ProofThresholdsAsPrinted()
    {
        Assert.Equal(1.0 / 6, Theorem2Thresholds.TheoremL1(2, 1, 3), 12);
        Assert.Equal(0.1, Theorem2Thresholds.ProofL1(2, 1, 3), 12);
        Assert.True(Theorem2Thresholds.TheoremL2(0.5, 1) > Theorem2Thresholds.ProofL2(0.5, 1));
        Assert.True(Theorem2Thresholds.TheoremL2(1, 1) < Theorem2Thresholds.ProofL2(1, 1));
    }

    [Theory]
    [InlineData("l1-threshold-covers-proof", "[1/2]", Verdict.Confirmed)]
    [InlineData("l1-threshold-covers-proof", "[2]", Verdict.Refuted)]
    [InlineData("l1-direct-bound", "[1/10, 2]", Verdict.Confirmed)]
    [InlineData("l2-threshold-covers-proof", "[1]", Verdict.Refuted)]
    public void Theorem2ProofKind(string part, string epsilons, Verdict expected) =>
        Assert.Equal(expected, ClaimKindTests.VerdictOf($"kind: diagonal-theorem2-proof\nX: [[1, 0, 1], [0, 1, 1]]\ny: [1, 1]\npart: {part}\nepsilons: {epsilons}"));
}
