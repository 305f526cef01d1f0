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

    /// <summary>Issue 16 item 4: every claim's certificate is re-checked by the independent verifier during pwb check, and the
    /// report's "How this was checked" line, the JSON summary and the table say what it concluded.</summary>
    [Fact]
    public void CertificatesAreRecheckedByTheVerifierAndTheReportSaysSo()
    {
        var dir = Temp();
        File.WriteAllText(Path.Combine(dir, "t.yaml"), """
            id: t
            title: T
            source: test
            statement: S
            setup:
              activation: "1/(1+exp(-u))"
            claims:
              - id: positive
                kind: sign
                statement: "σ > 0"
                source: test
                expression: "1/(1+exp(-u))"
                expect: proved
              - id: limit
                kind: two-layer-limit
                statement: "a numeric claim (paper 000, Corollary 6.2 as printed)"
                source: test
                activation: "exp(u)"
                x: [1, 1/2]
                neurons:
                  - { w: [0.3, -0.2], a: 1 }
                  - { w: [-0.5, 0.4], a: 0.7 }
                  - { w: [0.1, 0.6], a: 0.4 }
                expect: refuted
            """);
        var outDir = Path.Combine(dir, "out");
        var (exit, output, err) = CliRunner.Run("check", dir, "--out", outDir, "--json", "--certificates");
        Assert.True(exit == 0, err);
        var claims = JsonDocument.Parse(output).RootElement[0].GetProperty("claims");
        Assert.Equal("verified", claims[0].GetProperty("certificate").GetProperty("status").GetString());
        Assert.Equal("unsupported", claims[1].GetProperty("certificate").GetProperty("status").GetString());
        Assert.True(claims[1].GetProperty("certificate").GetProperty("numeric").GetBoolean());
        var md = File.ReadAllText(Path.Combine(outDir, "t.md"));
        Assert.Contains("certificate verified by pwb verify (every fact re-checked independently) ([certificate](t.certificates/positive.json))", md);
        Assert.Contains("certificate not verified: its verdict rests on numeric facts", md);
        Assert.True(File.Exists(Path.Combine(outDir, "t.certificates", "positive.json")));
        var (_, table, _) = CliRunner.Run("check", dir, "--out", outDir);
        Assert.Contains("Certificates re-checked by pwb verify: 1 verified, 1 not verified (1 numeric), 0 rejected.", table);
    }

    /// <summary>A required parameter (declared by the claim kind, documented by pwb kinds) that is missing is one positioned sentence, exit 2.</summary>
    [Fact]
    public void MissingRequiredParameterExitsTwoWithPositionAndMeaning()
    {
        var dir = Temp();
        var path = Path.Combine(dir, "t.yaml");
        File.WriteAllText(path, "id: t\ntitle: T\nsource: s\nstatement: S\nsetup:\n  activation: \"exp(u)\"\nclaims:\n  - id: c\n    kind: converges\n    statement: s\n    source: s\n    from: {w: [1], a: 1}\n    to: {w: [1], a: 1}\n    expect: proved\n");
        var (exit, _, err) = CliRunner.Run("check", path, "--out", Path.Combine(dir, "out"));
        Assert.Equal(2, exit);
        Assert.Contains($"{path}:8:5: claim 'c' (converges) needs 'dataset' (dataset): the training set S", err);
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
