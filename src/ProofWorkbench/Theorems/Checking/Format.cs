using System.Globalization;

namespace ProofWorkbench.Theorems.Checking;

/// <summary>
/// Number formatting for reports. Values show 10 significant digits and error estimates 3, so that
/// last-bit differences between machines' math libraries cannot change a report's bytes.
/// </summary>
public static class Format
{
    /// <summary>A value with 10 significant digits.</summary>
    public static string Value(double x) => Clean(x.ToString("G10", CultureInfo.InvariantCulture).Replace("E", "e"));

    /// <summary>
    /// An error or residual: 3 significant digits, or below 1e-6 (round-off territory, where digits differ between
    /// machines) one significant digit rounded away from zero.
    /// </summary>
    public static string Error(double x)
    {
        if (double.IsFinite(x) && x != 0 && Math.Abs(x) < 1e-6) return (x < 0 ? "-" : "") + Bound(x)[2..];
        return Clean(x.ToString("G3", CultureInfo.InvariantCulture).Replace("E", "e"));
    }

    /// <summary>
    /// An upper bound with one significant digit, rounded up: "≤ 4e-13". For error estimates and tiny residuals,
    /// whose last digits depend on the machine's math library, so reports stay byte-identical across machines.
    /// </summary>
    public static string Bound(double x)
    {
        if (double.IsNaN(x)) return "NaN";
        x = Math.Abs(x);
        if (x == 0) return "0";
        if (double.IsInfinity(x)) return "∞";
        int e = (int)Math.Floor(Math.Log10(x));
        double m = Math.Ceiling(x / Math.Pow(10, e) * (1 - 1e-12));
        if (m >= 10) { m = 1; e++; }
        return $"≤ {m.ToString(CultureInfo.InvariantCulture)}e{e}";
    }

    /// <summary>A vector (w, a) as "(v1, v2, …)".</summary>
    public static string Vector(IEnumerable<double> xs) => "(" + string.Join(", ", xs.Select(Value)) + ")";

    private static string Clean(string s) => s == "-0" ? "0" : s;
}
