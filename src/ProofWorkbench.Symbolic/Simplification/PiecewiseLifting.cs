using ProofWorkbench.Symbolic.Expressions;

namespace ProofWorkbench.Symbolic.Simplification;

/// <summary>
/// Lifts piecewise subterms to the top, so that each branch is an ordinary expression (issue 9, item 4): with P the
/// first piecewise subterm of e, e = piecewise(c₁, e[P ↦ v₁], …, e[P ↦ otherwise]), where every subterm with the same
/// condition list as P is replaced by its branch too (on the branch cᵢ it equals its i-th value exactly). Then
/// 1/σ·σ′ for σ = piecewise(u &lt; 0, exp(u), 1 + u) becomes piecewise(u &lt; 0, 1, 1/(1 + u)), and Proposition 6.1's C is
/// derived branch by branch.
/// </summary>
internal static class PiecewiseLifting
{
    /// <summary>More distinct condition lists than this are left alone (the branches would multiply).</summary>
    private const int MaxConditionLists = 6;

    /// <summary>The lifted form of <paramref name="e"/>, or <paramref name="e"/> when it has no piecewise subterm (or too many).</summary>
    public static Expr Lift(Expr e)
    {
        var lists = new List<IReadOnlyList<Relation>>();
        Collect(e, lists);
        return lists.Count == 0 || lists.Count > MaxConditionLists ? e : LiftFirst(e);
    }

    /// <summary>True when <paramref name="e"/> has a piecewise subterm.</summary>
    public static bool HasPiecewise(Expr e) => e.Any(n => n is Piecewise);

    private static Expr LiftFirst(Expr e)
    {
        var first = First(e);
        if (first is null) return e;
        var conditions = first.Pieces.Select(p => p.Condition).ToList();
        var pieces = new List<(Relation, Expr)>();
        for (int i = 0; i < conditions.Count; i++) pieces.Add((conditions[i], LiftFirst(Branch(e, conditions, i))));
        return Expr.Cases(pieces, LiftFirst(Branch(e, conditions, conditions.Count)));
    }

    /// <summary>e with every piecewise subterm whose conditions are <paramref name="conditions"/> replaced by branch i.</summary>
    private static Expr Branch(Expr e, IReadOnlyList<Relation> conditions, int i) =>
        e.Map(n => n is Piecewise q && Same(q, conditions) ? (i < q.Pieces.Count ? q.Pieces[i].Value : q.Otherwise) : n);

    private static bool Same(Piecewise q, IReadOnlyList<Relation> conditions) =>
        q.Pieces.Count == conditions.Count && q.Pieces.Select(p => p.Condition).SequenceEqual(conditions);

    private static Piecewise? First(Expr e)
    {
        if (e is Piecewise p) return p;
        foreach (var c in e.Children)
            if (First(c) is { } found) return found;
        return null;
    }

    private static void Collect(Expr e, List<IReadOnlyList<Relation>> lists)
    {
        if (e is Piecewise p && !lists.Any(l => Same(p, l))) lists.Add(p.Pieces.Select(x => x.Condition).ToList());
        foreach (var c in e.Children) Collect(c, lists);
    }
}
