using System.Text.Json.Nodes;
using ProofWorkbench.Cli.Commands;

namespace ProofWorkbench.Cli.Tests;

/// <summary><c>pwb recipe …</c>: the generated files are the committed ones byte for byte; refusals name the step.</summary>
public class RecipeCommandTests
{
    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ProofWorkbench.sln"))) dir = dir.Parent;
        return dir!.FullName;
    }

    private static (int Exit, string Out, string File) RunOnePoint(string activation, string theta0, bool json)
    {
        var dir = Directory.CreateTempSubdirectory("pwb-recipe-");
        try
        {
            var path = Path.Combine(dir.FullName, "out.yaml");
            var output = new StringWriter();
            int exit = RecipeCommand.RunOnePoint(activation, theta0, path, json, output);
            return (exit, output.ToString(), File.ReadAllText(path));
        }
        finally { dir.Delete(recursive: true); }
    }

    [Theory]
    [InlineData("log(1+exp(u))", "1/2,-1/4,1/3;2", "recipe-one-point-d3.yaml")]
    [InlineData("1/(1+exp(-u))", "1/2;2", "recipe-one-point-d1-theorem6-2a.yaml")]
    public void One_point_files_are_reproduced_byte_for_byte(string activation, string theta0, string committed)
    {
        var (exit, _, file) = RunOnePoint(activation, theta0, json: false);
        Assert.Equal(0, exit);
        Assert.Equal(File.ReadAllText(Path.Combine(Root(), "theorems", "zhang2023", committed)), file);
    }

    [Fact]
    public void One_point_json_has_d_plus_one_reflecting_inputs_and_two_staying_inputs()
    {
        var (exit, text, _) = RunOnePoint("log(1+exp(u))", "1/2,-1/4,1/3;2", json: true);
        Assert.Equal(0, exit);
        var o = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(3, o["d"]!.GetValue<int>());
        Assert.Equal(4, o["reflect_inputs"]!.AsArray().Count);
        Assert.Equal(2, o["stay_inputs"]!.AsArray().Count);
        Assert.Equal("-2", o["limit"]!["a"]!.GetValue<string>());
        Assert.All(o["checks"]!.AsArray(), c => Assert.Equal("proved", c!["verdict"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("u", "1;1", "step (a)")]              // σ > 0 fails (u = 0)
    [InlineData("exp(-u)", "1;1", "σ′ > 0")]          // decreasing
    [InlineData("exp(u)", "1;0", "step (b)")]         // a₀ = 0
    [InlineData("exp(u)", "1", "W;A")]
    public void Refusals_name_the_step_and_exit_2(string activation, string theta0, string fragment)
    {
        var (exit, _, err) = CliRunner.Run("recipe", "one-point", "--activation", activation, "--theta0", theta0, "--out", Path.Combine(Path.GetTempPath(), "pwb-never-written.yaml"));
        Assert.Equal(2, exit);
        Assert.Contains(fragment, err);
    }
}

/// <summary><c>pwb recipe two-point</c>: reproduction of the committed Part A instances, JSON, refusals naming the step.</summary>
public class RecipeTwoPointCommandTests
{
    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ProofWorkbench.sln"))) dir = dir.Parent;
        return dir!.FullName;
    }

    private static (int Exit, string Out, string File) Run(string t0, string t1, string t2, string? x1, string k, bool json)
    {
        var dir = Directory.CreateTempSubdirectory("pwb-recipe2-");
        try
        {
            var path = Path.Combine(dir.FullName, "out.yaml");
            var output = new StringWriter();
            int exit = RecipeCommand.RunTwoPoint(t0, t1, t2, x1, k, path, json, output);
            return (exit, output.ToString(), File.ReadAllText(path));
        }
        finally { dir.Delete(recursive: true); }
    }

    [Theory]
    [InlineData("1;1", "1/2;2", "2;1/2", "1", "recipe-two-point-c1-d1.yaml")]
    [InlineData("1,1/2;1", "1/2,0;2", "2,1;1/2", "3", "recipe-two-point-c3-d2.yaml")]
    [InlineData("1;1", "1/2;2", "2;1/2", "inf", "recipe-two-point-cinf-d1.yaml")]
    public void Part_A_files_are_reproduced_byte_for_byte(string t0, string t1, string t2, string k, string committed)
    {
        var (exit, _, file) = Run(t0, t1, t2, null, k, json: false);
        Assert.Equal(0, exit);
        Assert.Equal(File.ReadAllText(Path.Combine(Root(), "theorems", "zhang2023", committed)), file);
    }

    [Fact]
    public void Json_gives_the_exact_data_the_corrected_eq15_and_the_pieces()
    {
        var (exit, text, _) = Run("1;1", "1/2;2", "2;1/2", null, "1", json: true);
        Assert.Equal(0, exit);
        var o = JsonNode.Parse(text)!.AsObject();
        // corrected (15): x₁ = 2(w₁* − w₀)/(a₁*² − a₀²) = 2(−1/2)/3 = −1/3; y₁ = a₁*e^{x₁w₁*} = 2e^{−1/6}
        Assert.Equal("-1/3", o["S1"]!["x"]![0]!.GetValue<string>());
        Assert.Equal("2*exp(-1/6)", o["S1"]!["y"]!.GetValue<string>());
        Assert.Equal(4, o["pieces"]!.AsArray().Count);
        Assert.Equal(6, o["breakpoints"]!.AsArray().Count);
    }

    [Fact]
    public void A_given_x1_sets_the_exponent_beta1()
    {
        // x₁ = −2/3 is twice the default −1/3, so β₁ = 1/2 keeps w₁* − w₀ = β₁(a₁*² − a₀²)/2·x₁.
        var (exit, text, _) = Run("1;1", "1/2;2", "2;1/2", "-2/3", "1", json: true);
        Assert.Equal(0, exit);
        Assert.Equal("0.5", JsonNode.Parse(text)!["beta1"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("1;1", "1/2;2", "3/4;1/2", "1", "step (c)")]   // x₁w₂* inside E₁
    [InlineData("1;1", "1/2;2", "2;-1/2", "1", "step (d)")]    // a₂*a₀ < 0
    [InlineData("1;1", "1;2", "2;1/2", "1", "step (a)")]       // w₁* = w₀
    [InlineData("1;1", "1/2;-1", "2;1/2", "1", "step (a)")]    // a₁*² = a₀²
    [InlineData("1;1", "1/2;2", "2;1", "1", "step (f)(iii)")]  // a₂*² = a₀²
    [InlineData("1;1", "1/2;2", "2;1/2", "0", "--smoothness")]
    [InlineData("1;1", "1/2;2", "2;1/2", "two", "neither an integer k ≥ 1 nor inf")]
    public void Refusals_name_the_step_and_exit_2(string t0, string t1, string t2, string k, string fragment)
    {
        var (exit, _, err) = CliRunner.Run("recipe", "two-point", "--theta0", t0, "--theta1", t1, "--theta2", t2, "--smoothness", k, "--out", Path.Combine(Path.GetTempPath(), "pwb-never-written.yaml"));
        Assert.Equal(2, exit);
        Assert.Contains(fragment, err);
    }
}

/// <summary><c>pwb recipe chain</c>: reproduction, the N = 50 chain, refusals.</summary>
public class RecipeChainCommandTests
{
    private static (int Exit, string Out, string File) Run(string t0, string steps, string seed, bool json)
    {
        var dir = Directory.CreateTempSubdirectory("pwb-chain-");
        try
        {
            var path = Path.Combine(dir.FullName, "out.yaml");
            var output = new StringWriter();
            int exit = RecipeCommand.RunChain(t0, steps, seed, "1", path, json, output);
            return (exit, output.ToString(), File.ReadAllText(path));
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void The_committed_chain_is_reproduced_byte_for_byte()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ProofWorkbench.sln"))) dir = dir.Parent;
        var (exit, _, file) = Run("1;1", "10", "1", json: false);
        Assert.Equal(0, exit);
        Assert.Equal(File.ReadAllText(Path.Combine(dir!.FullName, "theorems", "zhang2023", "recipe-chain-n10.yaml")), file);
    }

    [Fact]
    public void A_chain_of_50_has_a_k_below_n_for_every_stage_and_150_claims()
    {
        var (exit, text, file) = Run("1;1", "50", "7", json: true);
        Assert.Equal(0, exit);
        var stages = JsonNode.Parse(text)!["steps"]!.AsArray();
        Assert.Equal(50, stages.Count);
        Assert.All(stages.Skip(1), s => Assert.InRange(s!["k"]!.GetValue<int>(), 1, s["n"]!.GetValue<int>() - 1));
        Assert.Equal(150, file.Split("\n  - id: ").Length - 1);
    }

    [Theory]
    [InlineData("1;1", "1", "--steps")]
    [InlineData("1;0", "5", "step (b)")]
    [InlineData("0;1", "5", "step (a)")]
    [InlineData("1,1;1", "5", "d = 1")]
    public void Refusals_exit_2(string t0, string steps, string fragment)
    {
        var (exit, _, err) = CliRunner.Run("recipe", "chain", "--theta0", t0, "--steps", steps, "--out", Path.Combine(Path.GetTempPath(), "pwb-never-written.yaml"));
        Assert.Equal(2, exit);
        Assert.Contains(fragment, err);
    }
}
