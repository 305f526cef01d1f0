using System.Text.Json;

namespace ProofWorkbench.Cli.Tests;

public class DeriveCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var (exit, output, err) = CliRunner.Run(args);
        Assert.True(exit == 0, err);
        return JsonDocument.Parse(output).RootElement;
    }

    /// <summary>Issue 3's "done when": sigmoid with --roots -10,10.</summary>
    [Fact]
    public void SigmoidHasClosedFormHProvedConservationAndOneRoot()
    {
        var j = Json("derive", "--activation", "1/(1+exp(-u))", "--roots", "-10,10", "--json");
        Assert.True(j.GetProperty("h_closed_form").GetBoolean());
        Assert.True(j.GetProperty("conserved_proved").GetBoolean());
        var roots = j.GetProperty("prop61_roots").EnumerateArray().Select(r => r.GetDouble()).ToArray();
        var root = Assert.Single(roots);
        Assert.Equal(1.2784645427610738, root, 1e-12);   // 1 + W(1/e); Corollary 6.1(d) only brackets it in (1, 2)
        Assert.True(j.GetProperty("prop61_roots_complete").GetBoolean());
        foreach (var key in new[] { "gradient", "h", "conserved", "prop61" }) Assert.True(j.TryGetProperty(key, out _), key);
        Assert.Equal(JsonValueKind.String, j.GetProperty("gradient").GetProperty("w").ValueKind);
    }

    [Fact]
    public void SoftplusHasNoClosedFormButConservationIsStillProved()
    {
        var j = Json("derive", "--activation", "log(1+exp(u))", "--json");
        Assert.False(j.GetProperty("h_closed_form").GetBoolean());
        Assert.Equal("quadrature", j.GetProperty("h").GetString());
        Assert.True(j.GetProperty("conserved_proved").GetBoolean());
    }

    [Fact]
    public void PowerFunctionConditionVanishesIdenticallyAndThatIsAResult()
    {
        var (exit, output, _) = CliRunner.Run("derive", "--activation", "u^3", "--roots", "-1,1");
        Assert.Equal(0, exit);
        Assert.Contains("vanishes identically", output);
        var j = Json("derive", "--activation", "u^3", "--json");
        Assert.True(j.GetProperty("prop61_identically_zero").GetBoolean());
        Assert.Equal("0", j.GetProperty("prop61").GetString());
    }

    [Fact]
    public void FixedInputGivesNumericH()
    {
        var j = Json("derive", "--activation", "exp(u)", "--x", "2", "--json");
        Assert.Equal("w/2", j.GetProperty("h").GetString());
    }

    [Theory]
    [InlineData("1/(1+exp(-u)", "column 13")]
    [InlineData("foo(u)", "unknown function 'foo'")]
    [InlineData("u*v", "free symbols u, v")]
    [InlineData("3", "is a constant")]
    [InlineData("w^2", "a name of the model")]
    public void BadActivationIsAnInputError(string activation, string fragment)
    {
        var (exit, output, err) = CliRunner.Run("derive", "--activation", activation);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(fragment, err);
        Assert.DoesNotContain("   at ", err); // no stack trace
        Assert.Single(err.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--roots", "5")]
    [InlineData("--roots", "2,1")]
    [InlineData("--x", "abc")]
    [InlineData("--x", "0")]
    public void BadOptionValuesAreInputErrors(string option, string value)
    {
        var (exit, _, err) = CliRunner.Run("derive", "--activation", "exp(u)", option, value);
        Assert.Equal(2, exit);
        Assert.StartsWith("pwb derive:", err);
    }

    [Fact]
    public void MissingActivationIsAnInputError()
    {
        var (exit, _, err) = CliRunner.Run("derive");
        Assert.Equal(2, exit);
        Assert.Contains("--activation", err);
    }

    [Fact]
    public void OutputIsDeterministic()
    {
        var a = CliRunner.Run("derive", "--activation", "sigmoid(u)", "--roots", "-5,5", "--json");
        var b = CliRunner.Run("derive", "--activation", "sigmoid(u)", "--roots", "-5,5", "--json");
        Assert.Equal(a.Out, b.Out);
    }
}
