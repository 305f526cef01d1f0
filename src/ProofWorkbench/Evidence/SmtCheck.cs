using ProofWorkbench.Smt;
using ProofWorkbench.Symbolic.Expressions;

namespace ProofWorkbench.Evidence;

/// <summary>
/// An SMT check: the claim's formula (a relation that should hold for all real values of its variables under the
/// assumptions), the SMT-LIB2 script Z3 decided, Z3's answer turned into a verdict, and the witness in exact numbers.
/// <paramref name="Goal"/> is null when the check carries no goal expression (an undecided check whose query was not kept),
/// in which case an independent checker cannot regenerate the script from expressions.
/// </summary>
/// <param name="Label">The check's name.</param>
/// <param name="Goal">The relation claimed for all values (its negation was given to Z3), or null.</param>
/// <param name="Assumptions">The assumptions, as relations.</param>
/// <param name="Answer">Proved (negation unsat), Refuted (checked witness) or Unknown.</param>
/// <param name="Script">The SMT-LIB2 script (for the reader; a verifier regenerates its own).</param>
/// <param name="Witness">The witness values, exact ("p/q") where Z3 gave exact numbers, else as Z3 printed them.</param>
/// <param name="Explanation">One line from the prover.</param>
public sealed record SmtCheck(string Label, Relation? Goal, IReadOnlyList<Relation> Assumptions, SmtVerdict Answer, string Script,
    IReadOnlyList<KeyValuePair<string, string>> Witness, string Explanation)
    : Fact(Label, Answer switch { SmtVerdict.Proved => FactOutcome.Proves, SmtVerdict.Refuted => FactOutcome.Refutes, _ => FactOutcome.Undecided })
{
    /// <inheritdoc/>
    public override string Kind => "smt-check";
    /// <inheritdoc/>
    public override bool IsExact => Answer != SmtVerdict.Unknown;

    /// <summary>
    /// The domain the claim is made on (issue 9 item 2): the goal is claimed for the values where every condition holds
    /// (a condition with a path holds when the path's relations imply it). Empty: all real values.
    /// </summary>
    public IReadOnlyList<Symbolic.Domains.DomainCondition> Domain { get; init; } = [];

    /// <summary>The fact for one SMT result; <paramref name="goal"/> and <paramref name="assumptions"/> when it was a sign/relation
    /// claim (default: the result's own <see cref="SmtCheckResult.Goal"/> and <see cref="SmtCheckResult.Assumptions"/>).</summary>
    public static SmtCheck Of(SmtCheckResult r, Relation? goal = null, IReadOnlyList<Relation>? assumptions = null) =>
        new(r.Name, goal ?? r.Goal, assumptions ?? (goal is null ? r.Assumptions : []), r.Verdict, r.Script,
            r.Witness is null ? [] : r.Witness.Values.OrderBy(v => v.Key, StringComparer.Ordinal)
                .Select(v => new KeyValuePair<string, string>(v.Key, v.Value.Exact?.ToString() ?? v.Value.Text)).ToList(),
            r.Explanation);
}
