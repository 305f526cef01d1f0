namespace ProofWorkbench.Numerics.Ode;

/// <summary>
/// An event g(t, y) = 0. After every accepted step the integrator compares the signs of g at both ends;
/// on a change of sign it locates the root on the step's dense output with Brent's method
/// (to about 1e-14 relative in t) and records an <see cref="OdeEventOccurrence"/>.
/// Only sign changes across a step are seen (an even number of roots inside one step is missed).
/// </summary>
/// <param name="Function">The event function g.</param>
/// <param name="Name">A name for reports.</param>
/// <param name="Terminal">Stop the integration at the first occurrence (status <see cref="OdeStatus.StoppedByEvent"/>).</param>
/// <param name="Direction">0: any crossing; +1: only crossings from negative to positive; −1: only from positive to negative.</param>
public sealed record OdeEvent(EventFunction Function, string Name = "event", bool Terminal = false, int Direction = 0);

/// <summary>A located event.</summary>
/// <param name="EventIndex">Index of the event in <see cref="OdeOptions.Events"/>.</param>
/// <param name="Name">The event's name.</param>
/// <param name="T">Time of the root.</param>
/// <param name="Y">State at the root (from the dense output).</param>
/// <param name="Direction">+1 if g went from negative to positive, −1 otherwise.</param>
public sealed record OdeEventOccurrence(int EventIndex, string Name, double T, double[] Y, int Direction);
