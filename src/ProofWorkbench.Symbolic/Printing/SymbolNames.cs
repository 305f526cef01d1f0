namespace ProofWorkbench.Symbolic.Printing;

/// <summary>
/// How the printers read a symbol name of the theorem files: a stem of letters (a Greek name written as the letter)
/// and a subscript (digits, '_' separating several). One place for the rule, used by the MathML printer and by the
/// plain-text labels of reports and figures.
/// </summary>
public static class SymbolNames
{
    /// <summary>Greek letter names written as the letter.</summary>
    public static IReadOnlyDictionary<string, string> Greek { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["epsilon"] = "ε", ["eta"] = "η",
        ["theta"] = "θ", ["kappa"] = "κ", ["lambda"] = "λ", ["mu"] = "μ", ["nu"] = "ν", ["xi"] = "ξ", ["pi"] = "π",
        ["rho"] = "ρ", ["sigma"] = "σ", ["tau"] = "τ", ["phi"] = "φ", ["chi"] = "χ", ["psi"] = "ψ", ["omega"] = "ω",
    };

    /// <summary>The stem (leading letters) and the subscript (the rest, '_' read as ',') of <paramref name="name"/>.</summary>
    public static (string Stem, string Subscript) Split(string name)
    {
        int i = 0;
        while (i < name.Length && char.IsLetter(name[i])) i++;
        return (name[..i], name[i..].Replace('_', ',').Trim(','));
    }

    /// <summary>
    /// <paramref name="name"/> in Unicode text: "theta0" → θ₀, "S1" → S₁, "w1_2" → w₁,₂; a subscript that is not all
    /// digits stays as written after an underscore ("x_a"), a name without a letter stem is returned unchanged.
    /// </summary>
    public static string Unicode(string name)
    {
        var (stem, sub) = Split(name);
        if (stem.Length == 0) return name;
        var letter = Greek.TryGetValue(stem, out var g) ? g : stem;
        if (sub.Length == 0) return letter;
        return sub.All(c => char.IsAsciiDigit(c) || c == ',')
            ? letter + new string(sub.Select(c => c == ',' ? ',' : (char)('₀' + (c - '0'))).ToArray())
            : letter + "_" + sub;
    }
}
