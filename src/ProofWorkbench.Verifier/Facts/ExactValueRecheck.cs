using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Verifier.Facts;

/// <summary><c>exact-value</c>: substitutes the exact point, proves by the zero test that the expression equals the stated
/// value there, and judges |value| against the tolerance: 0 proves; no tolerance and nonzero refutes; within it confirms; beyond refutes.</summary>
internal sealed class ExactValueRecheck : IFactRechecker
{
    public string Kind => "exact-value";

    public FactCheck Recheck(J fact)
    {
        var e = fact["expression"].Expr();
        var at = fact["at"].Entries().ToDictionary(kv => kv.Key, kv => kv.Value.Rat());
        var value = fact["value"].Rat();
        var atPoint = Exact.At(e, at);
        if (!Exact.IsZero(Expr.Sub(atPoint, Expr.Num(value))))
            throw new RejectException($"{fact.Path} (exact-value): {e} at the stated point is not exactly {value} (the zero test does not prove it)");
        Rational? tol = fact["tolerance"].IsNull ? null : fact["tolerance"].Rat();
        if (tol is { } t && t <= Rational.Zero) throw new CertificateFormatException(fact["tolerance"].Path, "a tolerance must be positive");
        var outcome = value.IsZero ? Outcomes.Proves : tol is { } tt && value.Abs() <= tt ? Outcomes.Confirms : Outcomes.Refutes;
        return new FactCheck(fact.Path, Kind, outcome, true, $"exactly {value}" + (tol is null ? "" : $", tolerance {tol}"));
    }
}
