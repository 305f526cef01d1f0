using ProofWorkbench.Symbolic.Simplification;

namespace ProofWorkbench.Verifier.Facts;

/// <summary><c>exact-identity</c>: re-runs the zero test on the expression; zero proves, nonzero refutes, unknown is undecided
/// (reversed for a fact with <c>sense: "nonzero"</c>).</summary>
internal sealed class ExactIdentityRecheck : IFactRechecker
{
    public string Kind => "exact-identity";

    public FactCheck Recheck(J fact)
    {
        var e = fact["expression"].Expr();
        var result = Simplifier.ZeroTest(e) switch { ZeroTestResult.Zero => "zero", ZeroTestResult.NonZero => "nonzero", _ => "unknown" };
        var stated = fact["zero_test"].Str();
        if (stated != result)
            throw new RejectException($"{fact.Path} (exact-identity): the zero test of {e} gives '{result}', the certificate states '{stated}'");
        // Optional "sense": "nonzero" — the fact claims the expression is NOT identically 0.
        bool nonzero = fact.Has("sense") && fact["sense"].Str() == "nonzero";
        var outcome = result switch { "zero" => nonzero ? Outcomes.Refutes : Outcomes.Proves, "nonzero" => nonzero ? Outcomes.Proves : Outcomes.Refutes, _ => Outcomes.Undecided };
        return new FactCheck(fact.Path, Kind, outcome, true, $"zero test: {result}");
    }
}
