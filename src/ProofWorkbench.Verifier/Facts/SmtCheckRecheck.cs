using ProofWorkbench.Smt;
using ProofWorkbench.Symbolic.Domains;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Parsing;
using ProofWorkbench.Symbolic.Simplification;

namespace ProofWorkbench.Verifier.Facts;

/// <summary><c>smt-check</c>: regenerates the SMT-LIB2 query from the goal and assumption expressions through the SMT
/// writer (never the script in the file), runs Z3 and compares the answer; a stated refuting witness is re-checked
/// exactly (or by outward-rounded intervals): the assumptions hold there and the goal fails. A fact without a goal (an
/// undecided recipe condition whose query was not kept) cannot be regenerated and is not re-checked.</summary>
internal sealed class SmtCheckRecheck : IFactRechecker
{
    public string Kind => "smt-check";

    public FactCheck Recheck(J fact)
    {
        var stated = fact["answer"].Str();
        if (fact["goal"].IsNull)
            return new FactCheck(fact.Path, Kind, fact["outcome"].Str(), false, "no goal expression (an undecided check whose query was not kept), so it cannot be regenerated");
        var domain = new List<DomainCondition>();
        var goal = Rel(fact["goal"], domain);
        var assumptions = fact["assumptions"].Items().Select(a => Rel(a, domain)).ToList();
        var result = SmtProver.Prove(goal, assumptions, writtenDomain: domain);
        var answer = result.Verdict.ToString().ToLowerInvariant();
        if (answer != stated)
            throw new RejectException($"{fact.Path} (smt-check): Z3 on the regenerated query for {goal} answers '{answer}', the certificate states '{stated}'");
        if (answer == "refuted") CheckWitness(fact, goal, assumptions, domain);
        var outcome = answer switch { "proved" => Outcomes.Proves, "refuted" => Outcomes.Refutes, _ => Outcomes.Undecided };
        return new FactCheck(fact.Path, Kind, outcome, true, $"Z3 on the regenerated query: {answer}");
    }

    private static Relation Rel(J j, List<DomainCondition> domain)
    {
        try
        {
            var p = Parser.ParseWithDomain(j.Str());
            domain.AddRange(p.Domain);
            return p.Value as Relation ?? throw new CertificateFormatException(j.Path, "expected a relation");
        }
        catch (ParseException ex) { throw new CertificateFormatException(j.Path, $"not a relation: {ex.Message}"); }
    }

    private static void CheckWitness(J fact, Relation goal, IReadOnlyList<Relation> assumptions, IReadOnlyList<DomainCondition> domain)
    {
        var exact = new Dictionary<string, Rational>();
        var algebraic = new Dictionary<string, AlgebraicNumber>();
        foreach (var (k, v) in fact["witness"].Entries())
        {
            if (Rational.TryParse(v.Str(), out var r)) { exact[k] = r; continue; }
            algebraic[k] = AlgebraicNumber.TryParse(v.Str(), out var problem)
                ?? throw new RejectException($"{v.Path}: the witness value '{v.Str()}' is neither exact nor an algebraic number ({problem}), so it cannot be re-checked");
        }
        Func<Relation, bool?> holds = algebraic.Count == 0 ? r => Holds(r, exact) : r => HoldsAtAlgebraic(r, exact, algebraic);
        if (holds(Negate(goal)) != true)
            throw new RejectException($"{fact.Path}.witness: the goal {goal} is not shown to fail at the stated witness");
        foreach (var a in assumptions)
            if (holds(a) != true)
                throw new RejectException($"{fact.Path}.witness: the assumption {a} is not shown to hold at the stated witness");
        // A witness outside the domain of the expressions as written refutes nothing (SmtProver.Prove's contract).
        foreach (var d in domain)
        {
            var onPath = d.Path.Select(holds).ToList();
            if (onPath.Any(h => h == false)) continue;
            if (onPath.Any(h => h != true) || holds(d.Condition) != true)
                throw new RejectException($"{fact.Path}.witness: the domain condition {d.Condition} is not shown to hold at the stated witness");
        }
    }

    // At a point with algebraic coordinates: first by outward-rounded intervals on the isolating boxes; when they cannot
    // decide (e.g. the goal's two sides meet exactly there), by Z3 proving r from the pins P(v) = 0, lo < v < hi of each
    // algebraic coordinate and v = q of each rational one — which determine the point uniquely.
    private static bool? HoldsAtAlgebraic(Relation r, IReadOnlyDictionary<string, Rational> exact, IReadOnlyDictionary<string, AlgebraicNumber> algebraic)
    {
        var box = exact.ToDictionary(kv => kv.Key, kv => Exact.Enclose(kv.Value));
        foreach (var (k, a) in algebraic) box[k] = Exact.Enclose(a.Lo, a.Hi);
        if (IntervalEvaluator.Decide(r, box) is { } decided) return decided;
        var pins = new List<Relation>();
        foreach (var (k, q) in exact) pins.Add(new Relation(Expr.Sym(k), RelationOperator.Equal, Expr.Num(q)));
        foreach (var (k, a) in algebraic)
        {
            pins.Add(new Relation(a.Polynomial(k), RelationOperator.Equal, Expr.Zero));
            pins.Add(new Relation(Expr.Sym(k), RelationOperator.Greater, Expr.Num(a.Lo)));
            pins.Add(new Relation(Expr.Sym(k), RelationOperator.Less, Expr.Num(a.Hi)));
        }
        try
        {
            var result = SmtProver.Prove(r, pins);
            return result.Verdict == SmtVerdict.Proved ? true : null;
        }
        catch (InputException) { return null; }
    }

    private static Relation Negate(Relation r) => new(r.Left, r.Operator switch
    {
        RelationOperator.Less => RelationOperator.GreaterOrEqual, RelationOperator.LessOrEqual => RelationOperator.Greater,
        RelationOperator.Greater => RelationOperator.LessOrEqual, RelationOperator.GreaterOrEqual => RelationOperator.Less,
        RelationOperator.Equal => RelationOperator.NotEqual, _ => RelationOperator.Equal,
    }, r.Right);

    // Whether r holds at the exact point: exactly when both sides simplify to rationals, else by intervals (null: undecided).
    internal static bool? Holds(Relation r, IReadOnlyDictionary<string, Rational> at)
    {
        try
        {
            var d = Simplifier.Simplify(Exact.At(Expr.Sub(r.Left, r.Right), at));
            if (d is Number n) return Relation.Holds(r.Operator, n.Value.IsZero ? 0 : n.Value > Rational.Zero ? 1 : -1, 0);
            return IntervalEvaluator.Decide(r, at.ToDictionary(kv => kv.Key, kv => Exact.Enclose(kv.Value)));
        }
        catch (InputException) { return null; }
    }
}
