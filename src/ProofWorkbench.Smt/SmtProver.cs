using ProofWorkbench.Smt.Translation;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Domains;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Smt;

/// <summary>The outcome of checking that a set of assumptions can hold at all.</summary>
/// <param name="Answer">Sat: some real point satisfies them (or a model of the abstraction was found); Unsat: none does (exact).</param>
/// <param name="Script">The SMT-LIB2 script.</param>
/// <param name="ReasonUnknown">Z3's reason for unknown.</param>
public sealed record AssumptionCheck(SatAnswer Answer, string Script, string? ReasonUnknown);

/// <summary>
/// Decides claims "for all real values of the variables, under the assumptions, left ⋈ right" with Z3:
/// the negation is asserted together with the assumptions, the domain conditions and the axioms of the
/// translation (<see cref="SmtTranslator"/>). Unsat proves the claim on its domain. Sat gives a model
/// that is checked against the real functions (<see cref="WitnessChecker"/>) before the claim is called
/// refuted; a model of an abstraction that does not check is reported as unknown, never as refuted.
/// </summary>
public static class SmtProver
{
    private const string Citation = "Z3 4.8.12 via Microsoft.Z3.Native";

    /// <summary>
    /// Decides <paramref name="claim"/> for all real values of its variables under <paramref name="assumptions"/>.
    /// Throws <see cref="UnsupportedExpressionException"/> for expressions the translation cannot express,
    /// <see cref="Z3NotFoundException"/> when libz3 is missing. <paramref name="writtenDomain"/> is the domain of the claim's
    /// expressions as written (<see cref="Symbolic.Parsing.Parser.ParseWithDomain"/>): the claim is made there only, Z3
    /// assumes it, and a witness outside it refutes nothing.
    /// </summary>
    public static SmtCheckResult Prove(Relation claim, IReadOnlyList<Relation>? assumptions = null, SmtSolverOptions? options = null,
        TranslationOptions? translation = null, string? name = null, IReadOnlyList<DomainCondition>? writtenDomain = null)
    {
        assumptions ??= [];
        var written = writtenDomain ?? [];
        name ??= claim.ToString();
        var start = DateTime.UtcNow;
        if (assumptions.Count > 0)
        {
            var feasible = CheckAssumptions(assumptions, options, translation);
            if (feasible.Answer == SatAnswer.Unsat)
                return new SmtCheckResult(name, SmtVerdict.Unknown, feasible.Script, null,
                    "the assumptions are unsatisfiable, so the claim would hold vacuously; nothing was proved")
                { Answer = SatAnswer.Unsat, AssumptionsUnsatisfiable = true };
        }

        var points = new List<(AbstractionKind, Rational)>();
        int maxRounds = Math.Max(0, (translation ?? TranslationOptions.Default).MaxRefinements);
        for (int round = 0; ; round++)
        {
            var (tr, script, outcome) = Attempt(claim, assumptions, options, translation, name, points, written);
            var domain = tr.Domain.Select(d => d.Formula.ToString()).ToList();
            var abstractions = tr.Abstractions.Select(a => a.ToString()).ToList();
            var result = new SmtCheckResult(name, SmtVerdict.Unknown, outcome.Certificate, outcome.Witness, "")
            {
                Answer = outcome.Answer, Domain = domain, Abstractions = abstractions, Elapsed = DateTime.UtcNow - start,
            };
            string onDomain = domain.Count > 0 ? $" on its domain ({string.Join("; ", domain)})" : "";
            string refined = round > 0 ? $", after {round} refinement round{(round == 1 ? "" : "s")}" : "";
            switch (outcome.Answer)
            {
                case SatAnswer.Unsat when domain.Count > 0 && DomainIsEmpty(claim, assumptions, options, translation, name, written):
                    return result with
                    {
                        Verdict = SmtVerdict.Unknown, DomainEmpty = true,
                        Explanation = $"the claim holds only vacuously: its domain ({string.Join("; ", domain)}) is empty{(assumptions.Count > 0 ? " under the assumptions" : "")}; nothing was proved",
                    };
                case SatAnswer.Unsat:
                    return result with { Verdict = SmtVerdict.Proved, Explanation = $"proved{onDomain}: the negation is unsat ({Citation}{refined})" };
                case SatAnswer.Unknown:
                    return result with
                    {
                        Verdict = SmtVerdict.Unknown, ReasonUnknown = outcome.ReasonUnknown,
                        Explanation = $"Z3 could not decide the claim: {outcome.ReasonUnknown}",
                    };
            }
            var check = WitnessChecker.CheckCounterexample(claim, assumptions, outcome.Witness!, written);
            result = result with { WitnessCheck = check };
            if (check.Confirmed)
                return result with { Verdict = SmtVerdict.Refuted, Explanation = $"refuted at {outcome.Witness}: {check.Detail}" };
            if (!tr.UsesAbstraction && check.Method != WitnessCheckMethod.Exact)
                return result with
                {
                    Verdict = SmtVerdict.Refuted,
                    WitnessCheck = check with { Method = WitnessCheckMethod.None },
                    Explanation = $"refuted at {outcome.Witness}: the translation is exact (no abstraction) and Z3's model is an exact algebraic point; {check.Detail}",
                };
            if (!tr.UsesAbstraction)
                return result with
                {
                    Verdict = SmtVerdict.Unknown, ReasonUnknown = "unverified model",
                    Explanation = $"Z3's model {outcome.Witness} failed the exact check ({check.Detail}); this indicates a translation error, please report it",
                };
            // A model of the abstraction only: refine at the model's arguments (incremental linearization) and retry.
            // Refinement rounds share one timeout's worth of time in total.
            bool timeLeft = (DateTime.UtcNow - start).TotalMilliseconds < (options ?? SmtSolverOptions.Default).TimeoutMilliseconds;
            var added = round < maxRounds && timeLeft ? RefinementPoints(tr, outcome).Where(p => !points.Contains(p)).ToList() : [];
            if (added.Count == 0)
                return result with
                {
                    Verdict = SmtVerdict.Unknown, ReasonUnknown = "unverified model",
                    Explanation = $"Z3 found a model of the abstraction ({string.Join("; ", abstractions)}) at {outcome.Witness}, but it is not a verified counterexample ({check.Detail}){refined}; the claim may still hold",
                };
            points.AddRange(added);
        }
    }

