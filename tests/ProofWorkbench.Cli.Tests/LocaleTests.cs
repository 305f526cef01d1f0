using System.Globalization;

namespace ProofWorkbench.Cli.Tests;

/// <summary>
/// Issue 9 item 10: output does not depend on the machine's locale. This test project runs with globalization
/// enabled (ICU), so de-DE, fr-FR and ar-SA are real cultures with decimal commas and Arabic marks; every command
/// must print the same bytes, and write the same reports and SVG figures, as under the invariant culture.
/// </summary>
public sealed class LocaleTests : IDisposable
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

    public static TheoryData<string> Cultures => new() { "de-DE", "fr-FR", "ar-SA" };

    private static readonly string[][] Commands =
    [
        ["flow", "--activation", "1/(1+exp(-u))", "--w0", "0.922", "--a0", "2.868", "--x", "1", "--y", "1"],
        ["flow", "--activation", "1/(1+exp(-u))", "--w0", "0.922", "--a0", "2.868", "--x", "1", "--y", "1", "--json"],
        ["derive", "--activation", "1/(1+exp(-u))", "--roots", "0.5,2"],
        ["sign", "x^2 - 2*x + 1/2"],
        ["flow", "--activation", "exp(u)", "--w0", "0.5", "--a0", "1", "--x", "1", "--y", "2", "--tol", "1e-3"],
    ];

    private static (int, string, string) RunUnder(string culture, string[] args)
    {
        var (old, oldUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            return CliRunner.Run(args);
        }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (old, oldUi); }
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void CommandsPrintTheSameBytesUnderEveryCulture(string culture)
    {
        Assert.NotEqual("1.5", 1.5.ToString(new CultureInfo(culture))); // the culture is real: globalization is enabled here
        foreach (var args in Commands)
        {
            var expected = RunUnder("", args);
            var actual = RunUnder(culture, args);
            Assert.Equal(expected, actual);
        }
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void ReportsAndFiguresAreByteIdenticalUnderEveryCulture(string culture)
    {
        var file = Path.Combine(Root(), "theorems", "zhang2023", "fig1-two-point-sigmoid.yaml");
        string Check(string c)
        {
            var dir = Path.Combine(Path.GetTempPath(), "pwb-locale-" + Guid.NewGuid().ToString("N"));
            temporary.Add(dir);
            var (exit, _, err) = RunUnder(c, ["check", file, "--out", dir]);
            Assert.True(exit is 0 or 1, err);
            return string.Join("\n\u0000\n", Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => Path.GetFileName(f) + "\n" + File.ReadAllText(f)));
        }
        var invariant = Check("");
        Assert.Contains(".svg", invariant);
        Assert.Equal(invariant, Check(culture));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void TheFigureLibraryIsCultureIndependentOnItsOwn(string culture)
    {
        // Without the program's process-wide setting: the library itself formats tick labels invariantly.
        var curves = new[] { new ProofWorkbench.Reports.PlaneCurve("flow", [(0.25, 1.5), (0.75, 2.5)]) };
        string Render() => ProofWorkbench.Reports.PhasePlaneFigure.Render("t", curves, [], (0.0, 1.0), (1.0, 3.0));
        var (old, oldUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        string invariant, local;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            invariant = Render();
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            local = Render();
        }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (old, oldUi); }
        Assert.Contains("0.5", invariant);
        Assert.Equal(invariant, local);
    }
}
