using System.Text;
using ProofWorkbench.Symbolic.Printing;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Reports;

/// <summary>
/// The one setup table of an HTML report (issue 16 item 4): the activation in MathML, points and datasets as tables with
/// their names as math identifiers (theta0 → θ₀, S1 → S₁), other settings as plain rows.
/// </summary>
public static class SetupTable
{
    /// <summary>The HTML table of <paramref name="setup"/>, or a sentence when the file has no setup.</summary>
    public static string Html(YamlValue setup)
    {
        if (!setup.IsMapping || setup.Keys.Count == 0) return "<p>No shared setup.</p>\n";
        var sb = new StringBuilder("<table class=\"setup\">\n");
        foreach (var key in setup.Keys)
        {
            var v = setup.Required(key);
            sb.Append("<tr><th>").Append(Reports.Html.Escape(key)).Append("</th><td>");
            if (key == "activation" && !v.IsMapping && !v.IsSequence)
                sb.Append("<math xmlns=\"").Append(MathMLPrinter.Namespace).Append("\"><mrow><mi>σ</mi><mo>&#x2061;</mo><mrow><mo>(</mo><mi>u</mi><mo>)</mo></mrow><mo>=</mo>")
                    .Append(MathMLPrinter.PrintContent(v.Expression())).Append("</mrow></math>");
            else if (v.IsMapping && v.Keys.All(k => v.Required(k).IsMapping)) Records(sb, v.Keys.Select(k => (k, new[] { v.Required(k) })).ToList());
            else if (v.IsMapping && v.Keys.All(k => v.Required(k).IsSequence && v.Required(k).Items().All(i => i.IsMapping)))
                Records(sb, v.Keys.Select(k => (k, v.Required(k).Items().ToArray())).ToList());
            else sb.Append("<code>").Append(Reports.Html.Escape(Inline(v))).Append("</code>");
            sb.Append("</td></tr>\n");
        }
        return sb.Append("</table>\n").ToString();
    }

    // Named records (points, or datasets of samples) as one inner table: name | field | field …
    private static void Records(StringBuilder sb, IReadOnlyList<(string Name, YamlValue[] Rows)> named)
    {
        var fields = named.SelectMany(n => n.Rows.SelectMany(r => r.Keys)).Distinct().ToList();
        sb.Append("<table><tr><th></th>");
        foreach (var field in fields) sb.Append("<th>").Append(MathIdentifier(field)).Append("</th>");
        sb.Append("</tr>\n");
        foreach (var (name, rows) in named)
            for (int i = 0; i < rows.Length; i++)
            {
                sb.Append("<tr><td>").Append(i == 0 ? MathIdentifier(name) : "").Append("</td>");
                foreach (var field in fields)
                    sb.Append("<td class=\"num\">").Append(rows[i].Optional(field) is { } x ? Reports.Html.Escape(Inline(x)) : "").Append("</td>");
                sb.Append("</tr>\n");
            }
        sb.Append("</table>");
    }

    private static string MathIdentifier(string name) =>
        $"<math xmlns=\"{MathMLPrinter.Namespace}\">{MathMLPrinter.Identifier(name)}</math>";

    /// <summary>A YAML value on one line: sequences in parentheses, mappings in braces.</summary>
    public static string Inline(YamlValue v) =>
        v.IsSequence ? "(" + string.Join(", ", v.Items().Select(Inline)) + ")"
        : v.IsMapping ? "{" + string.Join(", ", v.Keys.Select(k => $"{k}: {Inline(v.Required(k))}")) + "}"
        : v.Text();
}
