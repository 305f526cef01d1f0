namespace ProofWorkbench.Numerics.Ode;

/// <summary>
/// Result of an integration: final point, status and message, accepted points, dense output, events and
/// work statistics. A failed integration still carries everything computed up to the failure.
/// </summary>
public sealed class OdeSolution
{
    private readonly double[] yFinal;
    private readonly List<double> times;
    private readonly List<double> states;
    private readonly DenseOutputStore? dense;

    internal OdeSolution(string method, OdeStatus status, string message, double t0, double tFinal, double[] yFinal,
        List<double> times, List<double> states, DenseOutputStore? dense, OdeStatistics statistics,
        IReadOnlyList<OdeEventOccurrence> events, double? stiffnessDetectedAt)
    {
        Method = method;
        Status = status;
        Message = message;
        T0 = t0;
        TFinal = tFinal;
        this.yFinal = yFinal;
        this.times = times;
        this.states = states;
        this.dense = dense is { Count: > 0 } ? dense : null;
        Statistics = statistics;
        Events = events;
        StiffnessDetectedAt = stiffnessDetectedAt;
    }

    /// <summary>Name of the method that produced the solution.</summary>
    public string Method { get; }

    /// <summary>How the integration ended.</summary>
    public OdeStatus Status { get; }

    /// <summary>True iff the final time was reached.</summary>
    public bool IsSuccess => Status == OdeStatus.Success;

    /// <summary>One sentence saying how the integration ended.</summary>
    public string Message { get; }

    /// <summary>Initial time.</summary>
    public double T0 { get; }

    /// <summary>Time of the last state (final time, failure point, event or caller's stop).</summary>
    public double TFinal { get; }

    /// <summary>State at <see cref="TFinal"/>.</summary>
    public ReadOnlySpan<double> YFinal => yFinal;

    /// <summary>Dimension.</summary>
    public int Dimension => yFinal.Length;

    /// <summary>Times of the saved points (initial point, every accepted step; empty if <see cref="OdeOptions.SaveSteps"/> was false).</summary>
    public IReadOnlyList<double> Times => times;

    /// <summary>The saved state number i (paired with <see cref="Times"/>).</summary>
    /// <param name="i">Index.</param>
    /// <returns>The state.</returns>
    public ReadOnlySpan<double> StateAt(int i) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(states).Slice(i * Dimension, Dimension);

    /// <summary>Work counters.</summary>
    public OdeStatistics Statistics { get; }

    /// <summary>Located events, in the order they occurred.</summary>
    public IReadOnlyList<OdeEventOccurrence> Events { get; }

    /// <summary>Time at which DOP853's stiffness test fired, or null.</summary>
    public double? StiffnessDetectedAt { get; }

    /// <summary>Whether <see cref="Evaluate(double)"/> is available.</summary>
    public bool HasDenseOutput => dense is not null;

    /// <summary>The dense output at t ∈ [T0, TFinal].</summary>
    /// <param name="t">Time.</param>
    /// <returns>y(t).</returns>
    public double[] Evaluate(double t)
    {
        var r = new double[Dimension];
        Evaluate(t, r);
        return r;
    }

    /// <summary>The dense output at t ∈ [T0, TFinal], written into <paramref name="y"/>.</summary>
    /// <param name="t">Time.</param>
    /// <param name="y">Output of length <see cref="Dimension"/>.</param>
    /// <exception cref="InvalidOperationException">No dense output was kept.</exception>
    /// <exception cref="ArgumentOutOfRangeException">t is outside [T0, TFinal].</exception>
    public void Evaluate(double t, Span<double> y)
    {
        if (dense is null) throw new InvalidOperationException("This solution has no dense output (set OdeOptions.DenseOutput = true).");
        if (y.Length != Dimension) throw new ArgumentException($"The output span has length {y.Length}; the dimension is {Dimension}.", nameof(y));
        double lo = Math.Min(T0, TFinal), hi = Math.Max(T0, TFinal);
        double slack = 1e-12 * Math.Max(1.0, Math.Max(Math.Abs(lo), Math.Abs(hi)));
        if (!(t >= lo - slack && t <= hi + slack))
            throw new ArgumentOutOfRangeException(nameof(t), t, $"The dense output covers [{lo:R}, {hi:R}].");
        dense.Evaluate(t, y);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Method}: {Status} at t = {TFinal:R} ({Statistics}). {Message}";
}
