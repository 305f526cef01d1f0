using ProofWorkbench.Symbolic.Domains;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Parsing;
using ProofWorkbench.Verifier.Facts;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary>The shared obligation of the identity-shaped claims: "the verifier's own derivation D is identically 0"
/// (D = derived − stated), discharged by one fact that the zero test or Z3 decides.</summary>
internal static class Identity
{
    /// <summary>
    /// Requires <paramref name="fact"/> to decide exactly D ≡ 0: an exact identity whose expression is ±D (not the
    /// "nonzero" sense), or an SMT check with no assumptions whose goal is ±D == 0 and whose domain (regenerated from the
    /// goal as written, as the re-check does) lies within <paramref name="written"/> — the domain of the claim's own
    /// expressions as written — or is exactly true. Its outcome, re-checked by the fact's re-checker, is then the claim's.
    /// </summary>
    public static void Bind(J fact, Expr derived, string what, IReadOnlyList<DomainCondition>? written = null)
    {
        switch (fact["kind"].Str())
        {
            case "exact-identity":
                if (fact.Has("sense") && fact["sense"].Str() == "nonzero")
                    throw new RejectException($"{fact.Path}.sense: the claim needs {what} ≡ 0, not its negation");
                ClaimView.Same(fact["expression"], derived, what);
                return;
            case "smt-check":
                if (fact["goal"].IsNull) throw new RejectException($"{fact.Path}.goal: an SMT check of an identity must state its goal");
                var parsed = Parser.ParseWithDomain(fact["goal"].Str());
                if (parsed.Value is not Relation { Operator: RelationOperator.Equal } goal)
                    throw new RejectException($"{fact["goal"].Path}: the claim needs an equation {what} == 0");
                ClaimView.Same(Expr.Sub(goal.Left, goal.Right), fact["goal"].Path, derived, what);
                if (fact["assumptions"].Arr().Count > 0) throw new RejectException($"{fact.Path}.assumptions: the claim makes no assumptions");
                foreach (var d in parsed.Domain)
                    if (!(written ?? []).Any(w => w.Condition.Equals(d.Condition) && w.Path.SequenceEqual(d.Path))
                        && !(d.Path.Count == 0 && SmtCheckRecheck.Holds(d.Condition, new Dictionary<string, Rational>()) == true))
                        throw new RejectException($"{fact["goal"].Path}: the goal is decided on a domain ({d}) the claim's expressions as written do not restrict to");
                return;
            default:
                throw new RejectException($"{fact.Path}: the claim needs an exact-identity or smt-check fact for {what}, not {fact["kind"].Str()}");
        }
    }

    /// <summary>The one fact of an identity claim (<see cref="Bind"/>), allowing the numeric probe that follows an identity the
    /// zero test could not decide (such a certificate is numeric, not verified).</summary>
    public static J Fact(ClaimView c) =>
        c.Facts.Count == 2 && c.Facts[1]["kind"].Str() == "numeric-estimate" ? c.Facts[0] : c.Expect(null, 1)[0];

    /// <summary>The domain of expression parameters as written (their union).</summary>
    public static IReadOnlyList<DomainCondition> Written(params J?[] fields) =>
        fields.Where(f => f is not null).SelectMany(f => Parser.ParseWithDomain(f!.Str()).Domain).ToList();
}
