using System.Text.Json.Nodes;
using ProofWorkbench.Cli.Commands;

namespace ProofWorkbench.Verifier.Tests;

/// <summary>The certificates `pwb check FILES --certificates` writes for <see cref="Files"/>, generated once
/// in-process into a temporary folder and shared by the tests of the collection.</summary>
public sealed class GeneratedCertificates : IDisposable
{
    /// <summary>Paper 000's theorem files, and the files of papers 001–003 whose claims rest on exact facts (the others run long simulations).</summary>
    public static readonly string[] Files =
    [
        "zhang2023", "blanc2020/appendixC-prop10-prop11.yaml", "blanc2020/eq6-update-expansion.yaml", "blanc2020/sec3-ornstein-uhlenbeck.yaml",
        "blanc2020/theorem3-two-unit-tanh.yaml", "woodworth2020/section4-conserved-kernel.yaml", "woodworth2020/theorem1-depth2.yaml",
        "woodworth2020/theorem3-depth3.yaml", "vardi2021/section6-balancedness.yaml", "vardi2021/theorem4-1-relu-not-l2.yaml", "blanc2020/theorem2-relu-1d.yaml",
    ];

    public string Root { get; }
    public string Out { get; }
    public IReadOnlyList<(string File, string Text)> All { get; }

    public GeneratedCertificates()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ProofWorkbench.sln"))) dir = dir.Parent;
        Root = dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        Out = Path.Combine(Path.GetTempPath(), "pwb-verifier-tests-" + Guid.NewGuid().ToString("N"));
        int exit = CheckCommand.Run([.. Files.Select(f => Path.Combine(Root, "theorems", f))], Out, false, TextWriter.Null, TextWriter.Null, certificates: true);
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
