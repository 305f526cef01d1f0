using System.Text.Json;
using ProofWorkbench.Cli.Commands;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Smt.Tests;

public class SignCommandTests
{
    private static (int Code, string Out, string Err) Run(string expr, string[]? assume = null, string relation = "> 0", bool json = false, SmtSolverOptions? options = null)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = SignCommand.Run(expr, assume ?? [], relation, json, o, e, options);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void ProvedExitsZeroAndPrintsTheScript()
    {
        var (code, output, err) = Run("exp(-u)/(1+exp(-u))^2");
        Assert.Equal(0, code);
        Assert.StartsWith("verdict: proved", output);
        Assert.Contains("(check-sat)", output);
        Assert.Contains("domain: 1 + exp(-u) != 0", output);
        Assert.Equal("", err);
        Assert.Equal(0, SignCommand.Run("exp(-u)/(1+exp(-u))^2", [], "> 0", false, new StringWriter(), new StringWriter()));
    }

    [Fact]
    public void RefutedExitsOneAndPrintsACheckedWitness()
    {
        var (code, output, _) = Run("x^2 - 2*x + 1/2");
        Assert.Equal(1, code);
        Assert.Contains("verdict: refuted", output);
        Assert.Contains("witness: x = ", output);
        Assert.Contains("witness check (exact):", output);
    }

    [Fact]
    public void JsonHasExactlyTheDocumentedKeys()
    {
        var (code, output, _) = Run("x^2 - 2*x + 1/2", json: true);
        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(["verdict", "witness", "smtlib"], doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("refuted", doc.RootElement.GetProperty("verdict").GetString());
        double x = doc.RootElement.GetProperty("witness").GetProperty("x").GetDouble();
        var exact = Rational.FromDouble(x);
        Assert.True((exact * exact - 2 * exact + new Rational(1, 2)).Sign <= 0);
        Assert.Contains("(get-model)", doc.RootElement.GetProperty("smtlib").GetString());

        var (code2, output2, _) = Run("(z^2+1/2)^2 - (z^4+z^2)", json: true);
        Assert.Equal(0, code2);
        using var doc2 = JsonDocument.Parse(output2);
        Assert.Equal("proved", doc2.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, doc2.RootElement.GetProperty("witness").ValueKind);
    }

    [Theory]
    [InlineData(">= 0", 0)]
    [InlineData("<= 0", 1)]
    [InlineData("!= 0", 0)]
    [InlineData(">=0", 0)]
    [InlineData("", 0)]
    public void Relations(string relation, int expected) => Assert.Equal(expected, Run("x^2 + 1", relation: relation).Code);

    [Fact]
    public void AnExpressionThatDoesNotParseNamesTheColumn()
    {
        // Bad input is an InputException; Program.cs prints it as "pwb sign: …" with exit 2 (see the Cli tests).
        var ex = Assert.ThrowsAny<InputException>(() => Run("x^2 + * 3"));
        Assert.StartsWith("EXPR, column 7: ", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void AnAssumptionThatDoesNotParseIsBadInput()
    {
        var ex = Assert.ThrowsAny<InputException>(() => Run("x", ["x >"]));
        Assert.StartsWith("--assume 'x >', column", ex.Message);
        Assert.ThrowsAny<InputException>(() => Run("x", ["x + 1"])); // not a relation
    }

    [Fact]
    public void AnUnsupportedFunctionIsBadInput()
    {
        var ex = Assert.ThrowsAny<InputException>(() => Run("sin(x) + 2"));
        Assert.Contains("the function sin is not supported", ex.Message);
        Assert.ThrowsAny<InputException>(() => Run("sigma(x)"));
    }

    [Fact]
    public void AnUnknownRelationIsBadInput()
    {
        var ex = Assert.ThrowsAny<InputException>(() => Run("x^2", relation: "== 0"));
        Assert.Contains("--relation '== 0' is not one of", ex.Message);
        Assert.ThrowsAny<InputException>(() => Run("x^2 > 0")); // a relation given as EXPR
    }

    [Fact]
    public void ContradictoryAssumptionsAreReported()
    {
        var (code, output, err) = Run("x^2 + 1", ["x > 1", "x < 0"], relation: "< 0");
        Assert.Equal(1, code);
        Assert.Contains("the assumptions are unsatisfiable", err);
        Assert.StartsWith("verdict: unknown", output);
        Assert.DoesNotContain("proved", output.Split('\n')[0]);
        var (_, json, _) = Run("x^2 + 1", ["x > 1", "x < 0"], relation: "< 0", json: true);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("unknown", doc.RootElement.GetProperty("verdict").GetString());
    }

    [Fact]
    public void AnEmptyDomainIsReported()
    {
        var (code, output, err) = Run("log(-1 - x^2)");
        Assert.Equal(1, code);
        Assert.Contains("EXPR is defined nowhere", err);
        Assert.StartsWith("verdict: unknown", output);
    }

    [Fact]
    public void AssumptionsAreUsed()
    {
        Assert.Equal(0, Run("log(x)", ["x > 1"]).Code);
        Assert.Equal(1, Run("log(x)", ["x > 1/2"]).Code);
    }

    [Fact]
    public void AMissingLibraryGivesOneSentence()
    {
        var ex = Assert.ThrowsAny<InputException>(() => Run("x^2 + 1", options: new SmtSolverOptions { LibraryCandidates = ["libz3-missing.so.0"] }));
        Assert.Equal("libz3 was not found; install Debian's package libz3-4 (apt-get install libz3-4)", ex.Message);
    }

    [Fact]
    public void UnknownExitsOneWithTheReason()
    {
        var (code, output, _) = Run("exp(x) - x^3/6");
        Assert.Equal(1, code);
        Assert.StartsWith("verdict: unknown", output);
        Assert.Contains("not a verified counterexample", output);
    }

    [Z3CommandFact]
    public void TheScriptReproducesWithTheZ3Command()
    {
        var (_, json, _) = Run("softplus(u)", json: true);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("unsat", Z3Command.FirstLine(doc.RootElement.GetProperty("smtlib").GetString()!));
        var (_, json2, _) = Run("x^2 - 2*x + 1/2", json: true);
        using var doc2 = JsonDocument.Parse(json2);
        Assert.Equal("sat", Z3Command.FirstLine(doc2.RootElement.GetProperty("smtlib").GetString()!));
    }
}
