namespace ProofWorkbench.Tests;

/// <summary>Finds the repository root (the folder holding ProofWorkbench.sln) from the test binaries.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ProofWorkbench.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ProofWorkbench.sln not found above the test binaries.");
    }

    /// <summary>Every theorem file, as a path relative to the root with forward slashes, sorted.</summary>
    public static IEnumerable<string> TheoremFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "theorems"), "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
}
