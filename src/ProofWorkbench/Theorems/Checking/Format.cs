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

    /// <summary>An error or residual with 3 significant digits.</summary>
    public static string Error(double x) => Clean(x.ToString("G3", CultureInfo.InvariantCulture).Replace("E", "e"));

    /// <summary>A vector (w, a) as "(v1, v2, …)".</summary>
    public static string Vector(IEnumerable<double> xs) => "(" + string.Join(", ", xs.Select(Value)) + ")";

    private static string Clean(string s) => s == "-0" ? "0" : s;
}
