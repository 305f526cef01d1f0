using ProofWorkbench.Dynamics;
using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.Constructions;

namespace ProofWorkbench.Tests.Dynamics;

/// <summary>Gradient flow of the general models (issue 11): two-layer, ReLU neuron with kink events, diagonal, linear.</summary>
public class ModelFlowTests
{
    private static readonly double[] X = [0.5, 1, -0.25];

    private static double MaxDistance(IReadOnlyList<double> a, IReadOnlyList<double> b) => a.Zip(b, (p, q) => Math.Abs(p - q)).Max();

    [Fact]
    public void Two_layer_field_is_minus_the_gradient_of_the_loss()
    {
        var model = new TwoLayerModel(Activation.Parse("1/(1+exp(-u))"), 3, 4, lossScale: 0.5);
        var theta = Corollary62Construction.RandomInit(3, 4, 7);
        var data = new[] { new NumericSample(0, X, 0.3), new NumericSample(1, [1, -1, 2], -0.2) };
        var field = new double[model.ParameterCount];
        ModelFlowEngine.Field(model, data, theta, field);
        for (int i = 0; i < theta.Length; i++)
        {
            double h = 1e-6;
            var plus = theta.ToArray(); plus[i] += h;
            var minus = theta.ToArray(); minus[i] -= h;
            double derivative = (ModelFlowEngine.Loss(model, data, plus) - ModelFlowEngine.Loss(model, data, minus)) / (2 * h);
            Assert.Equal(-derivative, field[i], 1e-8);
        }
    }

    [Fact]
    public void Two_layer_with_one_neuron_reproduces_Figure_1()
    {
        // Paper 000, Figure 1: sigmoid, θ0 = (0.922, 2.868), (x, y) = (1, 1): the symbolic engine's limit (0.0824640984, 1.9208444970).
        var model = new TwoLayerModel(Activation.Parse("1/(1+exp(-u))"), 1, 1, oneNeuronNames: true);
        var r = ModelFlowEngine.Run(model, [new NumericSample(0, [1], 1)], [0.922, 2.868]);

        Assert.True(r.Converged, r.Message);
        Assert.Equal(0.0824640984, r.Theta[0], 1e-9);
        Assert.Equal(1.9208444970, r.Theta[1], 1e-9);
        Assert.Equal(["w", "a"], new[] { model.ParameterName(0), model.ParameterName(1) });
    }

    [Fact]
    public void Corollary_6_2_limit_is_the_mirror_point_when_the_travel_times_agree()
    {
        var model = new TwoLayerModel(Activation.Parse("exp(u)"), 3, 3);
        var theta0 = Corollary62Construction.EqualTravelTime(X, 3, 1);
        var data = new[] { new NumericSample(0, X, Corollary62Construction.ReflectedLabel(model, theta0, X)) };
        var r = ModelFlowEngine.Run(model, data, theta0);

        Assert.True(r.Converged, r.Message);
        var exact = Corollary62Construction.StatedLimit(theta0, 3);
        double error = Math.Sqrt(r.Theta.Zip(exact, (p, q) => (p - q) * (p - q)).Sum());
        Assert.True(error <= r.LimitErrorEstimate, $"error {error:R} > bound {r.LimitErrorEstimate:R}");
        Assert.True(r.LimitErrorEstimate < 1e-9);
        var law = Assert.Single(r.Conserved);
        Assert.InRange(law.MaxDrift, 0, 1e-10);
        // One sample: θ̇ = −2r∇g with r > 0 throughout, so lim θ̇/|θ̇| = −∇g(θ*)/|∇g(θ*)| (paper 000, Lemma 5.2's directions).
        var gradient = new double[model.ParameterCount];
        model.AddOutputGradient(r.Theta.ToArray(), data[0], 1, gradient);
        double norm = Math.Sqrt(gradient.Sum(v => v * v));
        Assert.True(MaxDistance(r.Direction!.Unit, gradient.Select(v => -v / norm).ToArray()) < 1e-6);
    }

    [Fact]
    public void Corollary_6_2_limit_is_not_the_mirror_point_for_a_random_start()
    {
        // The corollary states lim (wₖ, aₖ) = (w₀ₖ, −a₀ₖ) for every k; for m ≥ 2 and a generic θ0 the neurons' travel times
        // differ and the flow stops elsewhere on the zero set (see Corollary62Construction).
        var model = new TwoLayerModel(Activation.Parse("1/(1+exp(-u))"), 3, 3);
        var theta0 = Corollary62Construction.RandomInit(3, 3, 1);
        var data = new[] { new NumericSample(0, X, Corollary62Construction.ReflectedLabel(model, theta0, X)) };
        var r = ModelFlowEngine.Run(model, data, theta0);

        Assert.True(r.Converged, r.Message);
        Assert.True(r.Loss < 1e-20);
        Assert.True(MaxDistance(r.Theta, Corollary62Construction.StatedLimit(theta0, 3)) > 0.01);
    }

