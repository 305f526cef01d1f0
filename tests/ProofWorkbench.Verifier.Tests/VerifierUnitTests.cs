using System.Text.Json.Nodes;
using ProofWorkbench.Cli.Commands;
using ProofWorkbench.Symbolic.Parsing;
using ProofWorkbench.Verifier.Facts;

namespace ProofWorkbench.Verifier.Tests;

/// <summary>Unit tests of the fact re-checkers, the claim bindings, the verdict rule and the format checks, on small
/// hand-written certificates.</summary>
public class VerifierUnitTests
{
    private static string Cert(string kind, JsonObject parameters, JsonArray facts, string verdict, JsonObject? setup = null) => new JsonObject
    {
        ["format"] = "proofworkbench-certificate",
        ["version"] = 1,
        ["theorem_file"] = new JsonObject { ["id"] = "t", ["title"] = "t", ["source"] = "test" },
        ["claim"] = new JsonObject { ["id"] = "c", ["kind"] = kind, ["statement"] = "s", ["source"] = "test", ["expected"] = verdict, ["parameters"] = parameters },
        ["setup"] = setup ?? new JsonObject { ["activation"] = "1/(1 + exp(-u))" },
        ["facts"] = facts,
        ["context"] = new JsonArray(),
        ["verdict"] = verdict,
        ["explanation"] = "e",
    }.ToJsonString();

    private static JsonObject Identity(string e, string zero, string outcome) => new()
    { ["kind"] = "exact-identity", ["label"] = "l", ["outcome"] = outcome, ["expression"] = e, ["zero_test"] = zero };

    private static FactCheck Recheck(JsonObject fact) => FactRecheckers.Recheck(new J(fact, "$.facts[0]"));

    [Fact]
    public void EqualsLhsRhsIsVerified()
    {
        var r = CertificateVerifier.Verify(Cert("equals", new() { ["lhs"] = "(x + 1)^2", ["rhs"] = "x^2 + 2*x + 1" }, [Identity("(x + 1)^2 - (x^2 + 2*x + 1)", "zero", "proves")], "proved"));
        Assert.Equal(VerificationStatus.Verified, r.Status);
    }

    private static JsonObject Smt(string goal) => new()
    {
        ["kind"] = "smt-check", ["label"] = "l", ["outcome"] = "proves", ["goal"] = goal, ["assumptions"] = new JsonArray(), ["domain"] = new JsonArray(),
        ["answer"] = "proved", ["witness"] = new JsonObject(), ["explanation"] = "e", ["script"] = "",
    };

    [Fact]
    public void AnEqualsClaimProvedByZ3OnItsWrittenDomainIsVerifiedButNotOnASmallerOne()
    {
        var parameters = new JsonObject { ["lhs"] = "sqrt(x)^2", ["rhs"] = "x" };
        var ok = CertificateVerifier.Verify(Cert("equals", parameters, [Smt("sqrt(x)^2 - x == 0")], "proved"));
        Assert.True(ok.Status == VerificationStatus.Verified, ok.Reason);
        // The same difference, written so that its domain also excludes x = 1: Z3 proves it, but on less than the claim's domain.
        var smaller = CertificateVerifier.Verify(Cert("equals", (JsonObject)parameters.DeepClone(), [Smt("(sqrt(x)^2 - x)*(x - 1)/(x - 1) == 0")], "proved"));
        Assert.Equal(VerificationStatus.Rejected, smaller.Status);
        Assert.Contains("$.facts[0].goal", smaller.Reason);
        Assert.Contains("x - 1 != 0", smaller.Reason);
    }

    [Fact]
    public void AnIdentityOfAnotherExpressionIsRejectedNamingTheFact()
    {
        var r = CertificateVerifier.Verify(Cert("equals", new() { ["lhs"] = "(x + 1)^2", ["rhs"] = "x^2 + 2*x + 1" }, [Identity("x - 1", "nonzero", "refutes")], "refuted"));
        Assert.Equal(VerificationStatus.Rejected, r.Status);
        Assert.Contains("$.facts[0].expression", r.Reason);
    }

    [Fact]
    public void AWrongZeroTestIsRejected()
    {
        var ex = Assert.Throws<RejectException>(() => Recheck(Identity("x + 1", "zero", "proves")));
        Assert.Contains("nonzero", ex.Message);
    }

