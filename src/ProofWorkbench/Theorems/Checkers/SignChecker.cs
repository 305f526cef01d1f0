using ProofWorkbench.Smt;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// <c>sign</c>: <c>expression</c> satisfies <c>relation</c> (default "&gt; 0") for all real values of its variables
/// under <c>assume</c> — decided by Z3 on an SMT-LIB2 script with soundly abstracted transcendental terms.
/// Proved when the negation is unsat; refuted with a checked witness; inconclusive when Z3 gives up.
/// </summary>
public sealed class SignChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "sign";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Needs("expression", "expression", "the expression whose sign is claimed, in any variables"),
            ClaimParameter.May("relation", "> 0, >= 0, < 0, <= 0, != 0", "the claimed relation; default > 0"),
            ClaimParameter.May("assume", "list of conditions", "hypotheses on the variables, e.g. [x > 0]; default none (all reals)"),
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var parsed = claim.Node.Required("expression").ExpressionWithDomain();
        var e = parsed.Value;
        var written = parsed.Domain.ToList(); // the domain as written: the claim is made there (issue 9, item 2)
        var relNode = claim.Node.Optional("relation");
        var op = (relNode?.Text() ?? "> 0").Replace(" ", "") switch
        {
            ">0" => RelationOperator.Greater, ">=0" => RelationOperator.GreaterOrEqual, "<0" => RelationOperator.Less,
            "<=0" => RelationOperator.LessOrEqual, "!=0" => RelationOperator.NotEqual,
            var t => throw relNode!.Error($"unknown relation '{t}'; write one of \"> 0\", \">= 0\", \"< 0\", \"<= 0\", \"!= 0\"."),
        };
        var assumptions = claim.Node.Optional("assume")?.Items().Select(a =>
        {
            var p = a.ExpressionWithDomain();
            written.AddRange(p.Domain);
            var r = p.Value;
            return r as Relation ?? throw a.Error("an assumption must be a relation such as \"x > 0\".");
        }).ToList() ?? [];
        SmtCheckResult result;
        try { result = SmtProver.ProveSign(e, op, assumptions, writtenDomain: written); }
        catch (Z3NotFoundException ex) { throw new InputException(ex.Message); }
        var evidence = new EvidenceSection(EvidenceLayer.Smt, $"Z3: {result.Verdict.ToString().ToLowerInvariant()}")
        {
            SmtLib = result.Script,
            Values = result.Witness is null ? [] : [new("witness", result.Witness.ToString() ?? "")],
        };
        var fact = Evidence.SmtCheck.Of(result, new Relation(e, op, Expr.Num(0)), assumptions) with { Domain = written };
        return ClaimResult.FromFacts(claim, [fact], result.Explanation, [evidence]);
    }
}
