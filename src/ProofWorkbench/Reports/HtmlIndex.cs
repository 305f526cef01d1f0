using System.Text;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Reports;

/// <summary>
/// The index page of an HTML report folder (issue 16 item 1): every theorem file with a link to its page and its
/// verdict counts. Deterministic: rows in the order given (the checker's ordinal file order).
/// </summary>
public static class HtmlIndex
{
    /// <summary>The page; <paramref name="reports"/> pairs each result with its page's path relative to the index.</summary>
    public static string Render(IReadOnlyList<(TheoremResult Result, string Link)> reports)
    {
        var sb = new StringBuilder("<h1>ProofWorkbench reports</h1>\n");
        int total = reports.Sum(r => r.Result.Claims.Count), ok = reports.Sum(r => r.Result.Claims.Count(c => c.AsExpected));
        sb.Append("<p><strong>").Append(ok).Append(" of ").Append(total).Append(" claims got their expected verdicts.</strong></p>\n");
        sb.Append("<table>\n<tr><th>theorem file</th><th>title</th><th>claims</th><th>proved</th><th>confirmed</th><th>refuted</th><th>inconclusive</th><th>as expected</th></tr>\n");
        foreach (var (r, link) in reports)
        {
            int Count(Verdict v) => r.Claims.Count(c => c.Verdict == v);
            int differ = r.Claims.Count(c => !c.AsExpected);
            sb.Append("<tr><td><a href=\"").Append(Html.Escape(link.Replace('\\', '/'))).Append("\">").Append(Html.Escape(r.File.Id)).Append("</a></td><td>")
                .Append(Html.Escape(r.File.Title)).Append("</td><td>").Append(r.Claims.Count).Append("</td><td>").Append(Count(Verdict.Proved))
                .Append("</td><td>").Append(Count(Verdict.Confirmed)).Append("</td><td>").Append(Count(Verdict.Refuted)).Append("</td><td>")
                .Append(Count(Verdict.Inconclusive)).Append("</td><td>").Append(differ == 0 ? "all" : $"<span class=\"differs\">{differ} differ</span>").Append("</td></tr>\n");
        }
        sb.Append("</table>\n");
        return Html.Page("ProofWorkbench reports", sb.ToString());
    }
}