    [Fact]
    public void TheHOfTheSigmoidIsBoundByItsDerivative()
    {
        var ok = CertificateVerifier.Verify(Cert("equals", new() { ["activation"] = "1/(1 + exp(-u))", ["object"] = "h", ["value"] = "w/x + exp(w*x)/x^2" },
            [Identity("(exp(w*x) + w*x)/x^2 - w/x - exp(w*x)/x^2", "zero", "proves")], "proved"));
        Assert.Equal(VerificationStatus.Verified, ok.Status);
        var wrong = CertificateVerifier.Verify(Cert("equals", new() { ["activation"] = "1/(1 + exp(-u))", ["object"] = "h", ["value"] = "w/x + exp(w*x)/x" },
            [Identity("0", "zero", "proves")], "proved"));
        Assert.Equal(VerificationStatus.Rejected, wrong.Status);
    }

    [Fact]
    public void TheConservedBindingDifferentiatesItself()
    {
        var p = new JsonObject { ["activation"] = "exp(u)", ["quantity"] = "w - a^2*x/2" };
        Assert.Equal(VerificationStatus.Verified, CertificateVerifier.Verify(Cert("conserved", p, [Identity("0", "zero", "proves")], "proved")).Status);
        var q = new JsonObject { ["activation"] = "exp(u)", ["quantity"] = "w - a^2*x" };
        var r = CertificateVerifier.Verify(Cert("conserved", q, [Identity("0", "zero", "proves")], "proved"));
        Assert.Equal(VerificationStatus.Rejected, r.Status);
        Assert.Contains("Lie derivative", r.Reason);
    }

    [Fact]
    public void ASignClaimIsReprovedByZ3AndAFalseOneRejected()
    {
        JsonObject Smt(string goal, string answer, string outcome, JsonObject? witness = null) => new()
        {
            ["kind"] = "smt-check", ["label"] = "l", ["outcome"] = outcome, ["goal"] = goal, ["assumptions"] = new JsonArray(),
            ["answer"] = answer, ["witness"] = witness ?? new JsonObject(), ["explanation"] = "", ["script"] = "(assert false)",
        };
        Assert.Equal(VerificationStatus.Verified, CertificateVerifier.Verify(Cert("sign", new() { ["expression"] = "exp(u) + 1" }, [Smt("exp(u) + 1 > 0", "proved", "proves")], "proved")).Status);
        var lie = CertificateVerifier.Verify(Cert("sign", new() { ["expression"] = "u - 1" }, [Smt("u - 1 > 0", "proved", "proves")], "proved"));
        Assert.Equal(VerificationStatus.Rejected, lie.Status);
        Assert.Contains("Z3", lie.Reason);
        var refuted = CertificateVerifier.Verify(Cert("sign", new() { ["expression"] = "u - 1" }, [Smt("u - 1 > 0", "refuted", "refutes", new() { ["u"] = "0" })], "refuted"));
        Assert.Equal(VerificationStatus.Verified, refuted.Status);
        var badWitness = CertificateVerifier.Verify(Cert("sign", new() { ["expression"] = "u - 1" }, [Smt("u - 1 > 0", "refuted", "refutes", new() { ["u"] = "2" })], "refuted"));
        Assert.Equal(VerificationStatus.Rejected, badWitness.Status);
        Assert.Contains("witness", badWitness.Reason);
    }

    [Fact]
    public void ExactValuesAreReEvaluated()
    {
        JsonObject V(string value) => new() { ["kind"] = "exact-value", ["label"] = "l", ["outcome"] = value == "0" ? "proves" : "refutes", ["expression"] = "2*w - 1", ["at"] = new JsonObject { ["w"] = "1/2" }, ["value"] = value, ["tolerance"] = null };
        Assert.Equal("proves", Recheck(V("0")).Outcome);
        Assert.Throws<RejectException>(() => Recheck(V("1")));
    }

    [Fact]
    public void RanksAndDeterminantsAreRecomputed()
    {
        JsonObject M(string det, int rank) => new()
        {
            ["kind"] = "linear-algebra", ["label"] = "l", ["outcome"] = "proves", ["matrix"] = new JsonArray(new JsonArray("1", "2"), new JsonArray("3", "4")),
            ["determinant"] = det, ["rank"] = rank, ["needs_full_rank"] = true,
        };
        Assert.Equal("proves", Recheck(M("-2", 2)).Outcome);
        Assert.Contains("determinant", Assert.Throws<RejectException>(() => Recheck(M("2", 2))).Message);
        Assert.Contains("rank", Assert.Throws<RejectException>(() => Recheck(M("-2", 1))).Message);
    }

    [Fact]
    public void EnclosuresAreReEvaluatedWithOutwardRoundedIntervals()
    {
        JsonObject E(string lo, string hi) => new()
        {
            ["kind"] = "interval-enclosure", ["label"] = "l", ["outcome"] = "confirms", ["expression"] = "exp(x) - 2",
            ["box"] = new JsonObject { ["x"] = new JsonArray("0", "1") }, ["enclosure"] = new JsonArray(lo, hi), ["tolerance"] = "2",
        };
        Assert.Equal("confirms", Recheck(E("-2", "1")).Outcome);
        Assert.Contains("not enclosed", Assert.Throws<RejectException>(() => Recheck(E("1", "2"))).Message);
    }

