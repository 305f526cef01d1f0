using MathNet.Numerics;
using ProofWorkbench.Models;

namespace ProofWorkbench.Papers.Zhang2023.Constructions;

/// <summary>
/// Paper 000, Corollary 6.2 on the two-layer network g(θ, x) = Σₖ aₖσ(wₖ·x): one sample S = (x, −g(θ0, x)) (the
/// "reflected" label). The corollary states that gradient flow from θ0 ends at (w₀ₖ, −a₀ₖ) for every k. That holds
/// for m = 1 (Lemma 6.2) but not in general: with ds = 2r dt (r, the common residual, keeps its sign) every neuron
/// follows the same one-neuron flow da/ds = −σ(u), du/ds = −|x|²aσ′(u), and all neurons stop at the same s*, so
/// neuron k is at its mirror point (w₀ₖ, −a₀ₖ) only if its travel time τₖ from (u₀ₖ, a₀ₖ) to (u₀ₖ, −a₀ₖ) equals s*.
/// For σ = exp, u = u₀ + |x|²(a² − a₀²)/2 along the way and τ = e^{−u₀ + c a₀²/2}·√(2π/c)·erf(a₀√(c/2)) with c = |x|²;
/// <see cref="EqualTravelTime"/> builds θ0 with all τₖ = 1, for which (w₀ₖ, −a₀ₖ) is exactly the limit (the
/// benchmark's exact reference). For a random θ0 the limit differs (see README, "Corollary 6.2").
/// </summary>
public static class Corollary62Construction
{
    /// <summary>The reflected label y = −g(θ0, x) (Lemma 6.2 / Corollary 6.2).</summary>
    public static double ReflectedLabel(IModel model, IReadOnlyList<double> theta0, double[] x) =>
        -model.Output(theta0.ToArray(), new NumericSample(0, x, 0));

    /// <summary>
    /// A random θ0 for a two-layer network: wₖ with independent N(0, 1/d) entries and aₖ ~ N(0, 1), from a seeded
    /// generator (System.Random with the seed; deterministic on every machine).
    /// </summary>
    public static double[] RandomInit(int dimension, int width, int seed)
    {
        var random = new Random(seed);
        var theta = new double[(dimension + 1) * width];
        for (int k = 0; k < width; k++)
        {
            int o = k * (dimension + 1);
            for (int l = 0; l < dimension; l++) theta[o + l] = Normal(random) / Math.Sqrt(dimension);
            theta[o + dimension] = Normal(random);
        }
        return theta;
    }

    /// <summary>
    /// For σ = exp and input <paramref name="x"/>: aₖ ~ U(0.5, 1.5), wₖ random (N(0, 1/d) entries) and then moved along
    /// x so that u₀ₖ = wₖ·x = c a₀ₖ²/2 + log(√(2π/c)·erf(a₀ₖ√(c/2))), i.e. every neuron's travel time τₖ = 1. Then the
    /// flow on (x, −g(θ0, x)) ends exactly at (w₀ₖ, −a₀ₖ) for every k.
    /// </summary>
    public static double[] EqualTravelTime(double[] x, int width, int seed)
    {
        int d = x.Length;
        double c = x.Sum(v => v * v);
        if (!(c > 0)) throw new InputException("The input x must not be 0.");
        var theta = RandomInit(d, width, seed);
        var random = new Random(seed + 1);
        for (int k = 0; k < width; k++)
        {
            int o = k * (d + 1);
            double a = 0.5 + random.NextDouble();
            double target = c * a * a / 2 + Math.Log(Math.Sqrt(2 * Math.PI / c) * SpecialFunctions.Erf(a * Math.Sqrt(c / 2)));
            double u = 0;
            for (int l = 0; l < d; l++) u += theta[o + l] * x[l];
            for (int l = 0; l < d; l++) theta[o + l] += (target - u) / c * x[l];
            theta[o + d] = a;
        }
        return theta;
    }

    /// <summary>
    /// For σ = exp and J ≤ d linearly independent inputs x₁ … x_J: aₖ ~ U(0.5, 1.5), wₖ random (N(0, 1/d) entries) and
    /// then moved by the least change (in the span of the inputs) that makes wₖ·xⱼ = cⱼa₀ₖ²/2 + log(√(2π/cⱼ)·erf(a₀ₖ√(cⱼ/2)))
    /// for every j (cⱼ = |xⱼ|²): every neuron's travel time is 1 on every dataset (xⱼ, −g(θ0, xⱼ)), so each of the J
    /// flows from the one θ0 ends exactly at (w₀ₖ, −a₀ₖ) — the one-point overlap of Lemma 5.2 for m neurons, which the
    /// printed proof of Corollary 6.2 assumes for every x. For one input this is <see cref="EqualTravelTime"/>.
    /// </summary>
    public static double[] EqualTravelTimeOnInputs(IReadOnlyList<double[]> inputs, int width, int seed)
    {
        if (inputs.Count == 1) return EqualTravelTime(inputs[0], width, seed);
        int d = inputs[0].Length, count = inputs.Count;
        if (count > d) throw new InputException($"Equal travel times on {count} inputs need them linearly independent, so at most d = {d} of them.");
        var x = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowArrays(inputs);
        var gram = x * x.Transpose();
        if (Math.Abs(gram.Determinant()) <= 1e-12 * Math.Pow(gram.Diagonal().Maximum(), count))
            throw new InputException("The inputs are (nearly) linearly dependent; equal travel times on all of them need independent inputs.");
        var c = gram.Diagonal().ToArray();
        var theta = RandomInit(d, width, seed);
        var random = new Random(seed + 1);
        var solver = gram.Cholesky();
        for (int k = 0; k < width; k++)
        {
            int o = k * (d + 1);
            double a = 0.5 + random.NextDouble();
            var w = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(d, l => theta[o + l]);
            var residual = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(count,
                j => c[j] * a * a / 2 + Math.Log(Math.Sqrt(2 * Math.PI / c[j]) * SpecialFunctions.Erf(a * Math.Sqrt(c[j] / 2))) - x.Row(j) * w);
            var moved = w + x.Transpose() * solver.Solve(residual);
            for (int l = 0; l < d; l++) theta[o + l] = moved[l];
            theta[o + d] = a;
        }
        return theta;
    }

    /// <summary>(w₀ₖ, −a₀ₖ)ₖ: the limit Corollary 6.2 states.</summary>
    public static double[] StatedLimit(IReadOnlyList<double> theta0, int dimension)
    {
        var limit = theta0.ToArray();
        for (int o = dimension; o < limit.Length; o += dimension + 1) limit[o] = -limit[o];
        return limit;
    }

    private static double Normal(Random random)
    {
        // Box–Muller.
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
