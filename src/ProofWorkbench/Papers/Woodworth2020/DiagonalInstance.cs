using ProofWorkbench.Models;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Papers.Woodworth2020;

/// <summary>
/// A regression instance of paper 003 read from a claim: <c>X</c> (rows are samples, exact) and <c>y</c>, with X of full
/// row rank N &lt; d in the paper's underdetermined setting (Section 4).
/// </summary>
public sealed record DiagonalInstance(IReadOnlyList<IReadOnlyList<Rational>> X, IReadOnlyList<Rational> Y)
{
    /// <summary>d.</summary>
    public int Dimension => X[0].Count;

    /// <summary>Reads <c>X</c> and <c>y</c> from the claim; malformed shapes are positioned errors.</summary>
    public static DiagonalInstance Of(Claim claim)
    {
        var xNode = claim.Node.Required("X");
        var rows = xNode.Items().Select(r => r.Rationals()).ToList();
        if (rows.Count == 0 || rows[0].Count == 0) throw xNode.Error("'X' must be a non-empty list of rows.");
        if (rows.Any(r => r.Count != rows[0].Count)) throw xNode.Error("every row of 'X' must have the same length d.");
        var yNode = claim.Node.Required("y");
        var y = yNode.Rationals();
        if (y.Count != rows.Count) throw yNode.Error($"'y' has {y.Count} entries but X has {rows.Count} rows.");
        return new DiagonalInstance(rows, y);
    }

    /// <summary>The samples as the flow engine takes them.</summary>
    public IReadOnlyList<NumericSample> Samples() =>
        X.Select((r, i) => new NumericSample(i, r.Select(v => v.ToDouble()).ToArray(), Y[i].ToDouble())).ToList();

    /// <summary>"X = [[…], […]], y = (…)" for reports.</summary>
    public override string ToString() =>
        $"X = [{string.Join(", ", X.Select(r => "[" + string.Join(", ", r) + "]"))}], y = ({string.Join(", ", Y)})";
}
