using System.Text.Json.Nodes;

namespace ProofWorkbench.Verifier.Tests;

/// <summary>The <c>lagrange-second-order</c> binding (paper 001, Theorem 3) on the certificates of
/// theorems/blanc2020/theorem3-two-unit-tanh.yaml: every one verifies, and tampering with the point, the curvature of a
/// direction, a minor or a required sign is rejected.</summary>
[Collection("certificates")]
public class LagrangeSecondOrderTamperTests(GeneratedCertificates certs)
{
    private JsonObject Cert(string id) =>
        certs.All.Select(c => (JsonObject)JsonNode.Parse(c.Text)!)
            .Single(c => c["claim"]!["kind"]!.GetValue<string>() == "lagrange-second-order" && c["claim"]!["id"]!.GetValue<string>() == id);

    private static VerificationResult Verify(JsonObject c) => CertificateVerifier.Verify(c.ToJsonString());

    [Theory]
    [InlineData("symmetric-saddle", "proved")]
    [InlineData("symmetric-not-minimum", "refuted")]
    [InlineData("opposite-signs-saddle", "proved")]
    [InlineData("one-active-minimum", "proved")]
    [InlineData("one-active-not-saddle", "inconclusive")]
    public void EveryCertificateIsVerified(string id, string verdict)
    {
        var c = Cert(id);
        Assert.Equal(verdict, c["verdict"]!.GetValue<string>());
        var r = Verify(c);
        Assert.True(r.Status == VerificationStatus.Verified, r.Reason);
    }

    [Fact]
    public void AMovedPointIsRejected()
    {
        var c = Cert("symmetric-saddle");
        c["claim"]!["parameters"]!["point"]!["c1"] = "(3/4)/sqrt(3/5) + 1/100";
        Assert.Equal(VerificationStatus.Rejected, Verify(c).Status);
        var d = Cert("one-active-minimum");
        d["claim"]!["parameters"]!["y"] = "3/2";
        Assert.Equal(VerificationStatus.Rejected, Verify(d).Status);
    }

    [Fact]
    public void ACurvatureThatIsNoDerivedDirectionsIsRejected()
    {
        var c = Cert("symmetric-saddle");
        var curvature = c["facts"]!.AsArray().Select(f => f!.AsObject()).First(f => f["required_sign"]?.GetValue<int>() == -1);
        Assert.Equal("-12096/78125", curvature["expression"]!.GetValue<string>());
        curvature["expression"] = "-1";
        curvature["enclosure"] = new JsonArray("-1", "-1");
        var r = Verify(c);
        Assert.Equal(VerificationStatus.Rejected, r.Status);
        Assert.Contains("not vᵀHv", r.Reason);
    }

    [Fact]
    public void AFlippedSignOrMinorIsRejected()
    {
        var c = Cert("symmetric-saddle");
        var curvature = c["facts"]!.AsArray().Select(f => f!.AsObject()).First(f => f["required_sign"]?.GetValue<int>() == -1);
        curvature["required_sign"] = 1;
        Assert.Equal(VerificationStatus.Rejected, Verify(c).Status);

        var m = Cert("symmetric-not-minimum");
        var minor = m["facts"]!.AsArray().Select(f => f!.AsObject()).First(f => f["expression"]!.GetValue<string>() == "672/3125");
        minor["expression"] = "-672/3125";
        minor["enclosure"] = new JsonArray("-672/3125", "-672/3125");
        minor["outcome"] = "proves";
        Assert.Equal(VerificationStatus.Rejected, Verify(m).Status);
    }

    [Fact]
    public void AChangedNatureIsRejected()
    {
        var c = Cert("one-active-minimum");
        c["claim"]!["parameters"]!["nature"] = "saddle";
        Assert.Equal(VerificationStatus.Rejected, Verify(c).Status);
    }
}
