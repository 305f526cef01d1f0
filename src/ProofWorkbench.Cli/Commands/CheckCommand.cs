using System.CommandLine;
using System.Text.Json.Nodes;
using ProofWorkbench.Certificates;
using ProofWorkbench.Verifier;
using ProofWorkbench.Theorems.Checkers;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;
using ProofWorkbench.Reports;
using Spectre.Console;

namespace ProofWorkbench.Cli.Commands;

/// <summary>
/// <c>pwb check [PATHS…] [--out DIR] [--json] [--certificates] [--format html|md|both]</c>: checks theorem files and writes
/// one Markdown report and/or one HTML page each (HTML adds DIR/index.html linking them all); with <c>--certificates</c> also one JSON certificate per claim (docs/certificates.md) in DIR/…/NAME.certificates/.
/// Exit 0 iff every verdict equals its expected verdict, 1 otherwise, 2 on input errors.
/// </summary>
public static class CheckCommand
{
    /// <summary>The System.CommandLine definition of <c>pwb check</c>.</summary>
    public static Command Create()
    {
        var command = new Command("check", "Check theorem files and write one report per file.");
        var paths = new Argument<string[]>("paths") { Description = "Theorem files or folders (default: theorems).", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string>("--out") { Description = "Where reports go (default: reports).", DefaultValueFactory = _ => "reports" };
        var json = new Option<bool>("--json") { Description = "Print a JSON summary instead of a table." };
        var certificates = new Option<bool>("--certificates") { Description = "Also write one JSON certificate per claim (re-check them with pwb verify)." };
        var format = new Option<string>("--format") { Description = "Report format: html, md or both (default both; html also writes index.html).", DefaultValueFactory = _ => "both" };
        format.AcceptOnlyFromAmong("html", "md", "both");
        var claim = new Option<string?>("--claim") { Description = "Check only the claim with this id (in every given file that has it)." };
        command.Add(paths); command.Add(output); command.Add(json); command.Add(certificates); command.Add(format); command.Add(claim);
        command.SetAction(p => Run(p.GetValue(paths) is { Length: > 0 } ps ? ps : ["theorems"], p.GetValue(output)!, p.GetValue(json), Console.Out, Console.Error,
            p.GetValue(certificates), p.GetValue(format) switch { "html" => ReportFormats.Html, "md" => ReportFormats.Markdown, _ => ReportFormats.Both }, p.GetValue(claim)));
        return command;
    }

    /// <summary>Runs the command.</summary>
    public static int Run(IReadOnlyList<string> paths, string outDir, bool json, TextWriter stdout, TextWriter stderr, bool certificates = false,
        ReportFormats formats = ReportFormats.Both, string? claimId = null)
    {
        var files = Collect(paths);
        ReportOutput.Prepare(outDir);
        var checker = new TheoremChecker(ClaimCheckers.All());
        var loaded = new List<(TheoremFile File, string Relative)>();
        // Issue 9 item 6: a malformed file is reported (file:line:column) and the others are still checked; exit 2.
        int malformed = 0;
        void Malformed(TheoremFileException ex)
        {
            malformed++;
            stderr.WriteLine($"pwb check: {ex.Message}");
        }
        foreach (var (path, relative) in files)
        {
            try
            {
                var file = TheoremLoader.Load(path, ReportOutput.ReadTheoremFile(path), checker.Kinds);
                checker.Validate(file);
                loaded.Add((file, relative));
            }
            catch (TheoremFileException ex) { Malformed(ex); }
        }

        if (claimId is not null)
        {
            // --claim ID: keep the files that have the claim, with that claim only.
            var known = loaded.SelectMany(l => l.File.Claims.Select(c => c.Id)).Distinct().Order(StringComparer.Ordinal).ToList();
            loaded = loaded.Where(l => l.File.Claims.Any(c => c.Id == claimId))
                .Select(l => (l.File with { Claims = l.File.Claims.Where(c => c.Id == claimId).ToList() }, l.Relative)).ToList();
            if (loaded.Count == 0 && malformed == 0)
                throw new InputException($"--claim '{claimId}' is not a claim of the given theorem files; their claims are {string.Join(", ", known.Take(30))}{(known.Count > 30 ? ", …" : "")}");
        }
        var results = new List<(TheoremResult Result, string Report, IReadOnlyDictionary<Claim, CertificateCheck> Checks)>();
        var pages = new List<(TheoremResult Result, string Link)>();
        void CheckOne(TheoremFile file, string relative, Action<Claim> progress)
        {
            TheoremResult result;
            try { result = checker.Check(file, progress); }
            catch (TheoremFileException ex) { Malformed(ex); return; }
            var baseName = Path.GetFileNameWithoutExtension(relative);
            var dir = Path.Combine(outDir, Path.GetDirectoryName(relative) ?? "");
            // Issue 16 item 4: every claim's certificate is re-checked by the independent verifier, and the report says so.
            var written = result.Claims.ToDictionary(c => c.Claim, c => Certificate.Write(Certificate.Of(file, c)));
            var checks = written.ToDictionary(kv => kv.Key, kv => Recheck(kv.Value, certificates ? $"{baseName}.certificates/{Certificate.FileName(kv.Key)}" : null));
            foreach (var (claim, check) in checks.Where(kv => kv.Value.Status == CertificateStatus.Rejected))
                stderr.WriteLine($"pwb check: {file.Path}: claim '{claim.Id}': {check.Text}");
            CertificateChecks lookup = claim => checks.GetValueOrDefault(claim);
            var rendered = new List<RenderedReport>();
            if (formats.HasFlag(ReportFormats.Markdown)) rendered.Add(MarkdownReport.Render(result, baseName, lookup));
            if (formats.HasFlag(ReportFormats.Html)) rendered.Add(HtmlReport.Render(result, baseName, lookup));
            foreach (var report in rendered)
            {
                ReportOutput.Write(outDir, dir, report.FileName, report.Text);
                foreach (var a in report.Attachments) ReportOutput.Write(outDir, dir, a.FileName, a.Content);
            }
            if (certificates)
            {
                foreach (var (claim, text) in written)
                    ReportOutput.Write(outDir, Path.Combine(dir, $"{baseName}.certificates"), Certificate.FileName(claim), text);
            }
            results.Add((result, Path.Combine(dir, rendered[0].FileName), checks));
            if (formats.HasFlag(ReportFormats.Html)) pages.Add((result, Path.Combine(Path.GetDirectoryName(relative) ?? "", rendered[^1].FileName)));
        }

        if (ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected)
        {
            // On a terminal: a progress bar per theorem file.
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            console.Progress().Start(ctx =>
            {
                var tasks = loaded.Select(l => ctx.AddTask(Markup.Escape(l.File.Id), autoStart: false, maxValue: l.File.Claims.Count)).ToList();
                for (int i = 0; i < loaded.Count; i++)
                {
                    tasks[i].StartTask();
                    CheckOne(loaded[i].File, loaded[i].Relative, _ => tasks[i].Increment(1));
                    tasks[i].Value = tasks[i].MaxValue;
                }
            });
        }
        else
        {
            // Redirected: quiet and line-oriented.
            foreach (var (file, relative) in loaded)
            {
                stderr.WriteLine($"checking {file.Path} ({file.Claims.Count} claims)");
                CheckOne(file, relative, claim => stderr.WriteLine($"  {claim.Id} ({claim.Kind})"));
            }
        }

        if (pages.Count > 0) ReportOutput.Write(outDir, outDir, "index.html", HtmlIndex.Render(pages));
        if (json) stdout.WriteLine(Json.Write(Summary(results.Select(r => (r.Result, r.Checks)))));
        else WriteTable(results, stdout);
        if (malformed > 0) return 2;
        return results.All(r => r.Result.AllAsExpected) ? 0 : 1;
    }

    /// <summary>The verifier's re-check of a certificate <paramref name="json"/> just written, for the report. A certificate the
    /// verifier cannot even read is a generator bug: it is reported as rejected with the JSON path.</summary>
    private static CertificateCheck Recheck(string json, string? link)
    {
        try
        {
            var v = CertificateVerifier.Verify(json);
            var status = v.Status switch
            {
                VerificationStatus.Verified => CertificateStatus.Verified,
                VerificationStatus.Unsupported => CertificateStatus.Unsupported,
                _ => CertificateStatus.Rejected,
            };
            return new CertificateCheck(link, status, v.Reason, v.Numeric);
        }
        catch (CertificateFormatException ex) { return new CertificateCheck(link, CertificateStatus.Rejected, $"malformed certificate ({ex.Message})", false); }
    }

    private static List<(string Path, string Relative)> Collect(IReadOnlyList<string> paths)
    {
        var files = new List<(string, string)>();
        foreach (var p in paths)
        {
            if (File.Exists(p)) files.Add((p, Path.GetFileName(p)));
            else if (Directory.Exists(p))
                files.AddRange(Directory.EnumerateFiles(p, "*.*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal)
                    .Select(f => (f, Path.GetRelativePath(p, f))));
            else throw new InputException($"'{p}' is neither a theorem file nor a folder; give a .yaml file or a folder such as theorems.");
        }
        if (files.Count == 0) throw new InputException($"no theorem files (*.yaml) were found in {string.Join(", ", paths)}.");
        return files;
    }

    /// <summary>The JSON summary: [{file, id, claims: [{id, kind, verdict, expected, evidence, explanation, facts, certificate}]}];
    /// facts are typed (FactJson); certificate is the independent verifier's {status, reason, numeric}.</summary>
    public static JsonArray Summary(IEnumerable<(TheoremResult Result, IReadOnlyDictionary<Claim, CertificateCheck> Checks)> checkedFiles) =>
        new(checkedFiles.Select(f => (JsonNode)new JsonObject
        {
            ["file"] = f.Result.File.Path.Replace('\\', '/'),
            ["id"] = f.Result.File.Id,
            ["claims"] = new JsonArray(f.Result.Claims.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Claim.Id,
                ["kind"] = c.Claim.Kind,
                ["verdict"] = VerdictText.Of(c.Verdict),
                ["expected"] = VerdictText.Of(c.Claim.Expected),
                ["evidence"] = new JsonArray(c.Evidence.Select(e => (JsonNode)JsonValue.Create($"{e.Layer}: {e.Summary}")!).Prepend(JsonValue.Create(c.Explanation)!).ToArray()),
                ["explanation"] = c.Explanation,
                ["facts"] = new JsonArray(c.Facts.Select(x => (JsonNode)FactJson.Of(x, NumberStyle.Json)).ToArray()),
                ["certificate"] = f.Checks.GetValueOrDefault(c.Claim) is { } check
                    ? new JsonObject { ["status"] = check.Status.ToString().ToLowerInvariant(), ["reason"] = check.Reason, ["numeric"] = check.Numeric }
                    : null,
            }).ToArray()),
        }).ToArray());

