using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProofWorkbench.Theorems.Files;

/// <summary>
/// Reads theorem files (YAML). Every structural problem — malformed YAML, a missing key, an unknown
/// claim kind, an unknown verdict, a duplicate claim id — is a <see cref="TheoremFileException"/> with
/// file:line:column. Names and expressions inside claims are resolved when the claim is checked.
/// </summary>
public static class TheoremLoader
{
    private static readonly string[] TopLevelKeys = ["id", "title", "source", "statement", "setup", "claims", "findings"];
    private static readonly string[] ClaimKeys = ["id", "kind", "statement", "source", "expect", "note"];

    /// <summary>Loads one file; <paramref name="knownKinds"/> are the claim kinds a checker exists for.</summary>
    public static TheoremFile Load(string path, string text, IReadOnlyCollection<string> knownKinds)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(text)); }
        catch (YamlException ex)
        {
            var pos = new SourcePosition(path, (int)ex.Start.Line, (int)ex.Start.Column);
            var reason = (ex.InnerException?.Message ?? ex.Message).Split(" (Line")[0].TrimEnd('.');
            throw new TheoremFileException(pos, $"this is not valid YAML: {reason}.");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed plain scalars (found by the fuzz suite).
            throw new TheoremFileException(new SourcePosition(path, 1, 1), "this is not valid YAML: the YAML scanner could not read it; check quoting and brackets.");
        }
        if (stream.Documents.Count != 1)
            throw new TheoremFileException(new SourcePosition(path, 1, 1), "a theorem file must hold exactly one YAML document.");
        var root = new YamlValue(path, stream.Documents[0].RootNode, "");
        if (!root.IsMapping) throw root.Error("a theorem file must be a mapping with the keys id, title, source, statement, setup, claims.");
        foreach (var key in root.Keys)
            if (!TopLevelKeys.Contains(key))
                throw root.KeyError(key, $"unknown key '{key}'; a theorem file has {string.Join(", ", TopLevelKeys)}.");

        var claims = new List<Claim>();
        var ids = new HashSet<string>();
        foreach (var c in root.Required("claims").Items())
        {
            var id = c.Required("id").Text();
            if (!ids.Add(id)) throw c.Required("id").Error($"the claim id '{id}' is used twice; claim ids must be unique within a file.");
            var kindNode = c.Required("kind");
            var kind = kindNode.Text();
            if (!knownKinds.Contains(kind))
                throw kindNode.Error($"unknown claim kind '{kind}'; known kinds are {string.Join(", ", knownKinds.Order(StringComparer.Ordinal))}.");
            var expectNode = c.Required("expect");
            var expected = VerdictText.Parse(expectNode.Text())
                ?? throw expectNode.Error($"unknown verdict '{expectNode.Text()}'; write proved, confirmed, refuted or inconclusive.");
            claims.Add(new Claim(id, kind, c.Required("statement").Text(), c.Required("source").Text(), expected,
                c.Optional("note")?.Text(), c));
        }
        if (claims.Count == 0) throw root.Required("claims").Error("a theorem file needs at least one claim.");
        var findings = root.Optional("findings")?.Items().Select(f => f.Text()).ToList() ?? [];
        return new TheoremFile(path, root.Required("id").Text(), root.Required("title").Text(), root.Required("source").Text(),
            root.Required("statement").Text(), root.Optional("setup") ?? root.Required("setup"), claims, findings);
    }

    /// <summary>The keys every claim may have besides its kind's own parameters.</summary>
    public static IReadOnlyList<string> CommonClaimKeys => ClaimKeys;
}
