using ProofWorkbench.Symbolic.Simplification;

namespace ProofWorkbench.Verifier.Facts;

/// <summary><c>exact-identity</c>: re-runs the zero test on the expression; zero proves, nonzero refutes, unknown is undecided.</summary>
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
        var outcome = result switch { "zero" => Outcomes.Proves, "nonzero" => Outcomes.Refutes, _ => Outcomes.Undecided };
        return new FactCheck(fact.Path, Kind, outcome, true, $"zero test: {result}");
    }
}
