using ProofWorkbench.Evidence;
using ProofWorkbench.Smt;
using Formula = ProofWorkbench.Theorems.Checking.Formula;
using ProofWorkbench.Smt.Translation;
using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Domains;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Printing;
using ProofWorkbench.Symbolic.Simplification;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// Decides "derived = stated" exactly with the zero test: Zero is a proof, NonZero a refutation
/// (exact; a numeric witness point where the two differ is added for the reader). When the zero test cannot decide,
/// Z3 decides derived − stated = 0 on the domain (SMT unsat is a proof, a checked model a refutation); failing that the
/// claim is inconclusive with probabilistic evidence only.
/// <para>The identity is claimed where the expressions AS WRITTEN are defined (the domain argument of
/// <see cref="Decide"/>): canonical forms may be defined on more (√x·√x = x), so a refutation needs a witness inside
/// the written domain (issue 9, item 2).</para>
/// </summary>
public static class IdentityEvidence
{
    /// <summary>The facts and evidence for derived ≡ stated on <paramref name="domain"/> (everywhere when empty).</summary>
    public static (IReadOnlyList<Fact> Facts, string Explanation, EvidenceSection Evidence) Decide(string what, Expr derived, Expr stated,
        IReadOnlyList<DomainCondition>? domain = null)
    {
        domain ??= [];
        var difference = Expr.Sub(derived, stated);
        var formulas = new List<Formula>
        {
            new($"{what}, derived", LatexPrinter.Print(Simplifier.Simplify(derived))),
            new($"{what}, as stated", LatexPrinter.Print(stated)),
            new("derived − stated, simplified", LatexPrinter.Print(Simplifier.Simplify(difference))),
        };
        var result = Simplifier.ZeroTest(difference);
        var identity = new ExactIdentity($"derived {what} − stated {what} ≡ 0", difference, result);
        if (result == ZeroTestResult.Zero)
            return ([identity], $"The derived {what} equals the stated one: their difference simplifies to 0 exactly.",
                new EvidenceSection(EvidenceLayer.Symbolic, "derived − stated ≡ 0 (rational normal form)") { Formulas = formulas });

        var probe = ProbabilisticEquivalence.Check(derived, stated, range: 1.5, domain: domain);
        var values = new List<NamedValue>();
        if (probe.Witness is { } w)
            values.Add(new("witness point", string.Join(", ", w.Select(kv => $"{kv.Key} = {Format.Value(kv.Value)}"))));
        // Exactly nonzero as a function on all of ℝⁿ; when the written domain is restricted, it must also be nonzero
        // somewhere inside it, which the probe's certain witness (taken inside the domain) shows.
        if (result == ZeroTestResult.NonZero && (domain.Count == 0 || probe.Witness is not null))
        {
            values.Add(new("derived − stated at the witness", probe.Witness is null ? "—" : Format.Value(Evaluator.Evaluate(difference, probe.Witness))));
            return ([identity], $"The derived {what} differs from the stated one: the difference is a nonzero rational-exponential expression (exact).",
                new EvidenceSection(EvidenceLayer.Symbolic, "derived − stated is not identically 0 (exact; kernels algebraically independent)") { Formulas = formulas, Values = values });
        }
        if (Smt(what, difference, domain, formulas) is { } decided) return decided;
        values.Add(new("random points agreeing", $"{probe.PointsTried} (max relative difference {Format.Error(probe.MaxRelativeDifference)})"));
        var probeFact = new NumericEstimate($"max relative difference of derived and stated {what} at {probe.PointsTried} random points", probe.MaxRelativeDifference, 0, null,
            "interval evaluation at seeded random points: disjoint enclosures witness inequality", [], probe.Agree ? FactOutcome.Undecided : FactOutcome.Refutes);
        return ([identity, probeFact],
            probe.Agree
                ? $"The zero test cannot decide this identity; {probe.PointsTried} random points agree, which is evidence, not proof."
                : $"The derived {what} differs from the stated one at the witness point.",
            new EvidenceSection(probe.Agree ? EvidenceLayer.Symbolic : EvidenceLayer.Numeric,
                probe.Agree ? "zero test: unknown; probabilistic agreement only" : "numeric witness of inequality") { Formulas = formulas, Values = values });
    }

    /// <summary>Z3 on "derived − stated = 0 for all values in the domain"; null when it cannot decide or translate.</summary>
    private static (IReadOnlyList<Fact>, string, EvidenceSection)? Smt(string what, Expr difference, IReadOnlyList<DomainCondition> domain, List<Formula> formulas)
    {
        if (difference.Any(n => n is AbstractCall)) return null;
        SmtCheckResult r;
        try { r = SmtProver.ProveSign(difference, RelationOperator.Equal, writtenDomain: domain, name: $"{what}: derived − stated = 0"); }
        catch (UnsupportedExpressionException) { return null; }
        catch (Z3NotFoundException) { return null; }
        // With a written domain the check is relative to it: the fact carries the goal and the domain it is claimed on.
        var fact = SmtCheck.Of(r, new Relation(difference, RelationOperator.Equal, Expr.Num(0))) with { Domain = domain };
        var evidence = new EvidenceSection(EvidenceLayer.Smt, $"Z3: derived − stated = 0 {r.Verdict.ToString().ToLowerInvariant()}")
        {
            Formulas = formulas, SmtLib = r.Script,
            Values = r.Witness is null ? [] : [new("witness", r.Witness.ToString() ?? "")],
        };
        return r.Verdict switch
        {
            SmtVerdict.Proved => ([fact], $"The derived {what} equals the stated one wherever both are defined: {r.Explanation}.", evidence),
            SmtVerdict.Refuted => ([fact], $"The derived {what} differs from the stated one: {r.Explanation}.", evidence),
            _ => ((IReadOnlyList<Fact>, string, EvidenceSection)?)null,
        };
    }
}
