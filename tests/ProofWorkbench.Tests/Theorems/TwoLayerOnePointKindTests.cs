using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Tests.Theorems;

/// <summary><c>two-layer-one-point</c> (paper 000, Corollary 6.2 / Lemma 5.2 for m neurons): inputs that pass, fail, and are refused.</summary>
public class TwoLayerOnePointKindTests
{
    private const string Equal = "kind: two-layer-one-point\nactivation: \"exp(u)\"\ninputs: [[1, 1/2], [1/2, -1]]\ninit: equal-time\nwidth: 4\nseed: 2";

    [Theory]
    [InlineData(Equal + "\nslope-formula: per-neuron", Verdict.Confirmed)]
    [InlineData(Equal + "\nslope-formula: printed", Verdict.Refuted)]
    [InlineData(Equal, Verdict.Confirmed)]
    // A random θ0: the flows on x₁ and x₂ converge, but not to (w₀ₖ, −a₀ₖ) (Corollary 6.2 as printed).
    [InlineData("kind: two-layer-one-point\nactivation: \"exp(u)\"\ninputs: [[1, 1/2], [1/2, -1]]\ninit: random\nwidth: 4\nseed: 2", Verdict.Refuted)]
    // m = 1 with a₀ = 1: the printed slope −1/xₗ and eq. (26)'s −1/(a₀xₗ) coincide.
    [InlineData("kind: two-layer-one-point\nactivation: \"exp(u)\"\ninputs: [[1, 1/2]]\nneurons: [{ w: [1/4, 1/2], a: 1 }]\nslope-formula: printed", Verdict.Confirmed)]
    public void Verdicts(string body, Verdict expected) => Assert.Equal(expected, ClaimKindTests.VerdictOf(body, "tolerance: 1e-8"));

    [Theory]
    [InlineData(Equal + "\nslope-formula: sideways", "slope-formula")]
    [InlineData("kind: two-layer-one-point\nactivation: \"exp(u)\"\ninputs: [[1, 0]]\ninit: equal-time\nwidth: 2", "nonzero")]
    [InlineData("kind: two-layer-one-point\nactivation: \"exp(u)\"\ninputs: [[1, 2], [2, 4]]\ninit: equal-time\nwidth: 2", "linearly dependent")]
    [InlineData("kind: two-layer-one-point\nactivation: \"1/(1+exp(-u))\"\ninputs: [[1, 2]]\ninit: equal-time\nwidth: 2", "exp(u)")]
    public void Bad_input_is_one_sentence(string body, string fragment)
    {
        var e = Assert.ThrowsAny<InputException>(() => ClaimKindTests.VerdictOf(body, "tolerance: 1e-8"));
        Assert.Contains(fragment, e.Message);
    }
}
