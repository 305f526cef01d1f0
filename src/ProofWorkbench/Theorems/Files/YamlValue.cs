using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Parsing;
using YamlDotNet.RepresentationModel;

namespace ProofWorkbench.Theorems.Files;

/// <summary>
/// A node of a theorem file with its position, and typed accessors whose errors name file:line:column
/// and say what was expected. Numbers are exact rationals (<c>12.307</c> is 12307/1000).
/// </summary>
public sealed class YamlValue
{
    private readonly YamlNode node;

    internal YamlValue(string file, YamlNode node, string path)
    {
        File = file; this.node = node; Path = path;
        Position = new SourcePosition(file, (int)node.Start.Line, (int)node.Start.Column);
    }

    /// <summary>The file.</summary>
    public string File { get; }
    /// <summary>Where the node starts.</summary>
    public SourcePosition Position { get; }
    /// <summary>The key path, e.g. "claims[2].to".</summary>
    public string Path { get; }

    /// <summary>A positioned error about this node.</summary>
    public TheoremFileException Error(string message) => new(Position, message);

    /// <summary>True for a mapping node.</summary>
    public bool IsMapping => node is YamlMappingNode;
    /// <summary>True for a sequence node.</summary>
    public bool IsSequence => node is YamlSequenceNode;

    /// <summary>The keys of a mapping, in file order.</summary>
    public IReadOnlyList<string> Keys => Mapping().Children.Keys.Select(k => ((YamlScalarNode)k).Value ?? "").ToList();

    private YamlMappingNode Mapping() =>
        node as YamlMappingNode ?? throw Error($"'{Path}' must be a mapping (key: value lines).");

    /// <summary>The child under <paramref name="key"/>, or null.</summary>
    public YamlValue? Optional(string key)
    {
        var m = Mapping();
        return m.Children.TryGetValue(new YamlScalarNode(key), out var child) ? new YamlValue(File, child, Sub(key)) : null;
    }

    /// <summary>A positioned error about the key <paramref name="key"/> itself (for unknown keys).</summary>
    public TheoremFileException KeyError(string key, string message)
    {
        var k = Mapping().Children.Keys.First(n => ((YamlScalarNode)n).Value == key);
        return new TheoremFileException(new SourcePosition(File, (int)k.Start.Line, (int)k.Start.Column), message);
    }

    /// <summary>The child under <paramref name="key"/>; an error naming the key when it is missing.</summary>
    public YamlValue Required(string key) =>
        Optional(key) ?? throw Error($"'{Path}' is missing the key '{key}'.");

    private string Sub(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>The items of a sequence.</summary>
    public IReadOnlyList<YamlValue> Items()
    {
        if (node is not YamlSequenceNode s) throw Error($"'{Path}' must be a list.");
        return s.Children.Select((c, i) => new YamlValue(File, c, $"{Path}[{i}]")).ToList();
    }

    /// <summary>The scalar text.</summary>
    public string Text()
    {
        if (node is not YamlScalarNode s || s.Value is null) throw Error($"'{Path}' must be a single value, not a list or mapping.");
        return s.Value;
    }

    /// <summary>An exact number.</summary>
    public Rational Rational()
    {
        var t = Text();
        // The numeric-literal rule (and its limits, e.g. on the decimal exponent) is the symbolic engine's, in one place.
        if (Symbolic.Numbers.Rational.TryParse(t, out var r, out var problem)) return r;
        throw Error(problem is not null ? $"'{Path}': {problem}."
            : $"'{Path}' must be a number (a decimal or a fraction such as 12.307 or 3/4), not '{Shorten(t)}'.");
    }

    private static string Shorten(string t) => t.Length <= 60 ? t : t[..57] + "…";

    /// <summary>A list of exact numbers; a single number is a list of one.</summary>
    public IReadOnlyList<Rational> Rationals() => IsSequence ? Items().Select(i => i.Rational()).ToList() : [Rational()];

    /// <summary>A double (for tolerances).</summary>
    public double Double() => Rational().ToDouble();

    /// <summary>An integer.</summary>
    public int Int()
    {
        var r = Rational();
        return r.IsInteger && r.Numerator >= int.MinValue && r.Numerator <= int.MaxValue ? (int)r.Numerator : throw Error($"'{Path}' must be a whole number.");
    }

    /// <summary>A boolean (true/false).</summary>
    public bool Bool() => Text() switch
    {
        "true" => true,
        "false" => false,
        var t => throw Error($"'{Path}' must be true or false, not '{t}'."),
    };

    /// <summary>An expression, parsed by the symbolic engine; a parse error names the line and the column inside the file.</summary>
    public Expr Expression() => ExpressionWithDomain().Value;

    /// <summary>
    /// An expression with the domain of its text as written (<see cref="Parser.ParseWithDomain"/>); a parse error names
    /// the line and the column inside the file.
    /// </summary>
    public Symbolic.Domains.ParsedExpression ExpressionWithDomain()
    {
        var t = Text();
        try { return Parser.ParseWithDomain(t); }
        catch (ParseException ex)
        {
            // Plain and quoted scalars: the expression starts at the node's column (after the quote, if any).
            var s = (YamlScalarNode)node;
            int offset = s.Style is YamlDotNet.Core.ScalarStyle.DoubleQuoted or YamlDotNet.Core.ScalarStyle.SingleQuoted ? 1 : 0;
            var pos = Position with { Column = Position.Column + offset + ex.Column - 1 };
            throw new TheoremFileException(pos, $"the expression '{t}' in '{Path}' does not parse: {ex.Reason}.");
        }
    }
}
