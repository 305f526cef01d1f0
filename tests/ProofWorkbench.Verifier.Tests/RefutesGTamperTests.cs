using System.Text.Json.Nodes;

namespace ProofWorkbench.Verifier.Tests;

/// <summary>
/// The refutes-G certificates of theorems/zhang2023/refute (pwb refute's One-point and direct routes, issue 13): every one
/// is verified (the direct ones through validated quadrature too), and each
/// mutation class — a number, a sign, an expression, the verdict, a dropped fact — is rejected with the reason the
/// refutes-G binding gives (the JSON path and what failed).
/// </summary>
[Collection("certificates")]
public class RefutesGTamperTests(GeneratedCertificates certs)
{
    private List<(string File, JsonObject Cert)> RefutesG() =>
        certs.All.Select(c => (c.File, Cert: (JsonObject)JsonNode.Parse(c.Text)!))
            .Where(c => c.Cert["claim"]!["kind"]!.GetValue<string>() == "refutes-G").ToList();

    private static string Route(JsonObject c) => c["claim"]!["parameters"]!["route"]!.GetValue<string>();

    private static bool Reflect(JsonObject c) => Route(c) == "one-point-reflect";

    private static bool OnePoint(JsonObject c) => Route(c).StartsWith("one-point", StringComparison.Ordinal);

    private static bool Direct(JsonObject c) => Route(c) == "direct";

    // Direct certificates whose limit rests on validated quadrature (an integral term: the softplus).
    private static bool Quadrature(JsonObject c) => c["facts"]!.AsArray().Any(f => f!["integral"] is JsonObject);

    private static JsonObject Sample(JsonObject c, string key) =>
        c["setup"]!["datasets"]![c["claim"]!["parameters"]![key] is JsonArray a ? a[0]!.GetValue<string>() : c["claim"]!["parameters"]![key]!.GetValue<string>()]![0]!.AsObject();

    private static bool Proved(JsonObject c) => c["verdict"]!.GetValue<string>() == "proved";

    private static JsonObject Point(JsonObject c, string key) =>
        c["setup"]!["points"]![c["claim"]!["parameters"]![key]!.GetValue<string>()]!.AsObject();

