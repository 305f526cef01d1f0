using System.Text.Json.Nodes;
using ProofWorkbench.Cli.Commands;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Verifier.Tests;

/// <summary>
/// The bindings of <c>recipe-part-a-exact</c> (paper 000, Section 6.1, conditions (a), (c), (d), (e) with E₁ from the parabola
/// (14)) and of <c>kkt</c> for the one-neuron model with exact facts (Definitions 4.4–4.5): the generated certificates are
/// verified, and each mutation class — one number, one sign, one expression, the verdict, a dropped fact, and a change of the
/// claim's setup the facts no longer match — is rejected with a reason naming the JSON path and what failed.
/// </summary>
[Collection("certificates")]
public class RecipeKktTamperTests(GeneratedCertificates certs)
{
    // A one-neuron model whose constraint gradients at θ* are rational (σ(u) = u² + 1), so the multipliers are exact and
    // nonzero: G₁ is stationary with λ = 1, G₂ has no multipliers.
    private const string ExactMultipliers = """
        id: kkt-exact-multipliers
        title: "KKT with exact multipliers: a one-neuron model with a polynomial activation"
        source: "paper 000, Definitions 4.4–4.5 (a test instance)"
        statement: "σ(u) = u² + 1, S = ((1), 2), θ* = (1, 1) ∈ M_S: ∇r(θ*) = (2, 2) is rational, so the multipliers are exact."
        setup:
          activation: "u^2 + 1"
          points:
            theta0: { w: [0], a: 0 }
            star: { w: [1], a: 1 }
          datasets:
            S: [ { x: [1], y: 2 } ]
        claims:
          - id: stationary
            kind: kkt
            statement: "G = (w − w₀)² + (a − a₀)² is stationary on M_S at θ* with λ = 1."
            source: "paper 000, Definitions 4.4–4.5"
            G: "(w - w0)^2 + (a - a0)^2"
            dataset: S
            theta0: theta0
            theta: star
            expect: proved
          - id: not-stationary
            kind: kkt
            statement: "G = w² + 2a² is not: ∇G(θ*) = (2, 4) is no multiple of (2, 2)."
            source: "paper 000, Definitions 4.4–4.5"
            G: "w^2 + 2*a^2"
            dataset: S
            theta0: theta0
            theta: star
            expect: refuted
        """;

