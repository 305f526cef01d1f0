namespace ProofWorkbench.Cli.Tests;

/// <summary>
/// Issue 9, items 5 and 6, through the whole program: bad input is one sentence on stderr with exit 2, never a stack
/// trace; a claim the tool cannot decide is <c>inconclusive</c>; a malformed file does not stop the others.
/// </summary>
public sealed class RobustnessCliTests : IDisposable
{
    private readonly List<string> temporary = [];

    public void Dispose()
    {
        foreach (var d in temporary) if (Directory.Exists(d)) Directory.Delete(d, recursive: true);
    }

    private string Temp()
    {
        var d = Path.Combine(Path.GetTempPath(), "pwb-robust-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(d);
        temporary.Add(d);
        return d;
    }

    private static void AssertOneSentence(string err)
    {
        Assert.DoesNotContain("   at ", err);
        Assert.DoesNotContain("Exception", err);
        Assert.Single(err.Trim().Split('\n'));
    }

    private const string Header = """
        id: t
        title: T
        source: test
        statement: S
        setup:
          activation: "1/(1+exp(-u))"
          points:
            p: {w: [1], a: 1}
          datasets:
            d1: [{x: [1], y: 1}]
            d2: [{x: [2], y: 1}]
        claims:

        """;

    private string TheoremFile(string dir, string name, string claims)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, Header + claims);
        return path;
    }

    [Fact]
    public void UnknownCommandIsNamed()
    {
        var (exit, output, err) = CliRunner.Run("frob");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("'frob' is not a command", err);
        AssertOneSentence(err);
    }

    [Fact]
    public void UnknownOptionIsNamed()
    {
        var (exit, _, err) = CliRunner.Run("derive", "--activation", "exp(u)", "--frobnicate");
        Assert.Equal(2, exit);
        Assert.Contains("'--frobnicate'", err);
    }

    [Theory]
    [InlineData("file")]
    [InlineData("/proc/nope")]
    [InlineData("/dev/full")]
    public void CheckOutThatCannotBeAFolderIsOneSentence(string target)
    {
        var dir = Temp();
        if (target == "file") { target = Path.Combine(dir, "a-file"); File.WriteAllText(target, "x"); }
        var file = TheoremFile(dir, "ok.yaml", """
              - id: pos
                kind: sign
                statement: s
                source: s
                expression: "exp(u)"
                expect: proved
            """);
        var (exit, _, err) = CliRunner.Run("check", file, "--out", target);
        Assert.Equal(2, exit);
        Assert.Contains($"--out '{target}'", err);
        AssertOneSentence(err);
    }

    [Fact]
    public void RecipeOnePointWithTheWrongNumberOfDatasetsIsAFileError()
    {
        var dir = Temp();
        var file = TheoremFile(dir, "r.yaml", """
              - id: r
                kind: recipe-one-point
                statement: s
                source: s
                from: p
                datasets: [d1, d2]
                expect: proved
            """);
        var (exit, _, err) = CliRunner.Run("check", file, "--out", Path.Combine(dir, "out"));
        Assert.Equal(2, exit);
        Assert.Contains("r.yaml:", err);
        Assert.Contains("needs d = 1 datasets", err);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public void UnsupportedFunctionAndHWithoutClosedFormAreInconclusiveNotFileErrors()
    {
        var dir = Temp();
        var file = TheoremFile(dir, "u.yaml", """
              - id: sin
                kind: sign
                statement: s
                source: s
                expression: "sin(u)+2"
                expect: inconclusive
              - id: h
                kind: equals
                statement: s
                source: s
                activation: "log(1+exp(u))"
                object: h
                value: "u"
                expect: inconclusive
            """);
        var (exit, output, err) = CliRunner.Run("check", file, "--out", Path.Combine(dir, "out"), "--json");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("   at ", err);
        var claims = System.Text.Json.JsonDocument.Parse(output).RootElement[0].GetProperty("claims");
        Assert.Equal("inconclusive", claims[0].GetProperty("verdict").GetString());
        Assert.Contains("sin is not supported", claims[0].GetProperty("evidence")[0].GetString());
        Assert.Equal("inconclusive", claims[1].GetProperty("verdict").GetString());
        Assert.Contains("no closed form", claims[1].GetProperty("evidence")[0].GetString());
    }

    [Fact]
    public void HugeDecimalExponentInATheoremFileIsRejectedWithItsPosition()
    {
        var dir = Temp();
        var path = Path.Combine(dir, "w.yaml");
        File.WriteAllText(path, Header.Replace("w: [1]", "w: [1e999999999]") + """
              - id: r
                kind: recipe-one-point
                statement: s
                source: s
                from: p
                datasets: [d1]
                expect: proved
            """);
        var (exit, _, err) = CliRunner.Run("check", path, "--out", Path.Combine(dir, "out"));
        Assert.Equal(2, exit);
        Assert.Contains("w.yaml:8:", err);
        Assert.Contains("decimal exponent", err);
    }

    [Fact]
    public void OneMalformedFileDoesNotStopTheOthersAndExitsTwo()
    {
        var dir = Temp();
        File.WriteAllText(Path.Combine(dir, "a-malformed.yaml"), "id: m\ntitle: [\n");
        TheoremFile(dir, "b-good.yaml", """
              - id: pos
                kind: sign
                statement: s
                source: s
                expression: "exp(u)"
                expect: proved
            """);
        var outDir = Path.Combine(dir, "out");
        var (exit, output, err) = CliRunner.Run("check", dir, "--out", outDir, "--json");
        Assert.Equal(2, exit);
        Assert.Contains("a-malformed.yaml:", err);
        Assert.Contains("\"verdict\": \"proved\"", output);
        Assert.True(File.Exists(Path.Combine(outDir, "b-good.md")));
    }

    [Fact]
    public void SignCommandOnAnUnsupportedFunctionIsBadInput()
    {
        var (exit, _, err) = CliRunner.Run("sign", "sin(u)+2");
        Assert.Equal(2, exit);
        Assert.Contains("sin is not supported", err);
        AssertOneSentence(err);
    }
}

/// <summary>Issue 9 item 9 through <c>pwb check theorems</c>: every SMT-LIB2 script in the reports re-runs with the <c>z3</c> command.</summary>
public sealed class ReportScriptRerunTests : IDisposable
{
    private readonly string outDir = Path.Combine(Path.GetTempPath(), "pwb-rerun-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ProofWorkbench.sln"))) dir = dir.Parent;
        return dir!.FullName;
    }

    [Fact]
    public void EveryScriptOfEveryReportReRunsWithExitZeroAndOneAnswer()
    {
        var z3 = new[] { "/usr/bin/z3", "/usr/local/bin/z3" }.FirstOrDefault(File.Exists);
        if (z3 is null) return; // the z3 command (Debian package z3) is optional
        var (exit, _, err) = CliRunner.Run("check", Path.Combine(Root(), "theorems"), "--out", outDir);
        Assert.True(exit is 0 or 1, err);
        var scripts = Directory.EnumerateFiles(outDir, "*.smt2", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            var psi = new System.Diagnostics.ProcessStartInfo(z3, script) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = System.Diagnostics.Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            Assert.True(p.WaitForExit(120_000), script);
            Assert.True(p.ExitCode == 0, $"{Path.GetFileName(script)}: exit {p.ExitCode}: {output}");
            Assert.DoesNotContain("(error", output);
            var first = output.Split('\n')[0].Trim();
            Assert.Contains(first, new[] { "sat", "unsat", "unknown" });
            if (first != "sat") Assert.Equal(first, output.Trim()); // exactly the answer; a model follows only after sat
        }
    }
}
