using ProofWorkbench.Dynamics;
using ProofWorkbench.Models;
using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Reports;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// The (w, a)-plane picture of paper 000's Figures 1 and 2 for one-sample datasets with d = 1: each flow's
/// trajectory (solid) and its zero set M_S = {a = y/σ(xw)} (dashed), with θ₀ and the limits marked.
/// </summary>
public static class FlowFigure
{
    /// <summary>The figure, or null when a dataset is not a one-sample, d = 1 dataset or no trajectory was recorded.</summary>
    public static Figure? Draw(string fileName, string title, string caption, Activation sigma, Theta theta0, IReadOnlyList<(Dataset Data, FlowResult Flow)> runs)
    {
        if (runs.Any(r => r.Data.Dimension != 1 || r.Data.Samples.Count != 1 || r.Flow.Trajectory.Count == 0)) return null;
        var sig = Compiler.Compile(sigma.Definition, [sigma.Variable]);
        var empty = new Dictionary<string, double>();
        var ws = runs.SelectMany(r => r.Flow.Trajectory.Select(t => t[0])).ToList();
        var As = runs.SelectMany(r => r.Flow.Trajectory.Select(t => t[1])).ToList();
        double wLo = ws.Min(), wHi = ws.Max(), aLo = As.Min(), aHi = As.Max();
        double wPad = 0.25 * Math.Max(wHi - wLo, 0.2), aPad = 0.25 * Math.Max(aHi - aLo, 0.2);
        (double, double) wRange = (wLo - wPad, wHi + wPad), aRange = (aLo - aPad, aHi + aPad);
        var curves = new List<PlaneCurve>();
        var points = new List<PlanePoint> { new("θ₀", theta0.ToArray()[0], theta0.ToArray()[1]) };
        int color = 0;
        foreach (var (data, flow) in runs)
        {
            double x = Evaluator.Evaluate(data.Samples[0].X[0], empty), y = Evaluator.Evaluate(data.Samples[0].Y, empty);
            var label = $"{data.Name} (x = {x.ToString("G5", System.Globalization.CultureInfo.InvariantCulture)})";
            curves.Add(new PlaneCurve($"flow on {label}", Thin(flow.Trajectory.Select(t => (t[0], t[1])).ToList()), Color: color));
            var zero = new List<(double, double)>();
            for (int k = 0; k <= 400; k++)
            {
                double w = wRange.Item1 + (wRange.Item2 - wRange.Item1) * k / 400;
                double a = y / sig([x * w]);
                if (a >= aRange.Item1 - aPad && a <= aRange.Item2 + aPad) zero.Add((w, a));
            }
            curves.Add(new PlaneCurve($"M_S, {data.Name}", zero, Dashed: true, Color: color++));
            points.Add(new PlanePoint("limit", flow.Theta[0], flow.Theta[1]));
        }
        return new Figure(fileName, caption, PhasePlaneFigure.Render(title, curves, points, wRange, aRange));
    }

    // At most ~300 points per trajectory, always keeping the first and the last.
    private static List<(double, double)> Thin(List<(double, double)> points)
    {
        if (points.Count <= 300) return points;
        int stride = (points.Count + 299) / 300;
        var thin = points.Where((_, i) => i % stride == 0).ToList();
        if (thin[^1] != points[^1]) thin.Add(points[^1]);
        return thin;
    }
}
