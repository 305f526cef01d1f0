namespace ProofWorkbench.Dynamics;

/// <summary>
/// An error bound for a computed limit θ* that includes the integrator's accumulated error, not only the distance
/// ‖H⁺∇L(θ)‖ from the final state to the limit of the local quadratic model (issue 9, item 1). Construction: a second,
/// independent run to the limit — the same method at a 20 times tighter tolerance, or, when the tolerance is already at
/// the round-off floor 1e-15, another method (Taylor or DOP853) at the same tolerance — gives θ_ref, and
/// <code>E = 4·‖θ − θ_ref‖ + ‖H⁺∇L(θ)‖ + ‖H⁺∇L(θ_ref)‖ + 8u·√M·max(1, ‖θ‖∞)</code>
/// (u = 2⁻⁵³). Assumption (stated in README): the reference run's error is at most ¾ of the main run's, so that
/// ‖θ − θ*‖ ≤ ‖θ − θ_ref‖ + ¾‖θ − θ*‖, i.e. ‖θ − θ*‖ ≤ 4‖θ − θ_ref‖; the final-point terms cover the part of the
/// distance to the limit that neither run integrated, and the last term the rounding of θ itself. When the
/// reference run does not converge, the bound is +∞ (no limit is claimed to any accuracy).
/// </summary>
/// <param name="Value">E, the reported error estimate (Euclidean).</param>
/// <param name="Reference">How the reference run was made ("DOP853 at tolerance 5e-14"), or why there is none.</param>
/// <param name="ReferenceDistance">‖θ − θ_ref‖, or null without a reference.</param>
public readonly record struct LimitErrorBound(double Value, string Reference, double? ReferenceDistance)
{
    /// <summary>The factor between the tolerances of the main and the reference run.</summary>
    public const double ToleranceRatio = 20;

    /// <summary>The multiple of ‖θ − θ_ref‖ in the bound (see the type's remarks).</summary>
    public const double DifferenceFactor = 4;

    /// <summary>The options of the reference run for a main run with <paramref name="options"/>.</summary>
    public static FlowOptions ReferenceOptions(FlowOptions options) =>
        options.Tolerance / ToleranceRatio >= 1e-15
            ? options with { Tolerance = options.Tolerance / ToleranceRatio, RecordTrajectory = false }
            : options with
            {
                Method = options.Method == FlowMethod.Taylor ? FlowMethod.Dop853 : FlowMethod.Taylor,
                RecordTrajectory = false,
            };

    /// <summary>
    /// The bound for the limit <paramref name="theta"/> (whose final-point term ‖H⁺∇L‖ is <paramref name="finalTerm"/>),
    /// with <paramref name="runReference"/> integrating the same flow with the given options (null when it did not converge).
    /// </summary>
    public static LimitErrorBound FromReferenceRun(IReadOnlyList<double> theta, double finalTerm, FlowOptions options,
        Func<FlowOptions, (double[] Theta, double FinalTerm, string Name)?> runReference)
    {
        var referenceOptions = ReferenceOptions(options);
        if (runReference(referenceOptions) is not { } reference)
            return new LimitErrorBound(double.PositiveInfinity,
                $"the reference run ({FlowMethods.Name(referenceOptions.Method)} at tolerance {referenceOptions.Tolerance.ToString("G2", System.Globalization.CultureInfo.InvariantCulture)}) did not converge", null);
        double difference = 0, largest = 1;
        for (int i = 0; i < theta.Count; i++)
        {
            difference += (theta[i] - reference.Theta[i]) * (theta[i] - reference.Theta[i]);
            largest = Math.Max(largest, Math.Abs(theta[i]));
        }
        difference = Math.Sqrt(difference);
        double rounding = 8 * Math.Pow(2, -53) * Math.Sqrt(theta.Count) * largest;
        double value = DifferenceFactor * difference + Finite(finalTerm) + Finite(reference.FinalTerm) + rounding;
        return new LimitErrorBound(value, reference.Name, difference);
    }

    private static double Finite(double v) => double.IsFinite(v) ? v : 0;
}
