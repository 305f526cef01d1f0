using ProofWorkbench.Symbolic.Domains;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Parsing;
using Xunit.Abstractions;

namespace ProofWorkbench.Smt.Tests.Soundness;

/// <summary>
/// The soundness suite of issue 9: the statements of <c>statements.txt</c>, whose truth is known by hand, decided the way
/// the product decides them — parsed with the domain as written, then the exact zero test (identities) or Z3 with checked
/// witnesses. A true statement must never be refuted, a false one never proved.
/// </summary>
public class SoundnessSuiteTests(ITestOutputHelper output)
{
    public sealed record Statement(string Truth, string Kind, string Claim, string[] Assumptions, string Source)
    {
        public override string ToString() => $"{Kind}: {Claim}";
    }

    public static IEnumerable<object[]> Statements()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Soundness", "statements.txt");
        foreach (var line in File.ReadLines(path))
        {
            if (line.TrimStart().StartsWith('#') || line.Trim().Length == 0) continue;
            var f = line.Split('|').Select(s => s.Trim()).ToArray();
            yield return [new Statement(f[0], f[1], f[2], f[3].Length == 0 ? [] : f[3].Split(';').Select(s => s.Trim()).ToArray(), f[4])];
        }
    }

    [Fact]
    public void TheSuiteIsNotEmptyAndWellFormed()
    {
        var all = Statements().Select(s => (Statement)s[0]).ToList();
        Assert.True(all.Count >= 20);
        Assert.All(all, s => Assert.Contains(s.Truth, new[] { "true", "true!", "false" }));
        Assert.All(all, s => Assert.Contains(s.Kind, new[] { "sign", "identity" }));
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public void NeverRefutesATrueStatementNorProvesAFalseOne(Statement s)
    {
        var verdict = Decide(s);
        output.WriteLine($"{s} → {verdict}   ({s.Source})");
        if (s.Truth == "false") Assert.NotEqual(SmtVerdict.Proved, verdict);
        else Assert.NotEqual(SmtVerdict.Refuted, verdict);
        if (s.Truth == "true!") Assert.Equal(SmtVerdict.Proved, verdict);
    }

    /// <summary>Decides a statement as the product does (the sign command and the equals claim kind).</summary>
    private static SmtVerdict Decide(Statement s)
    {
        var parsed = Parser.ParseWithDomain(s.Claim);
        var claim = (Relation)parsed.Value;
        var domain = new List<DomainCondition>(parsed.Domain);
        var assumptions = new List<Relation>();
        foreach (var a in s.Assumptions)
        {
            var p = Parser.ParseWithDomain(a);
            assumptions.Add((Relation)p.Value);
            domain.AddRange(p.Domain);
        }
        if (s.Kind == "identity")
        {
            // The equals claim kind's rule: the exact zero test, then Z3, on the written domain.
            var (verdict, _, _) = ProofWorkbench.Theorems.Checkers.IdentityEvidence.Decide("identity", claim.Left, claim.Right, domain);
            return verdict switch
            {
                ProofWorkbench.Theorems.Files.Verdict.Proved => SmtVerdict.Proved,
                ProofWorkbench.Theorems.Files.Verdict.Refuted => SmtVerdict.Refuted,
                _ => SmtVerdict.Unknown,
            };
        }
        return SmtProver.Prove(claim, assumptions, writtenDomain: domain).Verdict;
    }
}
