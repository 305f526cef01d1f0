using System.Globalization;
using System.Text;
using ProofWorkbench.Symbolic.Printing;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Reports;

/// <summary>
/// Renders a checked theorem file as one self-contained HTML page (issue 16 item 1): the statement, one setup table with
/// the activation in MathML (<see cref="MathMLPrinter"/>), a summary, and per claim its statement, verdict with its
/// one-line reason, a "how this was checked" line, and its evidence — each piece shown once (<see cref="ReportPlan"/>),
/// formulas as MathML, figures as inline SVG, SMT-LIB2 scripts and certificates linked. No script, no network,
/// no time stamps: the bytes depend only on the result.
/// </summary>
public static class HtmlReport
{
    /// <summary>Renders <paramref name="result"/>; <paramref name="baseName"/> names the page and the files it links.</summary>
    public static RenderedReport Render(TheoremResult result, string baseName, CertificateChecks? certificates = null)
    {
        var f = result.File;
        var sb = new StringBuilder();
        var attachments = new List<ReportAttachment>();
        sb.Append("<h1>").Append(Html.Escape(f.Title)).Append("</h1>\n");
        sb.Append("<p class=\"source\">Theorem file <code>").Append(Html.Escape(f.Id)).Append("</code> · source: ").Append(Html.Escape(f.Source)).Append("</p>\n");
        sb.Append("<blockquote>").Append(Html.Markdown(f.Statement)).Append("</blockquote>\n");
        int differing = result.Claims.Count(c => !c.AsExpected);
        sb.Append("<p><strong>").Append(differing == 0
            ? $"Result: all {result.Claims.Count} claims got their expected verdicts."
            : $"Result: {differing} of {result.Claims.Count} claims did NOT get their expected verdicts.").Append("</strong> ");
        sb.Append("<span class=\"source\"><em>proved</em> = exact reasoning only (symbolic identity, SMT unsat, interval enclosure); "
            + "<em>confirmed</em> = numerical evidence within the stated tolerance; <em>refuted</em> = a witness against the claim; "
            + "<em>inconclusive</em> = the tool could not decide.</span></p>\n");

        sb.Append("<h2>Setup</h2>\n").Append(SetupTable.Html(f.Setup));
        if (ReportPlan.SetupActivation(f) is { } activation)
        {
            attachments.Add(new ReportAttachment($"{baseName}.{activation.FileName}", activation.Svg));
            sb.Append("<figure>\n").Append(Html.InlineSvg(activation.Svg, "activation")).Append("\n<figcaption>").Append(Html.Escape(activation.Caption)).Append("</figcaption>\n</figure>\n");
        }

        var plan = ReportPlan.Of(result, certificates);
        sb.Append("<h2>Claims</h2>\n");
        foreach (var pc in plan) AppendClaim(sb, pc, baseName, attachments);

        if (f.Findings.Count > 0)
        {
            sb.Append("<h2>Findings</h2>\n<ul>\n");
            foreach (var finding in f.Findings) sb.Append("<li>").Append(Html.Markdown(finding)).Append("</li>\n");
            sb.Append("</ul>\n");
        }
        return new RenderedReport($"{baseName}.html", Html.Page(f.Title, sb.ToString()), attachments);
    }

