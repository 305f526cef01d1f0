using System.Text.Json.Nodes;
using ProofWorkbench.Cli.Commands;

namespace ProofWorkbench.Cli.Tests;

/// <summary><c>pwb flow</c> through its Run method: JSON contract, exit codes, input errors.</summary>
public class FlowCommandTests
{
    private const string Sigmoid = "1/(1+exp(-u))";

    private static (int Exit, string Output) Run(FlowArguments args, bool json = true)
    {
        var output = new StringWriter();
        int exit = FlowCommand.Run(args, json, output);
        return (exit, output.ToString());
    }

    private static FlowArguments Figure1(string x, string y) => new(Sigmoid, "0.922", "2.868", [x], [y]);

    [Fact]
    public void Json_has_the_contract_keys_and_the_Figure_1_limit()
    {
        var (exit, text) = Run(Figure1("1", "1"));
        Assert.Equal(0, exit);
        var o = JsonNode.Parse(text)!.AsObject();
        foreach (var key in new[] { "converged", "w", "a", "loss", "t", "conserved_drift", "direction", "limit_from_conserved",
                     "routes_distance", "method", "rhs_evals", "steps", "slope", "slope_eq26" })
            Assert.True(o.ContainsKey(key), $"missing key {key}");
        Assert.True(o["converged"]!.GetValue<bool>());
        Assert.Equal(0.0824640984, o["w"]![0]!.GetValue<double>(), 1e-9);
        Assert.Equal(1.9208444970, o["a"]!.GetValue<double>(), 1e-9);
        Assert.Equal(0.0824640984, o["limit_from_conserved"]!["w"]![0]!.GetValue<double>(), 1e-9);
        Assert.Equal(1.9208444970, o["limit_from_conserved"]!["a"]!.GetValue<double>(), 1e-9);
        Assert.InRange(o["routes_distance"]!.GetValue<double>(), 0, 1e-11);
        Assert.InRange(o["conserved_drift"]!.GetValue<double>(), 0, 1e-10);
        Assert.Equal("auto", o["method"]!.GetValue<string>());
        Assert.True(o["rhs_evals"]!.GetValue<long>() > 0);
        Assert.True(o["steps"]!.GetValue<long>() > 0);
        var d = o["direction"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        Assert.Equal(1.0, Math.Sqrt(d[0] * d[0] + d[1] * d[1]), 1e-12);
        Assert.Equal(o["slope_eq26"]!.GetValue<double>(), o["slope"]!.GetValue<double>(), 1e-9);
    }

    [Fact]
    public void Numbers_are_printed_round_trip()
    {
        var (_, text) = Run(Figure1("12.307", "1.400"));
        var o = JsonNode.Parse(text)!.AsObject();
        double a = o["a"]!.GetValue<double>();
        Assert.Contains(a.ToString("R", System.Globalization.CultureInfo.InvariantCulture), text);
    }

    [Fact]
    public void Several_samples_give_null_for_the_one_sample_fields()
    {
        var (exit, text) = Run(new FlowArguments(Sigmoid, "0.922", "2.868", ["1", "2"], ["1", "1.2"], "dop853"));
        Assert.Equal(0, exit);
        var o = JsonNode.Parse(text)!.AsObject();
        Assert.Null(o["limit_from_conserved"]);
        Assert.Null(o["routes_distance"]);
        Assert.Null(o["slope_eq26"]);
        Assert.Null(o["conserved_drift"]);
        Assert.Equal(2, o["samples"]!.GetValue<int>());
        Assert.Equal(Math.Log(2), o["w"]![0]!.GetValue<double>(), 1e-9);
        Assert.Equal("dop853", o["method"]!.GetValue<string>());
    }

    [Fact]
    public void Constant_expression_labels_reproduce_Figure_2()
    {
        var (exit, text) = Run(new FlowArguments("log(1+exp(u))", "0.3", "1", ["1.4"], ["-log(1+exp(0.42))"], "taylor"));
        Assert.Equal(0, exit);
        var o = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(0.3, o["w"]![0]!.GetValue<double>(), 1e-9);
        Assert.Equal(-1.0, o["a"]!.GetValue<double>(), 1e-9);
        double u = 0.42, eq26 = -Math.Log(1 + Math.Exp(u)) / (1.4 / (1 + Math.Exp(-u)));
        Assert.Equal(eq26, o["slope"]!.GetValue<double>(), 1e-6);
    }

    [Fact]
    public void Exit_code_is_1_when_the_budget_runs_out()
    {
        var (exit, text) = Run(Figure1("1", "1") with { MaxSteps = "5" });
        Assert.Equal(1, exit);
        var o = JsonNode.Parse(text)!.AsObject();
        Assert.False(o["converged"]!.GetValue<bool>());
        Assert.Equal("budget_exhausted", o["outcome"]!.GetValue<string>());
        Assert.Null(o["routes_distance"]);
        Assert.Null(o["direction"]);
    }

    [Fact]
    public void Exit_code_is_1_and_outcome_non_finite_for_NaN()
    {
        var (exit, text) = Run(new FlowArguments("log(u)", "-1", "1", ["1"], ["1"]));
        Assert.Equal(1, exit);
        var o = JsonNode.Parse(text)!.AsObject();
        Assert.Equal("non_finite", o["outcome"]!.GetValue<string>());
        Assert.Null(o["loss"]); // NaN is printed as null, never as an invalid JSON number
    }

    [Fact]
    public void Text_output_is_a_readable_summary()
    {
        var (exit, text) = Run(Figure1("1", "1"), json: false);
        Assert.Equal(0, exit);
        Assert.Contains("Limit θ*", text);
        Assert.Contains("Second route", text);
        Assert.Contains("eq. (26)", text);
        Assert.Contains("a^2/2 - h(w)", text);
    }

    [Theory]
    [InlineData("--y is missing")]
    public void Missing_y_is_an_input_error(string expected)
    {
        var e = Assert.Throws<InputException>(() => Run(new FlowArguments(Sigmoid, "0.922", "2.868", ["1"], [])));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Counts_and_dimensions_are_checked()
    {
        var counts = Assert.Throws<InputException>(() => Run(new FlowArguments(Sigmoid, "0.922", "2.868", ["1", "2"], ["1"])));
        Assert.Contains("--x was given 2 time(s) but --y 1 time(s)", counts.Message);
        var missingX = Assert.Throws<InputException>(() => Run(new FlowArguments(Sigmoid, "0.922", "2.868", [], [])));
        Assert.Contains("--x is missing", missingX.Message);
        var dims = Assert.Throws<InputException>(() => Run(new FlowArguments(Sigmoid, "0.922", "2.868", ["1,2"], ["1"])));
        Assert.Contains("has 2 component(s) but --w0 has 1", dims.Message);
        var second = Assert.Throws<InputException>(() => Run(new FlowArguments(Sigmoid, "0.1,0.2", "1", ["1,2", "3"], ["1", "2"])));
        Assert.Contains("sample 2", second.Message);
    }

    [Theory]
    [InlineData("abc", "0.922", "2.868", "1", "--x (sample 1) 'abc'")]
    [InlineData("1", "0.9x", "2.868", "1", "--w0 '0.9x'")]
    [InlineData("1", "0.922", "two", "1", "--a0 'two' is not a number")]
    [InlineData("1", "0.922", "2.868", "y2", "--y (sample 1) 'y2' is not a number")]
    [InlineData("1", "0.922", "2.868", "log(-1)", "is not finite")]
    public void Non_numbers_are_input_errors(string x, string w0, string a0, string y, string expected)
    {
        var e = Assert.Throws<InputException>(() => Run(new FlowArguments(Sigmoid, w0, a0, [x], [y])));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Options_are_validated()
    {
        Assert.Contains("--method 'rk45'", Assert.Throws<InputException>(() => Run(Figure1("1", "1") with { Method = "rk45" })).Message);
        Assert.Contains("--tol 'x'", Assert.Throws<InputException>(() => Run(Figure1("1", "1") with { Tolerance = "x" })).Message);
        Assert.Contains("tolerance", Assert.Throws<InputException>(() => Run(Figure1("1", "1") with { Tolerance = "2" })).Message);
        Assert.Contains("--max-steps", Assert.Throws<InputException>(() => Run(Figure1("1", "1") with { MaxSteps = "0" })).Message);
        Assert.Contains("a name of the model", Assert.Throws<InputException>(() => Run(Figure1("1", "1") with { Activation = "exp(a)" })).Message);
    }
}
