using ProofWorkbench.Theorems.Files;
using static ProofWorkbench.Tests.Theorems.ClaimKindTests;

namespace ProofWorkbench.Tests.Theorems;

/// <summary>The claim kinds of the generators (issue 12): each with inputs that must pass and inputs that must fail.</summary>
public class ConstructionClaimKindTests
{
    private const string Setup = """
        activation: "1/(1+exp(-u))"
        points:
          theta0: { w: [0.922], a: 2.868 }
          t0: { w: [1/2], a: 2 }
          reflected: { w: [1/2], a: -2 }
          wrong: { w: [1/2], a: -3 }
          shifted: { w: [3/4], a: -2 }
        datasets:
          S1: [ { x: [1], y: 1 } ]
          R1: [ { x: [3/2], y: "-2*sigmoid(3/4)" } ]
          R2: [ { x: [3], y: "-2*sigmoid(3/2)" } ]
          R1again: [ { x: [3/2], y: "-2*sigmoid(3/4)" } ]
          Stay: [ { x: [3/2], y: "2*sigmoid(3/4)" } ]
        """;

    [Theory]
    [InlineData("kind: overlap-exists\nfrom: theta0\ndataset: S1\nx2: [11.92497123627, 11.924971236294]", Verdict.Proved)]
    // no zero of F in this interval: a same-sign F is not a refutation of existence, so inconclusive
    [InlineData("kind: overlap-exists\nfrom: theta0\ndataset: S1\nx2: [11.5, 11.6]", Verdict.Inconclusive)]
    // the coincidence near 3.6077, where θ₂* = θ₁*: F changes sign but the limits are not separated
    [InlineData("kind: overlap-exists\nfrom: theta0\ndataset: S1\nx2: [3.6, 3.61]", Verdict.Inconclusive)]
    // contains the trivial x₂ = x₁
    [InlineData("kind: overlap-exists\nfrom: theta0\ndataset: S1\nx2: [0.5, 2]", Verdict.Inconclusive)]
    public void OverlapExistsKind(string body, Verdict expected) => Assert.Equal(expected, VerdictOf(body, Setup));

    [Theory]
    [InlineData("kind: conserved-limit\ndataset: R1\nfrom: t0\nto: reflected", Verdict.Proved)]
    [InlineData("kind: conserved-limit\ndataset: Stay\nfrom: t0\nto: t0", Verdict.Proved)]
    [InlineData("kind: conserved-limit\ndataset: R1\nfrom: t0\nto: wrong", Verdict.Refuted)]     // not in M_S
    [InlineData("kind: conserved-limit\ndataset: R1\nfrom: t0\nto: t0", Verdict.Refuted)]        // θ₀ ∉ M_S
    [InlineData("kind: conserved-limit\ndataset: Stay\nfrom: t0\nto: shifted", Verdict.Refuted)] // not on the level set
    public void ConservedLimitKind(string body, Verdict expected) => Assert.Equal(expected, VerdictOf(body, Setup));

    [Fact]
    public void ConservedLimitProvesPropositionA1WithTheCorrectedEq15AndRefutesThePrintedOne()
    {
        const string exp = """
            activation: "exp(u)"
            points:
              theta0: { w: [1/2, -1/4], a: 1 }
              target: { w: [1, 1/4], a: 2 }
            datasets:
              corrected: [ { x: [1/3, 1/3], y: "2*exp(5/12)" } ]
              printed: [ { x: [1, 1], y: "2*exp(5/4)" } ]
            """;
        Assert.Equal(Verdict.Proved, VerdictOf("kind: conserved-limit\ndataset: corrected\nfrom: theta0\nto: target", exp));
        Assert.Equal(Verdict.Refuted, VerdictOf("kind: conserved-limit\ndataset: printed\nfrom: theta0\nto: target", exp));
    }

    [Theory]
    [InlineData("kind: directions-independent\npoint: reflected\ndatasets: [R1, R2]", Verdict.Proved)]
    [InlineData("kind: directions-independent\npoint: reflected\ndatasets: [R1, R1again]", Verdict.Inconclusive)]
    [InlineData("kind: directions-independent\npoint: reflected\ndatasets: [R1]", Verdict.Proved)]
    public void DirectionsIndependentKind(string body, Verdict expected) => Assert.Equal(expected, VerdictOf(body, Setup));

    [Fact]
    public void DirectionsIndependentIsRefutedForExactDependentDirections()
    {
        // σ(u) = u² + 1 at w = 0: ∇r = (a·σ′(0)·x, σ(0)) = (0, 1) for every x — exact and dependent.
        const string poly = """
            activation: "u^2 + 1"
            points:
              p: { w: [0], a: 1 }
            datasets:
              A: [ { x: [1], y: 1 } ]
              B: [ { x: [2], y: 1 } ]
            """;
        Assert.Equal(Verdict.Refuted, VerdictOf("kind: directions-independent\npoint: p\ndatasets: [A, B]", poly));
    }
}

