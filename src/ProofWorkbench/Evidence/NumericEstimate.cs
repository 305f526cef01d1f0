namespace ProofWorkbench.Evidence;

/// <summary>
/// A numeric estimate: a floating-point value with an error bound, judged against a tolerance by
/// <see cref="VerdictRule.Judge"/>. Never exact: a verdict resting on it is at best confirmed, and a certificate
/// verifier reports it as "numeric, not verified".
/// </summary>
/// <param name="Label">What is estimated (e.g. "|θ* − stated θ*| (max norm)").</param>
/// <param name="Value">The estimate.</param>
/// <param name="ErrorBound">Its error bound (see README on what the flow's bound assumes).</param>
/// <param name="Tolerance">The tolerance on the value, or null when the estimate is not judged.</param>
/// <param name="Method">How it was computed.</param>
/// <param name="Statistics">Work counters and other numbers, in a stable order.</param>
/// <param name="Outcome">The outcome by <see cref="VerdictRule.Judge"/>.</param>
public sealed record NumericEstimate(string Label, double Value, double ErrorBound, double? Tolerance, string Method,
    IReadOnlyList<KeyValuePair<string, double>> Statistics, FactOutcome Outcome) : Fact(Label, Outcome)
{
    /// <inheritdoc/>
    public override string Kind => "numeric-estimate";
    /// <inheritdoc/>
    public override bool IsExact => false;

    /// <summary>
    /// A part of the claim the tool could not establish (no value computed): outcome undecided, value and error not a
    /// number (null in JSON), the reason in <see cref="Method"/>. Never exact, so a verifier reports it as not verified.
    /// </summary>
    public static NumericEstimate NotDecided(string label, string reason) => new(label, double.NaN, double.NaN, null, reason, [], FactOutcome.Undecided);

    /// <summary>An estimate of a nonnegative magnitude judged against <paramref name="tolerance"/>.</summary>
    public static NumericEstimate Judged(string label, double value, double error, double tolerance, string method,
        IReadOnlyList<KeyValuePair<string, double>>? statistics = null) =>
        new(label, value, error, tolerance, method, statistics ?? [], VerdictRule.Judge(Magnitude.Estimated(value, error), tolerance).Outcome);
}
