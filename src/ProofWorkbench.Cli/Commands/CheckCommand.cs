using System.CommandLine;
using System.Text.Json.Nodes;
using ProofWorkbench.Certificates;
using ProofWorkbench.Theorems.Checkers;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;
using ProofWorkbench.Reports;
using Spectre.Console;

namespace ProofWorkbench.Cli.Commands;

/// <summary>
/// <c>pwb check [PATHS…] [--out DIR] [--json] [--certificates]</c>: checks theorem files and writes one Markdown report
/// each; with <c>--certificates</c> also one JSON certificate per claim (docs/certificates.md) in DIR/…/NAME.certificates/.
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
        command.Add(paths); command.Add(output); command.Add(json); command.Add(certificates);
        command.SetAction(p => Run(p.GetValue(paths) is { Length: > 0 } ps ? ps : ["theorems"], p.GetValue(output)!, p.GetValue(json), Console.Out, Console.Error,
            p.GetValue(certificates)));
        return command;
    }

    /// <summary>Runs the command.</summary>
    public static int Run(IReadOnlyList<string> paths, string outDir, bool json, TextWriter stdout, TextWriter stderr, bool certificates = false)
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

        var results = new List<(TheoremResult Result, string Report)>();
        void CheckOne(TheoremFile file, string relative, Action<Claim> progress)
        {
            TheoremResult result;
            try { result = checker.Check(file, progress); }
            catch (TheoremFileException ex) { Malformed(ex); return; }
            var baseName = Path.GetFileNameWithoutExtension(relative);
            var dir = Path.Combine(outDir, Path.GetDirectoryName(relative) ?? "");
            var report = MarkdownReport.Render(result, baseName);
            ReportOutput.Write(outDir, dir, report.FileName, report.Markdown);
            foreach (var a in report.Attachments) ReportOutput.Write(outDir, dir, a.FileName, a.Content);
            if (certificates)
            {
                foreach (var claim in result.Claims)
                    ReportOutput.Write(outDir, Path.Combine(dir, $"{baseName}.certificates"), Certificate.FileName(claim.Claim), Certificate.Write(Certificate.Of(file, claim)));
            }
            results.Add((result, Path.Combine(dir, report.FileName)));
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

        if (json) stdout.WriteLine(Json.Write(Summary(results.Select(r => r.Result))));
        else WriteTable(results, stdout);
        if (malformed > 0) return 2;
        return results.All(r => r.Result.AllAsExpected) ? 0 : 1;
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

    /// <summary>The JSON summary: [{file, id, claims: [{id, kind, verdict, expected, evidence, explanation, facts}]}]; facts are typed (FactJson).</summary>
    public static JsonArray Summary(IEnumerable<TheoremResult> results) =>
        new(results.Select(r => (JsonNode)new JsonObject
        {
            ["file"] = r.File.Path.Replace('\\', '/'),
            ["id"] = r.File.Id,
            ["claims"] = new JsonArray(r.Claims.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Claim.Id,
                ["kind"] = c.Claim.Kind,
                ["verdict"] = VerdictText.Of(c.Verdict),
                ["expected"] = VerdictText.Of(c.Claim.Expected),
                ["evidence"] = new JsonArray(c.Evidence.Select(e => (JsonNode)JsonValue.Create($"{e.Layer}: {e.Summary}")!).Prepend(JsonValue.Create(c.Explanation)!).ToArray()),
                ["explanation"] = c.Explanation,
                ["facts"] = new JsonArray(c.Facts.Select(f => (JsonNode)FactJson.Of(f, NumberStyle.Json)).ToArray()),
            }).ToArray()),
        }).ToArray());

    private static void WriteTable(List<(TheoremResult Result, string Report)> results, TextWriter stdout)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
        if (console.Profile.Width < 120) console.Profile.Width = 120; // redirected output: keep the table readable
        var table = new Table().AddColumns("theorem file", "claims", "proved", "confirmed", "refuted", "inconclusive", "as expected");
        foreach (var (r, report) in results)
        {
            int Count(Verdict v) => r.Claims.Count(c => c.Verdict == v);
            table.AddRow(Markup.Escape(r.File.Id), r.Claims.Count.ToString(), Count(Verdict.Proved).ToString(), Count(Verdict.Confirmed).ToString(),
                Count(Verdict.Refuted).ToString(), Count(Verdict.Inconclusive).ToString(),
                r.AllAsExpected ? "[green]all[/]" : $"[red]{r.Claims.Count(c => !c.AsExpected)} differ[/]");
        }
        console.Write(table);
        foreach (var (_, report) in results) console.WriteLine($"report: {report.Replace('\\', '/')}");
        foreach (var (r, _) in results)
            foreach (var c in r.Claims.Where(c => !c.AsExpected))
                console.MarkupLine($"[red]{Markup.Escape(r.File.Path)}: claim '{Markup.Escape(c.Claim.Id)}' is {VerdictText.Of(c.Verdict)}, expected {VerdictText.Of(c.Claim.Expected)}: {Markup.Escape(c.Explanation)}[/]");
        int total = results.Sum(r => r.Result.Claims.Count), ok = results.Sum(r => r.Result.Claims.Count(c => c.AsExpected));
        console.WriteLine($"{ok} of {total} claims got their expected verdicts.");
    }
}
