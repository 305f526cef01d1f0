using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProofWorkbench.Cli;

/// <summary>Deterministic JSON output: indented, UTF-8 characters unescaped, doubles round-trip ("R").</summary>
public static class Json
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serializes a node.</summary>
    public static string Write(JsonNode node) => node.ToJsonString(Options);
}
