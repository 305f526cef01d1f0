using ProofWorkbench.Cli.Commands;
using ProofWorkbench.Theorems.Checkers;

namespace ProofWorkbench.Cli.Tests;

public class KindsCommandTests
{
    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ProofWorkbench.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ProofWorkbench.sln not found above the test binaries.");
    }

    /// <summary>docs/theorem-files.md is the generated reference; regenerate it with <c>./pwb kinds &gt; docs/theorem-files.md</c>.</summary>
    [Fact]
    public void CommittedDocEqualsGeneratedReference()
    {
        var generated = KindsCommand.Reference(ClaimCheckers.All());
        var committed = File.ReadAllText(Path.Combine(Root(), "docs", "theorem-files.md")).Replace("\r\n", "\n");
        Assert.True(generated == committed, "docs/theorem-files.md is stale: regenerate it with ./pwb kinds > docs/theorem-files.md");
    }

    [Fact]
    public void ReferenceNamesEveryKindAndItsParameters()
    {
        var text = KindsCommand.Reference(ClaimCheckers.All());
        foreach (var c in ClaimCheckers.All())
        {
            Assert.Contains($"\n## {c.Kind}\n", text, StringComparison.Ordinal);
            Assert.Equal(c.Parameters.Count, c.Parameters.Select(p => p.Name).Distinct().Count());
            foreach (var p in c.Parameters)
            {
                Assert.False(string.IsNullOrWhiteSpace(p.Type) || string.IsNullOrWhiteSpace(p.Meaning), $"{c.Kind}.{p.Name} needs a type and a meaning");
                Assert.Contains($"| `{p.Name}` | {p.Type.Replace("|", "\\|")} | {(p.Required ? "yes" : "no")} |", text, StringComparison.Ordinal);
            }
        }
    }
}
