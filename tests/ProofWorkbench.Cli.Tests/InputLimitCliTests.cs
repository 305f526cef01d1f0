namespace ProofWorkbench.Cli.Tests;

/// <summary>Issue 9, item 5 through the CLI: inputs beyond the parser's and engine's limits are bad input (exit 2, one sentence).</summary>
public class InputLimitCliTests
{
    [Theory]
    [InlineData("derive", "--activation", "u^1000000000000", "column 3")]
    [InlineData("derive", "--activation", "u + 1e2147483647", "column 5")]
    [InlineData("derive", "--activation", "u + 1e999999999", "column 5")]
    [InlineData("derive", "--activation", "_ + u", "column 1")]
    [InlineData("sign", "x^1000000000 + 1", "", "column 3")]
    [InlineData("sign", "2^100000000 - x^2", "", "column 3")]
    public void RejectsWithPositionAndExitTwo(string command, string a, string b, string fragment)
    {
        string[] args = b.Length == 0 ? [command, a] : [command, a, b];
        var (exit, _, err) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.Contains(fragment, err);
        Assert.DoesNotContain("   at ", err);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public void SumOfManyExponentialsEndsWithAMessage()
    {
        var sum = string.Join("+", Enumerable.Range(1, 1499).Select(i => $"exp({i}*x)"));
        var (exit, _, err) = CliRunner.Run("sign", sum);
        Assert.Equal(2, exit);
        Assert.Contains("limit", err);
        var (dexit, _, derr) = CliRunner.Run("derive", "--activation", string.Join("+", Enumerable.Range(1, 1499).Select(i => $"exp({i}*u)")));
        Assert.Equal(2, dexit);
        Assert.Contains("too large to normalize", derr);
    }
}
