using ApprovalTests;
using ApprovalTests.Namers;
using ApprovalTests.Reporters;
using ProofWorkbench.Theorems.Checkers;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;
using ProofWorkbench.Reports;

namespace ProofWorkbench.Tests.Theorems;

/// <summary>
/// Snapshot tests (ApprovalTests) of every theorem file's report: the Markdown must match the approved
/// file beside this test byte for byte, and every verdict must be the expected one.
/// To approve a change, inspect the *.received.md file and rename it to *.approved.md.
/// </summary>
[UseReporter(typeof(QuietReporter))]
public class ReportSnapshotTests
{
    public static TheoryData<string> Files() => new(RepositoryPaths.TheoremFiles());

    [Theory]
    [MemberData(nameof(Files))]
    public void ReportMatchesApprovedSnapshot(string relativePath)
    {
        var checker = new TheoremChecker(ClaimCheckers.All());
        var file = TheoremLoader.Load(relativePath, File.ReadAllText(Path.Combine(RepositoryPaths.Root, relativePath)), checker.Kinds);
        var result = checker.Check(file);
        var name = Path.GetFileNameWithoutExtension(relativePath);
        var report = MarkdownReport.Render(result, name);
        var text = report.Text + string.Concat(report.Attachments
            .Where(a => a.FileName.EndsWith(".smt2", StringComparison.Ordinal))
            .Select(a => $"\n---- {a.FileName}\n{a.Content}"));
        using (ApprovalResults.ForScenario(name))
            Approvals.Verify(new ApprovalTextWriter(text, "md"));
        Assert.All(result.Claims, c => Assert.True(c.AsExpected, $"{c.Claim.Id}: {c.Verdict}, expected {c.Claim.Expected}: {c.Explanation}"));
    }

    /// <summary>The HTML pages (with their inline SVG figures) of Figure 1's report and of a recipe report with its activation figure.</summary>
    [Theory]
    [InlineData("theorems/zhang2023/fig1-two-point-sigmoid.yaml")]
    [InlineData("theorems/zhang2023/recipe-two-point-c1-d1.yaml")]
    public void HtmlReportMatchesApprovedSnapshot(string relativePath)
    {
        var checker = new TheoremChecker(ClaimCheckers.All());
        var file = TheoremLoader.Load(relativePath, File.ReadAllText(Path.Combine(RepositoryPaths.Root, relativePath)), checker.Kinds);
        var name = Path.GetFileNameWithoutExtension(relativePath);
        var report = HtmlReport.Render(checker.Check(file), name);
        Assert.Contains("<math", report.Text, StringComparison.Ordinal);
        Assert.Contains("<svg", report.Text, StringComparison.Ordinal);
        using (ApprovalResults.ForScenario(name))
            Approvals.Verify(new ApprovalTextWriter(report.Text, "html"));
    }
}
