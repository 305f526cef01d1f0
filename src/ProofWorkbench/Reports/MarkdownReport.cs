using System.Text;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Reports;

/// <summary>A file written beside a report (an SVG figure or an SMT-LIB2 script).</summary>
public sealed record ReportAttachment(string FileName, string Content);

/// <summary>A rendered report: its text (Markdown or HTML) and the files it links to.</summary>
public sealed record RenderedReport(string FileName, string Text, IReadOnlyList<ReportAttachment> Attachments);

/// <summary>
/// Renders a checked theorem file as Markdown: statement and source, setup, a summary table, and per claim
/// its statement, verdict against the expected one, explanation, and evidence — derivations in LaTeX,
/// values, SMT-LIB2 scripts (as files beside the report) and SVG figures. Output depends only on the
/// result: no time stamps, no machine paths.
/// </summary>
public static class MarkdownReport
{
    /// <summary>Renders <paramref name="result"/>; <paramref name="baseName"/> names the report and its attachments;
    /// <paramref name="certificates"/>, when given, the re-check (and link) of each claim's certificate.</summary>
    public static RenderedReport Render(TheoremResult result, string baseName, CertificateChecks? certificates = null)
    {
        var f = result.File;
        var sb = new StringBuilder();
        var attachments = new List<ReportAttachment>();
        sb.AppendLine($"# {f.Title}").AppendLine();
        sb.AppendLine($"Theorem file `{f.Id}` · source: {f.Source}").AppendLine();
        foreach (var line in f.Statement.TrimEnd().Split('\n')) sb.AppendLine($"> {line.TrimEnd()}");
        sb.AppendLine();
        int differing = result.Claims.Count(c => !c.AsExpected);
        sb.AppendLine(differing == 0
            ? $"**Result: all {result.Claims.Count} claims got their expected verdicts.**"
            : $"**Result: {differing} of {result.Claims.Count} claims did NOT get their expected verdicts.**").AppendLine();
        sb.AppendLine("Verdicts: *proved* = exact reasoning only (symbolic identity, SMT unsat, interval enclosure); "
            + "*confirmed* = numerical evidence within the stated tolerance, error estimate shown; "
            + "*refuted* = a witness against the claim; *inconclusive* = the tool could not decide.").AppendLine();

        sb.AppendLine("## Setup").AppendLine();
        sb.Append(SetupTable.Markdown(f.Setup));
        if (ReportPlan.SetupActivation(f) is { } activation)
        {
            var name = $"{baseName}.{activation.FileName}";
            attachments.Add(new ReportAttachment(name, activation.Svg));
            sb.AppendLine($"![{activation.Caption}]({name})").AppendLine();
        }

        sb.AppendLine("## Summary").AppendLine();
        sb.AppendLine("| # | claim | kind | expected | verdict | |");
        sb.AppendLine("|---|---|---|---|---|---|");
        for (int i = 0; i < result.Claims.Count; i++)
        {
            var c = result.Claims[i];
            sb.AppendLine($"| {i + 1} | {c.Claim.Id} | {c.Claim.Kind} | {VerdictText.Of(c.Claim.Expected)} | {VerdictText.Of(c.Verdict)} | {(c.AsExpected ? "as expected" : "**differs**")} |");
        }
        sb.AppendLine();

        sb.AppendLine("## Claims").AppendLine();
        foreach (var pc in ReportPlan.Of(result, certificates))
        {
            var c = pc.Result;
            sb.AppendLine($"### {pc.Number}. {c.Claim.Id} ({c.Claim.Kind})").AppendLine();
            sb.AppendLine(c.Claim.Statement.Trim()).AppendLine();
            sb.AppendLine($"*Source: {c.Claim.Source}*").AppendLine();
            sb.AppendLine($"**Verdict: {VerdictText.Of(c.Verdict)}** (expected: {VerdictText.Of(c.Claim.Expected)}{(c.AsExpected ? "" : " — **DIFFERS**")}). {c.Explanation}").AppendLine();
            if (c.Claim.Note is { } note) sb.AppendLine($"Note: {note.Trim()}").AppendLine();
            sb.AppendLine($"How this was checked: {HowChecked.Of(pc)}{(pc.Certificate?.Link is { } link ? $" ([certificate]({link}))" : "")}.").AppendLine();
            foreach (var pe in pc.Evidence)
            {
                var e = pe.Section;
                if (pe.SameAs is { } first)
                {
                    sb.AppendLine($"E{pe.Number} ({ReportPlan.LayerText(e.Layer)}): {e.Summary} — shown as E{first} above.").AppendLine();
                    continue;
                }
                sb.AppendLine($"E{pe.Number} ({ReportPlan.LayerText(e.Layer)}): {e.Summary}").AppendLine();
                foreach (var formula in e.Formulas)
                    sb.AppendLine($"- {formula.Label}: $${formula.Latex}$$");
                if (e.Formulas.Count > 0) sb.AppendLine();
                if (e.Values.Count > 0)
                {
                    sb.AppendLine("| quantity | value |").AppendLine("|---|---|");
                    foreach (var v in e.Values) sb.AppendLine($"| {v.Name.Replace("|", "\\|")} | {v.Value.Replace("|", "\\|")} |");
                    sb.AppendLine();
                }
                if (e.SmtLib is { } smt)
                {
                    var name = $"{baseName}.{c.Claim.Id}.{pe.Index}.smt2";
                    attachments.Add(new ReportAttachment(name, smt));
                    sb.AppendLine($"SMT-LIB2 script: [{name}]({name}) (re-run with `z3 {name}`)").AppendLine();
                }
                if (SectionFigure.Of(e) is { } fig)
                {
                    var name = $"{baseName}.{fig.FileName}";
                    attachments.Add(new ReportAttachment(name, fig.Svg));
                    sb.AppendLine($"![{fig.Caption}]({name})").AppendLine();
                    sb.AppendLine($"*{fig.Caption}*").AppendLine();
                }
            }
        }
        if (f.Findings.Count > 0)
        {
            sb.AppendLine("## Findings").AppendLine();
            foreach (var finding in f.Findings) sb.AppendLine($"- {finding.Trim()}");
            sb.AppendLine();
        }
        return new RenderedReport($"{baseName}.md", sb.ToString().Replace("\r\n", "\n"), attachments);
    }
}
