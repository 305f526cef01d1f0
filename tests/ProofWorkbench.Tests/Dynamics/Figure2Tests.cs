using ProofWorkbench.Dynamics;
using static ProofWorkbench.Tests.Dynamics.FlowTestData;

namespace ProofWorkbench.Tests.Dynamics;

/// <summary>
/// Paper 000, Section 5.3, Figure 2 (One-point Overlapping Mechanism): softplus, θ0 = (0.3, 1), S = {(x, −a0σ(x·w0))}
/// for x ∈ {0.6, 1.4, 1.8}. Every flow ends at θ* = (w0, −a0) = (0.3, −1) (Lemma A.4(a), eq. (25)), from the direction
/// with slope lim ȧ/ẇ = −σ(xw0)/(a0 x σ′(xw0)) (eq. (26)), which differs between the datasets (eq. (29)).
/// </summary>
public class Figure2Tests
{
    [Theory]
    [InlineData("0.6", FlowMethod.Auto)]
    [InlineData("1.4", FlowMethod.Auto)]
    [InlineData("1.8", FlowMethod.Auto)]
    [InlineData("0.6", FlowMethod.Taylor)]
    [InlineData("1.4", FlowMethod.Radau5)]
    public void Flow_ends_at_w0_minus_a0_with_the_slope_of_eq_26(string x, FlowMethod method)
    {
        var r = GradientFlowEngine.Run(Model(Softplus), [Figure2Sample(x)], [0.3, 1.0], new FlowOptions { Method = method });

        Assert.Equal(FlowOutcome.Converged, r.Outcome);
        Assert.InRange(Math.Abs(r.W[0] - 0.3), 0, 1e-9);
        Assert.InRange(Math.Abs(r.A + 1.0), 0, 1e-9);
        double xv = double.Parse(x, System.Globalization.CultureInfo.InvariantCulture), u = xv * 0.3;
        double eq26 = -SoftplusAt(u) / (1.0 * xv * SoftplusPrime(u));
        // The direction seen along the trajectory matches eq. (26) ...
        var seen = r.Direction!.TrajectoryUnit;
        Assert.InRange(Math.Abs(seen[1] / seen[0] - eq26), 0, 1e-6 * Math.Abs(eq26));
        // ... and so does the reported one, the Hessian eigenvector at θ* (∇f(θ*) for one sample).
        Assert.Equal("hessian eigenvector", r.Direction.Source);
        Assert.InRange(Math.Abs(r.OneNeuron!.Slope!.Value - eq26), 0, 1e-9 * Math.Abs(eq26));
        Assert.InRange(Math.Abs(r.OneNeuron!.SlopeEq26!.Value - eq26), 0, 1e-9 * Math.Abs(eq26));
        // h has no closed form for softplus: the drift and the second route go through quadrature of h′.
        var q = Assert.Single(r.Conserved);
        Assert.Equal("quadrature of h'", q.Evaluation);
        Assert.InRange(q.MaxDrift, 0, 1e-10);
        var limit = r.OneNeuron!.ConservedRoute!.Limit!;
        Assert.InRange(Math.Abs(limit.W[0] - 0.3), 0, 1e-12);
        Assert.InRange(Math.Abs(limit.A + 1.0), 0, 1e-12);
        Assert.InRange(r.OneNeuron!.RoutesDistance!.Value, 0, 1e-10);
    }

    [Fact]
    public void The_three_limiting_directions_are_pairwise_independent()
    {
        // Lemma 5.2 needs linearly independent limiting directions: here unit vectors in ℝ² that are not parallel.
        var directions = new[] { "0.6", "1.4", "1.8" }
            .Select(x => GradientFlowEngine.Run(Model(Softplus), [Figure2Sample(x)], [0.3, 1.0]).Direction!)
            .ToArray();
        foreach (var d in directions) Assert.InRange(d.ErrorEstimate, 0, 1e-10);
        for (int i = 0; i < 3; i++)
            for (int j = i + 1; j < 3; j++)
            {
                double cross = directions[i].Unit[0] * directions[j].Unit[1] - directions[i].Unit[1] * directions[j].Unit[0];
                Assert.True(Math.Abs(cross) > 0.05, $"directions {i} and {j} are nearly parallel (cross {cross})");
            }
    }
}
