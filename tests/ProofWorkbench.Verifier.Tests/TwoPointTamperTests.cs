using System.Text.Json.Nodes;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Verifier.Tests;

/// <summary>
/// The trace-back overlap certificates (<c>overlap-exists</c>, written by <c>pwb construct two-point</c>, and <c>refutes-G</c>
/// by the two-point route of <c>pwb refute</c>, Lemma 5.1): every one is verified, and each mutation class — a number, a sign,
/// an end of the x₂ interval, the activation, the verdict, a dropped fact — is rejected with the reason the binding gives.
/// </summary>
[Collection("certificates")]
public class TwoPointTamperTests(GeneratedCertificates certs)
{
    private static string Kind(JsonObject c) => c["claim"]!["kind"]!.GetValue<string>();

    private static string? Route(JsonObject c) => c["claim"]!["parameters"]!["route"]?.GetValue<string>();

    private static bool TraceBack(JsonObject c) => Kind(c) == "overlap-exists" || Route(c) == "two-point-trace-back";

    private static bool Recipe(JsonObject c) => Route(c) == "two-point-recipe";

    private static bool Proved(JsonObject c) => c["verdict"]!.GetValue<string>() == "proved";

    private List<(string File, JsonObject Cert)> Certificates(Func<JsonObject, bool> select) =>
        certs.All.Select(c => (c.File, Cert: (JsonObject)JsonNode.Parse(c.Text)!)).Where(c => select(c.Cert)).ToList();

