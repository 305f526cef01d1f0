using ProofWorkbench.Evidence;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Printing;
using ProofWorkbench.Symbolic.Simplification;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;
using Formula = ProofWorkbench.Theorems.Checking.Formula;

namespace ProofWorkbench.Papers.Blanc2020.Checkers;

/// <summary>
/// <c>sgd-expansion</c>: Blanc et al. 2020, eq. (6) checked symbolically on a small model (<see cref="UpdateExpansion"/>):
/// for <c>identity: expansion</c> (default) every coefficient of orders 0, 1, 2 of ∂_j(e²) about θ* equals the printed
/// term, for every coordinate j; for <c>identity: fifth-term</c> Section 3.3's −2Σ_k h^{j,k}h^k = −∂_jR. <c>output</c>
/// is h in the <c>parameters</c> and x; <c>x</c> and <c>y</c> (the label, symbolic y by default) are substituted.
/// Each term is an exact identity (zero test): proved, or refuted when the difference is exactly nonzero.
/// </summary>
public sealed class SgdExpansionChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "sgd-expansion";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Needs("output", "expression", "h(x; θ) in the parameters and x"),
            ClaimParameter.Needs("parameters", "list of names", "the parameters θ"),
            ClaimParameter.May("x", "number", "the input substituted; default symbolic x"),
            ClaimParameter.May("y", "number", "the label substituted; default symbolic y"),
            ClaimParameter.May("identity", "expansion or fifth-term", "which identity of eq. (6) / Section 3.3; default expansion"),
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var node = claim.Node;
        var names = node.Required("parameters").Items().Select(i => i.Text()).ToArray();
        var output = node.Required("output").Expression();
        if (node.Optional("x") is { } xNode) output = Substitution.Substitute(output, "x", xNode.Expression());
        var label = node.Optional("y")?.Expression() ?? Expr.Sym("y");
        var identity = node.Optional("identity")?.Text() ?? "expansion";
        var facts = new List<Fact>();
        var formulas = new List<Formula> { new("h(x; θ)", output) };
        switch (identity)
        {
            case "expansion":
                foreach (var term in UpdateExpansion.Terms(output, names, label))
                {
                    var difference = Expr.Sub(term.Derived, term.Printed);
                    facts.Add(new ExactIdentity($"order {term.Order} of ∂_{term.Coordinate}(e²): derived − eq. (6)", difference, Simplifier.ZeroTest(difference)));
                    if (term.Order == 2)
                        formulas.Add(new($"order-2 term for θ_j = {term.Coordinate}, as printed (v = displacement)", Simplifier.Simplify(term.Printed)));
                }
                break;
            case "fifth-term":
                foreach (var (j, fifth, minusGradient) in UpdateExpansion.FifthTerm(output, names))
                {
                    var difference = Expr.Sub(fifth, minusGradient);
                    facts.Add(new ExactIdentity($"−2Σ_k h^{{{j},k}}h^k − (−∂_{j}R)", difference, Simplifier.ZeroTest(difference)));
                    formulas.Add(new($"−∂R/∂{j}", Simplifier.Simplify(minusGradient)));
                }
                break;
            default:
                throw node.Required("identity").Error($"identity must be expansion or fifth-term, not '{identity}'.");
        }
        var verdict = VerdictRule.Decide(facts);
        int zero = facts.Count(f => f.Outcome == FactOutcome.Proves);
        string explanation = verdict == Verdict.Proved
            ? $"All {facts.Count} terms agree exactly: each difference simplifies to 0."
            : $"{zero} of {facts.Count} terms agree exactly; the others {(verdict == Verdict.Refuted ? "differ (exactly nonzero)" : "could not be decided by the zero test")}.";
        var values = facts.Select(f => new NamedValue(f.Label, f.Outcome == FactOutcome.Proves ? "≡ 0" : f.Outcome == FactOutcome.Refutes ? "≢ 0" : "undecided")).ToList();
        return ClaimResult.FromFacts(claim, facts, explanation,
            [new EvidenceSection(EvidenceLayer.Symbolic, $"{zero} of {facts.Count} exact identities hold") { Formulas = formulas, Values = values }]);
    }
}
