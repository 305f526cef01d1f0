using ProofWorkbench.Dynamics;
using static ProofWorkbench.Tests.Dynamics.FlowTestData;

namespace ProofWorkbench.Tests.Dynamics;

/// <summary>Flows without a limit, budgets, NaN and bad input: each is reported as such, never as a limit.</summary>
public class FailureTests
{
    // exp activation, (x, y) = (1, 1) and (2, −1): with p = a·e^w the loss is (p − 1)² + (p·e^w + 1)² > (p − 1)² + 1 ≥ 1
    // for p > 0 and > 1 for p ≤ 0, so its infimum 1 is approached only as w → −∞, a = e^{−w} → ∞: no minimum is attained.
    private static readonly ProofWorkbench.Models.Sample[] Unattainable = [Sample("1", "1"), Sample("2", "-1")];

    [Fact]
    public void Flow_towards_an_unattained_infimum_exhausts_the_time_budget_while_a_grows()
    {
        var r = GradientFlowEngine.Run(Model("exp(u)"), Unattainable, [0.0, 1.0]);

        // What actually happens: ‖θ‖ grows only like √t (|θ̇|² = −dL/dt), so by t = 1e12 it is about 2e4 — far below the
        // divergence bound — and the run ends on the time budget, with ‖θ‖'s growth in the message.
        Assert.Equal(FlowOutcome.BudgetExhausted, r.Outcome);
        Assert.False(r.Converged);
        Assert.Equal(1e12, r.Time);
        Assert.True(r.A > 1e3, $"a = {r.A}");
        Assert.True(r.W[0] < -5, $"w = {r.W[0]}");
        Assert.InRange(r.Loss, 1.0, 1.001);
        Assert.Contains("time budget", r.Message);
        Assert.Contains("‖θ‖ went from", r.Message);
        Assert.Null(r.Direction);
        Assert.Null(r.OneNeuron!.Slope);
    }

    [Fact]
    public void Flow_past_the_divergence_bound_is_reported_as_diverging()
    {
        var r = GradientFlowEngine.Run(Model("exp(u)"), Unattainable, [0.0, 1.0], new FlowOptions { DivergenceBound = 100 });

        Assert.Equal(FlowOutcome.Diverged, r.Outcome);
        Assert.True(Math.Sqrt(r.W[0] * r.W[0] + r.A * r.A) > 100);
        Assert.Contains("diverges", r.Message);
        Assert.Null(r.Direction);
    }

    [Fact]
    public void Step_budget_stops_the_run_with_a_clear_message()
    {
        var r = GradientFlowEngine.Run(Model(Sigmoid), [Sample("1", "1")], Figure1Theta0, new FlowOptions { MaxSteps = 5 });

        Assert.Equal(FlowOutcome.BudgetExhausted, r.Outcome);
        Assert.InRange(r.Steps, 1, 5);
        Assert.Contains("step budget of 5 steps", r.Message);
        Assert.Null(r.OneNeuron!.RoutesDistance);
        // The second route does not depend on the integration and still gives the limit.
        Assert.InRange(Math.Abs(r.OneNeuron!.ConservedRoute!.Limit!.W[0] - 0.0824640984), 0, 1e-9);
    }

    [Fact]
    public void Time_budget_stops_the_run()
    {
        var r = GradientFlowEngine.Run(Model(Sigmoid), [Sample("1", "1")], Figure1Theta0, new FlowOptions { MaxTime = 2 });

        Assert.Equal(FlowOutcome.BudgetExhausted, r.Outcome);
        Assert.Equal(2, r.Time);
        Assert.Contains("time budget", r.Message);
    }

    [Fact]
    public void NaN_at_the_start_is_reported_before_integrating()
    {
        // log(u) is undefined at u = x·w0 = −1.
        var r = GradientFlowEngine.Run(Model("log(u)"), [Sample("1", "1")], [-1.0, 1.0]);

        Assert.Equal(FlowOutcome.NonFinite, r.Outcome);
        Assert.Equal(0, r.Steps);
        Assert.Contains("not finite at θ0", r.Message);
    }

    [Fact]
    public void NaN_reached_along_the_trajectory_is_reported()
    {
        // σ = √u with y = −3 drives w down to u = 0, where σ′ = 1/(2√u) blows up and σ is undefined beyond.
        var r = GradientFlowEngine.Run(Model("u^(1/2)"), [Sample("1", "-3")], [0.5, 1.0]);

        Assert.Equal(FlowOutcome.NonFinite, r.Outcome);
        Assert.True(r.Steps > 0);
        Assert.Contains("NaN or infinity", r.Message);
        Assert.False(r.Converged);
    }

    [Fact]
    public void A_stationary_start_is_its_own_limit()
    {
        // relu is flat for w < 0: ∇L(θ0) = 0 and the flow does not move; L = 4 there, so the limit is a critical point
        // that is not a zero of the loss (issue 9, item 8).
        var r = GradientFlowEngine.Run(Model("relu(u)"), [Sample("1", "2")], [-0.5, 1.0]);

        Assert.Equal(FlowOutcome.CriticalPoint, r.Outcome);
        Assert.True(r.HasLimit);
        Assert.False(r.Converged);
        Assert.Equal([-0.5, 1.0], r.Theta);
        Assert.Equal(0, r.Steps);
        Assert.Null(r.Direction);
        Assert.Null(r.OneNeuron!.SlopeEq26);
    }

    [Fact]
    public void Bad_inputs_throw_input_exceptions()
    {
        Assert.Throws<InputException>(() => GradientFlowEngine.Run(Model(Sigmoid), [], [0.1, 1]));
        var e = Assert.Throws<InputException>(() => GradientFlowEngine.Run(Model(Sigmoid), [Sample("1,2", "1")], [0.1, 1]));
        Assert.Contains("d = 1", e.Message);
        Assert.Throws<InputException>(() => GradientFlowEngine.Run(Model(Sigmoid), [Sample("1", "1")], [0.1, 0.2, 1]));
        Assert.Throws<InputException>(() => GradientFlowEngine.Run(Model(Sigmoid), [Sample("1", "1")], [double.NaN, 1]));
        Assert.Throws<InputException>(() => GradientFlowEngine.Run(Model("sigma(u)"), [Sample("1", "1")], [0.1, 1]));
        Assert.Throws<InputException>(() => GradientFlowEngine.Run(Model(Sigmoid), [Sample("1", "1")], [0.1, 1], new FlowOptions { Tolerance = 2 }));
        Assert.Throws<InputException>(() => FlowMethods.Parse("rk45"));
    }
}
