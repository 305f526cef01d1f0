using System.Text.Json.Nodes;
using ProofWorkbench.Cli.Commands;

namespace ProofWorkbench.Cli.Tests;

/// <summary><c>pwb flow --model NAME</c> and <c>pwb bench scale</c> (issue 11).</summary>
public class ModelFlowCommandTests
{
    private static (int Exit, JsonObject Json) Run(ModelFlowArguments args)
    {
        var output = new StringWriter();
        int exit = ModelFlowCommand.Run(args, true, output);
        return (exit, JsonNode.Parse(output.ToString())!.AsObject());
    }

    [Fact]
    public void Two_layer_json_has_the_contract_keys_and_neuron_views()
    {
        var (exit, o) = Run(new ModelFlowArguments("two-layer", null, null, null, ["0.5,1"], ["reflect"], Width: "3", Init: "equal-time", Seed: "2"));

        Assert.Equal(0, exit);
        foreach (var key in new[] { "converged", "loss", "t", "theta0", "theta", "parameters", "limit_error_estimate", "conserved", "w", "a" })
            Assert.True(o.ContainsKey(key), $"missing key {key}");
        Assert.Equal(["w1.1", "w1.2", "a1", "w2.1", "w2.2", "a2", "w3.1", "w3.2", "a3"], o["parameters"]!.AsArray().Select(v => v!.GetValue<string>()));
        var a0 = o["theta0"]!.AsArray().Select(v => v!.GetValue<double>()).Where((_, i) => i % 3 == 2).ToArray();
        var a = o["a"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        for (int k = 0; k < 3; k++) Assert.Equal(-a0[k], a[k], 1e-9);
        Assert.Equal(3, o["w"]!.AsArray().Count);
    }

    [Fact]
    public void Two_layer_reflect_says_whether_Corollary_6_2_s_mirror_point_is_reached()
    {
        // Corollary 6.2 as printed fails for a random θ0 (different travel times): the flow converges, but not to (w₀ₖ, −a₀ₖ).
        var (exit, random) = Run(new ModelFlowArguments("two-layer", null, null, null, ["0.5,1"], ["reflect"], Width: "4", Init: "random", Seed: "2"));
        Assert.Equal(0, exit);
        Assert.False(random["mirror_reached"]!.GetValue<bool>());
        Assert.True(random["mirror_distance"]!.GetValue<double>() > 1e-3);

        var (exit2, equal) = Run(new ModelFlowArguments("two-layer", null, null, null, ["0.5,1"], ["reflect"], Width: "4", Init: "equal-time", Seed: "2"));
        Assert.Equal(0, exit2);
        Assert.True(equal["mirror_reached"]!.GetValue<bool>());
        Assert.True(equal["mirror_distance"]!.GetValue<double>() <= equal["limit_error_estimate"]!.GetValue<double>());

        var text = new StringWriter();
        ModelFlowCommand.Run(new ModelFlowArguments("two-layer", null, null, null, ["0.5,1"], ["reflect"], Width: "4", Init: "random", Seed: "2"), false, text);
        Assert.Contains("NOT at (w₀ₖ, −a₀ₖ)", text.ToString());
    }

    [Fact]
    public void Relu_neuron_json_lists_the_events()
    {
        var (exit, o) = Run(new ModelFlowArguments("relu-neuron", null, "0.5,1", null, ["1,0", "1,-1"], ["2", "0.5"]));

        Assert.Equal(0, exit);
        var e = Assert.Single(o["events"]!.AsArray())!.AsObject();
        Assert.Equal(Math.Log(1.5) / 2, e["t"]!.GetValue<double>(), 1e-10);
        Assert.Equal(2, e["sample"]!.GetValue<int>());
        Assert.Equal("inactive", e["from"]!.GetValue<string>());
        Assert.Equal("active", e["to"]!.GetValue<string>());
    }

    [Fact]
    public void Diagonal_json_has_beta_and_trajectory_is_written()
    {
        string path = Path.Combine(Path.GetTempPath(), $"pwb-trajectory-{Guid.NewGuid():N}.csv");
        try
        {
            var (exit, o) = Run(new ModelFlowArguments("diagonal", null, null, null, ["1,2", "0,1"], ["1", "-2"], Depth: "2", Alpha: "1",
                LossScale: "1/2", Trajectory: path));
            Assert.Equal(0, exit);
            var beta = o["beta"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
            Assert.Equal(1, beta[0] + 2 * beta[1], 1e-9);
            Assert.Equal(-2, beta[1], 1e-9);
            Assert.Equal(0.5, o["loss_scale"]!.GetValue<double>());
            var lines = File.ReadAllLines(path);
            Assert.Equal("t,wp1,wp2,wm1,wm2", lines[0]);
            Assert.True(lines.Length > 3);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Bad_model_options_are_input_errors()
    {
        Assert.Throws<InputException>(() => Run(new ModelFlowArguments("three-layer", null, null, null, ["1"], ["1"])));
        Assert.Throws<InputException>(() => Run(new ModelFlowArguments("two-layer", null, null, null, ["1"], ["reflect"], Width: "0", Init: "random")));
        Assert.Throws<InputException>(() => Run(new ModelFlowArguments("two-layer", null, null, null, ["1"], ["1"], Width: "2", Init: "sideways")));
        Assert.Throws<InputException>(() => Run(new ModelFlowArguments("diagonal", null, null, null, ["1"], ["1"], Depth: "1")));
        Assert.Throws<InputException>(() => Run(new ModelFlowArguments("linear", null, null, null, ["1"], ["1"], LossScale: "-1")));
        Assert.Throws<InputException>(() => Run(new ModelFlowArguments("linear", null, null, null, ["1"], ["1"], Method: "radau5")));
    }

    [Fact]
    public void Bench_scale_row_converges_to_the_exact_limit()
    {
        var row = ScaleBenchCommand.RunWidth(10);
        Assert.Equal("converged", row.Outcome);
        Assert.Equal(110, row.Parameters);
        Assert.True(row.Error < 1e-9, $"error {row.Error}");
        Assert.True(row.Error <= row.ErrorBound);
    }

    [Fact]
    public void Flow_dispatches_on_model_and_reports_critical_points_with_exit_1()
    {
        var (exit, stdout, _) = CliRunner.Run("flow", "--model", "linear", "--x", "1,2", "--y", "1", "--json");
        Assert.Equal(0, exit);
        Assert.Equal("linear", JsonNode.Parse(stdout)!["model"]!.GetValue<string>());

        // Issue 9, item 8: σ(u) = u² from (1, 1) on (1, −1) stops where L = 1; not a limit in M_S, and no eq. (26) slope.
        var (exit2, stdout2, _) = CliRunner.Run("flow", "--activation", "u^2", "--w0", "1", "--a0", "1", "--x", "1", "--y", "-1", "--json");
        Assert.Equal(1, exit2);
        var o = JsonNode.Parse(stdout2)!.AsObject();
        Assert.Equal("critical_point", o["outcome"]!.GetValue<string>());
        Assert.Null(o["slope_eq26"]);

        var (exit3, _, stderr3) = CliRunner.Run("flow", "--model", "two-layer", "--width", "2", "--x", "1", "--y", "1");
        Assert.Equal(2, exit3);
        Assert.Contains("--w0", stderr3);
    }

    [Fact]
    public void One_neuron_above_the_symbolic_limit_runs_on_the_vectorized_backend()
    {
        int d = FlowCommand.SymbolicLimit + 5;
        string w0 = string.Join(",", Enumerable.Repeat("0.01", d));
        string x = string.Join(",", Enumerable.Range(0, d).Select(i => (0.5 + 0.01 * i).ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        var (exit, stdout, _) = CliRunner.Run("flow", "--activation", "exp(u)", "--w0", w0, "--a0", "1", "--x", x, "--y", "2", "--json");

        Assert.Equal(0, exit);
        var o = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal("one-neuron", o["model"]!.GetValue<string>());
        Assert.Equal(d + 1, o["parameters"]!.AsArray().Count);
        Assert.Equal("a", o["parameters"]![d]!.GetValue<string>());
        Assert.InRange(o["loss"]!.GetValue<double>(), 0, 1e-20);
    }
}