    /// <summary>True when no point satisfies the domain conditions and the assumptions (unsat is exact).</summary>
    private static bool DomainIsEmpty(Relation claim, IReadOnlyList<Relation> assumptions, SmtSolverOptions? options, TranslationOptions? translation, string name,
        IReadOnlyList<DomainCondition> written) =>
        Attempt(claim, assumptions, options, translation, name, [], written, negate: false).Outcome.Answer == SatAnswer.Unsat;

    private static (SmtTranslator Translator, SmtScript Script, SolverOutcome Outcome) Attempt(Relation claim, IReadOnlyList<Relation> assumptions, SmtSolverOptions? options,
        TranslationOptions? translation, string name, List<(AbstractionKind Kind, Rational Point)> points, IReadOnlyList<DomainCondition> written, bool negate = true)
    {
        var tr = new SmtTranslator(translation);
        var goal = tr.Prepare(claim);
        var assumed = assumptions.Select(tr.Prepare).ToList();
        foreach (var f in assumed.Cast<AtomFormula>().Append((AtomFormula)goal)) { tr.CollectDomain(f.Left); tr.CollectDomain(f.Right); }
        foreach (var d in written) tr.AddDomain(d);
        var assumedText = assumed.Select(tr.Print).ToList();
        var negation = tr.Print(Formula.Not(goal));
        foreach (var (kind, point) in points) tr.Refine(kind, point);

        var variables = claim.FreeSymbols().Concat(assumptions.SelectMany(a => a.FreeSymbols())).Distinct().Order(StringComparer.Ordinal).ToList();
        var b = new SmtScriptBuilder($"ProofWorkbench SMT certificate: {name}\nclaim: for all real {(variables.Count == 0 ? "(no variables)" : string.Join(", ", variables))}: {claim}"
            + (assumptions.Count > 0 ? $"\nunder the assumptions: {string.Join("; ", assumptions)}" : "")
            + "\nmethod: the negation of the claim is asserted; unsat proves the claim (on the domain below), a model refutes it once checked"
            + (points.Count > 0 ? $"\nrefinement points (from spurious models of earlier rounds): {string.Join(", ", points.Select(p => $"{p.Kind.ToString().ToLowerInvariant()} at {p.Point}"))}" : ""));
        foreach (var s in new[] { "axioms: facts about the abstracted functions", "domain", "assumptions", "negation of the claim" }) b.DeclareSection(s);
        tr.WriteTo(b);
        for (int i = 0; i < assumptions.Count; i++) b.Assert("assumptions", assumedText[i], $"assumption: {assumptions[i]}");
        if (negate) b.Assert("negation of the claim", negation, $"negation of: {claim}");
        else b.HeaderComment("this script omits the negation: it checks that the domain and the assumptions can hold at all");
        var script = b.Build(options);
        return (tr, script, SmtSolver.Solve(script, options));
    }

