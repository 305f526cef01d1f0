using System.Diagnostics;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Smt.Tests;

/// <summary>A fact that is skipped (not failed) when the z3 command is not installed.</summary>
public sealed class Z3CommandFactAttribute : FactAttribute
{
    public Z3CommandFactAttribute()
    {
        if (Z3Command.Path is null) Skip = "the z3 command is not installed (Debian package z3); the reproduction check is skipped";
    }
}

public static class Z3Command
{
    public static string? Path { get; } = new[] { "/usr/bin/z3", "/usr/local/bin/z3" }.FirstOrDefault(File.Exists);

    /// <summary>Runs `z3 file.smt2` on the script and returns the first line of its output (sat, unsat or unknown).</summary>
    public static string FirstLine(string script) => Run(script).Output.Split('\n')[0].Trim();

    /// <summary>Runs `z3 file.smt2` on the script: its exit code and everything it printed (stdout and stderr).</summary>
    public static (int Exit, string Output) Run(string script)
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pwb-{Guid.NewGuid():N}.smt2");
        File.WriteAllText(file, script);
        try
        {
            var psi = new ProcessStartInfo(Path!, file) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd();
            var error = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, output + error);
        }
        finally { File.Delete(file); }
    }

    public static string Expected(SatAnswer answer) => answer.ToString().ToLowerInvariant();
}

public static class Q
{
    public static Rational R(string s) => Rational.Parse(s);
    public static IReadOnlyList<Rational> V(params string[] xs) => xs.Select(Rational.Parse).ToArray();
}
