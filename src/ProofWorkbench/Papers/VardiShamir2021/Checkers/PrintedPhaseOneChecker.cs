using MathNet.Numerics.LinearAlgebra;
using ProofWorkbench.Dynamics;
using ProofWorkbench.Evidence;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Papers.VardiShamir2021.Checkers;

/// <summary>
/// <c>relu-printed-phase-one</c> (paper 002, Appendix A, eqs. (6) and (8)): the phase-one trajectory as printed,
/// w(t) = (I − e^{−s·XᵀX t})X⁻¹y from w₀ = 0 with s = <c>exponent-scale</c> (1 as printed), evaluated directly (X⁻¹y exact
/// over ℚ, the exponential by a symmetric eigen-decomposition of XᵀX) and compared with the event-driven ODE flow at its
/// accepted steps before the first kink crossing (the formula holds only while every sample is active). With the loss
/// ½Σ(…)² the printed formula is exact; without the ½ the flow runs twice as fast and the printed formula (s = 1) is off.
/// </summary>
public sealed class PrintedPhaseOneChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "relu-printed-phase-one";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Dataset,
            ClaimParameter.W0,
            ClaimParameter.LossScale,
            ClaimParameter.ReluDerivativeAtZero,
            ClaimParameter.May("exponent-scale", "number", "s in the printed w(t) = (I − e^{−s·XᵀX t})X⁻¹y; default 1 as printed"),
            ClaimParameter.Tolerance,
            ClaimParameter.FlowTolerance,
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var inst = NeuronInstance.Of(claim, context);
        if (inst.ExactY is not { } y) throw claim.Node.Required("dataset").Error("the labels must be exact rationals.");
        if (inst.ExactW0.Any(v => !v.IsZero)) throw (claim.Node.Optional("w0") ?? claim.Node).Error("the printed phase-one formula starts from w₀ = 0.");
        double s = claim.Node.Optional("exponent-scale")?.Double() ?? 1;
        double tol = context.ToleranceOf(claim);
        double flowTol = claim.Node.Optional("flow-tolerance")?.Double() ?? 2e-14;
        var target = ExactLinearAlgebra.Solve(inst.ExactX, y)
            ?? throw claim.Node.Required("dataset").Error("X is singular: the printed formula needs X⁻¹y.");
        var x = Matrix<double>.Build.DenseOfRowArrays(inst.X);
        var evd = (x.Transpose() * x).Evd(Symmetricity.Symmetric);
        var q = evd.EigenVectors;
        var lambda = evd.EigenValues.Select(e => e.Real).ToArray();
        var xInvY = Vector<double>.Build.DenseOfEnumerable(target.Select(r => r.ToDouble()));
        Vector<double> Printed(double t) => xInvY - q * Matrix<double>.Build.DiagonalOfDiagonalArray(lambda.Select(l => Math.Exp(-s * l * t)).ToArray()) * q.Transpose() * xInvY;

        var flow = ModelFlowEngine.Run(inst.Model(), inst.Samples(), inst.W0, new FlowOptions { Tolerance = flowTol }, recordTrajectory: true);
        double end = flow.Events.Count > 0 ? flow.Events[0].T : flow.Time;
        double distance = 0, worstAt = 0;
        int compared = 0;
        foreach (var (t, w) in flow.Trajectory)
        {
            if (t >= end) break;
            var p = Printed(t);
            double d = w.Select((v, l) => Math.Abs(v - p[l])).Max();
            if (d > distance) (distance, worstAt) = (d, t);
            compared++;
        }
        double err = double.IsFinite(flow.LimitErrorEstimate) ? flow.LimitErrorEstimate : 1e-12;
        var fact = NumericEstimate.Judged($"max over the ODE's accepted steps in [0, t₁) of ‖w_ODE(t) − (I − e^{{−{Format.Value(s)}·XᵀXt}})X⁻¹y‖∞", distance, err, tol,
            "printed formula (eigen-decomposition of XᵀX) against DOP853", [new("states_compared", compared)]);
        var section = new EvidenceSection(EvidenceLayer.Numeric, "the printed phase-one formula against the ODE flow")
        {
            Values =
            [
                new("X⁻¹y (exact)", "(" + string.Join(", ", target) + ")"),
                new("eigenvalues of XᵀX", Format.Vector(lambda)),
                new("loss scale c (flow ẇ = −2c·Xᵀ(Xw − y) while all samples are active)", inst.LossScale.ToString()),
                new("first kink crossing (end of the comparison)", Format.Value(end)),
                new("largest distance, and where", $"{Format.Error(distance)} at t = {Format.Value(worstAt)}"),
                new("ODE states compared", compared.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
        };
        return ClaimResult.FromFacts(claim, [fact], fact.Outcome switch
        {
            FactOutcome.Confirms => $"The printed formula is the flow's phase one: it matches the ODE to {Format.Error(distance)} on [0, t₁).",
            FactOutcome.Refutes => $"The printed formula is not the flow's phase one for this loss: it misses the ODE by {Format.Error(distance)} (at t = {Format.Value(worstAt)}).",
            _ => "Not decided: the distance is within its error of the tolerance.",
        }, [section]);
    }
}
