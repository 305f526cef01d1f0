using System.Reflection;
using ProofWorkbench.Cli.Commands;

namespace ProofWorkbench.Cli.Tests;

[CollectionDefinition("Console", DisableParallelization = true)]
public class ConsoleCollection;

/// <summary>The whole program (its entry point, with the console redirected): exit codes and stderr messages.</summary>
[Collection("Console")]
public class ProgramTests
{
    private static (int Exit, string Stdout, string Stderr) Pwb(params string[] args)
    {
        var entry = typeof(FlowCommand).Assembly.EntryPoint!;
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            int exit = (int)entry.Invoke(null, [args])!;
            return (exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }

    [Fact]
    public void Flow_exits_0_and_prints_json()
    {
        var (exit, stdout, stderr) = Pwb("flow", "--activation", "1/(1+exp(-u))", "--w0", "0.922", "--a0", "2.868", "--x", "12.307", "--y", "1.400", "--json");
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Contains("\"converged\": true", stdout);
    }

    [Fact]
    public void Repeated_x_and_y_make_the_dataset_and_negative_numbers_are_values()
    {
        var (exit, stdout, _) = Pwb("flow", "--activation", "1/(1+exp(-u))", "--w0", "0.922", "--a0", "2.868",
            "--x", "1", "--y", "1", "--x", "2", "--y", "1.2", "--method", "radau5", "--json");
        Assert.Equal(0, exit);
        Assert.Contains("\"samples\": 2", stdout);
        var (exit2, stdout2, _) = Pwb("flow", "--activation", "1/(1+exp(-u))", "--w0", "0.922", "--a0", "2.868", "--x", "1", "--y", "-1", "--json");
        Assert.Equal(0, exit2);
        Assert.Contains("\"a\": -1.92084449702", stdout2);
    }

    [Fact]
    public void Missing_y_exits_2_with_one_sentence_on_stderr()
    {
        var (exit, stdout, stderr) = Pwb("flow", "--activation", "1/(1+exp(-u))", "--w0", "0.922", "--a0", "2.868", "--x", "1");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Equal("pwb flow: --y is missing; give each sample as --x LIST --y NUM, one --y for every --x.", stderr.Trim());
    }

    [Fact]
    public void Mismatched_dimensions_and_non_numbers_exit_2()
    {
        var (exit, _, stderr) = Pwb("flow", "--activation", "exp(u)", "--w0", "0.1,0.2", "--a0", "1", "--x", "1", "--y", "1");
        Assert.Equal(2, exit);
        Assert.Contains("has 1 component(s) but --w0 has 2", stderr);
        var (exit2, _, stderr2) = Pwb("flow", "--activation", "exp(u)", "--w0", "zero", "--a0", "1", "--x", "1", "--y", "1");
        Assert.Equal(2, exit2);
        Assert.Contains("is not a number", stderr2);
        Assert.DoesNotContain("   at ", stderr2); // no stack trace
    }

    [Fact]
    public void Missing_required_option_exits_2()
    {
        var (exit, _, stderr) = Pwb("flow", "--activation", "exp(u)", "--a0", "1", "--x", "1", "--y", "1");
        Assert.Equal(2, exit);
        Assert.Contains("--w0", stderr);
    }

    [Fact]
    public void Budget_exhausted_exits_1()
    {
        var (exit, stdout, _) = Pwb("flow", "--activation", "1/(1+exp(-u))", "--w0", "0.922", "--a0", "2.868", "--x", "1", "--y", "1", "--max-time", "1");
        Assert.Equal(1, exit);
        Assert.Contains("budget_exhausted", stdout);
    }
}
