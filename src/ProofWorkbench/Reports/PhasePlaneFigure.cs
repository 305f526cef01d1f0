using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace ProofWorkbench.Reports;

/// <summary>A polyline in the (w, a) plane with a legend title.</summary>
public sealed record PlaneCurve(string Title, IReadOnlyList<(double W, double A)> Points, bool Dashed = false, int Color = 0);

/// <summary>A marked point in the (w, a) plane.</summary>
public sealed record PlanePoint(string Title, double W, double A);

/// <summary>
/// Draws gradient-flow trajectories and the zero sets M_S in the (w, a) plane as SVG with OxyPlot's pure
/// managed SvgExporter — the kind of picture as paper 000's Figures 1 and 2. Coordinates are rounded to
/// 4 decimals before drawing so the SVG bytes do not depend on last-bit differences between machines.
/// </summary>
public static class PhasePlaneFigure
{
    private static readonly OxyColor[] Palette =
    [
        OxyColor.FromRgb(0x1f, 0x77, 0xb4), OxyColor.FromRgb(0xd6, 0x27, 0x28), OxyColor.FromRgb(0x2c, 0xa0, 0x2c),
        OxyColor.FromRgb(0x94, 0x67, 0xbd), OxyColor.FromRgb(0xff, 0x7f, 0x0e), OxyColor.FromRgb(0x8c, 0x56, 0x4b),
    ];

    /// <summary>The SVG text of the figure.</summary>
    public static string Render(string title, IReadOnlyList<PlaneCurve> curves, IReadOnlyList<PlanePoint> points, (double Lo, double Hi)? wRange = null, (double Lo, double Hi)? aRange = null)
    {
        // Tick labels in the invariant culture: the SVG is byte-identical on any machine and locale (issue 9 item 10).
        var model = new PlotModel { Title = title, Background = OxyColors.White, Culture = System.Globalization.CultureInfo.InvariantCulture };
        model.Legends.Add(new Legend
        {
            LegendPosition = LegendPosition.BottomCenter, LegendPlacement = LegendPlacement.Outside,
            LegendOrientation = LegendOrientation.Horizontal, LegendFontSize = 11,
        });
        var x = new LinearAxis { Position = AxisPosition.Bottom, Title = "w", MajorGridlineStyle = LineStyle.Dot };
        var y = new LinearAxis { Position = AxisPosition.Left, Title = "a", MajorGridlineStyle = LineStyle.Dot };
        if (wRange is { } wr) { x.Minimum = wr.Lo; x.Maximum = wr.Hi; }
        if (aRange is { } ar) { y.Minimum = ar.Lo; y.Maximum = ar.Hi; }
        model.Axes.Add(x);
        model.Axes.Add(y);
        foreach (var c in curves)
        {
            var s = new LineSeries
            {
                Title = c.Title,
                Color = Palette[c.Color % Palette.Length],
                StrokeThickness = c.Dashed ? 1.5 : 2,
                LineStyle = c.Dashed ? LineStyle.Dash : LineStyle.Solid,
            };
            foreach (var (w, a) in c.Points)
                if (double.IsFinite(w) && double.IsFinite(a)) s.Points.Add(new DataPoint(Math.Round(w, 4), Math.Round(a, 4)));
            model.Series.Add(s);
        }
        var marks = new ScatterSeries { Title = "θ₀ and limits", MarkerType = MarkerType.Circle, MarkerSize = 4, MarkerFill = OxyColors.Black };
        foreach (var p in points) marks.Points.Add(new ScatterPoint(Math.Round(p.W, 4), Math.Round(p.A, 4)));
        if (points.Count > 0) model.Series.Add(marks);
        var svg = SvgExporter.ExportToString(model, 680, 480, true);
        return svg.Replace("\r\n", "\n");
    }
}
