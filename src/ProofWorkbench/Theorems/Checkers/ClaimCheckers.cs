using ProofWorkbench.Theorems.Checking;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>The claim kinds ProofWorkbench can check.</summary>
public static class ClaimCheckers
{
    /// <summary>A new instance of every checker.</summary>
    public static IReadOnlyList<IClaimChecker> All() =>
    [
        new EqualsChecker(),
        new Prop61Checker(),
        new KktChecker(),
        new ConservedChecker(),
        new ConvergesChecker(),
        new InMinimumSetChecker(),
        new TwoPointOverlapChecker(),
        new OnePointOverlapChecker(),
        new SignChecker(),
        new RecipePartAChecker(),
        new RecipeOnePointChecker(),
        new OverlapExistsChecker(),
        new ConservedLimitChecker(),
        new DirectionsIndependentChecker(),
        new TwoLayerLimitChecker(),
        new SmoothnessChecker(),
        new ExactMembershipChecker(),
        new ParabolaLimitChecker(),
        new RecipePartAExactChecker(),
        new Papers.Woodworth2020.ImplicitBiasChecker(),
        new Papers.Woodworth2020.DiagonalSymbolicChecker(),
        new DerivativeEqualsChecker(),
    ];
}
