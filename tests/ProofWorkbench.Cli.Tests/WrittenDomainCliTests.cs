namespace ProofWorkbench.Cli.Tests;

/// <summary>
/// Issue 9, item 2 through the CLI: canonical forms may be defined on more than the expression as written
/// (exp(log x) = x, √x·√x = x); verdicts are about the written domain, and a witness must lie inside it.
/// </summary>
public sealed class WrittenDomainCliTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "pwb-domain-" + Guid.NewGuid().ToString("N"));

    public WrittenDomainCliTests() => Directory.CreateDirectory(dir);

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void ExpOfMinusLogIsProvedPositiveOnItsDomain()
    {
        var (exit, output, err) = CliRunner.Run("sign", "exp(-log(x))");
        Assert.True(exit == 0, output + err);
        Assert.StartsWith("verdict: proved", output);
        Assert.Contains("x > 0", output); // the domain of log(x), as written
    }

    [Fact]
    public void ARefutationOfAWrittenDomainClaimHasAWitnessInsideIt()
    {
        var (exit, output, _) = CliRunner.Run("sign", "exp(-log(x)) - 1");
        Assert.Equal(1, exit);
        Assert.StartsWith("verdict: refuted", output);
        var witness = output.Split('\n').Single(l => l.StartsWith("witness: ")); // e.g. "witness: x = 2"
        var value = double.Parse(witness.Split('=')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(value > 0, witness);
    }

    [Fact]
    public void EqualsOfSqrtSquaredAndAbsIsProvedAndAFalseVariantRefuted()
    {
        var file = Path.Combine(dir, "domain.yaml");
        File.WriteAllText(file, """
            id: domain
            title: "Identities on the written domain"
            source: "issue 9, item 2"
            statement: "Canonical forms keep the domain of the expression as written."
            setup:
              activation: "u + sqrt(u^2 + 1)"
            claims:
              - id: sqrt-times-sqrt
                kind: equals
                statement: "√x·√x = |x| wherever √x is defined"
                source: "issue 9"
                lhs: "sqrt(x)*sqrt(x)"
                rhs: "abs(x)"
                expect: proved
              - id: sqrt-times-sqrt-false
                kind: equals
                statement: "√x·√x = −x is false for x > 0"
                source: "issue 9"
                lhs: "sqrt(x)*sqrt(x)"
                rhs: "-x"
                expect: refuted
              - id: prop61-asinh-like
                kind: equals
                statement: "Proposition 6.1's C(u) for σ(u) = u + √(u² + 1) is 1/(1 + u²)"
                source: "paper 000, eq. (6); by hand: σ' = σ/√(u²+1), σ''/σ' = (√(u²+1) − u)/(u²+1)"
                object: prop61
                value: "1/(1 + u^2)"
                expect: proved
              - id: conserved
                kind: equals
                statement: "h'(w) = √(1 + x²w²)/x for σ(u) = u + √(u² + 1)"
                source: "paper 000, Lemma A.3"
                object: h_prime
                value: "sqrt(1 + x^2*w^2)/x"
                expect: proved
            """);
        var (exit, output, err) = CliRunner.Run("check", file, "--out", Path.Combine(dir, "out"));
        Assert.True(exit == 0, output + err);
        Assert.Contains("4 of 4 claims got their expected verdicts", output);
    }
}

/// <summary>Issue 9, item 4 through the CLI: piecewise activations decided branch by branch.</summary>
public class PiecewiseCliTests
{
    [Fact]
    public void DeriveGivesCPerBranchAndExcludesZerosOnTheRight()
    {
        var (exit, output, err) = CliRunner.Run("derive", "--activation", "piecewise(u<0, exp(u), 1+u)", "--roots", "0.1,10");
        Assert.True(exit == 0, err);
        Assert.Contains("= piecewise(u < 0, 1, 1/(1 + u))", output);
        Assert.Contains("C has no zero in [0.1, 10]", output);
        Assert.DoesNotContain("undecided", output);
    }
}
