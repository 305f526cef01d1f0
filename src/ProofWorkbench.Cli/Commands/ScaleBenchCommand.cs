using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ProofWorkbench.Dynamics;
using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.Constructions;

namespace ProofWorkbench.Cli.Commands;

/// <summary>One row of <c>pwb bench scale</c>.</summary>
/// <param name="Width">m.</param>
/// <param name="Parameters">M = (d + 1)m.</param>
/// <param name="Outcome">How the run ended.</param>
/// <param name="RhsEvaluations">Field evaluations of the main run.</param>
/// <param name="ReferenceRhsEvaluations">Field evaluations of the reference run of the error bound.</param>
/// <param name="WallMs">Wall time of both runs (ms).</param>
/// <param name="NsPerRhsPerParameter">Wall time per field evaluation (both runs) per parameter (ns).</param>
/// <param name="Error">max |θ − θ_exact| against the exact limit (w₀ₖ, −a₀ₖ).</param>
/// <param name="ErrorBound">The run's own error bound (Euclidean).</param>
/// <param name="ManagedMemoryMb">Managed heap after the run (MB).</param>
public sealed record ScaleRow(int Width, int Parameters, string Outcome, long RhsEvaluations, long ReferenceRhsEvaluations, double WallMs,
    double NsPerRhsPerParameter, double Error, double ErrorBound, double ManagedMemoryMb);

/// <summary>
/// <c>pwb bench scale [--width m]… [--json]</c>: gradient flow of the two-layer network g = Σₖ aₖ exp(wₖ·x), d = 10, on
/// Corollary 6.2's construction (one sample x, label y = −g(θ0, x)) with θ0 from
/// <see cref="Corollary62Construction.EqualTravelTime"/> — the θ0 for which (w₀ₖ, −a₀ₖ) is exactly the limit — for
/// m = 10 … 100 000 (M up to 1.1 million). Reports the RHS evaluations, wall time, the RHS cost per parameter (flat
/// when the cost is linear in M), the error against the exact limit and the run's error bound.
/// </summary>
public static class ScaleBenchCommand
{
    /// <summary>The default widths.</summary>
    public static IReadOnlyList<int> DefaultWidths { get; } = [10, 100, 1_000, 10_000, 100_000];

    /// <summary>The input x: d = 10 components 0.3, 0.37, …, 0.93 (all nonzero, as Corollary 6.2 needs).</summary>
    public static double[] Input { get; } = Enumerable.Range(0, 10).Select(l => 0.3 + 0.07 * l).ToArray();

    /// <summary>Runs one width (after a warm-up of the code paths on m = 10).</summary>
    public static ScaleRow RunWidth(int width, int seed = 1)
    {
        var x = Input;
        var model = new TwoLayerModel(Models.Activation.Parse("exp(u)"), x.Length, width);
        var theta0 = Corollary62Construction.EqualTravelTime(x, width, seed);
        var data = new[] { new NumericSample(0, x, Corollary62Construction.ReflectedLabel(model, theta0, x)) };
        var exact = Corollary62Construction.StatedLimit(theta0, x.Length);
        GC.Collect();
        var clock = Stopwatch.StartNew();
        var r = ModelFlowEngine.Run(model, data, theta0);
        double wall = clock.Elapsed.TotalMilliseconds;
        double error = 0;
        for (int i = 0; i < exact.Length; i++) error = Math.Max(error, Math.Abs(r.Theta[i] - exact[i]));
        long evaluations = r.RhsEvaluations + r.ReferenceRhsEvaluations;
        double perRhs = wall * 1e6 / Math.Max(1, evaluations) / model.ParameterCount;
        return new ScaleRow(width, model.ParameterCount, FlowCommand.OutcomeName(r.Outcome), r.RhsEvaluations, r.ReferenceRhsEvaluations,
            wall, perRhs, error, r.LimitErrorEstimate, GC.GetTotalMemory(false) / 1e6);
    }

    /// <summary>Runs the benchmark; returns the exit code (0; 1 when a run did not converge).</summary>
    public static int Run(bool json, TextWriter stdout, IReadOnlyList<int>? widths = null)
    {
        var selected = widths is { Count: > 0 } ? widths : DefaultWidths;
        foreach (var m in selected)
            if (m < 1 || m > 1_000_000) throw new InputException($"--width {m} must be between 1 and 1000000.");
        RunWidth(10); // warm-up (JIT)
        var rows = selected.Select(m => RunWidth(m)).ToArray();
        if (json)
        {
            stdout.WriteLine(Json.Write(new JsonArray(rows.Select(r => (JsonNode)new JsonObject
            {
                ["m"] = r.Width,
                ["parameters"] = r.Parameters,
                ["outcome"] = r.Outcome,
                ["rhs_evals"] = r.RhsEvaluations,
                ["reference_rhs_evals"] = r.ReferenceRhsEvaluations,
                ["wall_ms"] = r.WallMs,
                ["ns_per_rhs_per_parameter"] = r.NsPerRhsPerParameter,
                ["error_vs_exact"] = r.Error,
                ["error_bound"] = double.IsFinite(r.ErrorBound) ? r.ErrorBound : null,
                ["managed_memory_mb"] = r.ManagedMemoryMb,
            }).ToArray())));
        }
        else
        {
            stdout.WriteLine("Two-layer g = Σ a_k exp(w_k·x), d = 10, Corollary 6.2's dataset (x, −g(θ0, x)) from the equal-travel-time θ0 (exact limit (w0k, −a0k));");
            stdout.WriteLine("DOP853 at tol 1e-12 plus the reference run at 5e-14 of the error bound; wall = both runs; ns/RHS/param over both runs' evaluations.");
            stdout.WriteLine();
            stdout.WriteLine($"{"m",8} {"M",9} {"outcome",-10} {"rhs",6} {"ref rhs",7} {"wall ms",10} {"ns/rhs/param",13} {"max error",10} {"bound",9} {"heap MB",8}");
            foreach (var r in rows)
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Width,8} {r.Parameters,9} {r.Outcome,-10} {r.RhsEvaluations,6} {r.ReferenceRhsEvaluations,7} {r.WallMs,10:F1} {r.NsPerRhsPerParameter,13:F2} {r.Error,10:0.0E+00} {r.ErrorBound,9:0.0E+00} {r.ManagedMemoryMb,8:F0}"));
        }
        return rows.All(r => r.Outcome == "converged") ? 0 : 1;
    }
}
