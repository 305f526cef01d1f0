using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Expressions;

namespace ProofWorkbench.Smt;

/// <summary>
/// A quantifier-free formula over real terms (symbolic expressions): relations combined with
/// and, or, not and implication. Axioms, domain conditions, assumptions and goals are formulas, so
/// the same object prints as SMT-LIB2 and evaluates numerically (which is how the axioms are tested).
/// </summary>
public abstract record Formula
{
    /// <summary>The SMT-LIB2 text; <paramref name="term"/> prints a real term.</summary>
    public abstract string ToSmt(Func<Expr, string> term);

    /// <summary>
    /// Whether the formula can hold at these values up to rounding: relations are compared with a
    /// relative slack <paramref name="tolerance"/> in the formula's favour when they occur positively,
    /// and against it when they occur under a negation or as a premise. A false answer therefore means
    /// the formula is violated by more than rounding.
    /// </summary>
    public bool Holds(IReadOnlyDictionary<string, double> values, double tolerance = 1e-9) => Eval(values, tolerance, true);

    internal abstract bool Eval(IReadOnlyDictionary<string, double> values, double tolerance, bool positive);

    /// <summary>Plain text in the infix syntax.</summary>
    public abstract override string ToString();

    /// <summary>left ⋈ right.</summary>
    public static Formula Rel(Expr left, RelationOperator op, Expr right) => new AtomFormula(left, op, right);
    /// <summary>The relation r.</summary>
    public static Formula Of(Relation r) => new AtomFormula(r.Left, r.Operator, r.Right);
    /// <summary>Conjunction.</summary>
    public static Formula And(params Formula[] parts) => parts.Length == 1 ? parts[0] : new AndFormula(parts);
    /// <summary>Disjunction.</summary>
    public static Formula Or(params Formula[] parts) => parts.Length == 1 ? parts[0] : new OrFormula(parts);
    /// <summary>Negation.</summary>
    public static Formula Not(Formula f) => new NotFormula(f);
    /// <summary>Implication; an empty premise list gives the conclusion itself.</summary>
    public static Formula Implies(IReadOnlyList<Formula> premises, Formula conclusion) =>
        premises.Count == 0 ? conclusion : new ImpliesFormula(And(premises.ToArray()), conclusion);
    /// <summary>Implication.</summary>
    public static Formula Implies(Formula premise, Formula conclusion) => new ImpliesFormula(premise, conclusion);
}

/// <summary>A relation between two real terms.</summary>
public sealed record AtomFormula(Expr Left, RelationOperator Operator, Expr Right) : Formula
{
    /// <inheritdoc/>
    public override string ToSmt(Func<Expr, string> term)
    {
        string l = term(Left), r = term(Right);
        return Operator switch
        {
            RelationOperator.Less => $"(< {l} {r})",
            RelationOperator.LessOrEqual => $"(<= {l} {r})",
            RelationOperator.Greater => $"(> {l} {r})",
            RelationOperator.GreaterOrEqual => $"(>= {l} {r})",
            RelationOperator.Equal => $"(= {l} {r})",
            _ => $"(not (= {l} {r}))",
        };
    }

    internal override bool Eval(IReadOnlyDictionary<string, double> values, double tolerance, bool positive)
    {
        double l = Evaluator.Evaluate(Left, values), r = Evaluator.Evaluate(Right, values);
        if (double.IsNaN(l) || double.IsNaN(r)) return positive; // undefined: no evidence either way
        double slack = tolerance * (1 + Math.Abs(l) + Math.Abs(r));
        if (!positive) slack = -slack;
        return Operator switch
        {
            RelationOperator.Less => l < r + slack,
            RelationOperator.LessOrEqual => l <= r + slack,
            RelationOperator.Greater => l > r - slack,
            RelationOperator.GreaterOrEqual => l >= r - slack,
            RelationOperator.Equal => positive ? Math.Abs(l - r) <= slack : l == r,
            _ => positive ? true : Math.Abs(l - r) > -slack,
        };
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Left} {Relation.Text(Operator)} {Right}";
}

/// <summary>Conjunction.</summary>
public sealed record AndFormula(IReadOnlyList<Formula> Parts) : Formula
{
    /// <inheritdoc/>
    public override string ToSmt(Func<Expr, string> term) => "(and " + string.Join(" ", Parts.Select(p => p.ToSmt(term))) + ")";
    internal override bool Eval(IReadOnlyDictionary<string, double> v, double t, bool positive) => Parts.All(p => p.Eval(v, t, positive));
    /// <inheritdoc/>
    public override string ToString() => string.Join(" and ", Parts.Select(p => p is AtomFormula ? p.ToString() : $"({p})"));
}

/// <summary>Disjunction.</summary>
public sealed record OrFormula(IReadOnlyList<Formula> Parts) : Formula
{
    /// <inheritdoc/>
    public override string ToSmt(Func<Expr, string> term) => "(or " + string.Join(" ", Parts.Select(p => p.ToSmt(term))) + ")";
    internal override bool Eval(IReadOnlyDictionary<string, double> v, double t, bool positive) => Parts.Any(p => p.Eval(v, t, positive));
    /// <inheritdoc/>
    public override string ToString() => string.Join(" or ", Parts.Select(p => p is AtomFormula ? p.ToString() : $"({p})"));
}

/// <summary>Negation.</summary>
public sealed record NotFormula(Formula Inner) : Formula
{
    /// <inheritdoc/>
    public override string ToSmt(Func<Expr, string> term) => $"(not {Inner.ToSmt(term)})";
    internal override bool Eval(IReadOnlyDictionary<string, double> v, double t, bool positive) => !Inner.Eval(v, t, !positive);
    /// <inheritdoc/>
    public override string ToString() => $"not ({Inner})";
}

/// <summary>Implication.</summary>
public sealed record ImpliesFormula(Formula Premise, Formula Conclusion) : Formula
{
    /// <inheritdoc/>
    public override string ToSmt(Func<Expr, string> term) => $"(=> {Premise.ToSmt(term)} {Conclusion.ToSmt(term)})";
    internal override bool Eval(IReadOnlyDictionary<string, double> v, double t, bool positive) =>
        !Premise.Eval(v, t, !positive) || Conclusion.Eval(v, t, positive);
    /// <inheritdoc/>
    public override string ToString() => $"({Premise}) implies ({Conclusion})";
}