    private static void WriteTable(List<(TheoremResult Result, string Report, IReadOnlyDictionary<Claim, CertificateCheck> Checks)> results, TextWriter stdout)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
        if (console.Profile.Width < 120) console.Profile.Width = 120; // redirected output: keep the table readable
        var table = new Table().AddColumns("theorem file", "claims", "proved", "confirmed", "refuted", "inconclusive", "as expected", "certificates verified");
        foreach (var (r, _, checks) in results)
        {
            int Count(Verdict v) => r.Claims.Count(c => c.Verdict == v);
            int rejected = checks.Values.Count(c => c.Status == CertificateStatus.Rejected);
            table.AddRow(Markup.Escape(r.File.Id), r.Claims.Count.ToString(), Count(Verdict.Proved).ToString(), Count(Verdict.Confirmed).ToString(),
                Count(Verdict.Refuted).ToString(), Count(Verdict.Inconclusive).ToString(),
                r.AllAsExpected ? "[green]all[/]" : $"[red]{r.Claims.Count(c => !c.AsExpected)} differ[/]",
                checks.Values.Count(c => c.Status == CertificateStatus.Verified) + (rejected > 0 ? $" [red]({rejected} rejected)[/]" : ""));
        }
        console.Write(table);
        foreach (var (_, report, _) in results) console.WriteLine($"report: {report.Replace('\\', '/')}");
        foreach (var (r, _, _) in results)
            foreach (var c in r.Claims.Where(c => !c.AsExpected))
                console.MarkupLine($"[red]{Markup.Escape(r.File.Path)}: claim '{Markup.Escape(c.Claim.Id)}' is {VerdictText.Of(c.Verdict)}, expected {VerdictText.Of(c.Claim.Expected)}: {Markup.Escape(c.Explanation)}[/]");
        var all = results.SelectMany(r => r.Checks.Values).ToList();
        console.WriteLine($"Certificates re-checked by pwb verify: {all.Count(c => c.Status == CertificateStatus.Verified)} verified, "
            + $"{all.Count(c => c.Status == CertificateStatus.Unsupported)} not verified ({all.Count(c => c.Status == CertificateStatus.Unsupported && c.Numeric)} numeric), "
            + $"{all.Count(c => c.Status == CertificateStatus.Rejected)} rejected.");
        int total = results.Sum(r => r.Result.Claims.Count), ok = results.Sum(r => r.Result.Claims.Count(c => c.AsExpected));
        console.WriteLine($"{ok} of {total} claims got their expected verdicts.");
    }
}

/// <summary>Which report formats <c>pwb check</c> writes.</summary>
[Flags]
public enum ReportFormats
{
    /// <summary>Markdown (NAME.md).</summary>
    Markdown = 1,
    /// <summary>HTML (NAME.html and index.html).</summary>
    Html = 2,
    /// <summary>Both.</summary>
    Both = Markdown | Html,
}
