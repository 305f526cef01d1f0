using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using ProofWorkbench.Numerics.Benchmarks;
using ProofWorkbench.Numerics.Ode;

namespace ProofWorkbench.Cli.Commands;

/// <summary>
/// <c>pwb bench ode [--problem NAME]… [--json]</c>: the ODE work–precision benchmark. Every method — DOP853, Radau5,
/// Taylor, auto-switching and MathNet's RK4 as the baseline — on the fixed problem set
/// (<see cref="BenchmarkProblems.All"/>: paper 000 Figure 1 with both datasets, Figure 2 with its three datasets, the
/// exp-activation flow with d = 3, and the stiff sigmoid flow with x = 25) at tolerances 1e-6 … 1e-13, with the
/// achieved error against the high-precision reference, the RHS evaluations and the wall time
/// (<see cref="WorkPrecision.Run"/>). RK4 is a fixed-step method with h = tol^(1/4) (<see cref="Rk4Baseline"/>); even
/// at 1e-13 (89 000 steps per problem) the whole run takes seconds, so no cap is needed.
/// </summary>
public static class BenchCommand
{
    /// <summary>The System.CommandLine definition of <c>pwb bench</c> with its subcommand <c>ode</c>.</summary>
    public static Command Create()
    {
        var bench = new Command("bench", "Benchmarks.");
        var ode = new Command("ode", "ODE work–precision benchmark: every method on the fixed problem set at tolerances 1e-6 … 1e-13.");
        var problem = new Option<string[]>("--problem") { Description = $"Run only this problem (repeatable): {string.Join(", ", BenchmarkProblems.All.Select(p => p.Name))}." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        ode.Add(problem); ode.Add(json);
        ode.SetAction(p => Run(p.GetValue(json), Console.Out, p.GetValue(problem)));
        bench.Add(ode);
        var scale = new Command("scale", "Gradient flow of two-layer networks (d = 10, m = 10 … 100000) on Corollary 6.2's construction: cost per parameter, work, error.");
        var widths = new Option<string[]>("--width") { Description = "Run only this width m (repeatable); default 10, 100, 1000, 10000, 100000." };
        var scaleJson = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        scale.Add(widths); scale.Add(scaleJson);
        scale.SetAction(p => ScaleBenchCommand.Run(p.GetValue(scaleJson), Console.Out,
            (p.GetValue(widths) ?? []).Select(w => int.TryParse(w, System.Globalization.NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) ? m
                : throw new InputException($"--width '{w}' is not a whole number.")).ToArray()));
        bench.Add(scale);
        var sgd = new Command("sgd", "Label-noise SGD throughput (steps per second) for a one-neuron and a two-layer tanh model, on every core.");
        var sgdJson = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        sgd.Add(sgdJson);
        sgd.SetAction(p => SgdBenchCommand.Run(p.GetValue(sgdJson), Console.Out, Console.Error));
        bench.Add(sgd);
        var refute = new Command("refute", "pwb refute: wall-clock time to the first certificate for each committed case (theorems/zhang2023/refute).");
        refute.SetAction(_ => RefuteBenchCommand.Run(Console.Out));
        bench.Add(refute);
        return bench;
    }

    /// <summary>The methods compared, in table order.</summary>
    public static IReadOnlyList<(string Name, IOdeMethod Method)> Methods() =>
    [
        ("dop853", new Dop853()),
        ("radau5", new Radau5()),
        ("taylor", new TaylorMethod()),
        ("auto", new AutoSwitching()),
        ("rk4", new Rk4Baseline()),
    ];

    /// <summary>
    /// Runs the benchmark on the named problems (all when null or empty) at <paramref name="tolerances"/>
    /// (<see cref="WorkPrecision.DefaultTolerances"/> when null); returns the exit code.
    /// </summary>
    public static int Run(bool json, TextWriter stdout, IReadOnlyList<string>? problems = null, IReadOnlyList<double>? tolerances = null,
        int repetitions = 3)
    {
        var selected = SelectProblems(problems);
        var tols = tolerances ?? WorkPrecision.DefaultTolerances;
        var references = selected.ToDictionary(p => p.Name, WorkPrecision.ReferenceSolution);
        // Warm-up (JIT) on the smallest case, so that the first timed cell is not compilation time.
        WorkPrecision.Run(selected.Take(1), Methods().Select(m => m.Method).Where(m => m is not Rk4Baseline), [1e-6], 1, references);
        var methods = Methods();
        var shortNames = methods.ToDictionary(m => m.Method.Name, m => m.Name);
        var ordered = WorkPrecision.Run(selected, methods.Select(m => m.Method), tols, repetitions, references)
            .Select(r => (Method: shortNames[r.Method], Row: r)).ToArray();
        if (json)
        {
            stdout.WriteLine(Json.Write(new JsonArray(ordered.Select(r => (JsonNode)new JsonObject
            {
                ["problem"] = r.Row.Problem,
                ["method"] = r.Method,
                ["tol"] = r.Row.Tolerance,
                ["error"] = double.IsFinite(r.Row.Error) ? JsonValue.Create(r.Row.Error) : null,
                ["rhs_evals"] = r.Row.RhsEvals,
                ["wall_ms"] = r.Row.WallMs,
                ["status"] = r.Row.Status.ToString(),
                ["accepted"] = r.Row.AcceptedSteps,
                ["rejected"] = r.Row.RejectedSteps,
                ["jacobian_evals"] = r.Row.JacobianEvals,
                ["lu"] = r.Row.LuDecompositions,
            }).ToArray())));
            return 0;
        }
        stdout.WriteLine("ODE work–precision benchmark (rtol = atol = tol; error = max |y(tEnd) − y_ref(tEnd)|; wall time = fastest of "
            + $"{repetitions} runs; rk4 = MathNet's fixed-step RK4 with h = tol^(1/4))");
        foreach (var p in selected)
            stdout.WriteLine($"  {p.Name}: {p.Description}; reference error ≈ {references[p.Name].ErrorEstimate:E1}");
        stdout.WriteLine();
        stdout.WriteLine($"{"problem",-18} {"method",-7} {"tol",7} {"error",10} {"rhs evals",10} {"wall ms",10}  status");
        foreach (var (method, r) in ordered)
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Problem,-18} {method,-7} {r.Tolerance,7:0E+00} {(double.IsFinite(r.Error) ? r.Error.ToString("0.00E+00", CultureInfo.InvariantCulture) : "-"),10} {r.RhsEvals,10} {r.WallMs,10:F3}  {r.Status}"));
        return 0;
    }

    private static IReadOnlyList<BenchmarkProblem> SelectProblems(IReadOnlyList<string>? names)
    {
        if (names is null || names.Count == 0) return BenchmarkProblems.All;
        return names.Select(n => BenchmarkProblems.All.FirstOrDefault(p => p.Name == n)
            ?? throw new InputException($"--problem '{n}' is not a benchmark problem; choose one of {string.Join(", ", BenchmarkProblems.All.Select(p => p.Name))}."))
            .ToArray();
    }
}
