using System.Text.Json;

namespace ProofWorkbench.Cli.Tests;

/// <summary>Issue 9, item 7: derive refuses an activation for its zeros only when asked for roots, and then by proof.</summary>
public class DeriveZerosTests
{
    [Theory]
    [InlineData("1+tanh(u)")]
    [InlineData("relu(u)")]
    [InlineData("max(u, 0)")]
    [InlineData("u^2")]
    public void WithoutRootsNothingIsRefusedAndTheNeedForSigmaNonzeroIsSaid(string activation)
    {
        var (exit, output, err) = CliRunner.Run("derive", "--activation", activation);
        Assert.True(exit == 0, err);
        Assert.Contains("Where σ ≠ 0:", output);
        Assert.Contains("--roots", output);
    }

    [Fact]
    public void WithRootsAZeroOfSigmaIsFoundByProofAndTheFlagIsNamed()
    {
        var (exit, _, err) = CliRunner.Run("derive", "--activation", "relu(u)", "--roots", "-10,10");
        Assert.Equal(2, exit);
        Assert.Contains("--roots", err);
        Assert.Contains("vanishes at u = ", err);
    }

    [Fact]
    public void TanhVanishesAtZeroWhenRootsAreAskedAcrossIt()
    {
        var (exit, output, err) = CliRunner.Run("derive", "--activation", "tanh(u)", "--roots", "-1,1");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("vanishes at u", err);
        Assert.Contains("--roots", err);
        Assert.Equal(0, CliRunner.Run("derive", "--activation", "tanh(u)").Exit); // not asked for roots: not refused
    }

    [Fact]
    public void WithRootsSigmaNonzeroIsProvedWhereItHolds()
    {
        var (exit, output, err) = CliRunner.Run("derive", "--activation", "1+tanh(u)", "--roots", "-10,10");
        Assert.True(exit == 0, err);
        Assert.Contains("σ ≠ 0 on [-10, 10] (proved; --roots)", output);
        var (rexit, _, rerr) = CliRunner.Run("derive", "--activation", "relu(u)", "--roots", "0.1,10");
        Assert.True(rexit == 0, rerr);
    }

    /// <summary>C for 1 + tanh(u) = 2·sigmoid(2u) is C_sigmoid(2u): its zero is half the sigmoid's, (1 + W(1/e))/2.</summary>
    [Theory]
    [InlineData("1/(1+exp(-u))", 1.2784645427610738)]
    [InlineData("1+tanh(u)", 0.6392322713805369)]
    public void WideIntervalsAreDecidedBeyondExpOverflow(string activation, double root)
    {
        var (exit, output, err) = CliRunner.Run("derive", "--activation", activation, "--roots", "-1000,1000", "--json");
        Assert.True(exit == 0, err);
        var j = JsonDocument.Parse(output).RootElement;
        Assert.Equal(root, Assert.Single(j.GetProperty("prop61_roots").EnumerateArray()).GetDouble(), 1e-9);
        Assert.True(j.GetProperty("prop61_roots_complete").GetBoolean());
    }
}
