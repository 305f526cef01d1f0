namespace ProofWorkbench.Cli.Tests;

/// <summary>Runs the pwb entry point in-process with captured standard output and error.</summary>
public static class CliRunner
{
    private static readonly object Gate = new();

    /// <summary>Exit code, stdout and stderr of <c>pwb args…</c>.</summary>
    public static (int Exit, string Out, string Err) Run(params string[] args) => Run(() => { }, args);

    /// <summary>As <see cref="Run(string[])"/>; <paramref name="started"/> is called once the run holds the console.</summary>
    public static (int Exit, string Out, string Err) Run(Action started, params string[] args)
    {
        lock (Gate) // Console is process-wide
        {
            started();
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var oldOut = Console.Out;
            var oldErr = Console.Error;
            var (culture, uiCulture) = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
            var (defaultCulture, defaultUiCulture) = (System.Globalization.CultureInfo.DefaultThreadCurrentCulture, System.Globalization.CultureInfo.DefaultThreadCurrentUICulture);
            Console.SetOut(stdout);
            Console.SetError(stderr);
            try
            {
                var entry = typeof(Commands.DeriveCommand).Assembly.EntryPoint!;
                var exit = (int)entry.Invoke(null, [args])!;
                return (exit, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
                // The program sets the invariant culture for its process; give the test back its own.
                (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = (culture, uiCulture);
                (System.Globalization.CultureInfo.DefaultThreadCurrentCulture, System.Globalization.CultureInfo.DefaultThreadCurrentUICulture) = (defaultCulture, defaultUiCulture);
            }
        }
    }
}
