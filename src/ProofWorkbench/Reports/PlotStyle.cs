using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;

namespace ProofWorkbench.Reports;

/// <summary>
/// The look every report figure shares (issue 16 item 3): a font stack available on Linux whose metrics match the
/// exporter's text measurer (Liberation Sans is metric-compatible with Arial/Helvetica), invariant-culture tick labels,
/// a legend outside the axes on the right (entries stacked, so they neither overlap nor run off the edge), and SVG bytes
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
            Padding = new OxyThickness(8, 8, 12, 8), PlotAreaBorderColor = OxyColor.FromRgb(0x55, 0x55, 0x55),
        };
        model.Legends.Add(new Legend
        {
            LegendPlacement = LegendPlacement.Outside, LegendPosition = LegendPosition.RightTop,
            LegendOrientation = LegendOrientation.Vertical, LegendFontSize = 12, LegendBorderThickness = 0,
            LegendItemSpacing = 6, LegendLineSpacing = 4, LegendSymbolLength = 22,
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

    /// <summary>The SVG text of <paramref name="model"/>.</summary>
    public static string Svg(PlotModel model, double width, double height) =>
        SvgExporter.ExportToString(model, width, height, true).Replace("\r\n", "\n");
}
