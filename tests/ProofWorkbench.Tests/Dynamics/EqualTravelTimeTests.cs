using MathNet.Numerics;
using ProofWorkbench.Dynamics;
using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.Constructions;

namespace ProofWorkbench.Tests.Dynamics;

/// <summary>Corollary 6.2's corrected construction on several inputs: equal travel times, hence one limit (w₀ₖ, −a₀ₖ) for every input.</summary>
public class EqualTravelTimeTests
{
    private static readonly double[][] Inputs = [[1, 0.5, -0.75], [0.5, -1, 0.25]];

    // τ = e^{−u₀ + c a₀²/2}·√(2π/c)·erf(a₀√(c/2)), c = |x|², u₀ = w₀·x (σ = exp; see Corollary62Construction).
    private static double TravelTime(double[] theta, int offset, double[] x)
    {
        int d = x.Length;
        double c = x.Sum(v => v * v), u = 0, a = theta[offset + d];
        for (int l = 0; l < d; l++) u += theta[offset + l] * x[l];
        return Math.Exp(-u + c * a * a / 2) * Math.Sqrt(2 * Math.PI / c) * SpecialFunctions.Erf(a * Math.Sqrt(c / 2));
    }

    [Fact]
    public void Every_neuron_has_travel_time_one_on_every_input()
    {
        var theta = Corollary62Construction.EqualTravelTimeOnInputs(Inputs, 50, 3);
        for (int k = 0; k < 50; k++)
            foreach (var x in Inputs)
                Assert.Equal(1, TravelTime(theta, k * 4, x), 1e-12);
    }

    [Fact]
    public void Each_input_s_flow_ends_at_the_mirror_point_and_a_random_start_does_not()
    {
        var model = new TwoLayerModel(Activation.Parse("exp(u)"), 3, 5);
        var equal = Corollary62Construction.EqualTravelTimeOnInputs(Inputs, 5, 3);
        var random = Corollary62Construction.RandomInit(3, 5, 3);
        foreach (var x in Inputs)
        {
            var r = ModelFlowEngine.Run(model, [new NumericSample(0, x, Corollary62Construction.ReflectedLabel(model, equal, x))], equal);
            Assert.True(r.Converged, r.Message);
            Assert.True(r.Theta.Zip(Corollary62Construction.StatedLimit(equal, 3), (p, q) => Math.Abs(p - q)).Max() < 1e-9);

            var s = ModelFlowEngine.Run(model, [new NumericSample(0, x, Corollary62Construction.ReflectedLabel(model, random, x))], random);
            Assert.True(s.Converged, s.Message);
            Assert.True(s.Theta.Zip(Corollary62Construction.StatedLimit(random, 3), (p, q) => Math.Abs(p - q)).Max() > 1e-3);
        }
    }

    [Fact]
    public void Dependent_or_too_many_inputs_are_input_errors()
    {
        Assert.Throws<InputException>(() => Corollary62Construction.EqualTravelTimeOnInputs([[1, 2], [2, 4]], 3, 1));
        Assert.Throws<InputException>(() => Corollary62Construction.EqualTravelTimeOnInputs([[1, 2], [2, 1], [1, 1]], 3, 1));
    }
}
