using System.Text;

namespace ProofWorkbench.Smt;

/// <summary>
/// A minimal reader for the s-expressions Z3 prints: atoms (symbols, numerals, decimals such as
/// <c>1.4142135623?</c>, keywords), <c>|quoted symbols|</c>, <c>"strings"</c> and lists.
/// </summary>
internal sealed class SExpr
{
    private SExpr(string? atom, IReadOnlyList<SExpr>? items, bool isString)
    {
        Atom = atom; Items = items ?? []; IsList = items is not null; IsString = isString;
    }

    /// <summary>The atom's text (quotes removed for strings and quoted symbols); null for lists.</summary>
    public string? Atom { get; }
    /// <summary>The items of a list.</summary>
    public IReadOnlyList<SExpr> Items { get; }
    /// <summary>True for a list.</summary>
    public bool IsList { get; }
    /// <summary>True for a string literal.</summary>
    public bool IsString { get; }

    public static SExpr MakeAtom(string text) => new(text, null, false);

    /// <summary>True when this is the atom <paramref name="text"/>.</summary>
    public bool Is(string text) => !IsList && Atom == text;

    /// <summary>Reads every top-level s-expression of <paramref name="text"/>.</summary>
    public static List<SExpr> ReadAll(string text)
    {
        var result = new List<SExpr>();
        int pos = 0;
        while (true)
        {
            SkipSpace(text, ref pos);
            if (pos >= text.Length) return result;
            result.Add(Read(text, ref pos));
        }
    }

    private static void SkipSpace(string t, ref int pos)
    {
        while (pos < t.Length)
        {
            if (char.IsWhiteSpace(t[pos])) pos++;
            else if (t[pos] == ';') { while (pos < t.Length && t[pos] != '\n') pos++; }
            else return;
        }
    }

    private static SExpr Read(string t, ref int pos)
    {
        SkipSpace(t, ref pos);
        if (pos >= t.Length) throw new FormatException("Unexpected end of Z3 output.");
        char c = t[pos];
        if (c == '(')
        {
            pos++;
            var items = new List<SExpr>();
            while (true)
            {
                SkipSpace(t, ref pos);
                if (pos >= t.Length) throw new FormatException("Unbalanced parentheses in Z3 output.");
                if (t[pos] == ')') { pos++; return new SExpr(null, items, false); }
                items.Add(Read(t, ref pos));
            }
        }
        if (c == ')') throw new FormatException("Unexpected ')' in Z3 output.");
        if (c == '|')
        {
            int end = t.IndexOf('|', pos + 1);
            if (end < 0) throw new FormatException("Unterminated quoted symbol in Z3 output.");
            var s = new SExpr(t[(pos + 1)..end], null, false);
            pos = end + 1;
            return s;
        }
        if (c == '"')
        {
            var sb = new StringBuilder();
            pos++;
            while (pos < t.Length)
            {
                if (t[pos] == '"')
                {
                    if (pos + 1 < t.Length && t[pos + 1] == '"') { sb.Append('"'); pos += 2; continue; }
                    pos++;
                    return new SExpr(sb.ToString(), null, true);
                }
                sb.Append(t[pos++]);
            }
            throw new FormatException("Unterminated string in Z3 output.");
        }
        int start = pos;
        while (pos < t.Length && !char.IsWhiteSpace(t[pos]) && t[pos] != '(' && t[pos] != ')' && t[pos] != ';') pos++;
        return new SExpr(t[start..pos], null, false);
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        if (!IsList) return IsString ? $"\"{Atom}\"" : Atom!;
        return "(" + string.Join(" ", Items.Select(i => i.ToString())) + ")";
    }
}
