using ProofWorkbench.Dynamics;
using ProofWorkbench.Models;
using ProofWorkbench.Papers.VardiShamir2021;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Tests.Papers.VardiShamir2021;

/// <summary>The ODE route against the closed form on paper 002's Theorem 4.1 instance.</summary>
public class ReluTwoRoutesTests
{
    private static NeuronInstance Instance(int gamma, int d0 = 1) => new("X",
        [[3, -1, 0], [4, 2, 0], [0, gamma, gamma]], [16, 18, 0], [0, 0, 0], d0, new Rational(1, 2)) { Y = [16, 18, 0] };

    [Theory]
    [InlineData(1e-14)]
    [InlineData(5e-14)]
    [InlineData(2e-14)]
    public void Kink_events_are_not_seen_twice_at_tight_tolerances(double tol)
    {
        // Regression: a restart after the located crossing saw the same crossing again and reported Filippov sliding.
        var data = new[] { new NumericSample(0, [3, -1, 0], 16), new NumericSample(1, [4, 2, 0], 18), new NumericSample(2, [0, 1, 1], 0) };
        var r = ModelFlowEngine.Run(new ReluNeuronModel(3, 1, 0.5), data, [0, 0, 0], new FlowOptions { Tolerance = tol });
        Assert.Equal(FlowOutcome.Converged, r.Outcome);
        var e = Assert.Single(r.Events);
        Assert.Equal("inactive", e.To);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    public void Both_routes_agree_to_1e_12(int gamma)
    {
        var r = ReluTwoRoutes.Run(Instance(gamma), 2e-14);
        Assert.Null(r.Closed.Failure);
        Assert.True(r.TrajectoryDistance <= 1e-12, $"trajectory distance {r.TrajectoryDistance}");
        Assert.True(r.LimitDistance <= 2e-12, $"limit distance {r.LimitDistance}");
        Assert.Equal(r.Closed.Crossings.Count, r.Flow.Events.Count);
        for (int k = 0; k < r.Flow.Events.Count; k++) Assert.Equal(r.Closed.Crossings[k].T, r.Flow.Events[k].T, 1e-12);
    }

    [Fact]
    public void Stationary_start_stays_put_in_both_routes()
    {
        var r = ReluTwoRoutes.Run(Instance(1, d0: 0), 1e-12);
        Assert.True(r.Closed.Stationary);
        Assert.Equal([0.0, 0, 0], r.Flow.Theta);
    }
}
