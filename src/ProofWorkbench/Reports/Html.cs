using System.Net;
using Markdig;

namespace ProofWorkbench.Reports;

/// <summary>
/// The pieces every HTML page of the reports shares: escaping, prose through Markdig, and one self-contained page
/// layout (inline CSS, no script, no network; fonts from generic stacks available on Linux).
/// </summary>
public static class Html
{

    /// <summary>Text escaped for HTML content and attribute values.</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>
    /// Prose (statements, notes, findings) as HTML via Markdig: paragraphs, lists and `code`; raw HTML is escaped, and
    /// * and _ are literal (the files write θ₁* and M_S₁, never emphasis).
    /// </summary>
    public static string Markdown(string text) =>
        Markdig.Markdown.ToHtml(LiteralStars(text.Trim().Replace("\r\n", "\n")), ProsePipeline).Trim();

    // Escapes * and _ outside `code spans` (inside them Markdown keeps every character as written).
    private static string LiteralStars(string text)
    {
        var parts = text.Split('`');
        for (int i = 0; i < parts.Length; i += 2) parts[i] = parts[i].Replace("*", "\\*").Replace("_", "\\_");
        return string.Join('`', parts);
    }

    private static readonly MarkdownPipeline ProsePipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    /// <summary>
    /// An SVG document made inline: the XML declaration and DOCTYPE removed, its ids (OxyPlot's clipPath1, …) prefixed with
    /// <paramref name="prefix"/> so several figures on one page never share an id.
    /// </summary>
    public static string InlineSvg(string svg, string prefix)
    {
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        var body = start < 0 ? svg : svg[start..].Trim();
        return body.Replace("id=\"clipPath", $"id=\"{prefix}-clipPath").Replace("url(#clipPath", $"url(#{prefix}-clipPath")
            .Replace("<svg ", "<svg role=\"img\" ");
    }

    /// <summary>A complete page: <paramref name="title"/> in the head, <paramref name="body"/> inside the main element.</summary>
    public static string Page(string title, string body) =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + $"<title>{Escape(title)}</title>\n<style>\n{Style}</style>\n</head>\n<body>\n<main>\n{body.TrimEnd()}\n</main>\n</body>\n</html>\n";

    // Generic font stacks: DejaVu/Liberation ship with Debian; math falls back to the browser's math font.
    private const string Style =
        "body { font-family: \"DejaVu Sans\", \"Liberation Sans\", Arial, sans-serif; font-size: 14px; line-height: 1.3; color: #1a1a1a; margin: 0; background: #fafafa; }\n"
        + "main { max-width: 1400px; margin: 0 auto; padding: 12px 20px; background: #fff; }\n"
        + "h1 { font-size: 1.35em; margin: 0.2em 0; } h2 { font-size: 1.1em; margin: 0.8em 0 0.3em; border-bottom: 1px solid #ddd; }\n"
        + "h3 { font-size: 1em; margin: 0.6em 0 0.2em; }\n"
        + "math { font-family: \"STIX Two Math\", \"Latin Modern Math\", \"DejaVu Serif\", math, serif; font-size: 1.05em; }\n"
        + "blockquote { margin: 0.3em 0; padding: 0.2em 0.8em; border-left: 3px solid #ccc; color: #333; }\n"
        + "blockquote p { margin: 0.2em 0; }\n"
        + "table { border-collapse: collapse; margin: 0.3em 0; } td, th { border: 1px solid #ddd; padding: 2px 8px; vertical-align: top; text-align: left; }\n"
        + "th { background: #f2f2f2; } .num { font-family: \"DejaVu Sans Mono\", \"Liberation Mono\", monospace; font-size: 0.92em; }\n"
        + "code { font-family: \"DejaVu Sans Mono\", \"Liberation Mono\", monospace; font-size: 0.9em; }\n"
        + ".claim { border: 1px solid #ddd; border-radius: 4px; padding: 4px 10px; margin: 6px 0; display: flow-root; }\n"
        + "figure.side { float: right; width: 30%; margin: 0 0 4px 12px; }\n"
        + "table.setup > tbody > tr { display: inline-table; vertical-align: top; margin-right: 10px; }\n"
        + ".claim p { margin: 0.2em 0; } .how { color: #444; font-size: 0.93em; }\n"
        + ".verdict { font-weight: bold; padding: 0 5px; border-radius: 3px; }\n"
        + ".proved { background: #d9f2d9; } .confirmed { background: #dde9f7; } .refuted { background: #f7dcdc; } .inconclusive { background: #f3ecd0; }\n"
        + ".differs { color: #b00020; font-weight: bold; }\n"
        + "details { margin: 2px 0 2px 0.5em; } summary { cursor: pointer; font-size: 0.93em; }\n"
        + "figure { margin: 0.4em 0; } figure svg { max-width: 100%; height: auto; } figcaption { font-size: 0.9em; color: #333; }\n"
        + ".source { color: #555; font-size: 0.9em; }\n";
}
