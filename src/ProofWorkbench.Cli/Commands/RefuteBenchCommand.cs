using System.Diagnostics;
using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.Refutation;

namespace ProofWorkbench.Cli.Commands;

/// <summary>
/// <c>pwb bench refute</c>: the wall-clock time of <see cref="RefutationSearch"/> to its first certificate for each case of
/// issue 13 (five G, and one that the direct route refutes, forced with --route direct; the sigmoid and the softplus, d = 1 and 2),
/// with the route that found it, then the two-point route (Lemma 5.1) forced on the sigmoid's trace-back overlap. Times only; no assertion.
/// </summary>
public static class RefuteBenchCommand
{
    /// <summary>The cases: name, G for d = 1, G for d = 2.</summary>
    public static readonly IReadOnlyList<(string Name, string D1, string D2)> Cases =
    [
        ("‖θ − θ₀‖²", "(w-w0)^2+(a-a0)^2", "(w1-w0_1)^2+(w2-w0_2)^2+(a-a0)^2"),
        ("‖θ‖²", "w^2+a^2", "w1^2+w2^2+a^2"),
        ("(w − w₀)² + 2(a − a₀)²", "(w-w0)^2+2*(a-a0)^2", "(w1-w0_1)^2+(w2-w0_2)^2+2*(a-a0)^2"),
        ("(w − w₀)² + (a + a₀)²", "(w-w0)^2+(a+a0)^2", "(w1-w0_1)^2+(w2-w0_2)^2+(a+a0)^2"),
        ("‖θ − θ₀‖⁴", "((w-w0)^2+(a-a0)^2)^2", "((w1-w0_1)^2+(w2-w0_2)^2+(a-a0)^2)^2"),
        ("(w − w₀)² + (a² − a₀²)² (direct route)", "(w-w0)^2+(a^2-a0^2)^2", "(w1-w0_1)^2+(w2-w0_2)^2+(a^2-a0^2)^2"),
    ];

    /// <summary>Runs the benchmark; returns 0.</summary>
    public static int Run(TextWriter stdout)
    {
        stdout.WriteLine("| G | σ | d | route | seconds to the first certificate |");
        stdout.WriteLine("|---|---|---|---|---|");
        foreach (var (sigmaName, sigmaText) in new[] { ("sigmoid", "1/(1+exp(-u))"), ("softplus", "log(1+exp(u))") })
            foreach (var (name, g1, g2) in Cases)
                foreach (int d in new[] { 1, 2 })
                {
                    var clock = Stopwatch.StartNew();
                    var result = RefutationSearch.Run(Activation.Parse(sigmaText), Regularizer.Parse(d == 1 ? g1 : g2, d), TimeSpan.FromSeconds(60),
                        name.EndsWith("(direct route)", StringComparison.Ordinal) ? "direct" : "auto");
                    double s = clock.Elapsed.TotalSeconds;
                    string route = result.RouteName;
                    stdout.WriteLine($"| {name} | {sigmaName} | {d} | {route} | {s.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)} |");
                }
        foreach (var (name, g) in TwoPointCases)
        {
            var clock = Stopwatch.StartNew();
            var result = RefutationSearch.Run(Activation.Parse("1/(1+exp(-u))"), Regularizer.Parse(g, 1), TimeSpan.FromSeconds(60), "two-point");
            double s = clock.Elapsed.TotalSeconds;
            stdout.WriteLine($"| {name} (--route two-point) | sigmoid | 1 | {result.RouteName} | {s.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)} |");
        }
        foreach (var (name, file, g, d) in RecipeCases)
        {
            if (!File.Exists(file)) { stdout.WriteLine($"| {name} | recipe {Path.GetFileName(file)} | {d} | not found (run from the repository root) | |"); continue; }
            var clock = Stopwatch.StartNew();
            var overlap = TwoPointRecipeRefutation.Read(Theorems.Files.TheoremLoader.Load(file, File.ReadAllText(file), new Theorems.Checking.TheoremChecker(Theorems.Checkers.ClaimCheckers.All()).Kinds));
            var found = TwoPointRecipeRefutation.Search(overlap, Regularizer.Parse(g, d), []);
            double s = clock.Elapsed.TotalSeconds;
            stdout.WriteLine($"| {name} | recipe {Path.GetFileName(file)} | {d} | {(found is null ? "none" : TwoPointRecipeRefutation.RouteName)} | {s.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)} |");
        }
        return 0;
    }

    /// <summary>The recipe cases (the two-point route on a generated recipe activation; paths from the repository root): name, file, G, d.</summary>
    public static readonly IReadOnlyList<(string Name, string File, string G, int D)> RecipeCases =
    [
        ("‖θ − θ₀‖²", "theorems/zhang2023/refute/recipe-two-point-c1-d1-asymmetric.yaml", "(w-w0)^2+(a-a0)^2", 1),
        ("(w − w₀)² + 2(a − a₀)²", "theorems/zhang2023/recipe-two-point-c1-d1.yaml", "(w-w0)^2+2*(a-a0)^2", 1),
        ("‖θ − θ₀‖² (exact tie: none expected)", "theorems/zhang2023/recipe-two-point-c1-d1.yaml", "(w-w0)^2+(a-a0)^2", 1),
        ("‖w − w₀‖² + 2(a − a₀)²", "theorems/zhang2023/recipe-two-point-c3-d2.yaml", "(w1-w0_1)^2+(w2-w0_2)^2+2*(a-a0)^2", 2),
    ];

    /// <summary>The two-point cases (sigmoid, d = 1, the trace-back overlap of Figure 1's θ₀ and S₁): name, G.</summary>
    public static readonly IReadOnlyList<(string Name, string G)> TwoPointCases =
    [
        ("‖θ − θ₀‖²", "(w-w0)^2+(a-a0)^2"),
        ("(w − w₀)² + (a + a₀)²", "(w-w0)^2+(a+a0)^2"),
        ("(w − w₀)² + (a² − a₀²)²", "(w-w0)^2+(a^2-a0^2)^2"),
    ];
}
