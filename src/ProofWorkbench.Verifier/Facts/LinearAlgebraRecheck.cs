using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Verifier.Facts;

/// <summary><c>linear-algebra</c>: recomputes the determinant and the rank over ℚ; proves when the rank is full exactly when
/// the claim needs full rank, else refutes.</summary>
internal sealed class LinearAlgebraRecheck : IFactRechecker
{
    public string Kind => "linear-algebra";

    public FactCheck Recheck(J fact)
    {
        var rows = fact["matrix"].Items().Select(r => (IReadOnlyList<Rational>)r.Items().Select(x => x.Rat()).ToList()).ToList();
        int n = rows.Count, m = n == 0 ? 0 : rows[0].Count;
        if (rows.Any(r => r.Count != m)) throw new CertificateFormatException(fact["matrix"].Path, "rows of different lengths");
        int rank = ExactLinearAlgebra.Rank(rows);
        if (rank != fact["rank"].Int())
            throw new RejectException($"{fact.Path} (linear-algebra): the rank is {rank}, the certificate states {fact["rank"].Int()}");
        if (!fact["determinant"].IsNull)
        {
            if (n != m) throw new RejectException($"{fact.Path} (linear-algebra): a determinant is stated for a non-square matrix");
            var det = ExactLinearAlgebra.Determinant(rows);
            if (det != fact["determinant"].Rat())
                throw new RejectException($"{fact.Path} (linear-algebra): the determinant is {det}, the certificate states {fact["determinant"].Str()}");
        }
        bool full = rank == Math.Min(n, m);
        var outcome = full == fact["needs_full_rank"].Bool() ? Outcomes.Proves : Outcomes.Refutes;
        return new FactCheck(fact.Path, Kind, outcome, true, $"rank {rank} of a {n}×{m} matrix (exact)");
    }
}