    /// <summary>The arguments of the abstracted exp, log and tanh terms at the model, as refinement points.</summary>
    private static IEnumerable<(AbstractionKind, Rational)> RefinementPoints(SmtTranslator tr, SolverOutcome outcome)
    {
        var exact = new Dictionary<string, Expr>(StringComparer.Ordinal);
        var approx = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (smt, _) in tr.Variables)
        {
            if (outcome.Model is null || !outcome.Model.TryGetValue(smt, out var v)) continue;
            approx[smt] = v.Approximation;
            if (v.Exact is { } r) exact[smt] = Expr.Num(r);
        }
        foreach (var t in tr.Abstractions)
        {
            if (t.Kind is not (AbstractionKind.Exp or AbstractionKind.Log or AbstractionKind.Tanh) || t.Argument is Number) continue;
            Rational? c = null;
            try
            {
                if (Substitution.Substitute(t.Argument, exact) is Number n) c = n.Value;
                else
                {
                    double d = Evaluator.Evaluate(t.Argument, approx);
                    if (double.IsFinite(d)) c = RationalBounds.RoundDecimal(Rational.FromDouble(d), 12, up: false);
                }
            }
            catch (SymbolicException) { }
            if (c is { } point && (t.Kind != AbstractionKind.Log || point.Sign > 0)
                && (t.Kind == AbstractionKind.Log ? point <= new Rational(1_000_000) : point.Abs() <= new Rational(64)))
                yield return (t.Kind, point);
        }
    }

    /// <summary>Decides "e ⋈ 0 for all real values of the variables" (see <see cref="Prove"/>).</summary>
    public static SmtCheckResult ProveSign(Expr e, RelationOperator op, IReadOnlyList<Relation>? assumptions = null,
        SmtSolverOptions? options = null, TranslationOptions? translation = null, string? name = null, IReadOnlyList<DomainCondition>? writtenDomain = null) =>
        Prove(new Relation(e, op, Expr.Zero), assumptions, options, translation, name, writtenDomain);

    /// <summary>
    /// Whether the assumptions (with the domain conditions of their terms) can hold at all. Unsat is exact
    /// (the abstraction only adds true facts); sat may come from a model of the abstraction.
    /// </summary>
    public static AssumptionCheck CheckAssumptions(IReadOnlyList<Relation> assumptions, SmtSolverOptions? options = null, TranslationOptions? translation = null)
    {
        var tr = new SmtTranslator(translation);
        var assumed = assumptions.Select(tr.Prepare).ToList();
        foreach (var f in assumed.Cast<AtomFormula>()) { tr.CollectDomain(f.Left); tr.CollectDomain(f.Right); }
        var texts = assumed.Select(tr.Print).ToList();
        var b = new SmtScriptBuilder($"ProofWorkbench SMT check: can the assumptions hold?\nassumptions: {string.Join("; ", assumptions)}\nmethod: unsat shows that no real point satisfies them");
        foreach (var s in new[] { "axioms: facts about the abstracted functions", "domain", "assumptions" }) b.DeclareSection(s);
        tr.WriteTo(b);
        for (int i = 0; i < assumptions.Count; i++) b.Assert("assumptions", texts[i], $"assumption: {assumptions[i]}");
        var script = b.Build(options);
        var outcome = SmtSolver.Solve(script, options);
        return new AssumptionCheck(outcome.Answer, outcome.Certificate, outcome.ReasonUnknown);
    }
}