    private static void AppendClaim(StringBuilder sb, PlannedClaim pc, string baseName, List<ReportAttachment> attachments)
    {
        var c = pc.Result;
        var verdict = VerdictText.Of(c.Verdict);
        sb.Append("<section class=\"claim\" id=\"").Append(Html.Escape(c.Claim.Id)).Append("\">\n");
        sb.Append("<h3>").Append(pc.Number).Append(". ").Append(Html.Escape(c.Claim.Id)).Append(" <span class=\"source\">(")
            .Append(Html.Escape(c.Claim.Kind)).Append(")</span> <span class=\"verdict ").Append(verdict).Append("\">").Append(verdict).Append("</span>");
        if (!c.AsExpected) sb.Append(" <span class=\"differs\">expected ").Append(VerdictText.Of(c.Claim.Expected)).Append(" — DIFFERS</span>");
        sb.Append("</h3>\n");
        // Figures first, floated beside the text (a report of Figure 1 fits on two screens, issue 16 item 4).
        foreach (var pe in pc.Evidence.Where(pe => pe.SameAs is null))
            if (SectionFigure.Of(pe.Section) is { } fig)
            {
                attachments.Add(new ReportAttachment($"{baseName}.{fig.FileName}", fig.Svg));
                sb.Append("<figure class=\"side\" id=\"figure-E").Append(pe.Number).Append("\">\n").Append(Html.InlineSvg(fig.Svg, $"E{pe.Number}"))
                    .Append("\n<figcaption>E").Append(pe.Number).Append(": ").Append(Html.Escape(fig.Caption)).Append("</figcaption>\n</figure>\n");
            }
        var statement = Html.Markdown(c.Claim.Statement);
        var source = $" <span class=\"source\">({Html.Escape(c.Claim.Source)})</span>";
        sb.Append(statement.EndsWith("</p>", StringComparison.Ordinal) ? statement[..^4] + source + "</p>" : statement + $"<p>{source}</p>").Append('\n');
        sb.Append("<p><strong>Why ").Append(verdict).Append(":</strong> ").Append(Html.Escape(c.Explanation)).Append("</p>\n");
        if (c.Claim.Note is { } note) sb.Append("<p><em>Note:</em> ").Append(Html.Escape(note.Trim())).Append("</p>\n");
        sb.Append("<p class=\"how\"><strong>How this was checked:</strong> ").Append(Html.Escape(HowChecked.Of(pc)));
        if (pc.Certificate?.Link is { } link)
            sb.Append(" (<a href=\"").Append(Html.Escape(link)).Append("\">").Append(Html.Escape(Path.GetFileName(link))).Append("</a>)");
        sb.Append(".</p>\n");
        if (pc.Evidence.Count > 0)
        {
            int shown = pc.Evidence.Count(e => e.SameAs is null);
            sb.Append("<details class=\"evidence\"><summary>Evidence E").Append(pc.Evidence[0].Number)
                .Append(pc.Evidence.Count > 1 ? $"–E{pc.Evidence[^1].Number}" : "").Append(" (").Append(shown).Append(" shown here")
                .Append(shown < pc.Evidence.Count ? $", {pc.Evidence.Count - shown} shown earlier" : "").Append(")</summary>\n");
            foreach (var pe in pc.Evidence) AppendEvidence(sb, pc, pe, baseName, attachments);
            sb.Append("</details>\n");
        }
        sb.Append("</section>\n");
    }

    private static void AppendEvidence(StringBuilder sb, PlannedClaim pc, PlannedEvidence pe, string baseName, List<ReportAttachment> attachments)
    {
        var e = pe.Section;
        var anchor = $"E{pe.Number}";
        if (pe.SameAs is { } first)
        {
            sb.Append("<p class=\"how\" id=\"").Append(anchor).Append("\">E").Append(pe.Number).Append(" (").Append(ReportPlan.LayerText(e.Layer)).Append("): ")
                .Append(Html.Escape(e.Summary)).Append(" — shown as <a href=\"#E").Append(first).Append("\">E").Append(first).Append("</a>.</p>\n");
            return;
        }
        bool figure = e.Figure is { } spec && FlowFigure.Draw(spec) is not null;
        sb.Append("<details id=\"").Append(anchor).Append("\"><summary>E").Append(pe.Number).Append(" (")
            .Append(ReportPlan.LayerText(e.Layer)).Append("): ").Append(Html.Escape(e.Summary)).Append("</summary>\n");
        if (e.Formulas.Count > 0)
        {
            sb.Append("<table>\n");
            foreach (var formula in e.Formulas)
                sb.Append("<tr><td>").Append(Html.Escape(formula.Label)).Append("</td><td>").Append(FormulaHtml(formula)).Append("</td></tr>\n");
            sb.Append("</table>\n");
        }
        if (e.Values.Count > 0)
        {
            sb.Append("<table>\n");
            foreach (var v in e.Values)
                sb.Append("<tr><td>").Append(Html.Escape(v.Name)).Append("</td><td class=\"num\">").Append(Html.Escape(v.Value)).Append("</td></tr>\n");
            sb.Append("</table>\n");
        }
        if (e.SmtLib is { } smt)
        {
            var name = $"{baseName}.{pc.Result.Claim.Id}.{pe.Index}.smt2";
            attachments.Add(new ReportAttachment(name, smt));
            sb.Append("<p>SMT-LIB2 script: <a href=\"").Append(Html.Escape(name)).Append("\">").Append(Html.Escape(name)).Append("</a> (re-run with <code>z3 ")
                .Append(Html.Escape(name)).Append("</code>)</p>\n");
        }
        if (figure) sb.Append("<p>The figure is shown at the top of this claim: <a href=\"#figure-").Append(anchor).Append("\">").Append(anchor).Append("</a>.</p>\n");
        sb.Append("</details>\n");
    }

    // A formula with its expressions renders as MathML; one known only as LaTeX shows its plain Unicode form when the
    // checker gives one, else the LaTeX source.
    private static string FormulaHtml(Formula formula) =>
        formula.Expressions.Count > 0
            ? string.Join("<span>, </span>", formula.Expressions.Select(x => MathMLPrinter.Print(x)))
            : formula.Plain is { } plain ? $"<span class=\"formula\">{Html.Escape(plain)}</span>"
            : $"<code class=\"tex\">{Html.Escape(formula.Latex)}</code>";
}
