using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Cli.Commands;

/// <summary>
/// File-system access of <c>pwb check</c>: reading theorem files and writing reports under <c>--out</c>. Every
/// failure of the operating system (a file where a folder is wanted, a read-only or full device, a missing
/// permission) becomes one sentence naming the path — an <see cref="InputException"/> — never a stack trace.
/// </summary>
public static class ReportOutput
{
    /// <summary>Creates the report folder <paramref name="outDir"/>, or says why it cannot be used.</summary>
    public static void Prepare(string outDir)
    {
        if (File.Exists(outDir))
            throw new InputException($"--out '{outDir}' is a file, not a folder; give a folder for the reports, such as reports.");
        Guard(outDir, () => Directory.CreateDirectory(outDir));
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="dir"/>/<paramref name="fileName"/> under <paramref name="outDir"/>.</summary>
    public static void Write(string outDir, string dir, string fileName, string content) =>
        Guard(outDir, () =>
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, fileName), content);
        });

    /// <summary>The text of a theorem file; a file that cannot be read is a malformed input at line 1.</summary>
    public static string ReadTheoremFile(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TheoremFileException(new SourcePosition(path, 1, 1), $"the file cannot be read ({ex.Message.TrimEnd('.')}).");
        }
    }

    private static void Guard(string outDir, Action write)
    {
        try { write(); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new InputException($"--out '{outDir}': the reports cannot be written there ({ex.Message.TrimEnd('.')}); give a writable folder.");
        }
    }
}
