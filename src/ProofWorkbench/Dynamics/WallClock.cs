namespace ProofWorkbench.Dynamics;

/// <summary>
/// The wall-clock budget of one gradient-flow run (<see cref="FlowOptions.WallClockBudget"/>), started when the run
/// starts and shared by its main and reference integrations, so that a whole run — never only one solver call — is bounded.
/// </summary>
/// <param name="Clock">The clock.</param>
/// <param name="Started">Its timestamp at the start.</param>
/// <param name="Budget">The budget.</param>
public readonly record struct WallClock(TimeProvider Clock, long Started, TimeSpan Budget)
{
    /// <summary>Starts the budget of <paramref name="options"/> now.</summary>
    public static WallClock Start(FlowOptions options) => new(options.Clock, options.Clock.GetTimestamp(), options.WallClockBudget);

    /// <summary>True once the budget is spent.</summary>
    public bool Expired => Clock.GetElapsedTime(Started) > Budget;

    /// <summary>The sentence a run that stopped on this budget reports (independent of the machine: names the budget, not the time taken).</summary>
    public string Describe(double t) =>
        $"the wall-clock budget of {Budget.TotalSeconds.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)} s ran out at t = {t.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}";
}
