using System.Globalization;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Smt;

/// <summary>
/// One value of a model. Z3 prints a real either as an exact rational (<c>(/ 1.0 2.0)</c>,
/// <c>(- 3.0)</c>, <c>4.0</c>), kept in <see cref="Exact"/>, or as an algebraic number
/// (<c>(root-obj (+ (^ x 2) (- 2)) 1)</c>), for which <see cref="Exact"/> is null, <see cref="Text"/> keeps
/// Z3's text, and <see cref="Approximation"/> comes from Z3's <c>pp.decimal</c> printing.
/// </summary>
public sealed record WitnessValue(Rational? Exact, string Text, double Approximation)
{
    /// <summary>True when the value is an exact rational.</summary>
    public bool IsExact => Exact is not null;

    /// <summary>"1/2" for exact values, else the approximation followed by Z3's algebraic text.</summary>
    public override string ToString() =>
        Exact is { } r ? r.ToString() : $"{Approximation.ToString("R", CultureInfo.InvariantCulture)} (≈ {Text})";
}

/// <summary>A model: values of the variables of interest, by display name, in a stable order.</summary>
public sealed class Witness
{
    /// <summary>Creates a witness from (name, value) pairs.</summary>
    public Witness(IEnumerable<KeyValuePair<string, WitnessValue>> values) =>
        Values = values.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    /// <summary>The values by variable name.</summary>
    public IReadOnlyDictionary<string, WitnessValue> Values { get; }

    /// <summary>The value of <paramref name="name"/>.</summary>
    public WitnessValue this[string name] => Values[name];

    /// <summary>True when every value is an exact rational.</summary>
    public bool IsExact => Values.Values.All(v => v.IsExact);

    /// <summary>The values as doubles (the exact value rounded, or the approximation).</summary>
    public IReadOnlyDictionary<string, double> ToDoubles() =>
        Values.ToDictionary(kv => kv.Key, kv => kv.Value.Approximation, StringComparer.Ordinal);

    /// <summary>"x = 1, y = -1/2" in name order.</summary>
    public override string ToString() =>
        string.Join(", ", Values.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} = {kv.Value}"));
}

/// <summary>Reads Z3's model output (<c>(get-model)</c>, <c>(get-value …)</c>) into values.</summary>
internal static class ModelReader
{
    /// <summary>The nullary real definitions of a <c>(get-model)</c> answer: SMT name → value term.</summary>
    public static Dictionary<string, SExpr> ReadModel(SExpr model)
    {
        var result = new Dictionary<string, SExpr>(StringComparer.Ordinal);
        var items = model.Items.Count > 0 && model.Items[0].Is("model") ? model.Items.Skip(1) : model.Items;
        foreach (var d in items)
        {
            // (define-fun NAME () SORT VALUE); functions with parameters (such as Z3's /0) are skipped.
            if (d.IsList && d.Items.Count == 5 && d.Items[0].Is("define-fun") && d.Items[2].IsList && d.Items[2].Items.Count == 0)
                result[d.Items[1].Atom!] = d.Items[4];
        }
        return result;
    }

    /// <summary>The pairs of a <c>(get-value (…))</c> answer: term text → value term.</summary>
    public static Dictionary<string, SExpr> ReadValues(SExpr values)
    {
        var result = new Dictionary<string, SExpr>(StringComparer.Ordinal);
        foreach (var pair in values.Items)
            if (pair.IsList && pair.Items.Count == 2) result[pair.Items[0].ToString()] = pair.Items[1];
        return result;
    }

    /// <summary>The exact rational a value term denotes, or null (algebraic numbers, approximations).</summary>
    public static Rational? Exact(SExpr v)
    {
        if (!v.IsList)
        {
            var a = v.Atom!;
            if (a.EndsWith('?')) return null;
            return Rational.TryParse(a, out var r) && (a.Length > 0 && (char.IsAsciiDigit(a[0]) || a[0] == '.')) ? r : null;
        }
        if (v.Items.Count == 0 || v.Items[0].IsList) return null;
        var op = v.Items[0].Atom;
        var args = v.Items.Skip(1).Select(Exact).ToList();
        if (args.Count == 0 || args.Any(x => x is null)) return null;
        var xs = args.Select(x => x!.Value).ToList();
        switch (op)
        {
            case "-": return xs.Count == 1 ? -xs[0] : xs.Skip(1).Aggregate(xs[0], (s, x) => s - x);
            case "+": return xs.Aggregate(Rational.Zero, (s, x) => s + x);
            case "*": return xs.Aggregate(Rational.One, (s, x) => s * x);
            case "/":
                if (xs.Count != 2 || xs[1].IsZero) return null;
                return xs[0] / xs[1];
            default: return null;
        }
    }

    /// <summary>A double approximation of a decimal value term such as <c>(- 1.4142135623?)</c>; NaN when none.</summary>
    public static double Approximate(SExpr v)
    {
        if (Exact(v) is { } r) return r.ToDouble();
        if (!v.IsList)
        {
            var a = v.Atom!.TrimEnd('?');
            return double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN;
        }
        if (v.Items.Count == 0 || v.Items[0].IsList) return double.NaN;
        var xs = v.Items.Skip(1).Select(Approximate).ToList();
        return v.Items[0].Atom switch
        {
            "-" when xs.Count == 1 => -xs[0],
            "-" => xs.Skip(1).Aggregate(xs[0], (s, x) => s - x),
            "+" => xs.Sum(),
            "*" => xs.Aggregate(1.0, (s, x) => s * x),
            "/" when xs.Count == 2 => xs[0] / xs[1],
            _ => double.NaN,
        };
    }
}
