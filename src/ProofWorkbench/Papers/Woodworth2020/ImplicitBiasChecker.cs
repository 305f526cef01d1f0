using ProofWorkbench.Dynamics;
using ProofWorkbench.Evidence;
using ProofWorkbench.Models;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Papers.Woodworth2020;

/// <summary>
/// <c>diagonal-implicit-bias</c> (paper 003, Theorem 1 for D = 2, Theorem 3 for D ≥ 3): for each α the limit of gradient
/// flow of the depth-D diagonal network from w₊ = w₋ = α·𝟏 equals argmin Q_α(β) s.t. Xβ = y. Two independent routes:
/// the flow (<see cref="ModelFlowEngine"/>, DOP853 to its limit, with its limit error estimate) and the KKT system
/// β = g(Xᵀν), Xβ = y (<see cref="KktSolver"/>, Newton with an a-posteriori bound) — whose solution is the minimizer,
/// Q_α being strictly convex. Facts per α: the KKT bound within <c>kkt-tolerance</c>, and ‖β_flow − β_KKT‖∞ within
/// <c>tolerance</c> including both error bounds.
/// </summary>
public sealed class ImplicitBiasChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "diagonal-implicit-bias";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.DesignMatrix,
            ClaimParameter.Labels,
            ClaimParameter.Depth,
            ClaimParameter.Needs("alphas", "list of positive numbers", "the initialization scales α"),
            ClaimParameter.DiagonalLossScale,
            ClaimParameter.Tolerance,
            ClaimParameter.May("kkt-tolerance", "positive number", "the bound required of the KKT solution; default 1e-12"),
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var instance = DiagonalInstance.Of(claim);
        int depth = claim.Node.Optional("depth")?.Int() ?? 2;
        if (depth < 2 || depth > 16) throw claim.Node.Required("depth").Error($"'depth' must be between 2 and 16, not {depth}.");
        var alphaNode = claim.Node.Required("alphas");
        var alphas = alphaNode.Rationals();
        if (alphas.Any(a => a.Sign <= 0)) throw alphaNode.Error("every α in 'alphas' must be positive.");
        double lossScale = claim.Node.Optional("loss-scale")?.Double() ?? 1;
        if (!(lossScale > 0)) throw claim.Node.Required("loss-scale").Error("'loss-scale' must be positive.");
        double tol = context.ToleranceOf(claim);
        var kktTolNode = claim.Node.Optional("kkt-tolerance");
        double kktTol = kktTolNode?.Double() ?? 1e-12;
        VerdictRule.CheckTolerance(kktTol);

        var model = new DiagonalModel(instance.Dimension, depth, lossScale);
        var samples = instance.Samples();
        var facts = new List<Fact>();
        var sections = new List<EvidenceSection>();
        foreach (var a in alphas)
        {
            double alpha = a.ToDouble();
            var kkt = KktSolver.Solve(instance.X, instance.Y, depth, alpha);
            facts.Add(NumericEstimate.Judged($"α = {a}: a-posteriori bound on ‖β_KKT − β̂_α‖∞", kkt.MaxBetaError, 0, kktTol,
                "Newton on the dual potential; bound ‖F(ν)‖/(g′(0)·λ_min(XXᵀ)) with λ_min bounded below over ℚ",
                [new("newton iterations", kkt.Iterations), new("residual ‖Xβ − y‖₂", kkt.Residual)]));
            var flow = ModelFlowEngine.Run(model, samples, model.Initialization(alpha));
            var values = new List<NamedValue>
            {
                new("β by KKT (β = g(Xᵀν), Xβ = y)", Format.Vector(kkt.Beta)),
                new("ν", Format.Vector(kkt.Nu)),
                new("KKT bound on |β_KKT − β̂_α| (max)", Format.Error(kkt.MaxBetaError)),
                new("Newton", $"{kkt.Iterations} iterations; {kkt.Message}"),
            };
            if (!flow.Converged)
            {
                facts.Add(new NumericEstimate($"α = {a}: flow limit", double.NaN, double.NaN, tol, $"DOP853: {flow.Message}", [], FactOutcome.Undecided));
                values.Add(new("flow", $"did not converge: {flow.Message}"));
            }
            else
            {
                var betaFlow = model.Beta(flow.Theta.ToArray());
                double e = flow.LimitErrorEstimate, wMax = flow.Theta.Max(Math.Abs) + e;
                // |Δ(w^D)| ≤ D (|w| + e)^{D−1} e for each of w₊, w₋.
                double flowBetaError = 2 * depth * Math.Pow(wMax, depth - 1) * e;
                double diff = betaFlow.Zip(kkt.Beta, (p, q) => Math.Abs(p - q)).Max();
                facts.Add(NumericEstimate.Judged($"α = {a}: ‖β_flow − β_KKT‖∞", diff, flowBetaError + kkt.MaxBetaError, tol,
                    "flow limit (DOP853) against the KKT solution; error = flow limit bound + KKT bound",
                    [new("flow time", flow.Time), new("flow steps", flow.Steps), new("flow limit error (θ)", e)]));
                values.Add(new("β by the flow", Format.Vector(betaFlow)));
                values.Add(new("flow", $"t = {Format.Value(flow.Time)}, {flow.Steps} steps, limit error (θ) ≤ {Format.Error(e)}, loss {Format.Error(flow.Loss)}"));
                values.Add(new("‖β_flow − β_KKT‖∞", $"{Format.Error(diff)} (error bound {Format.Error(flowBetaError + kkt.MaxBetaError)})"));
                foreach (var c in flow.Conserved) values.Add(new($"drift of {c.Name}", Format.Error(c.MaxDrift)));
            }
            sections.Add(new EvidenceSection(EvidenceLayer.Numeric, $"α = {a}, D = {depth}: flow limit and KKT solution on {instance}") { Values = values });
        }
        var verdict = VerdictRule.Decide(facts);
        string explanation = verdict switch
        {
            Verdict.Confirmed => $"For every α in ({string.Join(", ", alphas)}) the flow's limit and the KKT solution of min Q_α s.t. Xβ = y agree within {Format.Error(tol)}, including both error bounds.",
            Verdict.Refuted => "For some α the flow's limit and the KKT solution differ beyond the tolerance by more than their error bounds.",
            _ => "Not decided: a flow did not converge, or a difference lies within its error of the tolerance.",
        };
        return ClaimResult.FromFacts(claim, facts, explanation, sections);
    }
}
