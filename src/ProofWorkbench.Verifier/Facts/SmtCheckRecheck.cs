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
/// exactly (or by outward-rounded intervals): the assumptions hold there and the goal fails. A fact without a goal (a
/// formula built directly as SMT-LIB2) cannot be regenerated and is not re-checked.</summary>
internal sealed class SmtCheckRecheck : IFactRechecker
{
    public string Kind => "smt-check";

    public FactCheck Recheck(J fact)
    {
        var stated = fact["answer"].Str();
        if (fact["goal"].IsNull)
            return new FactCheck(fact.Path, Kind, fact["outcome"].Str(), false, "no goal expression: the formula was built directly as SMT-LIB2, so it cannot be regenerated");
        var domain = new List<DomainCondition>();
        var goal = Rel(fact["goal"], domain);
        var assumptions = fact["assumptions"].Items().Select(a => Rel(a, domain)).ToList();
        var result = SmtProver.Prove(goal, assumptions, writtenDomain: domain);
        var answer = result.Verdict.ToString().ToLowerInvariant();
        if (answer != stated)
            throw new RejectException($"{fact.Path} (smt-check): Z3 on the regenerated query for {goal} answers '{answer}', the certificate states '{stated}'");
        if (answer == "refuted") CheckWitness(fact, goal, assumptions);
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

    private static void CheckWitness(J fact, Relation goal, IReadOnlyList<Relation> assumptions)
    {
        var w = new Dictionary<string, Rational>();
        foreach (var (k, v) in fact["witness"].Entries())
            w[k] = Rational.TryParse(v.Str(), out var r) ? r
                : throw new RejectException($"{v.Path}: the witness value '{v.Str()}' is not exact, so it cannot be re-checked");
        if (Holds(goal, w) != false)
            throw new RejectException($"{fact.Path}.witness: the goal {goal} is not shown to fail at the stated witness");
        foreach (var a in assumptions)
            if (Holds(a, w) != true)
                throw new RejectException($"{fact.Path}.witness: the assumption {a} is not shown to hold at the stated witness");
    }

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