    private void Rejected(Func<JsonObject, bool> select, Func<JsonObject, bool> mutate, string because, int atLeast)
    {
        int n = 0;
        var failures = new List<string>();
        foreach (var (file, cert) in RefutesG().Where(c => select(c.Cert)))
        {
            var copy = (JsonObject)cert.DeepClone();
            if (!mutate(copy)) continue;
            n++;
            var r = CertificateVerifier.Verify(copy.ToJsonString());
            if (r.Status != VerificationStatus.Rejected || !r.Reason.Contains(because, StringComparison.Ordinal) || !r.Reason.Contains("$.", StringComparison.Ordinal))
                failures.Add($"{file}: {r.Status}: {r.Reason}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(n >= atLeast, $"only {n} certificates were tampered");
    }

    [Fact]
    public void EveryRefutesGCertificateIsVerified()
    {
        var all = RefutesG();
        Assert.True(all.Count >= 22, $"only {all.Count} refutes-G certificates");
        foreach (var (file, cert) in all)
        {
            var r = CertificateVerifier.Verify(cert.ToJsonString());
            Assert.True(r.Status == VerificationStatus.Verified, $"{file}: {r.Status}: {r.Reason}");
        }
        Assert.Contains(all, c => Direct(c.Cert) && Proved(c.Cert) && !Quadrature(c.Cert));
        Assert.Contains(all, c => Direct(c.Cert) && Proved(c.Cert) && Quadrature(c.Cert));
        Assert.Contains(all, c => Reflect(c.Cert) && Proved(c.Cert));
        Assert.Contains(all, c => !Reflect(c.Cert) && Proved(c.Cert));
        Assert.Contains(all, c => !Proved(c.Cert));
    }

    [Fact]
    public void ANumberChangedInTheInitialPointIsRejected() => Rejected(OnePoint, c =>
    {
        var p = Point(c, "from");
        p["a"] = (Symbolic.Numbers.Rational.Parse(p["a"]!.GetValue<string>()) + 1).ToString();
        return true;
    }, "$.claim.parameters.limit", 22);

    [Fact]
    public void ANumberChangedInALabelIsRejected() => Rejected(c => Proved(c) && OnePoint(c), c =>
    {
        var sample = Sample(c, "datasets");
        sample["y"] = $"{sample["y"]!.GetValue<string>()} + 1/1000";
        return true;
    }, "is not the derived r_1(θ*)", 20);

    [Fact]
    public void DirectRoute_ANumberChangedInTheLabelOrTheInitialPointIsRejected()
    {
        Rejected(c => Direct(c), c =>
        {
            var sample = Sample(c, "dataset");
            sample["y"] = $"{sample["y"]!.GetValue<string>()} + 1/1000";
            return true;
        }, "level-set function", 6);
        Rejected(c => Direct(c), c =>
        {
            var p = Point(c, "from");
            p["w"]![0] = (Symbolic.Numbers.Rational.Parse(p["w"]![0]!.GetValue<string>()) + new Symbolic.Numbers.Rational(1, 1000)).ToString();
            return true;
        }, "u₀ =", 6);
    }

    [Fact]
    public void DirectRoute_AChangedWitnessOrBracketIsRejected()
    {
        Rejected(c => Direct(c) && Proved(c), c =>
        {
            var w = c["claim"]!["parameters"]!["witness"]!.AsArray();
            w[0] = (Symbolic.Numbers.Rational.Parse(w[0]!.GetValue<string>()) + new Symbolic.Numbers.Rational(1, 8)).ToString();
            return true;
        }, "is not the derived", 4);
        Rejected(c => Direct(c), c =>
        {
            var root = c["facts"]!.AsArray().Single(f => f!["kind"]!.GetValue<string>() == "certified-root")!;
            var b = root["bracket"]!.AsArray();
            b[0] = (Symbolic.Numbers.Rational.Parse(b[0]!.GetValue<string>()) - new Symbolic.Numbers.Rational(1, 1000)).ToString();
            return true;
        }, "not the root's bracket", 4);
    }

    [Fact]
    public void DirectRoute_TheGapWithItsSignFlippedIsRejected() => Rejected(c => Direct(c) && Proved(c), c =>
    {
        var gap = c["facts"]!.AsArray()[^1]!.AsObject();
        gap["expression"] = $"-({gap["expression"]!.GetValue<string>()})";
        var e = gap["enclosure"]!.AsArray();
        (e[0], e[1]) = ((-Symbolic.Numbers.Rational.Parse(e[1]!.GetValue<string>())).ToString(), (-Symbolic.Numbers.Rational.Parse(e[0]!.GetValue<string>())).ToString());
        gap["required_sign"] = -1;
        return true;
    }, "is not the derived", 4);

    [Fact]
    public void TheSignOfTheLimitFlippedIsRejected() => Rejected(OnePoint, c =>
    {
        var p = Point(c, "limit");
        p["a"] = (-Symbolic.Numbers.Rational.Parse(p["a"]!.GetValue<string>())).ToString();
        return true;
    }, "$.claim.parameters.limit", 22);

    [Fact]
    public void TheRangeConditionWithANegativeConstantIsRejected() => Rejected(c => Reflect(c) && Proved(c), c =>
    {
        var f = c["facts"]![2]!.AsObject();
        var goal = f["goal"]!.GetValue<string>();
        f["goal"] = goal.Replace(" - exp(", " + exp(", StringComparison.Ordinal);
        return f["goal"]!.GetValue<string>() != goal;
    }, "range condition", 4);

    [Fact]
    public void AChangedRegularizerIsRejected() => Rejected(c => OnePoint(c), c =>
    {
        var p = c["claim"]!["parameters"]!.AsObject();
        p["regularizer"] = $"{p["regularizer"]!.GetValue<string>()} + (a - w)^2/7";
        return true;
    }, "is not a component of ∇_θG", 22);

    [Fact]
    public void DirectRoute_AChangedRegularizerIsRejected() => Rejected(c => Direct(c), c =>
    {
        var p = c["claim"]!["parameters"]!.AsObject();
        p["regularizer"] = $"{p["regularizer"]!.GetValue<string>()} + (a - w)^2/7";
        return true;
    }, "is not the derived", 4);

    [Fact]
    public void ANonsmoothRegularizerIsRejected() => Rejected(_ => true, c =>
    {
        var p = c["claim"]!["parameters"]!.AsObject();
        p["regularizer"] = $"{p["regularizer"]!.GetValue<string>()} + abs(a)";
        return true;
    }, "must be C¹", 22);

    [Fact]
    public void DirectRoute_AnUndecidedGapTurnedIntoAProofIsRejected() => Rejected(c => Direct(c) && !Proved(c), c =>
    {
        var gap = c["facts"]!.AsArray()[^1]!.AsObject();
        if (gap["outcome"]!.GetValue<string>() != "undecided") return false;
        gap["outcome"] = "proves";
        c["verdict"] = "proved";
        return true;
    }, "$.facts[", 2);

    [Fact]
    public void AnUndecidedGradientTurnedIntoAProofIsRejected() => Rejected(c => OnePoint(c) && !Proved(c), c =>
    {
        var facts = c["facts"]!.AsArray().Select(f => f!.AsObject()).ToList();
        if (facts.Count(f => f["outcome"]!.GetValue<string>() != "proves") != 1) return false;
        var f = facts.Single(f => f["outcome"]!.GetValue<string>() != "proves");
        if (f["kind"]!.GetValue<string>() != "interval-enclosure" || f["box"]!.AsObject().Count == 0) return false;
        f["outcome"] = "proves";
        c["verdict"] = "proved";
        return true;
    }, "contains 0", 1);

    [Fact]
    public void TheVerdictChangedIsRejected() => Rejected(_ => true, c =>
    {
        c["verdict"] = Proved(c) ? "refuted" : "proved";
        return true;
    }, "$.verdict", 22);

    [Fact]
    public void DroppingAnyOneFactIsRejected()
    {
        int n = 0;
        foreach (var (file, cert) in RefutesG().Where(c => Proved(c.Cert)))
            for (int i = 0; i < cert["facts"]!.AsArray().Count; i++)
            {
                var copy = (JsonObject)cert.DeepClone();
                copy["facts"]!.AsArray().RemoveAt(i);
                var r = CertificateVerifier.Verify(copy.ToJsonString());
                Assert.True(r.Status == VerificationStatus.Rejected && r.Reason.Contains("$.", StringComparison.Ordinal), $"{file}, fact {i} dropped: {r.Status}: {r.Reason}");
                n++;
            }
        Assert.True(n >= 100, $"only {n} facts dropped");
    }
}
