namespace ProofWorkbench.Numerics.Ode;

/// <summary>
/// Right-hand side of an explicit ODE system y' = f(t, y). The implementation writes f(t, y) into
/// <paramref name="dydt"/> (same length as <paramref name="y"/>) and must not keep references to the spans.
/// </summary>
/// <param name="t">Independent variable.</param>
/// <param name="y">State at which f is evaluated.</param>
/// <param name="dydt">Output: f(t, y).</param>
public delegate void VectorField(double t, ReadOnlySpan<double> y, Span<double> dydt);

/// <summary>
/// Jacobian of a <see cref="VectorField"/>: writes ∂f_i/∂y_j into <c>jacobian[i, j]</c> (row i, column j).
/// </summary>
/// <param name="t">Independent variable.</param>
/// <param name="y">State at which the Jacobian is evaluated.</param>
/// <param name="jacobian">Output matrix of size n×n, overwritten entirely.</param>
public delegate void JacobianField(double t, ReadOnlySpan<double> y, double[,] jacobian);

/// <summary>
/// Right-hand side evaluated in truncated Taylor arithmetic: given the time as a jet
/// (<c>t0 + s</c>) and the state components as jets in the same variable s, writes f(t, y) as jets into
/// <paramref name="f"/>. All jets passed in share one order; the output jets must have (at least) that order.
/// The usual implementation is simply the right-hand side written with <see cref="Jet"/> operators,
/// e.g. <c>f[0] = -2 * r * Jet.Exp(w * x) ...</c>; the method assigns <c>f[i]</c> (entries may be replaced).
/// </summary>
/// <param name="t">Time as a jet: constant term t0, first-order coefficient 1.</param>
/// <param name="y">State components as jets.</param>
/// <param name="f">Output: the right-hand side components as jets (assign new jets to the entries).</param>
public delegate void TaylorVectorField(Jet t, Jet[] y, Jet[] f);

/// <summary>An event function g(t, y); an event occurs where g changes sign along the solution.</summary>
/// <param name="t">Independent variable.</param>
/// <param name="y">State.</param>
/// <returns>The value g(t, y).</returns>
public delegate double EventFunction(double t, ReadOnlySpan<double> y);

/// <summary>
/// A caller's stop rule checked after every accepted step, e.g. "‖f‖ is small" when integrating a
/// gradient flow to its limit.
/// </summary>
/// <param name="t">Time at the end of the accepted step.</param>
/// <param name="y">State at the end of the accepted step.</param>
/// <param name="dydt">f(t, y) at the end of the accepted step.</param>
/// <returns><c>true</c> to stop the integration (status <see cref="OdeStatus.StoppedByCaller"/>).</returns>
public delegate bool StopCondition(double t, ReadOnlySpan<double> y, ReadOnlySpan<double> dydt);
