using System.Text.Json.Nodes;
using ProofWorkbench.Cli.Commands;

namespace ProofWorkbench.Cli.Tests;

/// <summary><c>pwb construct two-point</c>: Figure 1's exact overlap near x₂ = 11.925, reproducibility, input errors.</summary>
public class ConstructCommandTests
{
    private const string Sigmoid = "1/(1+exp(-u))";

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ProofWorkbench.sln"))) dir = dir.Parent;
        return dir!.FullName;
    }

    private static (int Exit, string Out, string File) RunTwoPoint(string activation, string theta0, string s1, string? x2 = null, bool json = true)
    {
        var dir = Directory.CreateTempSubdirectory("pwb-construct-");
        try
        {
            var path = Path.Combine(dir.FullName, "out.yaml");
            var output = new StringWriter();
            int exit = ConstructCommand.RunTwoPoint(activation, theta0, s1, x2, path, json, output, new StringWriter());
            return (exit, output.ToString(), File.Exists(path) ? File.ReadAllText(path) : "");
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void Figure_1_has_a_proved_exact_overlap_near_11_925_and_the_trivial_zero_is_not_listed()
    {
        var (exit, text, _) = RunTwoPoint(Sigmoid, "0.922;2.868", "1;1");
        Assert.Equal(0, exit);
        var o = JsonNode.Parse(text)!.AsObject();
        foreach (var key in new[] { "theta1", "overlaps", "searched", "file" }) Assert.True(o.ContainsKey(key), $"missing key {key}");
        Assert.Equal(0.0824640984, o["theta1"]!["w"]!.GetValue<double>(), 1e-9);
        var overlaps = o["overlaps"]!.AsArray();
        var proved = overlaps.Where(v => v!["existence"]!.GetValue<string>() == "proved").ToList();
        var only = Assert.Single(proved);
        double lo = only!["x2"]![0]!.GetValue<double>(), hi = only["x2"]![1]!.GetValue<double>();
        Assert.True(lo < hi && lo > 11.92 && hi < 11.93, $"[{lo}, {hi}]");
        Assert.Equal(0.92137, only["theta2"]!["w"]!.GetValue<double>(), 1e-5);
        // x₂ = x₁ = 1 is never listed; the sign change at x₂ ≈ 3.6077, where θ₂* passes through θ₁*, is listed but not proved.
        Assert.DoesNotContain(overlaps, v => v!["x2"]![0]!.GetValue<double>() <= 1 && 1 <= v["x2"]![1]!.GetValue<double>());
        Assert.Contains(overlaps, v => v!["existence"]!.GetValue<string>() == "inconclusive" && v["reason"]!.GetValue<string>().Contains("passes through θ₁*"));
    }

    [Fact]
    public void The_generated_theorem_file_is_the_committed_one_byte_for_byte()
    {
        var (_, _, file) = RunTwoPoint(Sigmoid, "0.922;2.868", "1;1", json: false);
        var committed = File.ReadAllText(Path.Combine(Root(), "theorems", "zhang2023", "construct-two-point-fig1.yaml"));
        Assert.Equal(committed, file);
    }

    [Fact]
    public void Exp_has_no_two_point_overlap_and_exits_1()
    {
        // M_S = {a = y e^{−xw}}: two such curves meet at most once, so no exact overlap can exist (Corollary 6.1(c)).
        var (exit, text, file) = RunTwoPoint("exp(u)", "0.5;1", "1;2");
        Assert.Equal(1, exit);
        Assert.DoesNotContain(JsonNode.Parse(text)!["overlaps"]!.AsArray(), v => v!["existence"]!.GetValue<string>() == "proved");
        Assert.DoesNotContain("kind: overlap-exists", file);
    }

    [Theory]
    [InlineData("tanh(u)", "0.922;2.868", "1;1", null, "σ > 0")]
    [InlineData(Sigmoid, "0.922,1;2.868", "1;1", null, "d = 1")]
    [InlineData(Sigmoid, "0.922;2.868", "1;0", null, "y₁ must be nonzero")]
    [InlineData(Sigmoid, "0.922;2.868", "0;1", null, "x₁ must be nonzero")]
    [InlineData(Sigmoid, "0.922;2.868", "1;1", "-1,5", "contains 0")]
    [InlineData(Sigmoid, "0.922", "1;1", null, "W;A")]
    public void Bad_input_is_one_sentence_naming_the_step_and_exit_2(string activation, string theta0, string s1, string? x2, string fragment)
    {
        var args = new List<string> { "construct", "two-point", "--activation", activation, "--theta0", theta0, "--s1", s1, "--out", Path.Combine(Path.GetTempPath(), "pwb-never-written.yaml") };
        if (x2 is not null) args.AddRange(["--x2", x2]);
        var (exit, _, err) = CliRunner.Run([.. args]);
        Assert.Equal(2, exit);
        Assert.Contains(fragment, err);
        Assert.DoesNotContain("   at ", err);
    }
}
