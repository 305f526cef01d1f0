using ProofWorkbench.Dynamics;
using ProofWorkbench.Models;
using static ProofWorkbench.Tests.Dynamics.FlowTestData;

namespace ProofWorkbench.Tests.Dynamics;

/// <summary>
/// The wall-clock budget of a flow run (<see cref="FlowOptions.WallClockBudget"/>): measured by a scripted clock that
/// advances one second per reading, so the tests are deterministic and take no time.
/// </summary>
public class WallClockBudgetTests
{
    /// <summary>A clock that advances by one second every time it is read.</summary>
    private sealed class ScriptedClock : TimeProvider
    {
        private long ticks;
        public int Readings { get; private set; }
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp()
        {
            Readings++;
            return ticks += TimeSpan.TicksPerSecond;
        }
    }

    [Fact]
    public void Model_flow_stops_on_the_wall_clock_budget_and_says_so()
    {
        var clock = new ScriptedClock();
        var model = new TwoLayerModel(Activation.Parse("1/(1+exp(-u))"), 1, 1, oneNeuronNames: true);
        var options = new FlowOptions { WallClockBudget = TimeSpan.FromSeconds(5), Clock = clock };

        var r = ModelFlowEngine.Run(model, [new NumericSample(0, [1], 1)], [0.922, 2.868], options);

        Assert.Equal(FlowOutcome.BudgetExhausted, r.Outcome);
        Assert.False(r.Converged);
        Assert.Contains("wall-clock budget of 5 s ran out", r.Message);
        Assert.True(double.IsNaN(r.LimitErrorEstimate));
        // One reading at the start and one per accepted step: after step k the clock shows k s, over budget at k = 6.
        Assert.Equal(6, r.Steps);
        Assert.Equal(7, clock.Readings);
    }

    [Fact]
    public void Model_flow_within_the_budget_is_unchanged()
    {
        var model = new TwoLayerModel(Activation.Parse("1/(1+exp(-u))"), 1, 1, oneNeuronNames: true);
        var data = new[] { new NumericSample(0, [1], 1) };
        var plain = ModelFlowEngine.Run(model, data, [0.922, 2.868]);
        var clocked = ModelFlowEngine.Run(model, data, [0.922, 2.868], new FlowOptions { WallClockBudget = TimeSpan.FromDays(1), Clock = new ScriptedClock() });

        Assert.True(clocked.Converged, clocked.Message);
        Assert.Equal(plain.Theta, clocked.Theta);
        Assert.Equal(plain.LimitErrorEstimate, clocked.LimitErrorEstimate);
    }

    [Fact]
    public void Reference_run_shares_the_budget_so_the_bound_becomes_infinite()
    {
        // The main run converges within the budget; the reference run (tolerance/20) gets only the rest and runs out:
        // the limit is then not claimed to any accuracy.
        var model = new TwoLayerModel(Activation.Parse("1/(1+exp(-u))"), 1, 1, oneNeuronNames: true);
        var data = new[] { new NumericSample(0, [1], 1) };
        var plain = ModelFlowEngine.Run(model, data, [0.922, 2.868]);
        var budget = TimeSpan.FromSeconds(plain.Steps + 2);

        var r = ModelFlowEngine.Run(model, data, [0.922, 2.868], new FlowOptions { WallClockBudget = budget, Clock = new ScriptedClock() });

        Assert.True(r.Converged, r.Message);
        Assert.Equal(double.PositiveInfinity, r.LimitErrorEstimate);
        Assert.Contains("did not converge", r.ReferenceRun);
    }

    [Fact]
    public void One_neuron_engine_stops_on_the_wall_clock_budget_too()
    {
        var options = new FlowOptions { WallClockBudget = TimeSpan.FromSeconds(3), Clock = new ScriptedClock() };

        var r = GradientFlowEngine.Run(Model("1/(1+exp(-u))"), [Sample("1", "1")], [0.922, 2.868], options);

        Assert.Equal(FlowOutcome.BudgetExhausted, r.Outcome);
        Assert.Contains("wall-clock budget of 3 s ran out", r.Message);
        Assert.Null(r.Direction);
    }

    [Fact]
    public void A_non_positive_budget_is_an_input_error()
    {
        var e = Assert.Throws<InputException>(() => new FlowOptions { WallClockBudget = TimeSpan.Zero }.Validate());
        Assert.Contains("wall-clock budget", e.Message);
    }
}
