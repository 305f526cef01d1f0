namespace ProofWorkbench.Theorems.Files;

/// <summary>A place in a theorem file: path, 1-based line and column.</summary>
public sealed record SourcePosition(string File, int Line, int Column)
{
    /// <summary>"file:line:column".</summary>
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>A malformed theorem file: the message starts with file:line:column and says what to fix.</summary>
public sealed class TheoremFileException(SourcePosition position, string message)
    : InputException($"{position}: {message}")
{
    /// <summary>Where the problem is.</summary>
    public SourcePosition Position { get; } = position;
}
