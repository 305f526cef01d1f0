using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Expressions;

namespace ProofWorkbench.Reports;

/// <summary>
/// The figure of a recipe's generated activation (paper 000, Section 6; issue 12 item 5): σ(u) over its breakpoints, each
/// piece in its own colour and named in the legend by its interval, the breakpoints on the u axis.
/// </summary>
public static class ActivationFigure
{
    /// <summary>
    /// The figure of <paramref name="sigma"/> in <paramref name="variable"/>, or null unless it is a piecewise expression whose
    /// conditions are all of the form <c>variable &lt; constant</c> with increasing constants (the recipes' form).
    /// </summary>
    public static Figure? Draw(Expr sigma, string variable, string fileName)
    {
        if (sigma is not Piecewise pw) return null;
        var empty = new Dictionary<string, double>();
        var breaks = new List<double>();
        foreach (var (condition, _) in pw.Pieces)
        {
            if (condition.Operator is not (RelationOperator.Less or RelationOperator.LessOrEqual) || condition.Left is not Symbol s || s.Name != variable
                || condition.Right.FreeSymbols().Count > 0) return null;
            var b = Evaluator.Evaluate(condition.Right, empty);
            if (!double.IsFinite(b) || (breaks.Count > 0 && b <= breaks[^1])) return null;
            breaks.Add(b);
        }
        double span = Math.Max(breaks[^1] - breaks[0], 1), lo = breaks[0] - 0.25 * span, hi = breaks[^1] + 0.25 * span;
        var values = pw.Pieces.Select(p => p.Value).Append(pw.Otherwise).ToList();
        var curves = new List<PlotCurve>();
        for (int i = 0; i < values.Count; i++)
        {
            double from = i == 0 ? lo : breaks[i - 1], to = i < breaks.Count ? breaks[i] : hi;
            var f = Compiler.Compile(values[i], [variable]);
            var points = new List<(double, double)>();
            const int n = 60;
            for (int k = 0; k <= n; k++)
            {
                double u = from + (to - from) * k / n;
                points.Add((u, f([u])));
            }
            var interval = i == 0 ? $"u < {Number(to)}" : i < breaks.Count ? $"{Number(from)} ≤ u < {Number(to)}" : $"u ≥ {Number(from)}";
            curves.Add(new PlotCurve($"piece {i + 1}: {interval}", points, Color: i));
        }
        var svg = LinePlotFigure.Render("Generated activation σ(u), one colour per piece", new PlotAxes("u", "σ(u)"), curves);
        return new Figure(fileName, $"The generated activation σ: {values.Count} pieces joined at u = {string.Join(", ", breaks.Select(Number))}.", svg);
    }

    private static string Number(double v) => v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
}