    [Fact]
    public void CertifiedRootsNeedBothSignsAndAMonotoneBracket()
    {
        JsonObject R(string lo, string hi, int slo, int shi, int ds) => new()
        {
            ["kind"] = "certified-root", ["label"] = "l", ["outcome"] = "proves", ["function"] = "x^2 - 2", ["variable"] = "x",
            ["bracket"] = new JsonArray(lo, hi), ["sign_at_lo"] = slo, ["sign_at_hi"] = shi, ["derivative_sign"] = ds,
        };
        Assert.Equal("proves", Recheck(R("1", "2", -1, 1, 1)).Outcome);
        Assert.Throws<RejectException>(() => Recheck(R("1", "2", 1, 1, 1)));       // wrong sign at lo
        Assert.Throws<RejectException>(() => Recheck(R("-2", "2", 1, 1, -1)));     // derivative not of one sign
    }

    [Fact]
    public void IsolatedZerosMustBeCompleteWhenSaid()
    {
        JsonObject Z(params JsonArray[] roots) => new()
        {
            ["kind"] = "isolated-zeros", ["label"] = "l", ["outcome"] = "proves", ["function"] = "x^2 - 2", ["variable"] = "x",
            ["domain"] = new JsonArray("0", "2"), ["roots"] = new JsonArray(roots), ["complete"] = true,
        };
        Assert.True(Recheck(Z(new JsonArray("1414/1000", "1415/1000"))).Rechecked);
        Assert.Contains("complete", Assert.Throws<RejectException>(() => Recheck(Z())).Message);
    }

    [Fact]
    public void ANumericEstimateIsNumericNotVerified()
    {
        var fact = new JsonObject
        {
            ["kind"] = "numeric-estimate", ["label"] = "l", ["outcome"] = "confirms", ["value"] = "1/1000", ["error_bound"] = "1/10000",
            ["tolerance"] = "1/100", ["method"] = "m", ["statistics"] = new JsonObject(),
        };
        var r = CertificateVerifier.Verify(Cert("one-point-overlap", [], [fact.DeepClone()], "confirmed"));
        Assert.Equal(VerificationStatus.Unsupported, r.Status);
        Assert.True(r.Numeric);
        fact["value"] = "1"; // beyond the tolerance: the stated outcome no longer follows
        Assert.Equal(VerificationStatus.Rejected, CertificateVerifier.Verify(Cert("one-point-overlap", [], [fact], "confirmed")).Status);
    }

    [Fact]
    public void NoFactsNeverGiveProved()
    {
        var r = CertificateVerifier.Verify(Cert("converges", [], [], "proved"));
        Assert.Equal(VerificationStatus.Rejected, r.Status);
        Assert.Contains("$.verdict", r.Reason);
    }

    [Theory]
    [InlineData("{", "$")]
    [InlineData("{\"format\": \"proofworkbench-certificate\", \"version\": 2}", "$.version")]
    [InlineData("{\"format\": \"x\"}", "$.format")]
    public void MalformedInputNamesTheJsonPath(string text, string path)
    {
        var ex = Assert.Throws<CertificateFormatException>(() => CertificateVerifier.Verify(text));
        Assert.Equal(path, ex.Path);
    }

    [Fact]
    public void TheVerdictRuleIsTheProjectsRule()
    {
        Assert.Equal("refuted", Outcomes.Verdict(["proves", "refutes", "undecided"]));
        Assert.Equal("inconclusive", Outcomes.Verdict(["proves", "undecided", "confirms"]));
        Assert.Equal("confirmed", Outcomes.Verdict(["proves", "confirms"]));
        Assert.Equal("proved", Outcomes.Verdict(["proves", "informs"]));
        Assert.Equal("inconclusive", Outcomes.Verdict(["informs"]));
    }

