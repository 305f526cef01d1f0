using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.Constructions;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// θ0 of a two-layer network g = Σₖ aₖσ(wₖ·x) as a claim gives it: explicit <c>neurons</c> (a list of {w: [...], a: ...}),
/// or <c>init</c> (random or equal-time) with <c>width</c> and <c>seed</c> (<see cref="Corollary62Construction"/>).
/// </summary>
internal static class TwoLayerStart
{
    /// <summary>θ0 (neuron by neuron: wₖ then aₖ) and the width m; equal-time equalizes the travel times on every input.</summary>
    public static (double[] Theta0, int Width) Read(Claim claim, Activation sigma, IReadOnlyList<double[]> inputs)
    {
        int d = inputs[0].Length;
        if (claim.Node.Optional("neurons") is { } neurons)
        {
            var items = neurons.Items();
            int count = items.Count;
            if (count == 0) throw neurons.Error("'neurons' is empty.");
            var theta0 = new double[(d + 1) * count];
            for (int k = 0; k < count; k++)
            {
                var w = items[k].Required("w").Rationals();
                if (w.Count != d) throw items[k].Error($"neuron {k + 1} has {w.Count} weights; x has {d} components.");
                for (int l = 0; l < d; l++) theta0[k * (d + 1) + l] = w[l].ToDouble();
                theta0[k * (d + 1) + d] = items[k].Required("a").Double();
            }
            return (theta0, count);
        }
        var initNode = claim.Node.Required("init");
        int width = claim.Node.Required("width").Int();
        if (width < 1 || width > 1_000_000) throw claim.Node.Required("width").Error("'width' must be between 1 and 1000000.");
        int seed = claim.Node.Optional("seed")?.Int() ?? 1;
        var theta = initNode.Text() switch
        {
            "random" => Corollary62Construction.RandomInit(d, width, seed),
            "equal-time" when sigma.Definition.ToString() == $"exp({sigma.Variable})" => EqualTime(initNode, inputs, width, seed),
            "equal-time" => throw initNode.Error("init 'equal-time' needs σ = exp(u)."),
            var other => throw initNode.Error($"init '{other}' is not an initialization; use random or equal-time."),
        };
        return (theta, width);
    }

    // The construction's input errors (dependent inputs, too many) located at the claim's 'init'.
    private static double[] EqualTime(YamlValue initNode, IReadOnlyList<double[]> inputs, int width, int seed)
    {
        try { return Corollary62Construction.EqualTravelTimeOnInputs(inputs, width, seed); }
        catch (InputException e) when (e is not TheoremFileException) { throw initNode.Error(e.Message); }
    }
}
