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
    /// expressions as written — and the natural domain of D as the verifier derives it, or is exactly true. Its outcome, re-checked by the fact's re-checker, is then the claim's.
    /// With <paramref name="nonzero"/> the claim needs D ≢ 0: an exact identity of sense "nonzero".
    /// </summary>
    public static void Bind(J fact, Expr derived, string what, IReadOnlyList<DomainCondition>? written = null, bool nonzero = false)
    {
        switch (fact["kind"].Str())
        {
            case "exact-identity":
                if ((fact.Has("sense") && fact["sense"].Str() == "nonzero") != nonzero)
                    throw new RejectException($"{fact.Path}.sense: the claim needs {what} {(nonzero ? "≢" : "≡")} 0, the fact states the opposite");
                ClaimView.Same(fact["expression"], derived, what);
                return;
            case "smt-check" when !nonzero:
                if (fact["goal"].IsNull) throw new RejectException($"{fact.Path}.goal: an SMT check of an identity must state its goal");
                var parsed = Parser.ParseWithDomain(fact["goal"].Str());
                if (parsed.Value is not Relation { Operator: RelationOperator.Equal } goal)
                    throw new RejectException($"{fact["goal"].Path}: the claim needs an equation {what} == 0");
                ClaimView.Same(Expr.Sub(goal.Left, goal.Right), fact["goal"].Path, derived, what);
                if (fact["assumptions"].Arr().Count > 0) throw new RejectException($"{fact.Path}.assumptions: the claim makes no assumptions");
                // The claim's domain: its expressions as written, and where the verifier's own D (a derivative may need more) is defined.
                var allowed = (written ?? []).Concat(Parser.ParseWithDomain(derived.ToString()).Domain).ToList();
                foreach (var d in parsed.Domain)
                    if (!allowed.Any(w => w.Condition.Equals(d.Condition) && w.Path.SequenceEqual(d.Path))
                        && !(d.Path.Count == 0 && SmtCheckRecheck.Holds(d.Condition, new Dictionary<string, Rational>()) == true))
                        throw new RejectException($"{fact["goal"].Path}: the goal is decided on a domain ({d}) neither the claim's expressions as written nor the derived D restrict to");
                return;
            default:
                throw new RejectException($"{fact.Path}: the claim needs an exact-identity or smt-check fact for {what}, not {fact["kind"].Str()}");
        }
    }

    /// <summary>A constant D that must be exactly 0: an exact value of D at a point (proving iff the value is 0), an enclosure of D
    /// against the threshold 0 (no box), or a fact of <see cref="Bind"/>.</summary>
    public static void BindZero(J fact, Expr derived, string what)
    {
        switch (fact["kind"].Str())
        {
            case "interval-enclosure":
                ClaimView.Same(fact["expression"], derived, what);
                if (fact["box"].Entries().Any() || fact["tolerance"].IsNull || !fact["tolerance"].Rat().IsZero)
                    throw new RejectException($"{fact.Path}: an enclosure of {what} must be of the constant, against the threshold 0");
                return;
            case "exact-value":
                var at = fact["at"].Entries().ToDictionary(kv => kv.Key, kv => kv.Value.Rat());
                ClaimView.Same(Exact.At(fact["expression"].Expr(), at), fact["expression"].Path, derived, what);
                var want = fact["value"].Rat().IsZero ? Outcomes.Proves : Outcomes.Refutes;
                if (fact["outcome"].Str() != want) throw new RejectException($"{fact.Path}.outcome: the value {fact["value"].Str()} of {what} gives '{want}', the certificate states '{fact["outcome"].Str()}'");
                return;
            default: Bind(fact, derived, what); return;
        }
    }

    /// <summary>The <paramref name="n"/> deciding facts of an identity claim (<see cref="Bind"/>), leaving out the numeric
    /// probes that follow an identity the zero test could not decide (such a certificate is numeric, not verified anyway).</summary>
    public static IReadOnlyList<J> Facts(ClaimView c, int n)
    {
        var deciding = c.Facts.Where(f => f["kind"].Str() != "numeric-estimate").ToList();
        return deciding.Count == n ? deciding : throw new RejectException($"$.facts: the claim needs {n} deciding fact(s), the certificate has {deciding.Count}");
    }

    /// <summary>Binds the facts of an identity claim, in order, to the verifier's derivations (each a <see cref="Bind"/>).</summary>
    public static void BindAll(ClaimView c, params (Expr Derived, string What, IReadOnlyList<DomainCondition>? Written)[] obligations)
    {
        var facts = Facts(c, obligations.Length);
        for (int i = 0; i < facts.Count; i++) Bind(facts[i], obligations[i].Derived, obligations[i].What, obligations[i].Written);
    }

    /// <summary>The domain of expression parameters as written (their union).</summary>
    public static IReadOnlyList<DomainCondition> Written(params J?[] fields) =>
        fields.Where(f => f is not null).SelectMany(f => Parser.ParseWithDomain(f!.Str()).Domain).ToList();
}
