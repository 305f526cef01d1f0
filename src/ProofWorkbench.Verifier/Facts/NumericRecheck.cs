namespace ProofWorkbench.Verifier.Facts;

/// <summary><c>numeric-estimate</c> and <c>flow-run</c>: floating-point results the verifier does not recompute (no ODE
/// solver, no sampling). They are reported as "numeric, not verified"; their stated outcome enters the verdict rule as stated,
/// and for an estimate the outcome is re-judged from its stated value, error bound and tolerance.</summary>
internal sealed class NumericRecheck(string kind) : IFactRechecker
{
    public string Kind => kind;

    public FactCheck Recheck(J fact)
    {
        var stated = fact["outcome"].Str();
        if (Kind == "numeric-estimate" && !fact["tolerance"].IsNull && !fact["value"].IsNull && !fact["error_bound"].IsNull)
        {
            var (v, e, t) = (fact["value"].Rat(), fact["error_bound"].Rat(), fact["tolerance"].Rat());
            var judged = v + e <= t ? Outcomes.Confirms : v - e > t ? Outcomes.Refutes : Outcomes.Undecided;
            if (judged != stated && !(stated == Outcomes.Proves && v.IsZero))
                throw new RejectException($"{fact.Path} (numeric-estimate): value {v} with error bound {e} against the tolerance {t} gives '{judged}', the certificate states '{stated}'");
        }
        return new FactCheck(fact.Path, Kind, stated, false, "numeric, not verified");
    }
}
