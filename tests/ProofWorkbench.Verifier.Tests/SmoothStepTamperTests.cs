using System.Text.Json.Nodes;

namespace ProofWorkbench.Verifier.Tests;

/// <summary>The C^∞ <c>smoothness</c> binding (order inf, paper 000 Section 6.1's smooth bumps) on the certificates of
/// theorems/zhang2023/recipe-two-point-cinf-d1.yaml: every certificate verifies; a join that is not the smooth step of its
/// neighbours, a wrong identity, a non-smooth anchor or "inf" claimed for a Hermite (C^k) file is rejected.</summary>
[Collection("certificates")]
public class SmoothStepTamperTests(GeneratedCertificates certs)
{
    private IEnumerable<JsonObject> File(string id) =>
        certs.All.Select(c => (JsonObject)JsonNode.Parse(c.Text)!).Where(c => c["theorem_file"]!["id"]!.GetValue<string>() == id);

    private JsonObject Smooth(string file) => File(file).Single(c => c["claim"]!["id"]!.GetValue<string>() == "sigma-smooth");

    private static VerificationResult Verify(JsonObject c) => CertificateVerifier.Verify(c.ToJsonString());

    [Fact]
    public void EveryCertificateOfTheSmoothRecipeIsVerified()
    {
        var all = File("recipe-two-point-cinf-d1").ToList();
        Assert.Equal(7, all.Count);
        foreach (var c in all)
        {
            Assert.Equal("proved", c["verdict"]!.GetValue<string>());
            var r = Verify(c);
            Assert.True(r.Status == VerificationStatus.Verified, $"{c["claim"]!["id"]}: {r.Reason}");
        }
        Assert.Equal(2 + 3, Smooth("recipe-two-point-cinf-d1")["facts"]!.AsArray().Count);
    }

    [Fact]
    public void AJoinThatIsNotTheSmoothStepIsRejected()
    {
        // ψ(t) = e^{−2/t} in the first join instead of e^{−1/t} (the setup and the fact changed alike): still C^∞, but not
        // the step the verifier derives, so the certificate does not show it.
        var c = Smooth("recipe-two-point-cinf-d1");
        c["setup"]!["activation"] = c["setup"]!["activation"]!.GetValue<string>().Replace("exp(-2/(7 + 12*u))", "exp(-4/(7 + 12*u))");
        var r = Verify(c);
        Assert.Equal(VerificationStatus.Rejected, r.Status);
        Assert.Contains("smooth step", r.Reason);
    }

    [Fact]
    public void AWrongInductionStepOrSymmetryIsRejected()
    {
        foreach (int i in new[] { 0, 1 })
        {
            var c = Smooth("recipe-two-point-cinf-d1");
            var fact = c["facts"]![i]!.AsObject();
            fact["expression"] = fact["expression"]!.GetValue<string>() + " + 1";
            Assert.Equal(VerificationStatus.Rejected, Verify(c).Status);
        }
    }

    [Fact]
    public void ANonSmoothAnchorIsRejected()
    {
        var c = Smooth("recipe-two-point-cinf-d1");
        var text = c["setup"]!["activation"]!.GetValue<string>();
        // the last anchor exp(-8*u/9) becomes abs(u)*exp(-8*u/9) (everywhere: the join's g too), which is not C^∞ at 0... nor on ℝ
        c["setup"]!["activation"] = text.Replace("exp(-8*u/9)", "abs(u)*exp(-8*u/9)");
        var r = Verify(c);
        Assert.Equal(VerificationStatus.Rejected, r.Status);
    }

    [Fact]
    public void InfClaimedForAHermiteFileIsRejected()
    {
        var c = Smooth("recipe-two-point-c1-d1");
        c["claim"]!["parameters"]!["order"] = "inf";
        var r = Verify(c);
        Assert.Equal(VerificationStatus.Rejected, r.Status);
        Assert.Contains("alternate anchors", r.Reason);
    }
}
