using System.Text.Json.Nodes;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Parsing;

namespace ProofWorkbench.Verifier;

/// <summary>A JSON value with its path: typed accessors that throw <see cref="CertificateFormatException"/> naming the path.</summary>
internal sealed record J(JsonNode? Node, string Path)
{
    public J this[string key] => Node is JsonObject o
        ? new J(o[key], $"{Path}.{key}")
        : throw new CertificateFormatException(Path, "expected an object");

    public J this[int i] => new(Arr()[i], $"{Path}[{i}]");

    public bool Has(string key) => Node is JsonObject o && o.ContainsKey(key);

    public bool IsNull => Node is null;

    public JsonObject Obj() => Node as JsonObject ?? throw new CertificateFormatException(Path, "expected an object");

    public JsonArray Arr() => Node as JsonArray ?? throw new CertificateFormatException(Path, "expected an array");

    public IEnumerable<J> Items() => Arr().Select((n, i) => new J(n, $"{Path}[{i}]"));

    public IEnumerable<(string Key, J Value)> Entries() => Obj().Select(kv => (kv.Key, new J(kv.Value, $"{Path}.{kv.Key}")));

    public string Str() => Node is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new CertificateFormatException(Path, "expected a string");

    public string? StrOrNull() => Node is null ? null : Str();

    public int Int() => Node is JsonValue v && v.TryGetValue<int>(out var i) ? i : throw new CertificateFormatException(Path, "expected an integer");

    public bool Bool() => Node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : throw new CertificateFormatException(Path, "expected true or false");

    /// <summary>An exact rational written as "p/q" (or an integer/decimal string).</summary>
    public Rational Rat() => Rational.TryParse(Str(), out var r) ? r : throw new CertificateFormatException(Path, $"'{Str()}' is not an exact rational \"p/q\"");

    /// <summary>An exact interval [lo, hi] with lo ≤ hi.</summary>
    public (Rational Lo, Rational Hi) Interval()
    {
        var a = Arr();
        if (a.Count != 2) throw new CertificateFormatException(Path, "expected an interval [lo, hi]");
        var (lo, hi) = (this[0].Rat(), this[1].Rat());
        return lo <= hi ? (lo, hi) : throw new CertificateFormatException(Path, "an interval's lower end exceeds its upper end");
    }

    /// <summary>An expression in the tool's syntax.</summary>
    public Expr Expr()
    {
        try { return Parser.Parse(Str()); }
        catch (InputException ex) { throw new CertificateFormatException(Path, $"not an expression: {ex.Message}"); }
    }

    /// <summary>A relation in the tool's syntax.</summary>
    public Relation Relation()
    {
        try { return Parser.ParseRelation(Str()); }
        catch (InputException ex) { throw new CertificateFormatException(Path, $"not a relation: {ex.Message}"); }
    }
}
