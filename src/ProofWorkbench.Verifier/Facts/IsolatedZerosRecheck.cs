using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Verifier.Facts;

/// <summary><c>isolated-zeros</c>: each stated root enclosure has a strict sign change at its ends and a derivative of strict
/// sign on it (exactly one zero inside); when the list is stated complete, the function is shown nonzero by outward-rounded
/// intervals on the rest of the domain (bisecting a bounded number of times). The outcome is then the certificate's own
/// reading of the root list against the claim (proves or refutes), which the claim binding checks.</summary>
internal sealed class IsolatedZerosRecheck : IFactRechecker
{
    public string Kind => "isolated-zeros";

    public FactCheck Recheck(J fact)
    {
        var f = fact["function"].Expr();
        var x = fact["variable"].Str();
        var (lo, hi) = fact["domain"].Interval();
        var roots = fact["roots"].Items().Select(r => r.Interval()).OrderBy(r => r.Lo).ToList();
        var df = Differentiator.Derivative(f, x);
        for (int i = 0; i < roots.Count; i++)
        {
            var (a, b) = roots[i];
            if (a < lo || b > hi || (i > 0 && a <= roots[i - 1].Hi))
                throw new RejectException($"{fact.Path}.roots[{i}]: the root enclosure [{a}, {b}] is outside the domain or overlaps another");
            int sa = CertifiedRootRecheck.SignAt(f, x, a), sb = CertifiedRootRecheck.SignAt(f, x, b);
            if (sa * sb >= 0) throw new RejectException($"{fact.Path}.roots[{i}]: no certified sign change of {f} at the ends of [{a}, {b}]");
            if (!CertifiedRootRecheck.SignOn(df, x, Exact.Enclose(a, b), -1) && !CertifiedRootRecheck.SignOn(df, x, Exact.Enclose(a, b), 1))
                throw new RejectException($"{fact.Path}.roots[{i}]: the derivative is not shown to have a strict sign on [{a}, {b}] (uniqueness of the zero)");
        }
        if (fact["complete"].Bool())
        {
            var gaps = new List<(Rational, Rational)>();
            var start = lo;
            foreach (var (a, b) in roots) { if (a > start) gaps.Add((start, a)); start = b; }
            if (hi > start) gaps.Add((start, hi));
            foreach (var (a, b) in gaps)
                if (!NonZero(f, x, a, b))
                    throw new RejectException($"{fact.Path} (isolated-zeros): {f} is not shown nonzero on [{a}, {b}], so the root list is not shown complete");
        }
        var stated = fact["outcome"].Str();
        if (stated is not (Outcomes.Proves or Outcomes.Refutes))
            throw new RejectException($"{fact.Path} (isolated-zeros): the outcome of a re-checked root list must be proves or refutes, not '{stated}'");
        return new FactCheck(fact.Path, Kind, stated, true, $"{roots.Count} isolated zero(s) on [{lo}, {hi}]" + (fact["complete"].Bool() ? ", complete" : ""));
    }

    // f ≠ 0 on [a, b] (closed; the ends of a gap are ends of root enclosures, where f has a strict sign).
    private static bool NonZero(Symbolic.Expressions.Expr f, string x, Rational a, Rational b) =>
        Bisection.Covers(Exact.Enclose(a, b), i => Bisection.Eval(f, x, i) is { } r && Exact.StrictSign(r) != 0);

}
