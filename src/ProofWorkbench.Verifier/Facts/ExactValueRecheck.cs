using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Verifier.Facts;

/// <summary><c>exact-value</c>: substitutes the exact point, proves by the zero test that the expression equals the stated
/// value there, and judges |value| against a tolerance: 0 proves; within it confirms (proves for a bound); beyond refutes. Without a tolerance the claim binding judges the value.</summary>
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
        // Without a tolerance the outcome depends on what the claim asks of the value (= 0, ≠ 0, > 0): the stated outcome is
        // kept here and checked by the claim's binding; a certificate whose claim kind has no binding is not verified.
        var stated = fact["outcome"].Str();
        var outcome = tol is not { } tt ? stated
            : value.IsZero ? Outcomes.Proves
            : value.Abs() <= tt ? (stated == Outcomes.Proves ? Outcomes.Proves : Outcomes.Confirms) : Outcomes.Refutes;
        return new FactCheck(fact.Path, Kind, outcome, true, $"exactly {value}" + (tol is null ? " (its outcome is bound by the claim)" : $", tolerance {tol}"));
    }
}