    private static readonly Lazy<IReadOnlyList<(string File, JsonObject Cert)>> Multipliers = new(() =>
    {
        var dir = Path.Combine(Path.GetTempPath(), "pwb-kkt-exact-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var file = Path.Combine(dir, "kkt-exact.yaml");
            File.WriteAllText(file, ExactMultipliers);
            int exit = CheckCommand.Run([file], Path.Combine(dir, "out"), false, TextWriter.Null, TextWriter.Null, certificates: true);
            if (exit != 0) throw new InvalidOperationException($"pwb check exited {exit}");
            return Directory.EnumerateFiles(Path.Combine(dir, "out"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => (Path.GetFileName(f), (JsonObject)JsonNode.Parse(File.ReadAllText(f))!)).ToList();
        }
        finally { Directory.Delete(dir, true); }
    });

    private List<(string File, JsonObject Cert)> Kind(string kind) =>
        certs.All.Select(c => (c.File, Cert: (JsonObject)JsonNode.Parse(c.Text)!))
            .Where(c => c.Cert["claim"]!["kind"]!.GetValue<string>() == kind).ToList();

    private List<(string File, JsonObject Cert)> PartA() => Kind("recipe-part-a-exact");

    // kkt certificates of the one-neuron model resting on exact facts: theorem6-2a's two and the exact-multiplier instance.
    private List<(string File, JsonObject Cert)> Kkt() =>
        Kind("kkt").Where(c => c.Cert["claim"]!["parameters"]!["model"] is null
                && c.Cert["facts"]!.AsArray().All(f => f!["kind"]!.GetValue<string>() == "exact-value"))
            .Concat(Multipliers.Value).ToList();

    private static void Rejected(IEnumerable<(string File, JsonObject Cert)> all, Func<JsonObject, string?> mutate, string because, int atLeast)
    {
        int n = 0;
        var failures = new List<string>();
        foreach (var (file, cert) in all)
        {
            var copy = (JsonObject)cert.DeepClone();
            var what = mutate(copy);
            if (what is null) continue;
            n++;
            var r = CertificateVerifier.Verify(copy.ToJsonString());
            if (r.Status != VerificationStatus.Rejected || !r.Reason.Contains(because, StringComparison.Ordinal) || !r.Reason.Contains("$.", StringComparison.Ordinal))
                failures.Add($"{file}: {what} → {r.Status}: {r.Reason}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(n >= atLeast, $"only {n} certificates were tampered");
    }

    private static JsonArray Facts(JsonObject c) => c["facts"]!.AsArray();

    [Fact]
    public void EveryRecipePartACertificateIsVerified()
    {
        var all = PartA();
        Assert.True(all.Count >= 2, $"only {all.Count} recipe-part-a-exact certificates"); // the C¹ d = 1 and C³ d = 2 instances
        foreach (var (file, cert) in all)
        {
            var r = CertificateVerifier.Verify(cert.ToJsonString());
            Assert.True(r.Status == VerificationStatus.Verified, $"{file}: {r.Status}: {r.Reason}");
            Assert.Contains("from the parabola (14)", r.Reason);
        }
        Assert.Contains(all, c => Facts(c.Cert).Count == 9); // d = 2: the span condition on x₂ as well
    }

    [Fact]
    public void EveryExactOneNeuronKktCertificateIsVerified()
    {
        var all = Kkt();
        Assert.True(all.Count >= 4, $"only {all.Count} exact one-neuron kkt certificates");
        foreach (var (file, cert) in all)
        {
            var r = CertificateVerifier.Verify(cert.ToJsonString());
            Assert.True(r.Status == VerificationStatus.Verified, $"{file}: {r.Status}: {r.Reason}");
        }
        Assert.Contains(all, c => CertificateVerifier.Verify(c.Cert.ToJsonString()).Reason.Contains("exact multipliers"));
        Assert.Contains(all, c => c.Cert["verdict"]!.GetValue<string>() == "refuted");
    }

    // ---- recipe-part-a-exact -------------------------------------------------------------------

    [Fact]
    public void ANumberChangedInAnyConditionsDataIsRejected()
    {
        for (int k = 0; k < 9; k++)
        {
            int at = k;
            Rejected(PartA(), c =>
            {
                if (at >= Facts(c).Count) return null;
                var a = Facts(c)[at]!["assumptions"]!.AsArray();
                var s = a[0]!.GetValue<string>();
                var i = s.IndexOf("==", StringComparison.Ordinal);
                a[0] = s[..(i + 2)] + " " + (Rational.Parse(s[(i + 2)..].Trim()) + 1);
                return $"fact {at}: {s} → {a[0]}";
            }, $"$.facts[{at}]", at < 8 ? 2 : 1); // the regenerated query's answer, or the binding's pinned value
        }
    }

    [Fact]
    public void AFlippedGoalIsRejected() => Rejected(PartA(), c =>
    {
        var g = Facts(c)[3]!["goal"]!.GetValue<string>();
        Facts(c)[3]!["goal"] = g.Replace(" > 0", " < 0");
        return "step (c) goal > → <";
    }, "$.facts[3]", 2);

    [Fact]
    public void AChangedGoalIsRejected()
    {
        for (int k = 0; k < 9; k++)
        {
            int at = k;
            Rejected(PartA(), c =>
            {
                if (at >= Facts(c).Count) return null;
                var g = Facts(c)[at]!["goal"]!.GetValue<string>();
                Facts(c)[at]!["goal"] = System.Text.RegularExpressions.Regex.Replace(g, "(<=|>=|==|<|>)", "+ 1/7 $1");
                return $"fact {at}: goal + 1/7";
            }, $"$.facts[{at}]", at < 8 ? 2 : 1);
        }
    }

    [Fact]
    public void AChangedVerdictIsRejected() => Rejected(PartA().Concat(Kkt()), c =>
    {
        var v = c["verdict"]!.GetValue<string>();
        c["verdict"] = v == "proved" ? "refuted" : "proved";
        return $"verdict {v}";
    }, "$.verdict", 6);

    [Fact]
    public void ADroppedConditionIsRejected()
    {
        for (int k = 0; k < 9; k++)
        {
            int at = k;
            Rejected(PartA(), c =>
            {
                if (at >= Facts(c).Count) return null;
                Facts(c).RemoveAt(at);
                return $"dropped fact {at}";
            }, "$.facts", at < 8 ? 2 : 1);
        }
    }

    [Fact]
    public void SwappedConditionsAreRejected() => Rejected(PartA(), c =>
    {
        var f = Facts(c);
        var first = f[3]!.DeepClone();
        f[3] = f[4]!.DeepClone();
        f[4] = first;
        return "swapped facts 3 and 4";
    }, ".label", 2);

    [Fact]
    public void ALimitChangedInTheSetupIsRejected() => Rejected(PartA(), c =>
    {
        // θ₁*'s a changes sign: the parabola (14) then passes a = 0, so E₁ grows, and the facts' assumptions no longer pin it.
        var limit = c["claim"]!["parameters"]!["limits"]![0]!.GetValue<string>();
        var p = c["setup"]!["points"]![limit]!.AsObject();
        p["a"] = (-Rational.Parse(p["a"]!.GetValue<string>())).ToString();
        return $"θ₁*.a of {limit} negated";
    }, "E₁ from the parabola (14)", 2);

    [Fact]
    public void ALimitOffTheParabolaIsRejected() => Rejected(PartA(), c =>
    {
        // θ₁*'s w moves off the line w₀ + span{x₁} (only possible for d ≥ 2): no flow on S₁ can end there.
        var limit = c["claim"]!["parameters"]!["limits"]![0]!.GetValue<string>();
        var w = c["setup"]!["points"]![limit]!["w"]!.AsArray();
        if (w.Count < 2) return null;
        w[1] = (Rational.Parse(w[1]!.GetValue<string>()) + 1).ToString();
        return $"θ₁*.w₂ of {limit} + 1";
    }, "not a multiple of x₁", 1);

    // ---- kkt (one-neuron, exact) ----------------------------------------------------------------

    [Fact]
    public void ANumberChangedInThePointIsRejected() => Rejected(Kkt(), c =>
    {
        var at = Facts(c)[0]!["at"]!.AsObject();
        at["w"] = (Rational.Parse(at["w"]!.GetValue<string>()) + 1).ToString();
        return "fact 0: at.w + 1";
    }, "$.facts[0]", 4);

    [Fact]
    public void AFlippedSignInAResidualIsRejected() => Rejected(Kkt(), c =>
    {
        var f = Facts(c)[1]!;
        var s = f["expression"]!.GetValue<string>();
        int i = s.IndexOf(" + ", StringComparison.Ordinal), j = s.IndexOf(" - ", StringComparison.Ordinal);
        if (i < 0 && j < 0) return null;
        bool plus = i >= 0 && (j < 0 || i < j);
        int k = plus ? i : j;
        f["expression"] = s[..k] + (plus ? " - " : " + ") + s[(k + 3)..];
        return "fact 1: a term's sign";
    }, "$.facts[1]", 4);

    [Fact]
    public void AResidualThatIsNotTheDerivedOneIsRejected() => Rejected(Kkt(), c =>
    {
        // Same value at θ* (so the exact-value re-check passes), but not ∂G/∂w − Σλᵢ∂rᵢ/∂w: the binding must catch it.
        var f = Facts(c)[0]!;
        var point = f["at"]!.AsObject();
        f["expression"] = $"{f["expression"]!.GetValue<string>()} + (w - {point["w"]!.GetValue<string>()})^2";
        return "fact 0: + (w − w*)²";
    }, "$.facts[0].expression", 4);

    [Fact]
    public void ADroppedResidualIsRejected()
    {
        for (int k = 0; k < 2; k++)
        {
            int at = k;
            Rejected(Kkt(), c => { Facts(c).RemoveAt(at); return $"dropped fact {at}"; }, "$.facts", 4);
        }
    }

    [Fact]
    public void ALabelOffTheLimitIsRejected() => Rejected(Kkt().Where(c => c.Cert["verdict"]!.GetValue<string>() == "proved"), c =>
    {
        // y changed in the setup: θ* is no longer in M_S, so it is no KKT point, whatever ∇G is.
        var set = c["claim"]!["parameters"]!["dataset"]!.GetValue<string>();
        var s = c["setup"]!["datasets"]![set]![0]!.AsObject();
        s["y"] = $"({s["y"]!.GetValue<string>()}) + 1";
        return "y + 1";
    }, "not in M_S", 3);
}
