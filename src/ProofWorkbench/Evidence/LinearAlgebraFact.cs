using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Evidence;

/// <summary>
/// An exact linear-algebra fact about a rational matrix: its determinant (square matrices) and rank. Outcome: Proves when
/// the claim needs full rank and the rank is full (or the claim needs a dependency and the rank is deficient), else Refutes.
/// </summary>
/// <param name="Label">What the matrix is (e.g. "directions as rows").</param>
/// <param name="Matrix">The rows.</param>
/// <param name="Determinant">The determinant, or null for a non-square matrix.</param>
/// <param name="Rank">The rank.</param>
/// <param name="NeedsFullRank">True when the claim is linear independence of the rows.</param>
public sealed record LinearAlgebraFact(string Label, IReadOnlyList<IReadOnlyList<Rational>> Matrix, Rational? Determinant, int Rank, bool NeedsFullRank)
    : Fact(Label, (Rank == Math.Min(Matrix.Count, Matrix.Count == 0 ? 0 : Matrix[0].Count)) == NeedsFullRank ? FactOutcome.Proves : FactOutcome.Refutes)
{
    /// <inheritdoc/>
    public override string Kind => "linear-algebra";
    /// <inheritdoc/>
    public override bool IsExact => true;

    /// <summary>The fact for <paramref name="rows"/>, computed exactly (fraction-free elimination over ℚ).</summary>
    public static LinearAlgebraFact Compute(string label, IReadOnlyList<IReadOnlyList<Rational>> rows, bool needsFullRank = true)
    {
        int n = rows.Count, m = n == 0 ? 0 : rows[0].Count;
        var a = rows.Select(r => r.ToArray()).ToArray();
        int rank = 0;
        Rational det = Rational.One;
        for (int col = 0; col < m && rank < n; col++)
        {
            int pivot = Enumerable.Range(rank, n - rank).FirstOrDefault(i => !a[i][col].IsZero, -1);
            if (pivot < 0) { det = Rational.Zero; continue; }
            if (pivot != rank) { (a[pivot], a[rank]) = (a[rank], a[pivot]); det = -det; }
            det *= a[rank][col];
            for (int i = rank + 1; i < n; i++)
            {
                var f = a[i][col] / a[rank][col];
                for (int k = col; k < m; k++) a[i][k] -= f * a[rank][k];
            }
            rank++;
        }
        return new LinearAlgebraFact(label, rows, n == m ? (rank == n ? det : Rational.Zero) : null, rank, needsFullRank);
    }
}
