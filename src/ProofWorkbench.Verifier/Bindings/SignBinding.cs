using ProofWorkbench.Symbolic.Expressions;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary><c>sign</c>: one SMT check whose goal is "expression ⋈ 0" with the claim's relation (default "&gt; 0") and whose
/// assumptions are the claim's <c>assume</c> list, in order.</summary>
internal sealed class SignBinding : IClaimBinding
{
    public string Kind => "sign";

    public string Bind(ClaimView c)
    {
        var fact = c.Expect("smt-check", 1)[0];
        var rel = (c.Param("relation")?.Str() ?? "> 0").Replace(" ", "");
        var goal = Symbolic.Parsing.Parser.ParseRelation($"{c.Expr("expression")} {rel}");
        if (fact["goal"].IsNull) throw new RejectException($"{fact.Path}.goal: a sign claim's SMT check must state its goal");
        SameRelation(fact["goal"], goal);
        var assume = c.Param("assume")?.Items().Select(a => a.Relation()).ToList() ?? [];
        var stated = fact["assumptions"].Items().ToList();
        if (stated.Count != assume.Count) throw new RejectException($"{fact.Path}.assumptions: the claim has {assume.Count} assumption(s), the fact {stated.Count}");
        for (int i = 0; i < assume.Count; i++) SameRelation(stated[i], assume[i]);
        return $"goal {goal}";
    }

    /// <summary>Requires the relation at <paramref name="field"/> to be <paramref name="derived"/>: same operator, sides equal by the zero test.</summary>
    public static void SameRelation(J field, Relation derived)
    {
        var r = field.Relation();
        if (r.Operator != derived.Operator || !Exact.IsZero(Expr.Sub(Expr.Sub(r.Left, r.Right), Expr.Sub(derived.Left, derived.Right))))
            throw new RejectException($"{field.Path}: the relation {r} is not the claim's {derived}");
    }
}
