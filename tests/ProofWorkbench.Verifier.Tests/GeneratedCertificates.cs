using System.Text.Json.Nodes;
using ProofWorkbench.Cli.Commands;

namespace ProofWorkbench.Verifier.Tests;

/// <summary>The certificates `pwb check theorems/zhang2023 --certificates` writes (paper 000's theorem files), generated once
/// in-process into a temporary folder and shared by the tests of the collection.</summary>
public sealed class GeneratedCertificates : IDisposable
{
    public string Root { get; }
    public string Out { get; }
    public IReadOnlyList<(string File, string Text)> All { get; }

    public GeneratedCertificates()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ProofWorkbench.sln"))) dir = dir.Parent;
        Root = dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        Out = Path.Combine(Path.GetTempPath(), "pwb-verifier-tests-" + Guid.NewGuid().ToString("N"));
        int exit = CheckCommand.Run([Path.Combine(Root, "theorems", "zhang2023")], Out, false, TextWriter.Null, TextWriter.Null, certificates: true);
        if (exit != 0) throw new InvalidOperationException($"pwb check exited {exit}");
        All = Directory.EnumerateFiles(Out, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(Out, f), File.ReadAllText(f))).ToList();
    }

    /// <summary>The certificates whose untampered verification is not a rejection (the ones tampering must turn into rejections).</summary>
    public IEnumerable<(string File, JsonObject Cert, VerificationResult Result)> Accepted() =>
        All.Select(c => (c.File, (JsonObject)JsonNode.Parse(c.Text)!, CertificateVerifier.Verify(c.Text)))
           .Where(x => x.Item3.Status != VerificationStatus.Rejected);

    public void Dispose()
    {
        try { Directory.Delete(Out, true); } catch (IOException) { }
    }
}

[CollectionDefinition("certificates")]
public sealed class CertificatesCollection : ICollectionFixture<GeneratedCertificates>;