/// <summary>The Part A claim kinds: smoothness, parabola-limit, exact-membership — passing and failing inputs.</summary>
public class PartAClaimKindTests
{
    [Theory]
    [InlineData("piecewise(u < 0, 0, u)", 0, Verdict.Proved)]
    [InlineData("piecewise(u < 0, 0, u)", 1, Verdict.Refuted)]
    [InlineData("piecewise(u < 0, 0, u^2)", 1, Verdict.Proved)]
    [InlineData("piecewise(u < 0, 0, u^2)", 2, Verdict.Refuted)]
    [InlineData("piecewise(u < 0, 1 + u, exp(u))", 1, Verdict.Proved)]
    [InlineData("piecewise(u < 0, 1 + u, exp(u))", 2, Verdict.Refuted)]
    [InlineData("piecewise(u < 0, u^2 + (u + 1)/(u + 1), 1 + u^2)", 1, Verdict.Inconclusive)] // one expression after parsing: nothing to compare
    public void SmoothnessKind(string sigma, int order, Verdict expected) =>
        Assert.Equal(expected, VerdictOf($"kind: smoothness\norder: {order}", $"activation: \"{sigma}\""));

    /// <summary>order inf: proved for smooth-step joins; any other form is inconclusive (never refuted: ψ(|u|) is C^∞ too).</summary>
    [Theory]
    [InlineData("piecewise(u <= 0, 1, u < 1, 1 + (exp(u) - 1)*exp(-1/u)/(exp(-1/u) + exp(-1/(1 - u))), exp(u))", Verdict.Proved)]
    [InlineData("piecewise(u <= 0, 1, u < 1, 1 + (exp(u) - 1)*exp(-2/u)/(exp(-2/u) + exp(-2/(1 - u))), exp(u))", Verdict.Inconclusive)]
    [InlineData("piecewise(u < 0, 1 + u, exp(u))", Verdict.Inconclusive)]
    [InlineData("piecewise(u <= 0, abs(u - 5), u < 1, abs(u - 5) + (exp(u) - abs(u - 5))*exp(-1/u)/(exp(-1/u) + exp(-1/(1 - u))), exp(u))", Verdict.Inconclusive)]
    public void SmoothnessInfKind(string sigma, Verdict expected) =>
        Assert.Equal(expected, VerdictOf("kind: smoothness\norder: inf", $"activation: \"{sigma}\""));

    private const string Exp = """
        activation: "piecewise(u < -10, 0, u < 10, exp(u), 1)"
        points:
          theta0: { w: [1/2, -1/4], a: 1 }
          target: { w: [1, 1/4], a: 2 }
        datasets:
          corrected: [ { x: [1/3, 1/3], y: "2*exp(5/12)" } ]
          printed: [ { x: [1, 1], y: "2*exp(5/4)" } ]
          wronglabel: [ { x: [1/3, 1/3], y: "2*exp(1/3)" } ]
        """;

    [Theory]
    [InlineData("dataset: corrected\nfrom: theta0\nto: target\nscale: 1\nexponent: 1", Verdict.Proved)]
    [InlineData("dataset: printed\nfrom: theta0\nto: target\nscale: 1\nexponent: 1", Verdict.Refuted)]     // eq. (15) as printed
    [InlineData("dataset: wronglabel\nfrom: theta0\nto: target\nscale: 1\nexponent: 1", Verdict.Refuted)]  // θ* ∉ M_S
    [InlineData("dataset: corrected\nfrom: theta0\nto: target\nscale: 2\nexponent: 1", Verdict.Refuted)]   // not the piece
    public void ParabolaLimitKind(string body, Verdict expected) => Assert.Equal(expected, VerdictOf("kind: parabola-limit\n" + body, Exp));

    [Fact]
    public void ParabolaLimitIsInconclusiveWhenABreakpointLiesOnThePath()
    {
        var narrow = Exp.Replace("piecewise(u < -10, 0, u < 10, exp(u), 1)", "piecewise(u < 1/4, 0, u < 10, exp(u), 1)");
        Assert.Equal(Verdict.Inconclusive, VerdictOf("kind: parabola-limit\ndataset: corrected\nfrom: theta0\nto: target\nscale: 1\nexponent: 1", narrow));
    }

    [Theory]
    [InlineData("point: target\ndataset: corrected", Verdict.Proved)]
    [InlineData("point: theta0\ndataset: corrected", Verdict.Refuted)]
    public void ExactMembershipKind(string body, Verdict expected) => Assert.Equal(expected, VerdictOf("kind: exact-membership\n" + body, Exp));
}
