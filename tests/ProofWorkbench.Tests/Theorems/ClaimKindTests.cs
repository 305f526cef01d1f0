using ProofWorkbench.Theorems.Checkers;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Tests.Theorems;

/// <summary>Each claim kind with an input that must pass and one that must fail.</summary>
public class ClaimKindTests
{
    private static readonly TheoremChecker Checker = new(ClaimCheckers.All());

    /// <summary>Checks one claim (YAML lines indented under "- ") with a small shared setup.</summary>
    public static Verdict VerdictOf(string claimBody, string setup = "activation: \"1/(1+exp(-u))\"")
    {
        var text = $"""
            id: t
            title: T
            source: test
            statement: S
            setup:
              {setup.Replace("\n", "\n  ")}
            claims:
              - id: c
                statement: s
                source: test
                expect: proved
                {claimBody.Replace("\n", "\n    ")}
            """;
        var file = TheoremLoader.Load("t.yaml", text, Checker.Kinds);
        return Assert.Single(Checker.Check(file).Claims).Verdict;
    }

    [Theory]
    [InlineData("kind: equals\nobject: h\nvalue: \"w/x + exp(x*w)/x^2\"", Verdict.Proved)]
    [InlineData("kind: equals\nobject: h\nvalue: \"w/x + exp(x*w)/x\"", Verdict.Refuted)]
    [InlineData("kind: equals\nobject: gradient.a\nvalue: \"2*sigmoid(x*w)*(a*sigmoid(x*w) - y)\"", Verdict.Proved)]
    [InlineData("kind: equals\nobject: flow.a\nvalue: \"2*sigmoid(x*w)*(a*sigmoid(x*w) - y)\"", Verdict.Refuted)]
    [InlineData("kind: equals\nlhs: \"sin(x)^2 + cos(x)^2\"\nrhs: \"1\"", Verdict.Inconclusive)]
    public void EqualsKind(string body, Verdict expected) => Assert.Equal(expected, VerdictOf(body));

    [Theory]
    [InlineData("kind: conserved\nquantity: \"a^2/2 - w/x - exp(x*w)/x^2\"", Verdict.Proved)]
    [InlineData("kind: conserved\nquantity: \"a^2/2 - w/x\"", Verdict.Refuted)]
    public void ConservedKind(string body, Verdict expected) => Assert.Equal(expected, VerdictOf(body));

    [Theory]
    [InlineData("kind: prop61\ninterval: [-10, 10]\ncount: 1", Verdict.Proved)]
    [InlineData("kind: prop61\ninterval: [-10, 10]\ncount: 2", Verdict.Refuted)]
    [InlineData("kind: prop61\ninterval: [-10, 10]\nroots: [1.2784645427610738]\ntolerance: 1e-11", Verdict.Proved)]
    [InlineData("kind: prop61\ninterval: [-10, 10]\nroots: [1.5]", Verdict.Refuted)]
    [InlineData("kind: prop61\nnonzero-on: [[2, 10]]", Verdict.Proved)]
    [InlineData("kind: prop61\nidentically-zero: true", Verdict.Refuted)]
    public void Prop61Kind(string body, Verdict expected) => Assert.Equal(expected, VerdictOf(body));

    private const string LinearSetup = "points:\n  p0: { w: [1, 1], a: 0 }\ndatasets:\n  S: [ { x: [1, 2], y: 1 } ]";

    [Theory]
    [InlineData("kind: kkt\nmodel: linear\nG: \"(w1 - w0_1)^2 + (w2 - w0_2)^2\"\ndataset: S\ntheta0: p0", Verdict.Proved)]
    [InlineData("kind: kkt\nmodel: linear\nG: \"w1^2 + w2^2\"\ndataset: S\ntheta0: p0", Verdict.Refuted)]
    [InlineData("kind: kkt\nmodel: linear\nG: \"(w1 - w0_1)^4 + (w2 - w0_2)^2\"\ndataset: S\ntheta0: p0", Verdict.Refuted)]
    public void KktKind(string body, Verdict expected) => Assert.Equal(expected, VerdictOf(body, LinearSetup));

    // Lemma 6.2's limit for θ₀ = (1/2, 3) is (1/2, −3) on S_b = (3/2, −3σ(3/4)), not on S = (3/2, −2σ(3/4)) (theorem6-2a).
    private const string ReflectedSetup = "activation: \"1/(1+exp(-u))\"\npoints:\n  t0: { w: [1/2], a: 3 }\n  lim: { w: [1/2], a: -3 }\n"
        + "datasets:\n  S: [ { x: [3/2], y: \"-2*sigmoid(3/4)\" } ]\n  Sb: [ { x: [3/2], y: \"-3*sigmoid(3/4)\" } ]";

    [Fact]
    public void KktOneNeuronNeedsThetaInTheMinimumSet()
    {
        const string body = "kind: kkt\nG: \"(w - w0)^2 + (a + a0)^2\"\ntheta0: t0\ntheta: lim\ndataset: ";
        Assert.Equal(Verdict.Proved, VerdictOf(body + "Sb", ReflectedSetup));
        var e = Assert.ThrowsAny<InputException>(() => VerdictOf(body + "S", ReflectedSetup));
        Assert.Contains("is not in M_S of S", e.Message);
    }

    private const string IdentitySetup = "activation: \"u\"\npoints:\n  on: { w: [1], a: 2 }\n  off: { w: [1], a: 3 }\n  start: { w: [1/2], a: 1 }\ndatasets:\n  S: [ { x: [1], y: 2 } ]";

    [Theory]
    [InlineData("kind: in-minimum-set\npoint: on\ndataset: S", Verdict.Proved)]
    [InlineData("kind: in-minimum-set\npoint: off\ndataset: S", Verdict.Refuted)]
    [InlineData("kind: in-minimum-set\nactivation: \"exp(u)\"\npoint: on\ndataset: S\ntolerance: 10", Verdict.Confirmed)]
    [InlineData("kind: in-minimum-set\nactivation: \"exp(u)\"\npoint: on\ndataset: S", Verdict.Refuted)]
    public void InMinimumSetKind(string body, Verdict expected) => Assert.Equal(expected, VerdictOf(body, IdentitySetup));

    [Theory]
    [InlineData("kind: sign\nexpression: \"exp(-u)/(1+exp(-u))^2\"", Verdict.Proved)]
    [InlineData("kind: sign\nexpression: \"x^2 - 2*x + 1/2\"", Verdict.Refuted)]
    [InlineData("kind: sign\nexpression: \"x - 1\"\nassume: [\"x > 1\"]", Verdict.Proved)]
    [InlineData("kind: sign\nexpression: \"x^2\"\nrelation: \">= 0\"", Verdict.Proved)]
    public void SignKind(string body, Verdict expected) => Assert.Equal(expected, VerdictOf(body));

    /// <summary>For σ(u) = u, f = a·w·x: from (1/2, 1) on S = (1, 2) the flow keeps a² − w² = 3/4 and ends where aw = 2.</summary>
    [Theory]
    [InlineData("to: { w: [1.2883526592173677], a: 1.5523699863474762 }", Verdict.Confirmed)]
    [InlineData("to: { w: [1], a: 2 }", Verdict.Refuted)]
    public void ConvergesKind(string target, Verdict expected) =>
        Assert.Equal(expected, VerdictOf($"kind: converges\ndataset: S\nfrom: start\n{target}\ntolerance: 1e-9", IdentitySetup));
}
