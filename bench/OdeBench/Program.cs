// ODE benchmark driver.
//   dotnet run -c Release --project bench/OdeBench -- compare [scipy.jsonl]   our DOP853 vs Hairer's dop853.f (runs
//                                                                           bench/dop853_reference.py if no file is given)
//   dotnet run -c Release --project bench/OdeBench -- workprecision [--json]  all methods, tolerances 1e-6..1e-13
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ProofWorkbench.Numerics.Benchmarks;
using ProofWorkbench.Numerics.Ode;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
string mode = args.Length > 0 ? args[0] : "compare";
string benchDir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../.."));

if (mode == "compare")
{
    string[] lines;
    if (args.Length > 1) lines = File.ReadAllLines(args[1]);
    else
    {
        var psi = new ProcessStartInfo("/usr/bin/python3", $"\"{Path.Combine(benchDir, "dop853_reference.py")}\" --repeat 5")
        { RedirectStandardOutput = true, UseShellExecute = false };
        using var proc = Process.Start(psi)!;
        lines = proc.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        proc.WaitForExit();
    }
    // Warm-up (JIT) before timing.
    Dop853ReferenceComparison.Compare(lines.Take(3), 3);
    var rows = Dop853ReferenceComparison.Compare(lines, 7);
    Console.WriteLine("| problem | tol | ours f-evals | Hairer NFCN | Δ | scipy callback calls | ours acc. | Hairer acc. | ours ms | scipy ms | max abs Δy(tEnd) |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
    foreach (var r in rows)
        Console.WriteLine($"| {r.Problem} | {r.Tolerance:E0} | {r.OurRhsEvals} | {r.HairerNfcn} | {r.RelativeRhsDifference:P1} | {r.ScipyCallbackCalls} | {r.OurAccepted} | {r.HairerAccepted} | {r.OurWallMs:F4} | {r.ScipyWallMs:F3} | {r.MaxStateDifference:E1} |");
    Console.WriteLine($"total ours ms = {rows.Sum(r => r.OurWallMs):F2}, total scipy ms = {rows.Sum(r => r.ScipyWallMs):F2}; " +
                      $"max |Δ f-evals| = {rows.Max(r => Math.Abs(r.RelativeRhsDifference)):P2}");
}
else
{
    bool json = args.Contains("--json");
    IOdeMethod[] methods = [new Dop853(), new Radau5(), new TaylorMethod(), new AutoSwitching(), new Rk4Baseline()];
    WorkPrecision.Run(BenchmarkProblems.All.Take(1), methods, [1e-6], 1); // warm-up
    var refs = BenchmarkProblems.All.ToDictionary(p => p.Name, WorkPrecision.ReferenceSolution);
    foreach (var (name, r) in refs) Console.Error.WriteLine($"reference {name}: estimated error {r.ErrorEstimate:E1}");
    var rows = WorkPrecision.Run(BenchmarkProblems.All, methods, WorkPrecision.DefaultTolerances, 5, refs);
    if (json)
        foreach (var r in rows)
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                problem = r.Problem, method = r.Method, tol = r.Tolerance, error = r.Error, rhs_evals = r.RhsEvals, wall_ms = r.WallMs,
                status = r.Status.ToString(), accepted = r.AcceptedSteps, rejected = r.RejectedSteps, jac = r.JacobianEvals, lu = r.LuDecompositions,
            }));
    else
    {
        Console.WriteLine("| problem | method | tol | error | rhs evals | wall ms | status |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var r in rows)
            Console.WriteLine($"| {r.Problem} | {r.Method} | {r.Tolerance:E0} | {r.Error:E2} | {r.RhsEvals} | {r.WallMs:F3} | {r.Status} |");
    }
}
