using ProofWorkbench.Dynamics;
using static ProofWorkbench.Tests.Dynamics.FlowTestData;

namespace ProofWorkbench.Tests.Dynamics;

/// <summary>Flows with d ≥ 2 (paper 000, Prop. A.1, eqs. (11)–(15)) and with several samples.</summary>
public class ParabolaAndMultiSampleTests
{
    [Theory]
    [InlineData("0.3,0.2,-0.1", "1.2", new[] { 0.1, -0.2, 0.3, 0.5 })]
    [InlineData("1,-2", "0.7", new[] { 0.2, 0.1, -0.8 })]
    public void Exp_flow_stays_on_the_parabola_of_eq_14(string x, string y, double[] theta0)
    {
        var sample = Sample(x, y);
        int d = sample.X.Count;
        var r = GradientFlowEngine.Run(Model("exp(u)", d), [sample], theta0);

        Assert.Equal(FlowOutcome.Converged, r.Outcome);
        var xs = x.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        double a0 = theta0[^1];
        // Eq. (14): w(t) = w(0) + (a(t)² − a0²)/2·x, at the limit.
        for (int i = 0; i < d; i++)
            Assert.InRange(Math.Abs(r.W[i] - (theta0[i] + (r.A * r.A - a0 * a0) / 2 * xs[i])), 0, 1e-10);
        // M_S: a·exp(wᵀx) = y.
        Assert.InRange(Math.Abs(r.A * Math.Exp(r.W.Select((w, i) => w * xs[i]).Sum()) - double.Parse(y, System.Globalization.CultureInfo.InvariantCulture)), 0, 1e-10);
        // The scalar first integral a²/2 − H(wᵀx) with H′ = 1/|x|² in closed form; the second route on the line w0 + span{x}.
        var q = Assert.Single(r.Conserved);
        Assert.Equal("closed form", q.Evaluation);
        Assert.InRange(q.MaxDrift, 0, 1e-10);
        Assert.InRange(r.OneNeuron!.RoutesDistance!.Value, 0, 1e-10);
        Assert.Null(r.OneNeuron!.Slope);
    }

    [Fact]
    public void Two_sigmoid_samples_converge_to_the_isolated_zero_and_approach_along_the_slow_Hessian_eigenvector()
    {
        // a σ(w) = 1 and a σ(2w) = 1.2 hold exactly at w = ln 2, a = 3/2 (σ(ln 2) = 2/3, σ(2 ln 2) = 4/5).
        var r = GradientFlowEngine.Run(Model(Sigmoid), [Sample("1", "1"), Sample("2", "1.2")], [0.922, 2.868]);

        Assert.Equal(FlowOutcome.Converged, r.Outcome);
        Assert.InRange(Math.Abs(r.W[0] - Math.Log(2)), 0, 1e-9);
        Assert.InRange(Math.Abs(r.A - 1.5), 0, 1e-9);
        Assert.Empty(r.Conserved);
        Assert.Null(r.OneNeuron!.ConservedRoute);
        Assert.Null(r.OneNeuron!.RoutesDistance);
        Assert.Null(r.OneNeuron!.SlopeEq26);
        // At a zero of the loss the Hessian is 2Σ∇fᵢ∇fᵢᵀ with ∇fᵢ = (a xᵢ σ′(xᵢw), σ(xᵢw)); the flow arrives along the
        // eigenvector of the smaller eigenvalue (the slow mode).
        double[] g1 = [1.5 * 1 * (2.0 / 9), 2.0 / 3], g2 = [1.5 * 2 * (4.0 / 25), 4.0 / 5];
        double h11 = g1[0] * g1[0] + g2[0] * g2[0], h12 = g1[0] * g1[1] + g2[0] * g2[1], h22 = g1[1] * g1[1] + g2[1] * g2[1];
        double lambdaMin = (h11 + h22) / 2 - Math.Sqrt((h11 - h22) * (h11 - h22) / 4 + h12 * h12);
        double slope = -(h11 - lambdaMin) / h12; // (H − λ)v = 0 ⇒ v = (1, slope)
        var dir = r.Direction!;
        Assert.Equal("hessian eigenvector", dir.Source);
        Assert.InRange(Math.Abs(r.OneNeuron!.Slope!.Value - slope), 0, 1e-9 * Math.Abs(slope));
        Assert.InRange(Math.Abs(dir.HessianEigenvalue!.Value - 2 * lambdaMin), 0, 1e-9);
        Assert.InRange(dir.ErrorEstimate, 0, 1e-9);
        // The trajectory (slow approach, t ≈ 1e4) picks this eigenvector and agrees with it to about 1e-6.
        Assert.InRange(dir.TrajectoryToHessian!.Value, 0, 1e-5);
        double norm = Math.Sqrt(1 + slope * slope);
        Assert.InRange(Math.Abs(dir.TrajectoryUnit[0] - 1 / norm), 0, 1e-5);
    }

    [Fact]
    public void Linear_activation_keeps_the_balancedness_on_any_dataset()
    {
        // σ(u) = u is positively homogeneous, so ‖w‖² − a² is conserved (paper 002, Lemma 6.1), proved exactly here.
        var data = new[] { Sample("1,2", "1"), Sample("-1,0.5", "2"), Sample("0.3,0.3", "-1") };
        var r = GradientFlowEngine.Run(Model("u", 2), data, [0.1, 0.2, 0.5]);

        // The limit is a least-squares minimum with positive loss: a critical point the flow cannot show to be in M_S.
        Assert.Equal(FlowOutcome.CriticalPoint, r.Outcome);
        Assert.Contains("positive loss", r.Message);
        Assert.True(r.Loss > 0.5, "three samples, two effective parameters: the minimum is positive");
        var q = Assert.Single(r.Conserved);
        Assert.Equal("|w|^2 - a^2", q.Name);
        Assert.True(q.Proved);
        Assert.InRange(q.MaxDrift, 0, 1e-10);
        Assert.InRange(Math.Abs(r.W[0] * r.W[0] + r.W[1] * r.W[1] - r.A * r.A - (0.01 + 0.04 - 0.25)), 0, 1e-10);
        Assert.InRange(r.Direction!.ErrorEstimate, 0, 1e-9);
    }

    [Fact]
    public void Relu_on_one_sample_has_both_conserved_quantities_and_no_second_route()
    {
        var r = GradientFlowEngine.Run(Model("relu(u)"), [Sample("1", "2")], [0.5, 1.0]);

        Assert.Equal(FlowOutcome.Converged, r.Outcome);
        Assert.InRange(Math.Abs(r.A * r.W[0] - 2), 0, 1e-10);
        Assert.Equal(2, r.Conserved.Count);
        Assert.All(r.Conserved, q => Assert.InRange(q.MaxDrift, 0, 1e-10));
        // relu is not > 0 on ℝ: Lemma A.3 does not apply.
        Assert.Null(r.OneNeuron!.ConservedRoute!.Limit);
        Assert.Contains("σ > 0", r.OneNeuron!.ConservedRoute.Reason);
        // w² − a² = 0.25 − 1 and a·w = 2 at the limit: w⁴ + 0.75w² − 4 = 0.
        double wStar = Math.Sqrt((-0.75 + Math.Sqrt(0.75 * 0.75 + 16)) / 2);
        Assert.InRange(Math.Abs(r.W[0] - wStar), 0, 1e-10);
        Assert.InRange(Math.Abs(r.A - 2 / wStar), 0, 1e-10);
    }
}
