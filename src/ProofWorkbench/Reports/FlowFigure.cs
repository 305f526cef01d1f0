using ProofWorkbench.Evidence;
using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Parsing;
using ProofWorkbench.Theorems.Checking;

namespace ProofWorkbench.Reports;

/// <summary>An SVG figure written beside a report.</summary>
/// <param name="FileName">File name without directory.</param>
/// <param name="Caption">The caption.</param>
/// <param name="Svg">The SVG text.</param>
public sealed record Figure(string FileName, string Caption, string Svg);

/// <summary>
/// The (w, a)-plane picture of paper 000's Figures 1 and 2 for one-sample datasets with d = 1, drawn at report time
/// from <see cref="FlowRun"/> facts: each flow's trajectory (solid) and its zero set M_S = {a = y/σ(xw)} (dashed), with
/// θ₀ and the limits marked.
/// </summary>
public static class FlowFigure
{
    /// <summary>The figure, or null when a run is not a one-sample, d = 1 run or has no trajectory samples.</summary>
    public static Figure? Draw(PhasePlane spec)
    {
        var runs = spec.Runs;
        if (runs.Count == 0 || runs.Any(r => r.Data.Count != 1 || r.Data[0].X.Count != 1 || r.Samples.Count == 0 || r.Activation is null)) return null;
        var sigma = Parser.Parse(runs[0].Activation!);
        var sig = Compiler.Compile(sigma, [runs[0].ActivationVariable]);
        var empty = new Dictionary<string, double>();
        var ws = runs.SelectMany(r => r.Samples.Select(t => t[0])).ToList();
        var As = runs.SelectMany(r => r.Samples.Select(t => t[1])).ToList();
        double wLo = ws.Min(), wHi = ws.Max(), aLo = As.Min(), aHi = As.Max();
        double wPad = 0.25 * Math.Max(wHi - wLo, 0.2), aPad = 0.25 * Math.Max(aHi - aLo, 0.2);
        (double, double) wRange = (wLo - wPad, wHi + wPad), aRange = (aLo - aPad, aHi + aPad);
        var curves = new List<PlaneCurve>();
        var theta0 = runs[0].Initial.Select(r => r.ToDouble()).ToArray();
        var points = new List<PlanePoint> { new("θ₀", theta0[0], theta0[1]) };
        int color = 0;
        foreach (var run in runs)
        {
            double x = Evaluator.Evaluate(Parser.Parse(run.Data[0].X[0]), empty), y = Evaluator.Evaluate(Parser.Parse(run.Data[0].Y), empty);
            var name = run.DataName;
            var label = $"{name} (x = {x.ToString("G5", System.Globalization.CultureInfo.InvariantCulture)})";
            curves.Add(new PlaneCurve($"flow on {label}", run.Samples.Select(t => (t[0], t[1])).ToList(), Color: color));
            var zero = new List<(double, double)>();
            for (int k = 0; k <= 400; k++)
            {
                double w = wRange.Item1 + (wRange.Item2 - wRange.Item1) * k / 400;
                double a = y / sig([x * w]);
                if (a >= aRange.Item1 - aPad && a <= aRange.Item2 + aPad) zero.Add((w, a));
            }
            curves.Add(new PlaneCurve($"M_S, {name}", zero, Dashed: true, Color: color++));
            points.Add(new PlanePoint("limit", run.Limit[0], run.Limit[1]));
        }
        return new Figure(spec.FileName, spec.Caption, PhasePlaneFigure.Render(spec.Title, curves, points, wRange, aRange));
    }

}
