using ProofWorkbench.Models;
using ProofWorkbench.Numerics.Stochastic;

namespace ProofWorkbench.Dynamics;

/// <summary>
/// Label-noise SGD (Blanc et al. 2020, eq. (5); <see cref="LabelNoiseSgd"/>) over any <see cref="IModel"/>: the model's
/// output and gradient on a dataset become the simulator's plain delegate. The model's loss scale is not used: the
/// step is the paper's θ ← θ − η∇_θ(h(xᵢ; θ) − yᵢ − ξ)².
/// </summary>
public static class LabelNoiseSgdModel
{
    /// <summary>
    /// The simulator's problem for the model made by <paramref name="createModel"/> on <paramref name="data"/>; every run
    /// builds its own model instance (compiled activations keep scratch buffers and are not thread-safe).
    /// </summary>
    public static LabelNoiseProblem Problem(Func<IModel> createModel, IReadOnlyList<NumericSample> data)
    {
        var samples = data.ToArray();
        int m = createModel().ParameterCount;
        return new LabelNoiseProblem(m, samples.Select(s => s.Y).ToArray(), () =>
        {
            var model = createModel();
            return (theta, i, gradient) => model.OutputAndGradient(theta, samples[i], gradient);
        });
    }
}
