using System.Text.Json.Nodes;
using ProofWorkbench.Cli.Commands;

namespace ProofWorkbench.Cli.Tests;

/// <summary><c>pwb bench ode</c> on a reduced problem and tolerance set (the full run is the command's job, not a test's).</summary>
public class BenchCommandTests
{
    [Fact]
    public void Json_rows_cover_every_method_and_tolerance()
    {
        var output = new StringWriter();
        int exit = BenchCommand.Run(true, output, ["sigmoid_x1"], [1e-6, 1e-9], repetitions: 1);
        Assert.Equal(0, exit);
        var rows = JsonNode.Parse(output.ToString())!.AsArray().Select(r => r!.AsObject()).ToArray();
        Assert.Equal(5 * 2, rows.Length);
        Assert.Equal(["dop853", "radau5", "taylor", "auto", "rk4"], rows.Select(r => r["method"]!.GetValue<string>()).Distinct());
        foreach (var r in rows)
        {
            foreach (var key in new[] { "problem", "method", "tol", "error", "rhs_evals", "wall_ms" }) Assert.True(r.ContainsKey(key), key);
            Assert.Equal("sigmoid_x1", r["problem"]!.GetValue<string>());
            double tol = r["tol"]!.GetValue<double>(), error = r["error"]!.GetValue<double>();
            Assert.InRange(error, 0, 100 * tol); // achieved error tracks the tolerance
            Assert.True(r["rhs_evals"]!.GetValue<long>() > 0);
        }
    }

    [Fact]
    public void Text_is_a_work_precision_table()
    {
        var output = new StringWriter();
        BenchCommand.Run(false, output, ["exp_d3"], [1e-8], repetitions: 1);
        var text = output.ToString();
        Assert.Contains("rhs evals", text);
        Assert.Contains("exp_d3", text);
        Assert.Equal(5, text.Split('\n').Count(l => l.StartsWith("exp_d3 ")));
    }

    [Fact]
    public void Unknown_problem_is_an_input_error()
    {
        var e = Assert.Throws<InputException>(() => BenchCommand.Run(true, new StringWriter(), ["nope"]));
        Assert.Contains("--problem 'nope'", e.Message);
    }
}
