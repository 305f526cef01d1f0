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
        new TwoLayerOnePointChecker(),
        new SmoothnessChecker(),
        new ExactMembershipChecker(),
        new ParabolaLimitChecker(),
        new RecipePartAExactChecker(),
        new RefutesGChecker(),
        // paper 001 (Blanc, Gupta, Valiant & Valiant 2020)
        new Papers.Blanc2020.Checkers.LabelNoiseDriftChecker(),
        new Papers.Blanc2020.Checkers.LabelNoiseBiasChecker(),
        new Papers.Blanc2020.Checkers.SgdExpansionChecker(),
        new Papers.Blanc2020.Checkers.OrnsteinUhlenbeckChecker(),
        new Papers.Blanc2020.Checkers.DerivativeEqualsChecker(),
        new Papers.Blanc2020.Checkers.LagrangeStationaryChecker(),
        new Papers.Blanc2020.Checkers.LagrangeSecondOrderChecker(),
        new Papers.Blanc2020.Checkers.ReluPerturbationChecker(),
        // paper 002 (Vardi & Shamir 2021)
        new Papers.VardiShamir2021.Checkers.ReluPiecewiseFlowChecker(),
        new Papers.VardiShamir2021.Checkers.ReluLimitsUnrankableChecker(),
        new Papers.VardiShamir2021.Checkers.ReluDistanceBoundChecker(),
        new Papers.VardiShamir2021.Checkers.MonotoneProjectionChecker(),
        new Papers.VardiShamir2021.Checkers.BalancednessChecker(),
        new Papers.VardiShamir2021.Checkers.BalancedLimitChecker(),
        new Papers.VardiShamir2021.Checkers.PrintedPhaseOneChecker(),
        new Papers.VardiShamir2021.Checkers.RotationEquivarianceChecker(),
        // paper 003 (Woodworth et al. 2020)
        new Papers.Woodworth2020.ImplicitBiasChecker(),
        new Papers.Woodworth2020.DiagonalSymbolicChecker(),
        new Papers.Woodworth2020.Theorem2Checker(),
        new Papers.Woodworth2020.AlphaSweepChecker(),
        new Papers.Woodworth2020.Theorem2ProofChecker(),
        new DerivativeEqualsChecker(),
    ];
}
