using System.Text.Json;
using System.Text.Json.Nodes;
using ProofWorkbench.Verifier.Bindings;
using ProofWorkbench.Verifier.Facts;

namespace ProofWorkbench.Verifier;

/// <summary>
/// The independent certificate verifier (issue 10 item 3; docs/certificates.md). It trusts only Symbolic (parser, exact
/// rationals, differentiation, substitution, the zero test, outward-rounded interval arithmetic) and Smt (the SMT-LIB2 writer
/// and Z3). For one certificate it checks the format, re-checks every fact with its own means, binds the facts to the claim
/// (re-deriving from the claim's parameters and the exact setup what must be shown), recomputes the verdict from the
/// re-checked outcomes, and compares it with the stated verdict.
/// </summary>
public static class CertificateVerifier
{
    /// <summary>The certificate format name.</summary>
    public const string Format = "proofworkbench-certificate";

    /// <summary>The format version this verifier reads.</summary>
    public const int Version = 1;

    private static readonly string[] Verdicts = ["proved", "confirmed", "refuted", "inconclusive"];

    /// <summary>Verifies the certificate text <paramref name="json"/>. Throws <see cref="CertificateFormatException"/> for
    /// malformed JSON or a format violation (with the JSON path).</summary>
    public static VerificationResult Verify(string json)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(json); }
        catch (JsonException ex) { throw new CertificateFormatException("$", $"not valid JSON ({ex.Message})"); }
        return Verify(new J(root, "$"));
    }

    internal static VerificationResult Verify(J c)
    {
        if (c["format"].Str() != Format) throw new CertificateFormatException("$.format", $"expected \"{Format}\"");
        if (c["version"].Int() != Version) throw new CertificateFormatException("$.version", $"version {c["version"].Int()} is not known to this verifier (it reads version {Version})");
        var claim = c["claim"];
        string id = claim["id"].Str(), kind = claim["kind"].Str(), verdict = c["verdict"].Str();
        claim["statement"].Str();
        if (!Verdicts.Contains(verdict)) throw new CertificateFormatException("$.verdict", $"unknown verdict '{verdict}'");
        var facts = c["facts"].Items().ToList();
        foreach (var f in c["context"].Items()) f["kind"].Str();
        var checks = new List<FactCheck>();
        VerificationResult Result(VerificationStatus s, string reason, bool numeric = false) => new(id, kind, verdict, s, reason, checks, numeric);
        try
        {
            foreach (var f in facts) checks.Add(FactRecheckers.Recheck(f));
            var derived = Outcomes.Verdict(checks.Select(k => k.Outcome));
            if (derived != verdict)
                throw new RejectException($"$.verdict: the facts' re-checked outcomes give '{derived}', the certificate states '{verdict}'" + (facts.Count == 0 ? " (no facts: a verdict cannot rest on nothing)" : ""));
            bool numeric = checks.Any(k => !k.Rechecked && k.Note == "numeric, not verified");
            var binding = ClaimBindings.Of(kind);
            string bound, unbound = "";
            try
            {
                bound = facts.Count == 0 ? "no facts"
                    : binding?.Bind(new ClaimView(claim, claim["parameters"], c["setup"], facts) { Witness = c.Has("witness") ? c["witness"] : null }) ?? throw new UnsupportedException($"no binding for the claim kind '{kind}'");
            }
            catch (UnsupportedException ex) { bound = ""; unbound = ex.Message; }
            if (numeric) return Result(VerificationStatus.Unsupported, "numeric, not verified: " + string.Join(", ", checks.Where(k => !k.Rechecked).Select(k => $"{k.Path} ({k.Kind})")) + (unbound.Length > 0 ? $"; {unbound}" : ""), true);
            if (checks.FirstOrDefault(k => !k.Rechecked) is { } u) return Result(VerificationStatus.Unsupported, $"{u.Path} ({u.Kind}): {u.Note}");
            if (unbound.Length > 0) return Result(VerificationStatus.Unsupported, unbound);
            if (facts.Count == 0) return Result(VerificationStatus.Unsupported, "no facts: the verdict is inconclusive and rests on nothing to re-check");
            return Result(VerificationStatus.Verified, $"{facts.Count} fact(s) re-checked and bound to the claim ({bound}); the verdict {verdict} follows");
        }
        catch (RejectException ex) { return Result(VerificationStatus.Rejected, ex.Message); }
        catch (UnsupportedException ex) { return Result(VerificationStatus.Unsupported, ex.Message); }
    }
}
