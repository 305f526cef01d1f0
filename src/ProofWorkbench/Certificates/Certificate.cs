using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Parsing;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Certificates;

/// <summary>
/// The certificate of one claim (docs/certificates.md, schema docs/certificate.schema.json): format and version; the
/// claim (kind, statement, source citation, its parameters); the theorem file's setup with every number exact
/// (rationals as "p/q" strings, expressions in the tool's syntax); the facts the verdict rests on, then context facts;
/// the verdict. Deterministic: no time stamps, no machine paths, invariant number formats, fixed key order.
/// </summary>
public static class Certificate
{
    /// <summary>The format name written in every certificate.</summary>
    public const string Format = "proofworkbench-certificate";

    /// <summary>The format version; a verifier rejects versions it does not know.</summary>
    public const int Version = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly HashSet<string> CommonKeys = ["id", "kind", "statement", "source", "expect", "note"];

    /// <summary>The certificate of <paramref name="claim"/>, a claim of <paramref name="file"/>.</summary>
    public static JsonObject Of(TheoremFile file, ClaimResult claim)
    {
        var c = claim.Claim;
        var certificate = new JsonObject
        {
            ["format"] = Format,
            ["version"] = Version,
            ["theorem_file"] = new JsonObject { ["id"] = file.Id, ["title"] = file.Title, ["source"] = file.Source },
            ["claim"] = new JsonObject
            {
                ["id"] = c.Id,
                ["kind"] = c.Kind,
                ["statement"] = c.Statement.Trim(),
                ["source"] = c.Source,
                ["expected"] = VerdictText.Of(c.Expected),
                ["parameters"] = new JsonObject(c.Node.Keys.Where(k => !CommonKeys.Contains(k)).Select(k => new KeyValuePair<string, JsonNode?>(k, Exact(c.Node.Required(k))))),
            },
            ["setup"] = Exact(file.Setup),
            ["facts"] = new JsonArray(claim.Facts.Where(f => !f.IsContext).Select(f => (JsonNode)FactJson.Of(f, NumberStyle.Exact)).ToArray()),
            ["context"] = new JsonArray(claim.Facts.Where(f => f.IsContext).Select(f => (JsonNode)FactJson.Of(f, NumberStyle.Exact)).ToArray()),
            ["verdict"] = VerdictText.Of(claim.Verdict),
            ["explanation"] = claim.Explanation,
        };
        if (claim.Witness.Count > 0)
            certificate.Insert(certificate.IndexOf("facts"), "witness", new JsonObject { ["datasets"] = new JsonObject(claim.Witness.Select(d => new KeyValuePair<string, JsonNode?>(d.Name,
                new JsonArray(d.Samples.Select(s => (JsonNode)new JsonObject { ["x"] = new JsonArray(s.X.Select(x => (JsonNode)x.ToString()).ToArray()), ["y"] = s.Y.ToString() }).ToArray())))) });
        return certificate;
    }

    /// <summary>The certificate's text: indented JSON, "\n" line ends, a final newline.</summary>
    public static string Write(JsonObject certificate) => certificate.ToJsonString(Options).Replace("\r\n", "\n") + "\n";

    /// <summary>A file name for a claim's certificate: its id with characters outside [A-Za-z0-9._-] replaced by '_'.</summary>
    public static string FileName(Claim claim) =>
        new string(claim.Id.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_' or '-' ? ch : '_').ToArray()) + ".json";

    // A YAML value with exact numbers: a number becomes "p/q", an expression its printed form, other text stays.
    private static JsonNode? Exact(YamlValue v)
    {
        if (v.IsMapping) return new JsonObject(v.Keys.Select(k => new KeyValuePair<string, JsonNode?>(k, Exact(v.Required(k)))));
        if (v.IsSequence) return new JsonArray(v.Items().Select(Exact).ToArray());
        var text = v.Text();
        if (Rational.TryParse(text, out var r)) return r.ToString();
        if (text is "true" or "false") return text == "true";
        if (System.Text.RegularExpressions.Regex.IsMatch(text, "^[A-Za-z_][A-Za-z0-9_.-]*$")) return text; // a name (S1, flow-limit, one-neuron)
        try { return Parser.Parse(text).ToString(); }
        catch (ParseException) { return text; }
    }
}
