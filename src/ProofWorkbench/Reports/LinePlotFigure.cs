using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace ProofWorkbench.Reports;

/// <summary>A curve y(x) of a line plot; <see cref="Lower"/>/<see cref="Upper"/> (same length as the points) give a shaded band.</summary>
/// <param name="Title">Legend title (OxyPlot math text: x_{1}, M_{S_{1}}).</param>
/// <param name="Points">The (x, y) points in order.</param>
/// <param name="Color">Palette index (<see cref="PlotStyle.Color"/>).</param>
/// <param name="Dashed">Dashed line.</param>
public sealed record PlotCurve(string Title, IReadOnlyList<(double X, double Y)> Points, int Color = 0, bool Dashed = false)
{
    /// <summary>Lower edge of the band at each point's x, or null for no band.</summary>
    public IReadOnlyList<double>? Lower { get; init; }
    /// <summary>Upper edge of the band at each point's x, or null for no band.</summary>
    public IReadOnlyList<double>? Upper { get; init; }
    /// <summary>Mark each point with a circle (for sweeps over a few parameter values).</summary>
    public bool Markers { get; init; }
    /// <summary>Draw the points as markers only, without the joining line (independent checks at a few parameter values).</summary>
    public bool MarkersOnly { get; init; }
}

/// <summary>The axes of a line plot.</summary>
/// <param name="XTitle">The x-axis title (a symbol or a quantity with its unit).</param>
/// <param name="YTitle">The y-axis title.</param>
/// <param name="XLog">Logarithmic x axis.</param>
/// <param name="YLog">Logarithmic y axis.</param>
public sealed record PlotAxes(string XTitle, string YTitle, bool XLog = false, bool YLog = false)
{
    /// <summary>The x range, or null to fit the data.</summary>
    public (double Lo, double Hi)? XRange { get; init; }
    /// <summary>The y range, or null to fit the data.</summary>
    public (double Lo, double Hi)? YRange { get; init; }
}

/// <summary>
/// A general line plot in the shared <see cref="PlotStyle"/> (issue 16 item 3): curves with optional shaded bands (e.g. a
/// simulated SGD path with its band), linear or logarithmic axes (e.g. an α sweep), legend outside the axes. Reports of
/// any paper draw their line figures through this one function; checkers hand over numbers only.
/// </summary>
public static class LinePlotFigure
{
    /// <summary>The SVG text of the plot.</summary>
    public static string Render(string title, PlotAxes axes, IReadOnlyList<PlotCurve> curves, double width = 680, double height = 400)
    {
        var model = PlotStyle.Model(title);
        model.Axes.Add(PlotStyle.Axis(AxisPosition.Bottom, axes.XTitle, axes.XLog, axes.XRange));
        model.Axes.Add(PlotStyle.Axis(AxisPosition.Left, axes.YTitle, axes.YLog, axes.YRange));
        foreach (var c in curves)
        {
            var color = PlotStyle.Color(c.Color);
            if (c.Lower is { } lo && c.Upper is { } hi)
            {
                if (lo.Count != c.Points.Count || hi.Count != c.Points.Count)
                    throw new ArgumentException($"the band of '{c.Title}' needs one lower and one upper value per point.", nameof(curves));
                var band = new AreaSeries { Color = OxyColor.FromAColor(0, color), Fill = OxyColor.FromAColor(56, color), StrokeThickness = 0 };
                for (int i = 0; i < c.Points.Count; i++)
                {
                    if (!Drawable(c.Points[i].X, lo[i], axes) || !Drawable(c.Points[i].X, hi[i], axes)) continue;
                    band.Points.Add(new DataPoint(PlotStyle.Round(c.Points[i].X), PlotStyle.Round(lo[i])));
                    band.Points2.Add(new DataPoint(PlotStyle.Round(c.Points[i].X), PlotStyle.Round(hi[i])));
                }
                model.Series.Add(band);
            }
            var line = new LineSeries
            {
                Title = c.Title, Color = color, StrokeThickness = 2, LineStyle = c.MarkersOnly ? LineStyle.None : c.Dashed ? LineStyle.Dash : LineStyle.Solid,
                MarkerType = c.Markers || c.MarkersOnly ? MarkerType.Circle : MarkerType.None, MarkerSize = c.MarkersOnly ? 4 : 3, MarkerFill = color,
            };
            foreach (var (x, y) in c.Points)
                if (Drawable(x, y, axes)) line.Points.Add(new DataPoint(PlotStyle.Round(x), PlotStyle.Round(y)));
            model.Series.Add(line);
        }
        // The legend sits below the axes, one entry per row: the figure grows by its rows.
        return PlotStyle.Svg(model, width, height + 20 * curves.Count);
    }

    // Finite, and positive on a logarithmic axis.
    private static bool Drawable(double x, double y, PlotAxes axes) =>
        double.IsFinite(x) && double.IsFinite(y) && (!axes.XLog || x > 0) && (!axes.YLog || y > 0);
}
