using System.Text;
using ProofWorkbench.Symbolic.Printing;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Reports;

/// <summary>One row of a report's setup: the activation, a group of named records (points, datasets), or a plain setting.</summary>
public abstract record SetupEntry(string Key);

/// <summary>The activation σ(u), rendered as math.</summary>
public sealed record ActivationEntry(string Key, YamlValue Value) : SetupEntry(Key);

/// <summary>Named records as one table: a name column, then one column per field; a dataset contributes one row per sample.</summary>
public sealed record RecordsEntry(string Key, IReadOnlyList<string> Fields, IReadOnlyList<(string Name, IReadOnlyList<YamlValue> Rows)> Records) : SetupEntry(Key);

/// <summary>Any other setting, shown on one line.</summary>
public sealed record PlainEntry(string Key, YamlValue Value) : SetupEntry(Key);

/// <summary>
/// The one setup table of a report (issue 16 item 4), decided once and rendered twice: in HTML the activation in MathML and
/// names as math identifiers (theta0 → θ₀, S1 → S₁); in Markdown the same tables with the names in Unicode. Points and
/// datasets are tables (name | field | field …), other settings rows of a two-column table — no nested YAML bullets.
/// </summary>
public static class SetupTable
{
    /// <summary>The entries of <paramref name="setup"/> in file order (empty when the file has no setup).</summary>
    public static IReadOnlyList<SetupEntry> Entries(YamlValue setup)
    {
        if (!setup.IsMapping) return [];
        var entries = new List<SetupEntry>();
        foreach (var key in setup.Keys)
        {
            var v = setup.Required(key);
            if (key == "activation" && !v.IsMapping && !v.IsSequence) entries.Add(new ActivationEntry(key, v));
            else if (v.IsMapping && v.Keys.Count > 0 && v.Keys.All(k => v.Required(k).IsMapping))
                entries.Add(Records(key, v.Keys.Select(k => (k, (IReadOnlyList<YamlValue>)[v.Required(k)])).ToList()));
            else if (v.IsMapping && v.Keys.Count > 0 && v.Keys.All(k => v.Required(k).IsSequence && v.Required(k).Items().All(i => i.IsMapping)))
                entries.Add(Records(key, v.Keys.Select(k => (k, (IReadOnlyList<YamlValue>)v.Required(k).Items().ToList())).ToList()));
            else entries.Add(new PlainEntry(key, v));
        }
        return entries;
    }

    private static RecordsEntry Records(string key, IReadOnlyList<(string Name, IReadOnlyList<YamlValue> Rows)> named) =>
        new(key, named.SelectMany(n => n.Rows.SelectMany(r => r.Keys)).Distinct().ToList(), named);

    /// <summary>The HTML table of <paramref name="setup"/>, or a sentence when the file has no setup.</summary>
    public static string Html(YamlValue setup)
    {
        var entries = Entries(setup);
        if (entries.Count == 0) return "<p>No shared setup.</p>\n";
        var sb = new StringBuilder("<table class=\"setup\">\n");
        foreach (var entry in entries)
        {
            sb.Append("<tr><th>").Append(Reports.Html.Escape(entry.Key)).Append("</th><td>");
            switch (entry)
            {
                case ActivationEntry a:
                    sb.Append("<math xmlns=\"").Append(MathMLPrinter.Namespace).Append("\"><mrow><mi>σ</mi><mo>&#x2061;</mo><mrow><mo>(</mo><mi>u</mi><mo>)</mo></mrow><mo>=</mo>")
                        .Append(MathMLPrinter.PrintContent(a.Value.Expression())).Append("</mrow></math>");
                    break;
                case RecordsEntry r:
                    sb.Append("<table><tr><th></th>");
                    foreach (var field in r.Fields) sb.Append("<th>").Append(MathIdentifier(field)).Append("</th>");
                    sb.Append("</tr>\n");
                    foreach (var (name, rows) in r.Records)
                        for (int i = 0; i < rows.Count; i++)
                        {
                            sb.Append("<tr><td>").Append(i == 0 ? MathIdentifier(name) : "").Append("</td>");
                            foreach (var field in r.Fields)
                                sb.Append("<td class=\"num\">").Append(rows[i].Optional(field) is { } x ? Reports.Html.Escape(Inline(x)) : "").Append("</td>");
                            sb.Append("</tr>\n");
                        }
                    sb.Append("</table>");
                    break;
                case PlainEntry p:
                    sb.Append("<code>").Append(Reports.Html.Escape(Inline(p.Value))).Append("</code>");
                    break;
            }
            sb.Append("</td></tr>\n");
        }
        return sb.Append("</table>\n").ToString();
    }

    /// <summary>
    /// The Markdown of <paramref name="setup"/>: the activation as a LaTeX formula, one table per group of records, and one
    /// two-column table of the other settings; a sentence when the file has no setup.
    /// </summary>
    public static string Markdown(YamlValue setup)
    {
        var entries = Entries(setup);
        if (entries.Count == 0) return "No shared setup.\n";
        var sb = new StringBuilder();
        foreach (var a in entries.OfType<ActivationEntry>())
            sb.Append("Activation: $$\\sigma(u) = ").Append(LatexPrinter.Print(a.Value.Expression())).Append("$$ (written `").Append(Cell(a.Value.Text())).Append("`)\n\n");
        foreach (var r in entries.OfType<RecordsEntry>())
        {
            sb.Append("**").Append(r.Key).Append("**\n\n| |");
            foreach (var field in r.Fields) sb.Append(' ').Append(SymbolNames.Unicode(field)).Append(" |");
            sb.Append("\n|---|").Append(string.Concat(r.Fields.Select(_ => "---|"))).Append('\n');
            foreach (var (name, rows) in r.Records)
                for (int i = 0; i < rows.Count; i++)
                {
                    sb.Append("| ").Append(i == 0 ? SymbolNames.Unicode(name) : "").Append(" |");
                    foreach (var field in r.Fields) sb.Append(' ').Append(rows[i].Optional(field) is { } x ? Cell(Inline(x)) : "").Append(" |");
                    sb.Append('\n');
                }
            sb.Append('\n');
        }
        var plain = entries.OfType<PlainEntry>().ToList();
        if (plain.Count > 0)
        {
            sb.Append("| setting | value |\n|---|---|\n");
            foreach (var p in plain) sb.Append("| ").Append(p.Key).Append(" | `").Append(Cell(Inline(p.Value))).Append("` |\n");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");

    private static string MathIdentifier(string name) =>
        $"<math xmlns=\"{MathMLPrinter.Namespace}\">{MathMLPrinter.Identifier(name)}</math>";

    /// <summary>A YAML value on one line: sequences in parentheses, mappings in braces.</summary>
    public static string Inline(YamlValue v) =>
        v.IsSequence ? "(" + string.Join(", ", v.Items().Select(Inline)) + ")"
        : v.IsMapping ? "{" + string.Join(", ", v.Keys.Select(k => $"{k}: {Inline(v.Required(k))}")) + "}"
        : v.Text();
}
