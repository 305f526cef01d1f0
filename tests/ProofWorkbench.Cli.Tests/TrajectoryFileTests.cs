using System.Globalization;
using System.Text.Json.Nodes;
using ProofWorkbench.Cli.Commands;

namespace ProofWorkbench.Cli.Tests;

/// <summary><c>pwb flow --trajectory FILE.csv</c>: header, numbers, dense output, bad paths (issue 11, item 4).</summary>
public class TrajectoryFileTests
{
    private static string TempPath() => Path.Combine(Path.GetTempPath(), $"pwb-trajectory-{Guid.NewGuid():N}.csv");

    private static double[][] Rows(string path, int columns)
    {
        var lines = File.ReadAllLines(path);
        return lines.Skip(1).Select(line =>
        {
            var fields = line.Split(',');
            Assert.Equal(columns, fields.Length);
            return fields.Select(f => double.Parse(f, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        }).ToArray();
    }

    [Fact]
    public void Linear_trajectory_lies_on_the_closed_form_flow_at_accepted_and_dense_output_points()
    {
        // L = (wᵀx − y)², x = (1, 2), y = 1, w0 = 0: r(t) = r0·e^{−2|x|²t}, w(t) = w0 − x·(r0 − r(t))/|x|² (r = wᵀx − y).
        string path = TempPath();
        try
        {
            var (exit, stdout, stderr) = CliRunner.Run("flow", "--model", "linear", "--x", "1,2", "--y", "1", "--trajectory", path, "--json");
            Assert.True(exit == 0, stderr);
            var o = JsonNode.Parse(stdout)!.AsObject();
            Assert.Equal("t,w1,w2", File.ReadLines(path).First());
            var rows = Rows(path, 3);
            long steps = o["steps"]!.GetValue<long>();
            Assert.Equal(1 + 4 * steps, rows.Length); // θ0, then per step 3 dense-output points and the accepted state
            double r0 = -1, norm2 = 5;
            foreach (var row in rows)
            {
                double r = r0 * Math.Exp(-2 * norm2 * row[0]);
                Assert.Equal(-1 * (r0 - r) / norm2, row[1], 1e-10);
                Assert.Equal(-2 * (r0 - r) / norm2, row[2], 1e-10);
            }
            for (int k = 1; k < rows.Length; k++) Assert.True(rows[k][0] > rows[k - 1][0], $"t not increasing at row {k}");
            // Round-trip numbers: the last row is the JSON's θ, bit for bit.
            Assert.Equal(o["theta"]!.AsArray().Select(v => v!.GetValue<double>()), rows[^1][1..]);
            Assert.Equal(o["t"]!.GetValue<double>(), rows[^1][0]);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Two_layer_header_names_every_parameter_and_numbers_ignore_the_culture()
    {
        string path = TempPath();
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE"); // decimal comma: must not leak into the CSV
            int exit = ModelFlowCommand.Run(new ModelFlowArguments("two-layer", null, null, null, ["0.5,1"], ["reflect"], Width: "3",
                Init: "equal-time", Seed: "2", Trajectory: path, TrajectoryPoints: "0"), true, new StringWriter());
            Assert.Equal(0, exit);
            Assert.Equal("t,w1.1,w1.2,a1,w2.1,w2.2,a2,w3.1,w3.2,a3", File.ReadLines(path).First());
            var rows = Rows(path, 10);
            Assert.Equal(0, rows[0][0]);
            Assert.True(rows.Length > 10);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            File.Delete(path);
        }
    }

    [Fact]
    public void Relu_trajectory_contains_the_kink_crossing()
    {
        // The event of Relu_neuron_json_lists_the_events: sample 2's pre-activation w1 − w2 crosses 0 at t = ln(1.5)/2.
        string path = TempPath();
        try
        {
            var (exit, _, stderr) = CliRunner.Run("flow", "--model", "relu-neuron", "--w0", "0.5,1", "--x", "1,0", "--y", "2", "--x", "1,-1", "--y", "0.5",
                "--trajectory", path, "--trajectory-points", "1");
            Assert.True(exit == 0, stderr);
            var rows = Rows(path, 3);
            var crossing = Assert.Single(rows, row => Math.Abs(row[0] - Math.Log(1.5) / 2) < 1e-10);
            Assert.Equal(0, crossing[1] - crossing[2], 1e-10);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Unwritable_path_is_one_sentence_and_exit_2()
    {
        string path = Path.Combine(Path.GetTempPath(), $"pwb-missing-{Guid.NewGuid():N}", "t.csv");
        var (exit, stdout, stderr) = CliRunner.Run("flow", "--model", "linear", "--x", "1", "--y", "1", "--trajectory", path);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout); // refused before the run
        Assert.Contains($"--trajectory '{path}' cannot be written", stderr);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Trajectory_points_without_a_file_and_a_bad_wall_clock_budget_are_input_errors()
    {
        var (exit, _, stderr) = CliRunner.Run("flow", "--model", "linear", "--x", "1", "--y", "1", "--trajectory-points", "2");
        Assert.Equal(2, exit);
        Assert.Contains("--trajectory-points needs --trajectory", stderr);

        var (exit2, _, stderr2) = CliRunner.Run("flow", "--activation", "exp(u)", "--w0", "0", "--a0", "1", "--x", "1", "--y", "2", "--max-seconds", "-1");
        Assert.Equal(2, exit2);
        Assert.Contains("--max-seconds", stderr2);
    }
}