    private void Rejected(Func<JsonObject, bool> select, Func<JsonObject, bool> mutate, string because, int atLeast)
    {
        int n = 0;
        var failures = new List<string>();
        foreach (var (file, cert) in Certificates(select))
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

    private static JsonObject Fact(JsonObject c, string labelPart) =>
        c["facts"]!.AsArray().Select(f => f!.AsObject()).First(f => f["label"]!.GetValue<string>().Contains(labelPart, StringComparison.Ordinal));

    [Fact]
    public void EveryProvedOverlapCertificateIsVerified()
    {
        var all = Certificates(c => (TraceBack(c) || Recipe(c)) && Proved(c));
        Assert.Contains(all, c => Kind(c.Cert) == "overlap-exists");
        Assert.True(all.Count(c => Kind(c.Cert) == "refutes-G" && TraceBack(c.Cert)) >= 2, "fewer than two proved trace-back refutes-G certificates");
        Assert.True(all.Count(c => Recipe(c.Cert)) >= 2, "fewer than two proved recipe refutes-G certificates");
        foreach (var (file, cert) in all)
        {
            var r = CertificateVerifier.Verify(cert.ToJsonString());
            Assert.True(r.Status == VerificationStatus.Verified, $"{file}: {r.Status}: {r.Reason}");
        }
    }

    [Fact]
    public void ANumberChangedInTheInitialPointIsRejected() => Rejected(c => TraceBack(c) || Recipe(c), c =>
    {
        var p = c["setup"]!["points"]![c["claim"]!["parameters"]!["from"]!.GetValue<string>()]!.AsObject();
        p["a"] = (Rational.Parse(p["a"]!.GetValue<string>()) + new Rational(1, 1000)).ToString();
        return true;
    }, "$.facts[", 1);

    [Fact]
    public void AMovedEndOfTheWIntervalIsRejected()
    {
        Rejected(c => TraceBack(c) && Proved(c), c =>
        {
            var box = Fact(c, "G₂(w⁺; x₂)")["box"]!["w"]!.AsArray();
            var lo = Fact(c, "G₂(w⁻; x₂)")["box"]!["w"]!.AsArray()[0]!.GetValue<string>();
            box[0] = lo; box[1] = lo;
            return true;
        }, "is not enclosed", 1);
        // The two end facts exchanged (each re-checks): the w-interval is then empty.
        Rejected(c => TraceBack(c) && Proved(c), c =>
        {
            var facts = c["facts"]!.AsArray();
            int i = facts.Select(f => f!["label"]!.GetValue<string>()).ToList().FindIndex(l => l.StartsWith("G₂(w⁻; x₂)", StringComparison.Ordinal));
            var (a, b) = (facts[i]!.DeepClone(), facts[i + 1]!.DeepClone());
            facts[i] = b; facts[i + 1] = a;
            return true;
        }, "is empty", 1);
    }

    [Fact]
    public void AFlippedSignOfFIsRejected() => Rejected(c => TraceBack(c) && Proved(c), c =>
    {
        var f = Fact(c, "F = a₂*σ(x₁w₂*) − y₁");
        f["required_sign"] = -f["required_sign"]!.GetValue<int>();
        return true;
    }, "the re-check gives the outcome 'refutes'", 1);

    [Fact]
    public void BothSignsOfFFlippedAreRejected() => Rejected(c => TraceBack(c) && Proved(c), c =>
    {
        foreach (var f in c["facts"]!.AsArray().Select(f => f!.AsObject()).Where(f => f["label"]!.GetValue<string>().StartsWith("F = ", StringComparison.Ordinal)))
        {
            f["expression"] = $"-({f["expression"]!.GetValue<string>()})";
            var e = f["enclosure"]!.AsArray();
            (e[0], e[1]) = ((-Rational.Parse(e[1]!.GetValue<string>())).ToString(), (-Rational.Parse(e[0]!.GetValue<string>())).ToString());
            f["required_sign"] = -f["required_sign"]!.GetValue<int>();
        }
        return true;
    }, "is not the derived F", 1);

    [Fact]
    public void AWiderOrShiftedIntervalOfX2IsRejected()
    {
        Rejected(c => TraceBack(c), c =>
        {
            var x2 = c["claim"]!["parameters"]!["x2"]!.AsArray();
            x2[1] = (Rational.Parse(x2[1]!.GetValue<string>()) + new Rational(1, 1000)).ToString();
            return true;
        }, "does not contain", 1);
        Rejected(c => TraceBack(c), c =>
        {
            var x2 = c["claim"]!["parameters"]!["x2"]!.AsArray();
            x2[0] = "1/2"; // now contains x₁ = 1
            return true;
        }, "x₂ = x₁", 1);
        Rejected(c => TraceBack(c), c =>
        {
            var x2 = c["claim"]!["parameters"]!["x2"]!.AsArray();
            x2[0] = "-1";
            return true;
        }, "x₂ = 0", 1);
    }

    [Fact]
    public void AChangedActivationIsRejected() => Rejected(c => TraceBack(c), c =>
    {
        c["setup"]!["activation"] = "1/(1 + exp(-2*u))";
        return true;
    }, "$.facts[0]", 1);

    [Fact]
    public void AChangedRegularizerIsRejected() => Rejected(c => Kind(c) == "refutes-G" && (TraceBack(c) || Recipe(c)), c =>
    {
        var p = c["claim"]!["parameters"]!.AsObject();
        // (a − w)² would be no tamper on the recipe's symmetric overlap (equal at θ₁* and θ₂*, so the gap is unchanged); a³ is not.
        p["regularizer"] = $"{p["regularizer"]!.GetValue<string>()} + a^3/7";
        return true;
    }, "is not the derived G(θ₁*", 3);

    [Fact]
    public void AConstantRegularizerTurnedIntoAProofIsRejected() => Rejected(c => Kind(c) == "refutes-G" && TraceBack(c) && !Proved(c), c =>
    {
        var gap = c["facts"]!.AsArray()[^1]!.AsObject();
        gap["outcome"] = "proves";
        gap["required_sign"] = 1;
        c["verdict"] = "proved";
        return true;
    }, "$.", 1);

    [Fact]
    public void Recipe_AChangedLimitOrActivationIsRejected()
    {
        Rejected(c => Recipe(c) && Proved(c), c =>
        {
            var p = c["setup"]!["points"]![c["claim"]!["parameters"]!["limits"]![1]!.GetValue<string>()]!.AsObject();
            p["a"] = (Rational.Parse(p["a"]!.GetValue<string>()) + new Rational(1, 8)).ToString();
            return true;
        }, "$.facts[", 2);
        Rejected(c => Recipe(c) && Proved(c), c =>
        {
            var s = c["setup"]!["activation"]!.GetValue<string>();
            c["setup"]!["activation"] = s.Replace(", exp(u),", ", exp(u) + u/1000,", StringComparison.Ordinal);
            return c["setup"]!["activation"]!.GetValue<string>() != s;
        }, "is not C·exp(βu)", 2);
    }

    [Fact]
    public void Recipe_TheGapWithAFlippedSignIsRejected() => Rejected(c => Recipe(c) && Proved(c), c =>
    {
        var gap = c["facts"]!.AsArray()[^1]!.AsObject();
        gap["required_sign"] = -gap["required_sign"]!.GetValue<int>();
        return true;
    }, "$.", 2);

    [Fact]
    public void Recipe_ATiedOrConstantGTurnedIntoAProofIsRejected() => Rejected(c => Recipe(c) && !Proved(c), c =>
    {
        var gap = c["facts"]!.AsArray()[^1]!.AsObject();
        gap["outcome"] = "proves";
        gap["required_sign"] = 1;
        c["verdict"] = "proved";
        return true;
    }, "$.", 2);

    [Fact]
    public void TheVerdictChangedIsRejected() => Rejected(c => TraceBack(c) || Recipe(c), c =>
    {
        c["verdict"] = Proved(c) ? "inconclusive" : "proved";
        return true;
    }, "$.verdict", 1);

    [Fact]
    public void EveryDroppedFactIsRejected()
    {
        foreach (var (file, cert) in Certificates(c => (TraceBack(c) || Recipe(c)) && Proved(c)))
        {
            int n = cert["facts"]!.AsArray().Count;
            for (int i = 0; i < n; i++)
            {
                var copy = (JsonObject)cert.DeepClone();
                copy["facts"]!.AsArray().RemoveAt(i);
                var r = CertificateVerifier.Verify(copy.ToJsonString());
                Assert.True(r.Status == VerificationStatus.Rejected && r.Reason.Contains("$.", StringComparison.Ordinal), $"{file} without fact {i}: {r.Status}: {r.Reason}");
            }
        }
    }
}
