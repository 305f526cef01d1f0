using System.CommandLine;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ProofWorkbench.Verifier;

namespace ProofWorkbench.Cli.Commands;

/// <summary>
/// <c>pwb verify CERT… [--json]</c>: re-checks certificates with the independent verifier (src/ProofWorkbench.Verifier).
/// CERT is a file, a directory (every *.json below it) or a glob pattern the shell did not expand (<c>**</c> matches any
/// number of folders, so <c>DIR/**/*.json</c> works without bash's globstar). Exit 0 when no certificate is rejected, 1
/// when one is, 2 when an input is unreadable or malformed (the file and the JSON path are named; the others are still verified).
/// </summary>
public static class VerifyCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("verify", "Re-check certificate files with the independent verifier (trusted base: Symbolic + Z3).");
        var certs = new Argument<string[]>("CERT") { Description = "Certificate files, directories (all *.json below) or glob patterns such as DIR/**/*.json.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print every certificate's result with its per-fact re-checks as JSON." };
        command.Add(certs); command.Add(json);
        command.SetAction(p => Run(p.GetValue(certs) ?? [], p.GetValue(json), Console.Out, Console.Error));
        return command;
    }

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> inputs, bool json, TextWriter stdout, TextWriter stderr)
    {
        bool bad = false;
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var found = Expand(input);
            if (found.Count == 0) { stderr.WriteLine($"pwb verify: {input}: no such certificate file, directory or matching file."); bad = true; }
            files.UnionWith(found);
        }
        var results = new List<(string File, VerificationResult R)>();
        foreach (var file in files)
        {
            try { results.Add((file, CertificateVerifier.Verify(File.ReadAllText(file)))); }
            catch (InputException ex) { stderr.WriteLine($"pwb verify: {file}: {ex.Message.TrimEnd('.')}."); bad = true; }
            catch (IOException ex) { stderr.WriteLine($"pwb verify: {file}: cannot be read ({ex.Message.TrimEnd('.')})."); bad = true; }
            catch (UnauthorizedAccessException) { stderr.WriteLine($"pwb verify: {file}: cannot be read (permission denied)."); bad = true; }
        }
        int verified = results.Count(r => r.R.Status == VerificationStatus.Verified);
        int unsupported = results.Count(r => r.R.Status == VerificationStatus.Unsupported);
        int numeric = results.Count(r => r.R.Status == VerificationStatus.Unsupported && r.R.Numeric);
        int rejected = results.Count(r => r.R.Status == VerificationStatus.Rejected);
        if (json) stdout.WriteLine(Json.Write(ToJson(results, verified, unsupported, numeric, rejected)));
        else
        {
            foreach (var (file, r) in results)
                stdout.WriteLine($"{Status(r),-21} {file}: {r.Reason}");
            stdout.WriteLine($"{results.Count} certificate(s): {verified} verified, {unsupported} unsupported ({numeric} numeric, not verified), {rejected} rejected.");
        }
        return bad ? 2 : rejected > 0 ? 1 : 0;
    }

    private static string Status(VerificationResult r) => r.Status switch
    {
        VerificationStatus.Verified => "verified",
        VerificationStatus.Rejected => "REJECTED",
        _ => r.Numeric ? "numeric, not verified" : "unsupported",
    };

    private static JsonObject ToJson(List<(string File, VerificationResult R)> results, int verified, int unsupported, int numeric, int rejected) => new()
    {
        ["certificates"] = new JsonArray(results.Select(x => (JsonNode)new JsonObject
        {
            ["file"] = x.File,
            ["claim"] = x.R.Claim,
            ["kind"] = x.R.ClaimKind,
            ["verdict"] = x.R.StatedVerdict,
            ["status"] = x.R.Status.ToString().ToLowerInvariant(),
            ["numeric"] = x.R.Numeric,
            ["reason"] = x.R.Reason,
            ["facts"] = new JsonArray(x.R.Facts.Select(f => (JsonNode)new JsonObject
            {
                ["path"] = f.Path, ["kind"] = f.Kind, ["outcome"] = f.Outcome, ["rechecked"] = f.Rechecked, ["note"] = f.Note,
            }).ToArray()),
        }).ToArray()),
        ["summary"] = new JsonObject { ["certificates"] = results.Count, ["verified"] = verified, ["unsupported"] = unsupported, ["numeric"] = numeric, ["rejected"] = rejected },
    };

    /// <summary>The files an argument names: itself, every *.json below a directory, or the matches of a glob pattern
    /// (<c>*</c>, <c>?</c> within a folder name; <c>**</c> any number of folders), sorted.</summary>
    public static IReadOnlyList<string> Expand(string input)
    {
        if (File.Exists(input)) return [input];
        if (Directory.Exists(input))
            return Directory.EnumerateFiles(input, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        if (input.IndexOfAny(['*', '?']) < 0) return [];
        var parts = input.Replace('\\', '/').Split('/');
        int first = Array.FindIndex(parts, p => p.IndexOfAny(['*', '?']) >= 0);
        var baseDir = first == 0 ? "." : string.Join('/', parts[..first]);
        if (baseDir.Length == 0) baseDir = "/";
        if (!Directory.Exists(baseDir)) return [];
        var pattern = string.Join('/', parts[first..]);
        var regex = new Regex("^" + Regex.Escape(pattern).Replace(@"\*\*/", "(?:.*/)?").Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*").Replace(@"\?", "[^/]") + "$");
        return Directory.EnumerateFiles(baseDir, "*", SearchOption.AllDirectories)
            .Where(f => regex.IsMatch(Path.GetRelativePath(baseDir, f).Replace('\\', '/')))
            .Select(f => first == 0 ? Path.GetRelativePath(".", f) : f)
            .Order(StringComparer.Ordinal).ToList();
    }
}
