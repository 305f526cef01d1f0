using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace ProofWorkbench.Reports;

/// <summary>A polyline in the (w, a) plane with a legend title.</summary>
public sealed record PlaneCurve(string Title, IReadOnlyList<(double W, double A)> Points, bool Dashed = false, int Color = 0);

/// <summary>A marked point in the (w, a) plane, labelled on the plot (θ₀, θ₁*, …).</summary>
public sealed record PlanePoint(string Title, double W, double A);

/// <summary>
/// Draws gradient-flow trajectories and the zero sets M_S in the (w, a) plane as SVG with OxyPlot's pure managed
/// SvgExporter — the kind of picture of paper 000's Figures 1 and 2 — in the shared <see cref="PlotStyle"/>: axes w and a,
/// legend outside the axes, every marked point labelled on the plot.
/// </summary>
public static class PhasePlaneFigure
{
    /// <summary>The SVG text of the figure.</summary>
    public static string Render(string title, IReadOnlyList<PlaneCurve> curves, IReadOnlyList<PlanePoint> points, (double Lo, double Hi)? wRange = null, (double Lo, double Hi)? aRange = null)
    {
        var model = PlotStyle.Model(title);
        model.Axes.Add(PlotStyle.Axis(AxisPosition.Bottom, "w", range: wRange));
        model.Axes.Add(PlotStyle.Axis(AxisPosition.Left, "a", range: aRange));
        foreach (var c in curves)
        {
            var s = new LineSeries
            {
                Title = c.Title, Color = PlotStyle.Color(c.Color),
                StrokeThickness = c.Dashed ? 1.5 : 2.2, LineStyle = c.Dashed ? LineStyle.Dash : LineStyle.Solid,
            };
            foreach (var (w, a) in c.Points)
                if (double.IsFinite(w) && double.IsFinite(a)) s.Points.Add(new DataPoint(PlotStyle.Round(w), PlotStyle.Round(a)));
            model.Series.Add(s);
        }
        foreach (var p in points)
            model.Annotations.Add(new PointAnnotation
            {
                X = PlotStyle.Round(p.W), Y = PlotStyle.Round(p.A), Shape = MarkerType.Circle, Size = 4, Fill = OxyColors.Black,
                Text = p.Title, FontSize = 14, TextColor = OxyColors.Black,
                TextHorizontalAlignment = HorizontalAlignment.Left, TextVerticalAlignment = VerticalAlignment.Bottom,
                TextMargin = 6,
            });
        return PlotStyle.Svg(model, 680, 560);
    }

    /// <summary>A data-set name with its trailing digits as Unicode subscripts: S1 → S₁, S2′ → S₂′.</summary>
    public static string Subscripted(string name)
    {
        var chars = name.ToCharArray();
        int i = chars.Length;
        while (i > 0 && (chars[i - 1] == '′' || char.IsAsciiDigit(chars[i - 1]))) i--;
        for (int k = i; k < chars.Length; k++) if (char.IsAsciiDigit(chars[k])) chars[k] = (char)('₀' + (chars[k] - '0'));
        return new string(chars);
    }
}