    [Fact]
    public void Relu_neuron_reports_the_kink_crossing_with_its_time()
    {
        // x1 = (1, 0), y1 = 2 drives w1 = 2 − 1.5e^{−2t} while sample 2 (x2 = (1, −1)) is inactive; u2 = w1 − 1 crosses 0
        // at t = ln(1.5)/2; then both samples fit: w* = (2, 1.5).
        var r = ModelFlowEngine.Run(new ReluNeuronModel(2), [new NumericSample(0, [1, 0], 2), new NumericSample(1, [1, -1], 0.5)], [0.5, 1]);

        Assert.True(r.Converged, r.Message);
        var e = Assert.Single(r.Events);
        Assert.Equal(2, e.Sample);
        Assert.Equal("inactive", e.From);
        Assert.Equal("active", e.To);
        Assert.Equal(Math.Log(1.5) / 2, e.T, 1e-10);
        Assert.Equal(2, r.Theta[0], 1e-9);
        Assert.Equal(1.5, r.Theta[1], 1e-9);
    }

    [Fact]
    public void Relu_neuron_reports_sliding_instead_of_chattering()
    {
        // Sample 1 pushes u2 = w1 + w2 up (rate 2 at the kink); once sample 2 (y2 = −1) is active it pushes back with rate −4:
        // both branches point at u2 = 0, at t = ln(1.8)/2.
        var r = ModelFlowEngine.Run(new ReluNeuronModel(2), [new NumericSample(0, [1, 0], 2), new NumericSample(1, [1, 1], -1)], [0.2, -1]);

        Assert.Equal(FlowOutcome.Sliding, r.Outcome);
        var e = Assert.Single(r.Events);
        Assert.Equal("sliding", e.To);
        Assert.Equal(Math.Log(1.8) / 2, e.T, 1e-10);
    }

    [Fact]
    public void Relu_neuron_with_a_dead_sample_stops_at_a_critical_point()
    {
        var r = ModelFlowEngine.Run(new ReluNeuronModel(1), [new NumericSample(0, [1], 1), new NumericSample(1, [-1], 1)], [0.5]);

        Assert.Equal(FlowOutcome.CriticalPoint, r.Outcome);
        Assert.Equal(1, r.Theta[0], 1e-9);
        Assert.Equal(1, r.Loss, 1e-9);
    }

    [Theory]
    [InlineData(2, 1.0)]
    [InlineData(3, 0.5)]
    public void Diagonal_network_interpolates_and_keeps_its_conserved_quantity(int depth, double alpha)
    {
        var model = new DiagonalModel(3, depth, lossScale: 0.5);
        var data = new[] { new NumericSample(0, [1, 2, 0.5], 1), new NumericSample(1, [0, 1, -1], -2) };
        var r = ModelFlowEngine.Run(model, data, model.Initialization(alpha));

        Assert.True(r.Converged, r.Message);
        var beta = model.Beta(r.Theta.ToArray());
        foreach (var s in data) Assert.Equal(s.Y, beta.Zip(s.X, (b, x) => b * x).Sum(), 1e-9);
        Assert.InRange(Assert.Single(r.Conserved).MaxDrift, 0, 1e-9);
    }

    [Fact]
    public void Linear_model_from_zero_reaches_the_minimum_norm_interpolant()
    {
        var r = ModelFlowEngine.Run(new LinearModel(2), [new NumericSample(0, [1, 2], 1)], [0.0, 0.0]);

        Assert.True(r.Converged, r.Message);
        Assert.Equal(0.2, r.Theta[0], 1e-10);
        Assert.Equal(0.4, r.Theta[1], 1e-10);
        Assert.True(MaxDistance(r.Theta, [0.2, 0.4]) <= r.LimitErrorEstimate);
    }

    [Fact]
    public void Wrong_sizes_are_input_errors()
    {
        Assert.Throws<InputException>(() => ModelFlowEngine.Run(new LinearModel(2), [new NumericSample(0, [1, 2], 1)], [0.0]));
        Assert.Throws<InputException>(() => ModelFlowEngine.Run(new LinearModel(2), [new NumericSample(0, [1], 1)], [0.0, 0.0]));
        Assert.Throws<InputException>(() => new DiagonalModel(2, 1));
        Assert.Throws<InputException>(() => new ReluNeuronModel(2, derivativeAtZero: 2));
    }
}
