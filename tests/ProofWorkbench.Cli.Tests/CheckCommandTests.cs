using System.Text.Json;

namespace ProofWorkbench.Cli.Tests;

public sealed class CheckCommandTests : IDisposable
{
    private readonly List<string> temporary = [];

    public void Dispose()
    {
        foreach (var d in temporary) if (Directory.Exists(d)) Directory.Delete(d, recursive: true);
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ProofWorkbench.sln"))) dir = dir.Parent;
        return dir!.FullName;
    }

    private string Temp()
    {
        var d = Path.Combine(Path.GetTempPath(), "pwb-check-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(d);
        temporary.Add(d);
        return d;
    }

    [Fact]
    public void PaperTheoremFileChecksAsExpectedWithJsonSummaryAndReport()
    {
        var outDir = Temp();
        var file = Path.Combine(Root(), "theorems", "zhang2023", "prop6-1-corollary6-1.yaml");
        var (exit, output, _) = CliRunner.Run("check", file, "--out", outDir, "--json");
        Assert.Equal(0, exit);
        var summary = JsonDocument.Parse(output).RootElement;
        var entry = Assert.Single(summary.EnumerateArray());
        Assert.Equal("zhang2023-prop6.1-cor6.1", entry.GetProperty("id").GetString());
        foreach (var c in entry.GetProperty("claims").EnumerateArray())
        {
            Assert.Equal(c.GetProperty("expected").GetString(), c.GetProperty("verdict").GetString());
            Assert.True(c.GetProperty("evidence").GetArrayLength() > 0);
        }
        Assert.True(File.Exists(Path.Combine(outDir, "prop6-1-corollary6-1.md")));
    }

    [Fact]
    public void DifferingVerdictExitsOne()
    {
        var dir = Temp();
        File.WriteAllText(Path.Combine(dir, "t.yaml"), """
            id: t
            title: T
            source: test
            statement: S
            setup:
              activation: "exp(u)"
            claims:
              - id: c
                kind: equals
                statement: "C(u) = 2 for exp (false: it is 1)"
                source: test
                object: prop61
                value: "2"
                expect: proved
            """);
        var (exit, output, _) = CliRunner.Run("check", dir, "--out", Path.Combine(dir, "out"));
        Assert.Equal(1, exit);
        Assert.Contains("0 of 1 claims", output);
    }

    [Fact]
    public void MalformedFileExitsTwoWithPosition()
    {
        var dir = Temp();
        var path = Path.Combine(dir, "bad.yaml");
        File.WriteAllText(path, "id: t\ntitle: T\nsource: s\nstatement: S\nsetup: {}\nclaims:\n  - id: c\n    kind: nonsense\n    statement: s\n    source: s\n    expect: proved\n");
        var (exit, _, err) = CliRunner.Run("check", path, "--out", Path.Combine(dir, "out"));
        Assert.Equal(2, exit);
        Assert.Contains($"{path}:8:11: unknown claim kind 'nonsense'", err);
    }

    [Fact]
    public void MissingPathExitsTwo()
    {
        var (exit, _, err) = CliRunner.Run("check", "/nonexistent/theorems");
        Assert.Equal(2, exit);
        Assert.Contains("neither a theorem file nor a folder", err);
    }
}
