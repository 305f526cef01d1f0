using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Verifier.Tests;

/// <summary>
/// Issue 10 item 6: tampered certificates of paper 000's theorem files are rejected, with a reason naming what failed.
/// One test per mutation class, each over every certificate it applies to. Number, sign and expression mutations change a
/// fact's exact content, so they run over the certificates the verifier verifies (exact facts, bound to the claim); a
/// changed verdict is caught for every accepted certificate (numeric ones too: the verdict is recomputed from the outcomes);
/// a dropped fact is caught wherever a claim binding fixes the obligations (the verified certificates).
/// </summary>
[Collection("certificates")]
public class TamperTests(GeneratedCertificates certs)
{
    private static readonly string[] TextFields = ["kind", "label", "outcome", "explanation", "script", "method", "variable", "zero_test", "answer", "data_name", "model", "activation", "activation_variable", "ending", "second_route_note"];

    private void EveryTamperedIsRejected(Func<(string File, JsonObject Cert, VerificationResult R), bool> select, Func<JsonObject, string?> mutate, int atLeast)
    {
        int n = 0;
        var failures = new List<string>();
        foreach (var c in certs.Accepted().Where(select))
        {
            var copy = (JsonObject)c.Cert.DeepClone();
            var what = mutate(copy);
            if (what is null) continue;
            n++;
            VerificationResult r;
            try { r = CertificateVerifier.Verify(copy.ToJsonString()); }
            catch (CertificateFormatException ex) { Assert.Contains("$", ex.Path); continue; } // malformed: exit 2 with the path, also a rejection
            if (r.Status != VerificationStatus.Rejected) failures.Add($"{c.File}: {what} → {r.Status}: {r.Reason}");
            else Assert.Matches(@"\$\.", r.Reason); // the reason names the JSON path that failed
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(n >= atLeast, $"only {n} certificates were tampered");
    }

    private static bool Exact((string File, JsonObject Cert, VerificationResult R) c) => c.R.Status == VerificationStatus.Verified;

    // Change one number: the first number in the facts (an exact "p/q" value, a matrix entry, an interval end, or an
    // integer inside an expression) gets 1 added.
    private static string? ChangeNumber(JsonObject cert)
    {
        foreach (var fact in cert["facts"]!.AsArray())
        {
            var hit = FirstNumber(fact!);
            if (hit is not null) return hit;
        }
        return null;
    }

    private static string? FirstNumber(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var kv in o.ToList())
                {
                    if (TextFields.Contains(kv.Key) || kv.Value is null) continue;
                    if (kv.Value is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        var changed = Bump(s);
                        if (changed is not null) { o[kv.Key] = changed; return $"{kv.Key}: {s} → {changed}"; }
                    }
                    else if (kv.Value is JsonValue iv && iv.TryGetValue<int>(out var k) && kv.Key == "rank") { o[kv.Key] = k + 1; return $"rank {k} → {k + 1}"; }
                    else if (FirstNumber(kv.Value) is { } r) return r;
                }
                return null;
            case JsonArray a:
                for (int i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonValue v && v.TryGetValue<string>(out var s) && Bump(s) is { } changed) { a[i] = changed; return $"[{i}]: {s} → {changed}"; }
                    if (a[i] is { } child && FirstNumber(child) is { } r) return r;
                }
                return null;
            default: return null;
        }
    }

    private static string? Bump(string s)
    {
        if (Rational.TryParse(s, out var r)) return (r + Rational.One).ToString();
        var m = Regex.Match(s, @"(?<![A-Za-z_0-9.])\d+(?![0-9]*[A-Za-z_])");
        return m.Success ? s[..m.Index] + (System.Numerics.BigInteger.Parse(m.Value) + 1) + s[(m.Index + m.Length)..] : null;
    }

    // Flip one sign: a certified root's end sign, the first nonzero exact number, the relation of an SMT goal, or the first
    // " - " / " + " of an expression.
    private static string? FlipSign(JsonObject cert)
    {
        foreach (var f in cert["facts"]!.AsArray().Select(x => x!.AsObject()))
        {
            if (f["sign_at_lo"] is JsonValue sv) { f["sign_at_lo"] = -sv.GetValue<int>(); return "sign_at_lo"; }
            if (f["goal"] is JsonValue g && g.GetValue<string>() is var goal && goal.Contains('>')) { f["goal"] = goal.Replace(">", "<"); return "goal > → <"; }
            if (f["value"] is JsonValue vv && vv.TryGetValue<string>(out var vs) && Rational.TryParse(vs, out var r) && !r.IsZero) { f["value"] = (-r).ToString(); return "value"; }
            if (f["matrix"] is JsonArray rows)
                foreach (var row in rows.Select(x => x!.AsArray()))
                    for (int i = 0; i < row.Count; i++)
                        if (Rational.TryParse(row[i]!.GetValue<string>(), out var e) && !e.IsZero) { row[i] = (-e).ToString(); return "matrix entry"; }
            foreach (var key in new[] { "expression", "function" })
                if (f[key] is JsonValue ev && ev.GetValue<string>() is var s && (s.Contains(" - ") || s.Contains(" + ")))
                {
                    int i = s.IndexOf(" - ", StringComparison.Ordinal), j = s.IndexOf(" + ", StringComparison.Ordinal);
                    bool minus = i >= 0 && (j < 0 || i < j);
                    int at = minus ? i : j;
                    f[key] = s[..at] + (minus ? " + " : " - ") + s[(at + 3)..];
                    return $"{key}: a term's sign";
                }
        }
        return null;
    }

    // Change one expression: the first expression, function or goal of a fact gets "+ 1/7" added.
    private static string? ChangeExpression(JsonObject cert)
    {
        foreach (var f in cert["facts"]!.AsArray().Select(x => x!.AsObject()))
            foreach (var key in new[] { "expression", "function", "goal" })
                if (f[key] is JsonValue v && v.GetValue<string>() is var s)
                {
                    f[key] = key == "goal" ? Regex.Replace(s, "(<=|>=|!=|==|<|>)", "+ 1/7 $1") : $"{s} + 1/7";
                    return $"{key} + 1/7";
                }
        return null;
    }

    [Fact]
    public void ChangingOneNumberIsRejected() => EveryTamperedIsRejected(Exact, ChangeNumber, 30);

    [Fact]
    public void FlippingOneSignIsRejected() => EveryTamperedIsRejected(Exact, FlipSign, 20);

    [Fact]
    public void ChangingOneExpressionIsRejected() => EveryTamperedIsRejected(Exact, ChangeExpression, 30);

    [Fact]
    public void ChangingTheVerdictIsRejected() => EveryTamperedIsRejected(_ => true, c =>
    {
        var v = c["verdict"]!.GetValue<string>();
        c["verdict"] = v == "proved" ? "refuted" : "proved";
        return $"verdict {v}";
    }, 40);

    [Fact]
    public void DroppingOneFactIsRejected() => EveryTamperedIsRejected(Exact, c =>
    {
        var facts = c["facts"]!.AsArray();
        if (facts.Count == 0) return null;
        facts.RemoveAt(facts.Count - 1);
        return "dropped the last fact";
    }, 30);

    // The exact one-sample limits (Lemma A.3: converges and two-point-overlap through the validated route, conserved-limit;
    // Proposition A.1: parabola-limit): one
    // number changed in each fact, and each fact dropped, one at a time — every fact is bound, so each tampering is rejected.
    private static bool ValidatedLimit((string File, JsonObject Cert, VerificationResult R) c) =>
        Exact(c) && c.Cert["claim"]!["kind"]!.GetValue<string>() is "converges" or "two-point-overlap" or "conserved-limit" or "parabola-limit";

    [Fact]
    public void ChangingANumberInAnyFactOfAValidatedLimitIsRejected()
    {
        for (int i = 0; i < 17; i++)
        {
            int at = i;
            EveryTamperedIsRejected(ValidatedLimit, c => c["facts"]!.AsArray() is var f && at < f.Count ? FirstNumber(f[at]!) is { } w ? $"fact {at}: {w}" : null : null, at < 8 ? 10 : 0);
        }
    }

    [Fact]
    public void DroppingAnyFactOfAValidatedLimitIsRejected()
    {
        for (int i = 0; i < 17; i++)
        {
            int at = i;
            EveryTamperedIsRejected(ValidatedLimit, c => { var f = c["facts"]!.AsArray(); if (at >= f.Count) return null; f.RemoveAt(at); return $"dropped fact {at}"; }, at < 8 ? 10 : 0);
        }
    }

    [Fact]
    public void ChangingTheClaimIsRejected() => EveryTamperedIsRejected(Exact, c =>
    {
        var p = c["claim"]!["parameters"]!.AsObject();
        foreach (var key in new[] { "value", "rhs", "quantity", "expression", "G" })
            if (p[key] is JsonValue v && v.TryGetValue<string>(out var s) && Regex.Match(s, @"[A-Za-z_][A-Za-z_0-9]*(?![A-Za-z_0-9]*\()") is { Success: true } m)
            {
                p[key] = $"{s} + ({m.Value})^2/7"; // a term that changes every derivative, not just a constant
                return $"claim parameter {key}";
            }
        return null;
    }, 15);
}
