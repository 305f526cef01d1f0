using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace ProofWorkbench.Browser.Tests;

/// <summary>
/// The system Chromium and chromedriver (Debian packages <c>chromium</c>, <c>chromium-driver</c>; <c>.ci/run</c> installs
/// them when missing). Where they are absent the browser tests are reported as skipped with this reason — never silently.
/// </summary>
public static class Browser
{
    /// <summary>The Chromium binary.</summary>
    public const string Chromium = "/usr/bin/chromium";
    /// <summary>The chromedriver binary.</summary>
    public const string Driver = "/usr/bin/chromedriver";

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public static string? Missing =>
        File.Exists(Chromium) && File.Exists(Driver) ? null
        : $"browser tests skipped: {(File.Exists(Chromium) ? "" : Chromium + " ")}{(File.Exists(Driver) ? "" : Driver + " ")}not installed (apt-get install chromium chromium-driver; .ci/run does this)";

    /// <summary>A headless Chromium at a fixed window size (1600×1200, one "screen"), logging the browser console.</summary>
    public static ChromeDriver Start()
    {
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1600,1200",
            "--allow-file-access-from-files", "--force-device-scale-factor=1", "--lang=en-US");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
    }
}

/// <summary>A fact skipped with <see cref="Browser.Missing"/> as its reason when the browser is not installed.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    /// <summary>Sets the skip reason when the browser is missing.</summary>
    public BrowserFactAttribute() { if (Browser.Missing is { } why) Skip = why; }
}

/// <summary>A theory skipped with <see cref="Browser.Missing"/> as its reason when the browser is not installed.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets the skip reason when the browser is missing.</summary>
    public BrowserTheoryAttribute() { if (Browser.Missing is { } why) Skip = why; }
}
