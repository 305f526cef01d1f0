using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ProofWorkbench.Dynamics;
using ProofWorkbench.Models;
using ProofWorkbench.Numerics.Stochastic;

namespace ProofWorkbench.Cli.Commands;

/// <summary>One row of <c>pwb bench sgd</c>.</summary>
/// <param name="Name">The case.</param>
/// <param name="Parameters">M.</param>
/// <param name="Runs">Independent runs.</param>
/// <param name="StepsPerRun">SGD steps per run.</param>
/// <param name="Threads">Threads used.</param>
/// <param name="WallSeconds">Wall time.</param>
/// <param name="StepsPerSecond">Total steps per wall-clock second.</param>
public sealed record SgdBenchRow(string Name, int Parameters, int Runs, long StepsPerRun, int Threads, double WallSeconds, double StepsPerSecond);

/// <summary>
/// <c>pwb bench sgd [--json]</c>: throughput of label-noise SGD (<see cref="LabelNoiseSgd"/>, Blanc et al. 2020 eq. (5))
/// on every core: the one-neuron model a·tanh(w·x) on one sample (the drift claim of theorems/blanc2020, 400 runs ×
/// 40,000 steps at one step size), and a two-layer tanh network with d = 10, m = 100 (M = 1100) on 10 samples. Shows a
/// progress line on stderr.
/// </summary>
public static class SgdBenchCommand
{
    /// <summary>Runs the benchmark; returns 0.</summary>
    public static int Run(bool json, TextWriter stdout, TextWriter progress)
    {
        var tanh = Activation.Parse("tanh(u)");
        var rows = new List<SgdBenchRow>
        {
            Measure("one-neuron tanh (drift claim: 400 runs × 40000 steps)", () => new TwoLayerModel(tanh, 1, 1, oneNeuronNames: true),
                [new NumericSample(0, [1.0], 1.0)], [0.5, 1 / Math.Tanh(0.5)], 400, 40_000, progress),
            Measure("two-layer tanh d = 10, m = 100, n = 10", () => new TwoLayerModel(tanh, 10, 100),
                TwoLayerData(), TwoLayerStart(), 16, 20_000, progress),
        };
        if (json)
        {
            stdout.WriteLine(new JsonArray(rows.Select(r => (JsonNode)new JsonObject
            {
                ["case"] = r.Name, ["parameters"] = r.Parameters, ["runs"] = r.Runs, ["steps_per_run"] = r.StepsPerRun, ["threads"] = r.Threads,
                ["wall_seconds"] = r.WallSeconds, ["steps_per_second"] = r.StepsPerSecond,
            }).ToArray()).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        stdout.WriteLine($"{"case",-58} {"M",6} {"runs",5} {"steps/run",10} {"threads",7} {"wall s",8} {"steps/s",12}");
        foreach (var r in rows)
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Name,-58} {r.Parameters,6} {r.Runs,5} {r.StepsPerRun,10} {r.Threads,7} {r.WallSeconds,8:F2} {r.StepsPerSecond,12:G4}"));
        return 0;
    }

    private static NumericSample[] TwoLayerData() => Enumerable.Range(0, 10)
        .Select(i => new NumericSample(i, Enumerable.Range(0, 10).Select(l => Math.Sin(1 + i + 0.7 * l)).ToArray(), Math.Cos(i))).ToArray();

    private static double[] TwoLayerStart() => Enumerable.Range(0, 1100).Select(j => 0.1 * Math.Sin(3 + 1.3 * j)).ToArray();

    private static SgdBenchRow Measure(string name, Func<IModel> model, NumericSample[] data, double[] theta0, int runs, long steps, TextWriter progress)
    {
        var problem = LabelNoiseSgdModel.Problem(model, data);
        var settings = new SgdSettings(0.01, steps, LabelNoise.Rademacher, 1, SampleOrder.Uniform, steps);
        LabelNoiseSgd.Ensemble(problem, theta0, settings with { Steps = Math.Min(steps, 1000), RecordEvery = Math.Min(steps, 1000) }, 1, 2); // warm-up (JIT)
        var reporter = new ProgressLine(progress, name, runs);
        var clock = Stopwatch.StartNew();
        LabelNoiseSgd.Ensemble(problem, theta0, settings, 1, runs, progress: reporter.Report);
        double wall = clock.Elapsed.TotalSeconds;
        reporter.Done();
        return new SgdBenchRow(name, problem.ParameterCount, runs, steps, Environment.ProcessorCount, wall, runs * (double)steps / wall);
    }
}

/// <summary>A progress display on stderr for long simulations: "name: r/N runs", redrawn in place (at most every 0.2 s).</summary>
public sealed class ProgressLine(TextWriter writer, string name, int total)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Lock gate = new();
    private double last = -1;

    /// <summary>Called (from worker threads) with the number of finished runs.</summary>
    public void Report(int finished)
    {
        lock (gate)
        {
            double now = clock.Elapsed.TotalSeconds;
            if (finished < total && now - last < 0.2) return;
            last = now;
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"\r{name}: {finished}/{total} runs, {now:F1} s"));
        }
    }

    /// <summary>Ends the line.</summary>
    public void Done()
    {
        lock (gate) writer.WriteLine();
    }
}
