using ProofWorkbench.Symbolic.Expressions;

namespace ProofWorkbench.Symbolic.Domains;

/// <summary>
/// One condition for an expression AS WRITTEN to be defined: a denominator is nonzero, a log argument positive, the
/// base of a root nonnegative. Inside a piecewise branch the condition is needed only where the branch is taken, so it
/// carries the branch's path: the condition must hold where every relation of <see cref="Path"/> holds.
/// <para>The canonical form of an expression may be defined on a larger set (exp(log x) = x, √x·√x = x, x/x = 1);
/// these conditions keep the original domain, so that a proof or a witness never rests on a point where the
/// expression the user wrote is undefined (issue 9, item 2).</para>
/// </summary>
/// <param name="Condition">The relation that must hold.</param>
/// <param name="Path">The piecewise branch conditions under which it is needed (empty: everywhere).</param>
/// <param name="Reason">Why, e.g. "the argument of log(x) is positive".</param>
public sealed record DomainCondition(Relation Condition, IReadOnlyList<Relation> Path, string Reason)
{
    /// <summary>"x > 0" or "u &lt; 0 ⇒ x != 0".</summary>
    public override string ToString() =>
        Path.Count == 0 ? Condition.ToString() : $"{string.Join(" and ", Path)} ⇒ {Condition}";

    /// <summary>The negation of a relation, as a relation: ¬(a &lt; b) is a ≥ b, ¬(a == b) is a != b.</summary>
    public static Relation Negate(Relation r) => new(r.Left, r.Operator switch
    {
        RelationOperator.Less => RelationOperator.GreaterOrEqual,
        RelationOperator.LessOrEqual => RelationOperator.Greater,
        RelationOperator.Greater => RelationOperator.LessOrEqual,
        RelationOperator.GreaterOrEqual => RelationOperator.Less,
        RelationOperator.Equal => RelationOperator.NotEqual,
        _ => RelationOperator.Equal,
    }, r.Right);
}

/// <summary>An expression parsed together with the domain of the text as written.</summary>
/// <param name="Value">The expression in canonical form.</param>
/// <param name="Domain">The conditions under which the text as written is defined (see <see cref="DomainCondition"/>).</param>
public sealed record ParsedExpression(Expr Value, IReadOnlyList<DomainCondition> Domain);