    [Fact]
    public void TheCommandExpandsDoubleStarPatternsAndDirectories()
    {
        var dir = Path.Combine(Path.GetTempPath(), "pwb-verify-glob-" + Guid.NewGuid().ToString("N"));
        var deep = Path.Combine(dir, "zhang2023", "x.certificates");
        Directory.CreateDirectory(deep);
        try
        {
            var good = Cert("equals", new() { ["lhs"] = "x", ["rhs"] = "x" }, [Identity("x - x", "zero", "proves")], "proved");
            File.WriteAllText(Path.Combine(deep, "a.json"), good);
            File.WriteAllText(Path.Combine(deep, "b.json"), good.Replace("\"verdict\":\"proved\"", "\"verdict\":\"refuted\""));
            Assert.Equal(2, VerifyCommand.Expand(dir + "/**/*.json").Count);
            Assert.Equal(2, VerifyCommand.Expand(dir + "/*/*/*.json").Count);
            Assert.Equal(2, VerifyCommand.Expand(dir).Count);
            var o = new StringWriter();
            Assert.Equal(1, VerifyCommand.Run([dir + "/**/*.json"], false, o, TextWriter.Null));
            Assert.Contains("2 certificate(s): 1 verified, 0 unsupported (0 numeric, not verified), 1 rejected.", o.ToString());
            File.WriteAllText(Path.Combine(deep, "c.json"), "{");
            var e = new StringWriter();
            Assert.Equal(2, VerifyCommand.Run([dir], true, TextWriter.Null, e));
            Assert.Contains("c.json: $:", e.ToString());
            Assert.Equal(2, VerifyCommand.Run([dir + "/nothing/*.json"], false, TextWriter.Null, TextWriter.Null));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData("exp(1) - 2.71828182845904523536028747135266249", 1)]
    [InlineData("exp(1) - 2.71828182845904523536028747135266250", -1)]
    [InlineData("exp(5673527/500000) - 84715.511629976184218715471080893022", 1)]
    [InlineData("exp(5673527/500000) - 84715.511629976184218715471080893023", -1)]
    [InlineData("log(1 + exp(9/50)) - 0.78719172484078190094786172650206503", 1)]
    [InlineData("log(1 + exp(9/50)) - 0.78719172484078190094786172650206504", -1)]
    [InlineData("log(1/1000) + 6.9077552789821370520539743640530926", -1)]
    [InlineData("sin(1)", 0)]
    public void PreciseSignsAgreeWithMpmathAt35Digits(string e, int sign) => Assert.Equal(sign, Precise.Sign(Parser.Parse(e)));
    [Fact]
    public void AnAlgebraicWitnessIsPinnedBySturmAndCheckedExactly()
    {
        // At √2 = (root-obj (+ (^ x 2) (- 2)) 2), x^2 - 2 = 0 exactly, so "x^2 - 2 > 0" is refuted there; intervals around
        // √2 cannot decide that, the pins P(x) = 0, lo < x < hi can.
        JsonObject Smt(string goal, string witness) => new()
        {
            ["kind"] = "smt-check", ["label"] = "l", ["outcome"] = "refutes", ["goal"] = goal, ["assumptions"] = new JsonArray("x > 0"),
            ["answer"] = "refuted", ["witness"] = new JsonObject { ["x"] = witness }, ["explanation"] = "", ["script"] = "",
        };
        JsonObject P(string e) => new() { ["expression"] = e, ["assume"] = new JsonArray("x > 0") };
        var root2 = "(root-obj (+ (^ x 2) (- 2)) 2)";
        var ok = CertificateVerifier.Verify(Cert("sign", P("x^2 - 2"), [Smt("x^2 - 2 > 0", root2)], "refuted"));
        Assert.True(ok.Status == VerificationStatus.Verified, ok.Reason);
        // The first root is -√2: the assumption x > 0 fails there.
        var first = CertificateVerifier.Verify(Cert("sign", P("x^2 - 2"), [Smt("x^2 - 2 > 0", "(root-obj (+ (^ x 2) (- 2)) 1)")], "refuted"));
        Assert.Equal(VerificationStatus.Rejected, first.Status);
        Assert.Contains("assumption", first.Reason);
        // x^2 - 3 has its positive root at √3, where x^2 - 2 > 0 holds: the goal does not fail.
        var other = CertificateVerifier.Verify(Cert("sign", P("x^2 - 2"), [Smt("x^2 - 2 > 0", "(root-obj (+ (^ x 2) (- 3)) 2)")], "refuted"));
        Assert.Equal(VerificationStatus.Rejected, other.Status);
        Assert.Contains("goal", other.Reason);
        // There is no third root, and junk is not a number.
        foreach (var bad in new[] { "(root-obj (+ (^ x 2) (- 2)) 3)", "(root-obj (+ (^ x 2) (exp x)) 1)", "(root-obj (+ (^ x 2) (- 2)) 1" })
        {
            var r = CertificateVerifier.Verify(Cert("sign", P("x^2 - 2"), [Smt("x^2 - 2 > 0", bad)], "refuted"));
            Assert.Equal(VerificationStatus.Rejected, r.Status);
            Assert.Contains("witness", r.Reason);
        }
    }
}
