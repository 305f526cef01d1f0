using ProofWorkbench.Theorems.Checkers;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Tests.Theorems;

/// <summary>Every malformed-file message names file:line:column and says what to fix.</summary>
public class LoaderTests
{
    private static readonly TheoremChecker Checker = new(ClaimCheckers.All());

    private const string Valid = """
        id: t
        title: T
        source: paper 000
        statement: S
        setup:
          activation: "exp(u)"
          points:
            p0: { w: [1], a: 2 }
          datasets:
            S: [ { x: [1], y: 1 } ]
        claims:
          - id: c1
            kind: equals
            statement: s
            source: paper 000
            object: prop61
            value: "1"
            expect: proved
        """;

    private static TheoremFileException Fails(string text)
    {
        var file = (TheoremFile?)null;
        var ex = Record.Exception(() =>
        {
            file = TheoremLoader.Load("t.yaml", text, Checker.Kinds);
            Checker.Check(file);
        });
        return Assert.IsType<TheoremFileException>(ex);
    }

    [Fact]
    public void ValidFileLoadsAndChecks()
    {
        var file = TheoremLoader.Load("t.yaml", Valid, Checker.Kinds);
        var result = Checker.Check(file);
        Assert.Equal(Verdict.Proved, Assert.Single(result.Claims).Verdict);
    }

    [Theory]
    [InlineData("id: t\ntitle: [unclosed\n", 3, 1, "not valid YAML")]
    [InlineData("- just\n- a list\n", 1, 1, "must be a mapping")]
    public void MalformedYaml(string text, int line, int column, string fragment)
    {
        var ex = Fails(text);
        Assert.Equal(("t.yaml", line, column), (ex.Position.File, ex.Position.Line, ex.Position.Column));
        Assert.Contains(fragment, ex.Message);
        Assert.StartsWith($"t.yaml:{line}:{column}: ", ex.Message);
    }

    [Theory]
    [InlineData("kind: equals", "kind: equalz", 13, 11, "unknown claim kind 'equalz'; known kinds are")]
    [InlineData("expect: proved", "expect: maybe", 18, 13, "unknown verdict 'maybe'")]
    [InlineData("    source: paper 000\n    object", "    object", 12, 5, "missing the key 'source'")]
    [InlineData("value: \"1\"", "value: \"1 +* 2\"", 17, 16, "does not parse")]
    [InlineData("object: prop61", "object: hessian", 16, 13, "unknown object 'hessian'")]
    [InlineData("object: prop61", "object: prop61\n    colour: red", 17, 5, "unknown parameter 'colour'")]
    [InlineData("title: T", "title: T\nauthor: me", 3, 1, "unknown key 'author'")]
    [InlineData("  activation: \"exp(u)\"", "  activation: \"exp(u\"", 6, 21, "does not parse")]
    [InlineData("  activation: \"exp(u)\"", "  activation: \"u*v\"", 6, 15, "free symbols u, v")]
    public void BadClaimOrSetup(string find, string replace, int line, int column, string fragment)
    {
        Assert.Contains(find, Valid);
        var ex = Fails(Valid.Replace(find, replace));
        Assert.Contains(fragment, ex.Message);
        Assert.Equal((line, column), (ex.Position.Line, ex.Position.Column));
    }

    [Fact]
    public void DuplicateClaimIds()
    {
        var claim = Valid[Valid.IndexOf("  - id: c1", StringComparison.Ordinal)..];
        var ex = Fails(Valid + "\n" + claim);
        Assert.Contains("used twice", ex.Message);
    }

    [Fact]
    public void UndefinedNamesAreReportedWhereTheyAreUsed()
    {
        var text = Valid.Replace("""
                object: prop61
                value: "1"
            """, """
                model: linear
                G: "w^2"
                dataset: T
                theta0: p0
            """).Replace("kind: equals", "kind: kkt");
        var ex = Fails(text);
        Assert.Contains("'T' is not defined in setup.datasets; defined are S", ex.Message);
        Assert.Equal(18, ex.Position.Line);
    }
}
