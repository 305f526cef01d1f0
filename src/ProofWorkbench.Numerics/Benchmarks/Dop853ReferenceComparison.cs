using System.Diagnostics;
using System.Text.Json;
using ProofWorkbench.Numerics.Ode;

namespace ProofWorkbench.Numerics.Benchmarks;

/// <summary>One problem/tolerance of the comparison with Hairer's Fortran DOP853.</summary>
/// <param name="Problem">Problem name.</param>
/// <param name="Tolerance">rtol = atol.</param>
/// <param name="OurRhsEvals">Our DOP853's f-evaluations.</param>
/// <param name="HairerNfcn">NFCN reported by dop853.f.</param>
/// <param name="ScipyCallbackCalls">Calls of the Python right-hand side (scipy's wrapper adds one per step attempt).</param>
/// <param name="OurAccepted">Our accepted steps.</param>
/// <param name="HairerAccepted">dop853.f's NACCPT.</param>
/// <param name="OurWallMs">Our fastest wall time (ms).</param>
/// <param name="ScipyWallMs">scipy's fastest wall time (ms) as printed by the script.</param>
/// <param name="MaxStateDifference">max |y_ours(tEnd) − y_Hairer(tEnd)|.</param>
public sealed record Dop853ComparisonRow(string Problem, double Tolerance, long OurRhsEvals, long HairerNfcn, long ScipyCallbackCalls,
    long OurAccepted, long HairerAccepted, double OurWallMs, double ScipyWallMs, double MaxStateDifference)
{
    /// <summary>(ours − Hairer)/Hairer for the f-evaluation count.</summary>
    public double RelativeRhsDifference => (OurRhsEvals - HairerNfcn) / (double)HairerNfcn;
}

/// <summary>
/// Compares our <see cref="Dop853"/> with the JSON lines printed by bench/dop853_reference.py (Hairer's
/// dop853.f through scipy): same problems (<see cref="BenchmarkProblems"/>), same tolerances, no dense output.
/// </summary>
public static class Dop853ReferenceComparison
{
    /// <summary>Parses the script's output and runs our DOP853 on each line's problem and tolerance.</summary>
    /// <param name="jsonLines">Lines of bench/dop853_reference.py's output.</param>
    /// <param name="repetitions">Runs per case; the fastest time is kept.</param>
    /// <returns>One row per line (unknown problem names are skipped).</returns>
    public static IReadOnlyList<Dop853ComparisonRow> Compare(IEnumerable<string> jsonLines, int repetitions = 5)
    {
        var rows = new List<Dop853ComparisonRow>();
        foreach (var line in jsonLines)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            string name = r.GetProperty("problem").GetString()!;
            var bp = BenchmarkProblems.All.FirstOrDefault(p => p.Name == name);
            if (bp is null) continue;
            double tol = r.GetProperty("tol").GetDouble();
            var yRef = r.GetProperty("y_end").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            var options = new OdeOptions
            {
                RelativeTolerance = tol, AbsoluteTolerance = tol, DenseOutput = false, SaveSteps = false, MaxSteps = 100_000_000,
            };
            var problem = bp.ToOdeProblem();
            OdeSolution? sol = null;
            double best = double.PositiveInfinity;
            for (int k = 0; k < Math.Max(1, repetitions); k++)
            {
                var sw = Stopwatch.StartNew();
                sol = OdeSolver.Solve(problem, new Dop853(), options);
                sw.Stop();
                best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
            }
            double diff = 0;
            for (int i = 0; i < yRef.Length; i++) diff = Math.Max(diff, Math.Abs(sol!.YFinal[i] - yRef[i]));
            rows.Add(new Dop853ComparisonRow(name, tol, sol!.Statistics.RhsEvaluations, r.GetProperty("nfcn").GetInt64(),
                r.GetProperty("rhs_evals").GetInt64(), sol.Statistics.AcceptedSteps, r.GetProperty("naccpt").GetInt64(),
                best, r.GetProperty("wall_ms").GetDouble(), diff));
        }
        return rows;
    }
}
