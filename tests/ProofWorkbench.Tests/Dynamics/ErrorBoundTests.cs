using ProofWorkbench.Dynamics;
using ProofWorkbench.Models;
using static ProofWorkbench.Symbolic.Expressions.Expr;
using static ProofWorkbench.Tests.Dynamics.FlowTestData;

namespace ProofWorkbench.Tests.Dynamics;

/// <summary>
/// Issue 9, item 1: the reported error of a limit bounds the true error, integrator error included; and item 8: a
/// critical point that is not a zero of the loss is reported as such.
/// </summary>
public class ErrorBoundTests
{
    [Fact]
    public void Gaussian_limit_is_within_its_error_bound()
    {
        // σ(u) = exp(−u²), θ0 = (0.5, 1), S = {(1, 0.5)}: a²/2 + log(w)/2 is conserved (h′(w) = −1/(2w)), and the limit
        // solves (e^{w²}/2)²/2 + log(w)/2 = 1/2 + log(1/2)/2, a = e^{w²}/2. Exact to 24 digits by mpmath (40 digits):
        double w = 0.699214225446356323857141, a = 0.815261264239761287254783;
        var r = GradientFlowEngine.Run(Model("exp(-u^2)"), [Sample("1", "0.5")], [0.5, 1.0]);

        Assert.True(r.Converged, r.Message);
        double error = Math.Sqrt((r.Theta[0] - w) * (r.Theta[0] - w) + (r.Theta[1] - a) * (r.Theta[1] - a));
        Assert.True(error <= r.LimitErrorEstimate, $"true error {error:R} > estimate {r.LimitErrorEstimate:R}");
        Assert.NotNull(r.ReferenceRun);
        Assert.True(r.LimitErrorEstimate >= r.FinalPointDistance);
    }

    public static TheoryData<string, double, double, double> Reflected => new()
    {
        // Lemma 6.2: from θ0 on y = −a0σ(x w0), the limit is exactly (w0, −a0).
        { Sigmoid, 0.922, 2.868, 1 },
        { Sigmoid, 0.3, -1.5, 2 },
        { Softplus, 0.3, 1, 0.5 },
        { Softplus, -1, 0.7, 3 },
        { "exp(u)", 0.2, 1.3, -1 },
        { "exp(u)", 0.5, -0.4, 1.5 },
    };

    [Theory]
    [MemberData(nameof(Reflected))]
    public void Reflected_limit_is_within_its_error_bound(string activation, double w0, double a0, double x)
    {
        var sigma = Activation.Parse(activation);
        var xe = N(x.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        var y = Neg(Mul(N(a0.ToString("R", System.Globalization.CultureInfo.InvariantCulture)), sigma.At(Mul(xe, N(w0.ToString("R", System.Globalization.CultureInfo.InvariantCulture))))));
        var r = GradientFlowEngine.Run(new OneNeuronModel(sigma, 1), [new Sample([xe], y)], [w0, a0]);

        Assert.True(r.Converged, r.Message);
        double error = Math.Sqrt((r.Theta[0] - w0) * (r.Theta[0] - w0) + (r.Theta[1] + a0) * (r.Theta[1] + a0));
        Assert.True(error <= r.LimitErrorEstimate, $"true error {error:R} > estimate {r.LimitErrorEstimate:R}");
    }

    [Fact]
    public void Square_activation_stops_at_a_critical_point_with_positive_loss()
    {
        // σ(u) = u², θ0 = (1, 1), S = {(1, −1)}: L = (a w² + 1)²; the flow shrinks w to 0, where L = 1 — while
        // L(1, −1) = 0. The limit is a critical point, not a point of M_S, and no eq. (26) slope is given there.
        var r = GradientFlowEngine.Run(Model("u^2"), [Sample("1", "-1")], [1.0, 1.0]);

        Assert.Equal(FlowOutcome.CriticalPoint, r.Outcome);
        Assert.False(r.Converged);
        Assert.InRange(r.Loss, 0.99, 1.01);
        Assert.Null(r.OneNeuron!.SlopeEq26);
        Assert.Null(r.OneNeuron!.Slope);
        Assert.Contains("not to a zero of the loss", r.Message);
    }
}
