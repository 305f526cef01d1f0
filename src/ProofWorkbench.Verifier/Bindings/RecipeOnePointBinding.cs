using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary><c>recipe-one-point</c> (paper 000, Section 6.3, steps (a)–(b)): two SMT checks with goals σ(u) &gt; 0 and
/// σ′(u) &gt; 0 (σ′ differentiated by the verifier), and one linear-algebra fact whose rows are (1/(x_k)_1, …, 1/(x_k)_d) for
/// the claim's datasets (one sample each), needing full rank.</summary>
internal sealed class RecipeOnePointBinding : IClaimBinding
{
    public string Kind => "recipe-one-point";

    public string Bind(ClaimView c)
    {
        if (c.Facts.Count != 3) throw new RejectException($"$.facts: the recipe needs 3 facts (σ > 0, σ′ > 0, independence), the certificate has {c.Facts.Count}");
        var (_, u) = c.Activation();
        SignBinding.SameRelation(Smt(c.Facts[0])["goal"], new Relation(c.SigmaAt(Sym(u)), RelationOperator.Greater, Zero));
        SignBinding.SameRelation(Smt(c.Facts[1])["goal"], new Relation(c.SigmaPrimeAt(Sym(u)), RelationOperator.Greater, Zero));
        var la = c.Facts[2];
        if (la["kind"].Str() != "linear-algebra") throw new RejectException($"{la.Path}: step (b) needs a linear-algebra fact");
        var rows = c.Param("datasets")!.Items().Select(n => c.Setup["datasets"][n.Str()][0]["x"].Items().Select(v => Rational.One / v.Rat()).ToList()).ToList();
        var stated = la["matrix"].Items().Select(r => r.Items().Select(v => v.Rat()).ToList()).ToList();
        if (stated.Count != rows.Count || stated.Zip(rows).Any(p => !p.First.SequenceEqual(p.Second)))
            throw new RejectException($"{la.Path}.matrix: not the rows 1/x of the claim's datasets");
        if (!la["needs_full_rank"].Bool()) throw new RejectException($"{la.Path}.needs_full_rank: step (b) needs linear independence");
        return "σ > 0, σ′ > 0, and the rows 1/x_k";
    }

    private static J Smt(J f) => f["kind"].Str() == "smt-check" && !f["goal"].IsNull ? f : throw new RejectException($"{f.Path}: step (a) needs an SMT check with a goal");
}
