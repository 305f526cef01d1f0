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
