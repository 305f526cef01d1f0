using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;

namespace ProofWorkbench.Reports;

/// <summary>
/// The look every report figure shares (issue 16 item 3): a font stack available on Linux whose metrics match the
/// exporter's text measurer (Liberation Sans is metric-compatible with Arial/Helvetica), invariant-culture tick labels,
/// a legend outside the axes below them, entries stacked in one column (OxyPlot's exporter under-measures text, so a
/// legend beside the axes or in one row would overlap or run off the edge), and SVG bytes
/// that depend only on the data (coordinates rounded, line ends normalised).
/// </summary>
public static class PlotStyle
{
    /// <summary>The font stack written into the SVG.</summary>
    public const string Font = "Liberation Sans, Arimo, Arial, Helvetica, sans-serif";

    /// <summary>Colour-blind-safe palette (Okabe–Ito), in order.</summary>
    public static readonly IReadOnlyList<OxyColor> Palette =
    [
        OxyColor.FromRgb(0x00, 0x72, 0xb2), OxyColor.FromRgb(0xd5, 0x5e, 0x00), OxyColor.FromRgb(0x00, 0x9e, 0x73),
        OxyColor.FromRgb(0xcc, 0x79, 0xa7), OxyColor.FromRgb(0xe6, 0x9f, 0x00), OxyColor.FromRgb(0x56, 0xb4, 0xe9),
        OxyColor.FromRgb(0x00, 0x00, 0x00),
    ];

    /// <summary>The colour of series <paramref name="index"/>.</summary>
    public static OxyColor Color(int index) => Palette[index % Palette.Count];

    /// <summary>A plot model with the shared look and a legend outside the axes.</summary>
    public static PlotModel Model(string title)
    {
        var model = new PlotModel
        {
            Title = title, TitleFontSize = 15, TitleFontWeight = FontWeights.Normal, Background = OxyColors.White,
            DefaultFont = Font, DefaultFontSize = 12, Culture = System.Globalization.CultureInfo.InvariantCulture,
            Padding = new OxyThickness(8, 10, 16, 8), PlotAreaBorderColor = OxyColor.FromRgb(0x55, 0x55, 0x55),
        };
        model.Legends.Add(new Legend
        {
            LegendPlacement = LegendPlacement.Outside, LegendPosition = LegendPosition.BottomLeft,
            LegendOrientation = LegendOrientation.Vertical, LegendFontSize = 12, LegendBorderThickness = 0,
            LegendItemSpacing = 6, LegendLineSpacing = 8, LegendMargin = 8, LegendSymbolLength = 22,
        });
        return model;
    }

    /// <summary>An axis with a (math-styled, italic) title; logarithmic when asked.</summary>
    public static Axis Axis(AxisPosition position, string title, bool logarithmic = false, (double Lo, double Hi)? range = null)
    {
        Axis axis = logarithmic ? new LogarithmicAxis() : new LinearAxis();
        axis.Position = position;
        axis.Title = title;
        axis.TitleFontSize = 14;
        axis.MajorGridlineStyle = LineStyle.Dot;
        axis.MajorGridlineColor = OxyColor.FromRgb(0xcc, 0xcc, 0xcc);
        if (range is { } r) { axis.Minimum = r.Lo; axis.Maximum = r.Hi; }
        return axis;
    }

    /// <summary>
    /// A coordinate rounded to 6 significant digits, so the SVG bytes do not depend on last-bit differences between
    /// machines (and values far below 1 survive on logarithmic axes).
    /// </summary>
    public static double Round(double v) =>
        double.IsFinite(v) && v != 0
            ? double.Parse(v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture)
            : v;

    /// <summary>
    /// The SVG text of <paramref name="model"/>, made to look the same in browsers and in librsvg (<c>rsvg-convert</c>):
    /// a viewBox so the figure scales inline, and the vertical text alignment written as a <c>dy</c> shift, because librsvg
    /// ignores OxyPlot's <c>dominant-baseline</c> (tick labels and titles would sit an ascent too high and be clipped).
    /// </summary>
    public static string Svg(PlotModel model, double width, double height)
    {
        var svg = SvgExporter.ExportToString(model, width, height, true).Replace("\r\n", "\n");
        var size = $"width=\"{width.ToString(System.Globalization.CultureInfo.InvariantCulture)}\" height=\"{height.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"";
        // OxyPlot's exporter measures text narrower than it renders and clips the legend to that measure: the legend
        // group (the one showing the series titles) is left unclipped, so no entry is cut off.
        var titles = model.Series.Select(x => x.Title).Where(t => !string.IsNullOrEmpty(t)).Select(t => ">" + System.Net.WebUtility.HtmlEncode(t)).ToList();
        svg = System.Text.RegularExpressions.Regex.Replace(svg, "<g clip-path=\"url\\(#clipPath\\d+\\)\">(?<body>(?:(?!</g>).)*)</g>",
            m => titles.Count > 0 && titles.Any(t => m.Groups["body"].Value.Contains(t, StringComparison.Ordinal)) ? "<g>" + m.Groups["body"].Value + "</g>" : m.Value,
            System.Text.RegularExpressions.RegexOptions.Singleline);
        return svg.Replace("<svg " + size, "<svg " + size + $" viewBox=\"0 0 {width.ToString(System.Globalization.CultureInfo.InvariantCulture)} {height.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"")
            .Replace("dominant-baseline=\"hanging\"", "dy=\"0.8em\"").Replace("dominant-baseline=\"middle\"", "dy=\"0.35em\"")
            .Replace("dominant-baseline=\"baseline\" ", "");
    }
}
