using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;
using ProofWorkbench.Theorems.Checking;

namespace ProofWorkbench.Reports;

/// <summary>
/// Simulated mean paths with their confidence bands (shaded) against the predicted curve (black), as SVG through OxyPlot's
/// managed SvgExporter — the picture of the label-noise drift claims (paper 001, Section 3.3). Coordinates are rounded to
/// 5 significant decimals so the SVG bytes do not depend on last-bit differences.
/// </summary>
public static class MeanPathFigure
{
    private static readonly OxyColor[] Palette =
    [
        OxyColor.FromRgb(0x1f, 0x77, 0xb4), OxyColor.FromRgb(0xd6, 0x27, 0x28), OxyColor.FromRgb(0x2c, 0xa0, 0x2c), OxyColor.FromRgb(0x94, 0x67, 0xbd),
    ];

    /// <summary>The figure.</summary>
    public static Figure Draw(MeanPathPlot plot)
    {
        var model = new PlotModel { Title = plot.Title, Background = OxyColors.White, Culture = System.Globalization.CultureInfo.InvariantCulture };
        model.Legends.Add(new Legend
        {
            LegendPosition = LegendPosition.BottomCenter, LegendPlacement = LegendPlacement.Outside,
            LegendOrientation = LegendOrientation.Horizontal, LegendFontSize = 11,
        });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = plot.XLabel, MajorGridlineStyle = LineStyle.Dot });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = plot.YLabel, MajorGridlineStyle = LineStyle.Dot });
        for (int i = 0; i < plot.Paths.Count; i++)
        {
            var path = plot.Paths[i];
            var color = Palette[i % Palette.Length];
            var band = new AreaSeries
            {
                Title = null, Color = OxyColor.FromAColor(0, color), Fill = OxyColor.FromAColor(60, color), StrokeThickness = 0,
            };
            foreach (var (t, m, h) in path.Points)
            {
                band.Points.Add(new DataPoint(R(t), R(m + h)));
                band.Points2.Add(new DataPoint(R(t), R(m - h)));
            }
            model.Series.Add(band);
            var mean = new LineSeries { Title = path.Title, Color = color, StrokeThickness = 2, MarkerType = MarkerType.Circle, MarkerSize = 3, MarkerFill = color };
            foreach (var (t, m, _) in path.Points) mean.Points.Add(new DataPoint(R(t), R(m)));
            model.Series.Add(mean);
        }
        var predicted = new LineSeries { Title = "predicted: dθ/dτ = −P_T∇R", Color = OxyColors.Black, StrokeThickness = 1.5, LineStyle = LineStyle.Dash };
        foreach (var (x, y) in plot.Predicted) predicted.Points.Add(new DataPoint(R(x), R(y)));
        model.Series.Add(predicted);
        var svg = SvgExporter.ExportToString(model, 680, 480, true).Replace("\r\n", "\n");
        return new Figure(plot.FileName, plot.Caption, svg);
    }

    private static double R(double x) => Math.Round(x, 5);
}
