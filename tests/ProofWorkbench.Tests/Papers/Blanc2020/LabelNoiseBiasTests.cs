using ProofWorkbench.Tests.Theorems;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Tests.Papers.Blanc2020;

/// <summary>The <c>label-noise-bias</c> kind (paper 001, Section 3.3): the O(η) bias of label-noise SGD against the
/// predicted slow path, on cheap settings (η = 0.08 and 0.04 to τ = 4, 200 runs), seeded and deterministic.</summary>
public class LabelNoiseBiasTests
{
    private const string Setup = "activation: \"tanh(u)\"\ndatasets:\n  S: [ { x: [1], y: 1 } ]";

    private static string Claim(string extra, string eta = "[0.08, 0.04]", string tau = "4", string records = "125") =>
        $"kind: label-noise-bias\ndata: S\nstart: {{ w: 1/2, a: \"1/tanh(1/2)\" }}\neta: {eta}\ndelta: 1\ntau: {tau}\nwindow-from: 1\nrecords: {records}\nruns: 200\nseed: 5\n{extra}";

    [Fact]
    public void TheBiasAtALargeStepSizeIsResolvedAndNotWithinATightBound()
    {
        // At η = 0.08 the bias of w is about −0.012 (D/η ≈ −0.16, as at η = 0.02 and 0.01): resolved, and beyond 0.001.
        Assert.Equal(Verdict.Confirmed, ClaimKindTests.VerdictOf(Claim("resolved: true\ntolerance: 0.05"), Setup));
        Assert.Equal(Verdict.Refuted, ClaimKindTests.VerdictOf(Claim("bound: 0.001\ntolerance: 0.05"), Setup));
    }

    [Fact]
    public void AnExtrapolationToleranceBelowTheIntervalIsNeverConfirmed() =>
        Assert.NotEqual(Verdict.Confirmed, ClaimKindTests.VerdictOf(Claim("tolerance: 1e-6"), Setup));

    [Theory]
    [InlineData("[0.03, 0.02]", "4", "100")]   // τ = 4 is not a whole number of steps at η = 0.03
    [InlineData("[0.04, 0.08]", "4", "125")]   // η₁ must be the larger
    [InlineData("[0.08]", "4", "125")]         // two step sizes
    [InlineData("[0.08, 0.04]", "4", "7")]     // 7 does not divide 625
    public void BadSettingsAreBadInput(string eta, string tau, string records) =>
        Assert.ThrowsAny<InputException>(() => ClaimKindTests.VerdictOf(Claim("tolerance: 0.01", eta, tau, records), Setup));
}
