using System.Text.Json.Nodes;

namespace ProofWorkbench.Verifier.Tests;

/// <summary>The <c>relu-perturbation</c> binding (paper 001, Theorem 2 / Appendix B) on the certificates of
/// theorems/blanc2020/theorem2-relu-1d.yaml: every one verifies, and the tampering that the generic mutations need not hit —
/// a range wider than the ReLU pattern allows, a changed printed perturbation, a moved pivot — is rejected with its reason.</summary>
[Collection("certificates")]
public class ReluPerturbationTamperTests(GeneratedCertificates certs)
{
    private IEnumerable<(string File, JsonObject Cert)> Relu() =>
        certs.All.Select(c => (c.File, Cert: (JsonObject)JsonNode.Parse(c.Text)!))
            .Where(c => c.Cert["claim"]!["kind"]!.GetValue<string>() == "relu-perturbation");

    private static VerificationResult Verify(JsonObject c) => CertificateVerifier.Verify(c.ToJsonString());

    [Fact]
    public void EveryReluPerturbationCertificateIsVerified()
    {
        var all = Relu().ToList();
        Assert.True(all.Count >= 10, $"only {all.Count} relu-perturbation certificates");
        Assert.All(all, c => Assert.True(Verify(c.Cert).Status == VerificationStatus.Verified, $"{c.File}: {Verify(c.Cert).Reason}"));
    }

    [Fact]
    public void ARangeWiderThanTheFixedPatternIsRejected()
    {
        // Case 1: unit 1's preactivation at a data point changes sign at ε = 1/2; Z3 would still prove ΔR < 0 on (0, 1).
        var c = Relu().Single(c => c.Cert["claim"]!["id"]!.GetValue<string>() == "case1-instance").Cert;
        var facts = c["facts"]!.AsArray();
        var range = facts[facts.Count - 2]!["assumptions"]!.AsArray();
        Assert.Equal("eps < 1/2", range[1]!.GetValue<string>());
        range[1] = "eps < 1";
        var r = Verify(c);
        Assert.Equal(VerificationStatus.Rejected, r.Status);
        Assert.Contains("changes sign", r.Reason);
    }

    [Fact]
    public void AChangedPerturbationOrPivotIsRejected()
    {
        var c = Relu().Single(c => c.Cert["claim"]!["id"]!.GetValue<string>() == "case1-instance").Cert;
        var p = (JsonObject)c.DeepClone();
        p["claim"]!["parameters"]!["perturbation"]!["tb1"] = "b1 + a1*eps*x0/2";
        Assert.Equal(VerificationStatus.Rejected, Verify(p).Status);
        var q = (JsonObject)c.DeepClone();
        q["claim"]!["parameters"]!["x0"] = "4";
        Assert.Equal(VerificationStatus.Rejected, Verify(q).Status);
    }
}
