using OpenQA.Selenium;

namespace ProofWorkbench.Browser.Tests;

/// <summary>
/// Opens every HTML report of <c>pwb check theorems</c> in headless Chromium (issue 16 item 2): every MathML element
/// and every figure has a rendered box of non-zero size, the console has no errors, the index links resolve; one
/// screenshot per page goes to TestResults/browser/screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ReportPageTests(BrowserSession session)
{
    public static TheoryData<string> Files() => new(Reports.TheoremFiles());

    [BrowserFact]
    public void EveryVerdictIsTheExpectedOne() => Assert.Equal(0, session.Reports.ExitCode);

    [BrowserTheory]
    [MemberData(nameof(Files))]
    public void ReportRendersMathAndFiguresWithoutConsoleErrors(string theoremFile)
    {
        var page = Path.Combine(session.Reports.Folder, Path.ChangeExtension(theoremFile, ".html"));
        Assert.True(File.Exists(page), $"no report page {page}");
        // Every formula is MathML or plain text: no LaTeX source left for the reader to decode.
        Assert.DoesNotContain("class=\"tex\"", File.ReadAllText(page), StringComparison.Ordinal);
        var driver = session.Driver;
        driver.Manage().Logs.GetLog(LogType.Browser); // drain what earlier pages logged
        driver.Navigate().GoToUrl(new Uri(page));
        Screenshot(driver, Path.ChangeExtension(theoremFile, null).Replace('/', '_'));

        var js = (IJavaScriptExecutor)driver;
        // Evidence sits in <details>; open them all so every math element and figure has a layout box to measure.
        js.ExecuteScript("document.querySelectorAll('details').forEach(d => d.open = true);");
        var math = Measure(js, "math");
        var figures = Measure(js, "figure svg");
        Assert.True(math.Total > 0 || !File.ReadAllText(page).Contains("<math", StringComparison.Ordinal), "the page has no math element");
        Assert.True(math.Empty == 0, $"{math.Empty} of {math.Total} math elements have an empty box: {math.First}");
        Assert.True(figures.Empty == 0, $"{figures.Empty} of {figures.Total} figures have an empty box: {figures.First}");
        Assert.Equal(File.ReadAllText(page).Split("<figure").Length - 1, figures.Total);
        // MathML laid out as MathML (MathML Core), not as unknown inline elements: a fraction's numerator sits above its denominator.
        var fractions = js.ExecuteScript("return Array.from(document.querySelectorAll('mfrac')).filter(f => " +
            "f.children[0].getBoundingClientRect().bottom > f.children[1].getBoundingClientRect().top + 1).length;");
        Assert.Equal(0L, Convert.ToInt64(fractions, System.Globalization.CultureInfo.InvariantCulture));
        var severe = driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level == LogLevel.Severe).Select(e => e.Message).ToList();
        Assert.True(severe.Count == 0, "console errors: " + string.Join(" | ", severe));
    }

    /// <summary>Issue 16: a report of Figure 1 fits on two screens (the viewport of a 1600×1200 window, each) as it opens, without losing information.</summary>
    [BrowserFact]
    public void Figure1ReportFitsOnTwoScreens()
    {
        var page = Path.Combine(session.Reports.Folder, "zhang2023", "fig1-two-point-sigmoid.html");
        var driver = session.Driver;
        driver.Navigate().GoToUrl(new Uri(page));
        var js = (IJavaScriptExecutor)driver;
        var height = Convert.ToInt64(js.ExecuteScript("return document.documentElement.scrollHeight;"), System.Globalization.CultureInfo.InvariantCulture);
        var screen = Convert.ToInt64(js.ExecuteScript("return window.innerHeight;"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(height <= 2 * screen, $"Figure 1's report is {height} px tall, more than two screens of {screen} px");
        // Nothing is lost: every claim, its verdict, reason and evidence sections are on the page (evidence folded, one click away).
        Assert.Equal(6, driver.FindElements(By.CssSelector("section.claim")).Count);
        Assert.Equal(2, driver.FindElements(By.CssSelector("figure svg")).Count);
    }

    [BrowserFact]
    public void IndexLinksEveryReportAndEveryLinkResolves()
    {
        var index = Path.Combine(session.Reports.Folder, "index.html");
        var driver = session.Driver;
        driver.Manage().Logs.GetLog(LogType.Browser);
        driver.Navigate().GoToUrl(new Uri(index));
        Screenshot(driver, "index");
        var links = driver.FindElements(By.CssSelector("a")).Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(Reports.TheoremFiles().Count(), links.Count);
        foreach (var link in links)
        {
            var path = new Uri(link).LocalPath;
            Assert.True(File.Exists(path), $"index link {link} does not resolve");
            driver.Navigate().GoToUrl(link);
            Assert.NotEmpty(driver.FindElement(By.TagName("h1")).Text);
            // Every link inside a report (scripts, certificates, anchors) resolves too.
            foreach (var href in driver.FindElements(By.CssSelector("a[href]")).Select(a => a.GetAttribute("href")!))
            {
                var target = new Uri(href);
                if (target.Fragment.Length > 1 && target.LocalPath == path)
                    Assert.True(driver.FindElements(By.Id(target.Fragment[1..])).Count == 1, $"{link}: anchor {target.Fragment} missing");
                else Assert.True(File.Exists(target.LocalPath), $"{link}: link {href} does not resolve");
            }
        }
        var severe = driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level == LogLevel.Severe).Select(e => e.Message).ToList();
        Assert.True(severe.Count == 0, "console errors: " + string.Join(" | ", severe));
    }

    private sealed record Boxes(long Total, long Empty, string First);

    private static Boxes Measure(IJavaScriptExecutor js, string selector)
    {
        var r = (IReadOnlyCollection<object>)js.ExecuteScript(
            "const els = Array.from(document.querySelectorAll(arguments[0]));" +
            "const bad = els.filter(e => { const b = e.getBoundingClientRect(); return !(b.width > 0 && b.height > 0); });" +
            "return [els.length, bad.length, bad.length ? bad[0].outerHTML.slice(0, 200) : ''];", selector)!;
        var a = r.ToArray();
        return new Boxes(Convert.ToInt64(a[0], System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(a[1], System.Globalization.CultureInfo.InvariantCulture), (string)a[2]);
    }

    private static void Screenshot(IWebDriver driver, string name)
    {
        var dir = Path.Combine(Reports.Artifacts, "screenshots");
        Directory.CreateDirectory(dir);
        ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(Path.Combine(dir, name + ".png"));
    }
}
