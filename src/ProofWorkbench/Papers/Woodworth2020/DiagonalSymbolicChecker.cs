using ProofWorkbench.Evidence;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Theorems.Checkers;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.Woodworth2020;

/// <summary>
/// <c>diagonal-symbolic</c>: exact facts about the depth-D diagonal network of paper 003 on an instance (X, y), decided
/// by the symbolic layer (<see cref="IdentityEvidence"/>). Objects:
/// <list type="bullet">
/// <item><c>conserved</c>: <c>quantity</c> (in wp1.., wm1..) has Lie derivative ≡ <c>rate</c> (default 0) along −∇L, and equals <c>initial</c>
/// (in alpha) at w₊ = w₋ = α𝟏 (paper 003, Sections 4–5; Appendix A eq. (14), Appendix C);</item>
/// <item><c>tangent-kernel</c>: the tangent kernel at w₊ = w₋ = α𝟏, in x1..xd and xp1..xpd, equals <c>value</c> (Section 4);</item>
/// <item><c>flow-field</c>: −∇L for L = loss-scale·‖Xβ − y‖² equals the printed field ẇ₊ = −c (Xᵀr)∘w₊^{D−1},
/// ẇ₋ = +c (Xᵀr)∘w₋^{D−1} with c = <c>coefficient</c> (Appendix A eq. (13) prints c = 2 for D = 2).</item>
/// </list>
/// </summary>
public sealed class DiagonalSymbolicChecker : IClaimChecker
{
    private static readonly string[] Objects = ["conserved", "tangent-kernel", "flow-field"];

    /// <inheritdoc/>
    public string Kind => "diagonal-symbolic";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Needs("object", "conserved, tangent-kernel or flow-field", "the fact about the depth-D diagonal network"),
            ClaimParameter.May("X", "matrix (list of rows)", "the design matrix (object flow-field)"),
            ClaimParameter.May("y", "list of numbers", "the labels (object flow-field)"),
            ClaimParameter.Depth,
            ClaimParameter.DiagonalLossScale,
            ClaimParameter.May("quantity", "expression in wp1…, wm1…", "object conserved: the quantity"),
            ClaimParameter.May("rate", "expression", "object conserved: its stated Lie derivative; default 0"),
            ClaimParameter.May("initial", "expression in alpha", "object conserved: its stated value at w₊ = w₋ = α𝟏"),
            ClaimParameter.May("dimension", "integer 1…32", "object tangent-kernel: d"),
            ClaimParameter.May("value", "expression", "object tangent-kernel: the stated kernel"),
            ClaimParameter.May("coefficient", "number", "object flow-field: the printed c"),
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var objectNode = claim.Node.Required("object");
        int depth = claim.Node.Optional("depth")?.Int() ?? 2;
        if (depth < 2 || depth > 16) throw claim.Node.Required("depth").Error($"'depth' must be between 2 and 16, not {depth}.");
        var scale = claim.Node.Optional("loss-scale")?.Rational() ?? Rational.One;
        var facts = new List<Fact>();
        var sections = new List<EvidenceSection>();
        var explanations = new List<string>();
        void Add((IReadOnlyList<Fact> F, string E, EvidenceSection S) r) { facts.AddRange(r.F); explanations.Add(r.E); sections.Add(r.S); }
        switch (objectNode.Text())
        {
            case "conserved":
            {
                var inst = DiagonalInstance.Of(claim);
                var q = claim.Node.Required("quantity").ExpressionWithDomain();
                var field = DiagonalSymbolic.FlowField(inst.X, inst.Y, depth, scale);
                var lie = Differentiator.LieDerivative(q.Value, field, DiagonalSymbolic.Parameters(inst.Dimension));
                var rate = claim.Node.Optional("rate")?.Expression() ?? Num(0);
                Add(IdentityEvidence.Decide("d/dt of the quantity along −∇L", lie, rate, q.Domain));
                if (claim.Node.Optional("initial") is { } init)
                {
                    var atInit = Substitution.Substitute(q.Value, DiagonalSymbolic.Parameters(inst.Dimension).ToDictionary(p => p, _ => Sym("alpha")));
                    Add(IdentityEvidence.Decide("the quantity at w₊ = w₋ = α𝟏", atInit, init.Expression()));
                }
                break;
            }
            case "tangent-kernel":
            {
                int d = claim.Node.Required("dimension").Int();
                if (d < 1 || d > 32) throw claim.Node.Required("dimension").Error($"'dimension' must be between 1 and 32, not {d}.");
                Add(IdentityEvidence.Decide("tangent kernel at α𝟏", DiagonalSymbolic.TangentKernelAtInit(d, depth), claim.Node.Required("value").Expression()));
                break;
            }
            case "flow-field":
            {
                var inst = DiagonalInstance.Of(claim);
                var c = claim.Node.Required("coefficient").Rational();
                var field = DiagonalSymbolic.FlowField(inst.X, inst.Y, depth, scale);
                var r = DiagonalSymbolic.Residuals(inst.X, inst.Y, depth);
                int d = inst.Dimension;
                for (int j = 0; j < d; j++)
                {
                    var xtr = DiagonalSymbolic.XtR(inst.X, r, j);
                    var plus = Neg(Mul(Num(c), xtr, Pow(Sym($"wp{j + 1}"), depth - 1)));
                    var minus = Mul(Num(c), xtr, Pow(Sym($"wm{j + 1}"), depth - 1));
                    Add(IdentityEvidence.Decide($"flow component wp{j + 1}", field[j], plus));
                    Add(IdentityEvidence.Decide($"flow component wm{j + 1}", field[d + j], minus));
                }
                break;
            }
            default: throw objectNode.Error($"unknown object '{objectNode.Text()}'; a 'diagonal-symbolic' claim derives one of {string.Join(", ", Objects)}.");
        }
        var verdict = VerdictRule.Decide(facts);
        string explanation = verdict == Verdict.Refuted
            ? explanations.FirstOrDefault(e => e.Contains("differs", StringComparison.Ordinal)) ?? string.Join(" ", explanations)
            : string.Join(" ", explanations.Distinct());
        return ClaimResult.FromFacts(claim, facts, explanation, sections);
    }
}
