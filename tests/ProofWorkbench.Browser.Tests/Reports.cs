using ProofWorkbench.Cli.Commands;

namespace ProofWorkbench.Browser.Tests;

/// <summary>
/// The reports of <c>pwb check theorems --certificates</c>, written once per test run into
/// TestResults/browser/reports under the repository root (kept as a test artifact beside the screenshots).
/// </summary>
public sealed class Reports
{
    /// <summary>The repository root (the folder holding ProofWorkbench.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Where the artifacts go.</summary>
    public static string Artifacts { get; } = Path.Combine(Root, "TestResults", "browser");

    /// <summary>The report folder.</summary>
    public string Folder { get; }

    /// <summary>The exit code of the check (0: every verdict as expected).</summary>
    public int ExitCode { get; }

    /// <summary>Runs the check.</summary>
    public Reports()
    {
        Folder = Path.Combine(Artifacts, "reports");
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        ExitCode = CheckCommand.Run([Path.Combine(Root, "theorems")], Folder, json: false, new StringWriter(), new StringWriter(), certificates: true, ReportFormats.Html);
    }

    /// <summary>Every theorem file, relative to theorems/, with forward slashes, sorted — one report page each.</summary>
    public static IEnumerable<string> TheoremFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "theorems"), "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(Root, "theorems"), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ProofWorkbench.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ProofWorkbench.sln not found above the test binaries.");
    }
}

/// <summary>The report folder and one browser, shared by the tests of a run (xunit collection fixture).</summary>
public sealed class BrowserSession : IDisposable
{
    private readonly Lazy<Reports> reports = new(() => new Reports());
    private readonly Lazy<OpenQA.Selenium.Chrome.ChromeDriver> driver = new(Browser.Start);

    /// <summary>The reports (written on first use).</summary>
    public Reports Reports => reports.Value;

    /// <summary>The browser (started on first use).</summary>
    public OpenQA.Selenium.Chrome.ChromeDriver Driver => driver.Value;

    /// <inheritdoc/>
    public void Dispose()
    {
        if (driver.IsValueCreated) driver.Value.Quit();
    }
}

/// <summary>The collection sharing one <see cref="BrowserSession"/>.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSession>
{
    /// <summary>The collection name.</summary>
    public const string Name = "browser";
}
