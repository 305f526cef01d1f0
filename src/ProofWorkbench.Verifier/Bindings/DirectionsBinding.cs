using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Simplification;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary><c>directions-independent</c> (paper 000, Lemma 5.2's hypothesis): the rows ∇r_S(θ) = ∇_(w, a)(aσ(wᵀx) − y) of
/// the claim's one-sample datasets at the claim's point, derived by the verifier. One fact: the exact matrix of the rows
/// needing full rank, or an enclosure (of strict required sign) of the determinant of a k×k minor of the rows (k rows).</summary>
internal sealed class DirectionsBinding : IClaimBinding
{
    public string Kind => "directions-independent";

    public string Bind(ClaimView c)
    {
        var point = c.Setup["points"][c.Param("point")!.Str()];
        var rows = c.Param("datasets")!.Items().Select(n =>
        {
            var s = c.Setup["datasets"][n.Str()];
            if (s.Arr().Count != 1) throw new RejectException($"{s.Path}: the directions are of one-sample datasets");
            var m = new OneNeuron(c, s[0]["x"].Items().Select(v => v.Expr()).ToList(), s[0]["y"].Expr());
            var at = m.Weights.Select((w, j) => (w, point["w"][j].Expr())).Append(("a", point["a"].Expr())).ToDictionary(p => p.Item1, p => p.Item2);
            return Differentiator.Gradient(Sub(Mul(Sym("a"), c.SigmaAt(m.Pre)), m.Y), m.Parameters).Select(g => Simplifier.Simplify(Substitution.Substitute(g, at))).ToList();
        }).ToList();
        var fact = c.Expect(null, 1)[0];
        if (fact["kind"].Str() == "linear-algebra")
        {
            var stated = fact["matrix"].Items().Select(r => r.Items().Select(v => v.Rat()).ToList()).ToList();
            if (stated.Count != rows.Count || stated.Zip(rows).Any(p => p.First.Count != p.Second.Count || p.First.Zip(p.Second).Any(q => !Exact.IsZero(Sub(Num(q.First), q.Second)))))
                throw new RejectException($"{fact.Path}.matrix: not the rows ∇r_S(θ)");
            if (!fact["needs_full_rank"].Bool()) throw new RejectException($"{fact.Path}.needs_full_rank: independence needs full rank");
            return "the exact rows ∇r_S(θ)";
        }
        if (fact["kind"].Str() != "interval-enclosure" || fact["box"].Entries().Any() || !fact.Has("required_sign") || fact["required_sign"].Int() == 0)
            throw new RejectException($"{fact.Path}: the claim needs the exact rows or a signed enclosure of a minor's determinant");
        var e = fact["expression"].Expr();
        var columns = Enumerable.Range(0, rows[0].Count).ToList();
        if (!Subsets(columns, rows.Count).Any(cols => Exact.IsZero(Sub(e, Det(rows.Select(r => cols.Select(j => r[j]).ToList()).ToList())))
                                                   || Exact.IsZero(Add(e, Det(rows.Select(r => cols.Select(j => r[j]).ToList()).ToList())))))
            throw new RejectException($"{fact.Path}.expression: not the determinant of a {rows.Count}×{rows.Count} minor of the rows ∇r_S(θ)");
        return "the determinant of a minor of the rows ∇r_S(θ)";
    }

    private static IEnumerable<List<int>> Subsets(List<int> items, int k) =>
        k == 0 ? [[]] : items.SelectMany((x, i) => Subsets(items.Skip(i + 1).ToList(), k - 1).Select(rest => (List<int>)[x, .. rest]));

    // Laplace expansion along the first row.
    private static Expr Det(List<List<Expr>> m) => m.Count == 1 ? m[0][0]
        : Add(m[0].Select((v, j) => Mul(Num(j % 2 == 0 ? 1 : -1), v, Det(m.Skip(1).Select(r => r.Where((_, c) => c != j).ToList()).ToList()))));
}
