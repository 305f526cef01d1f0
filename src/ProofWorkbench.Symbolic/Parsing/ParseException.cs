namespace ProofWorkbench.Symbolic.Parsing;

/// <summary>An expression that does not parse: the 1-based column and what was expected there.</summary>
public sealed class ParseException(string text, int column, string message)
    : InputException($"column {column}: {message}")
{
    /// <summary>The text that failed to parse.</summary>
    public string Text { get; } = text;
    /// <summary>1-based column of the offending character.</summary>
    public int Column { get; } = column;
    /// <summary>What went wrong, without the position.</summary>
    public string Reason { get; } = message;
}
