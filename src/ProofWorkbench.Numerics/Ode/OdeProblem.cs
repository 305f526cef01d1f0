namespace ProofWorkbench.Numerics.Ode;

/// <summary>
/// An initial value problem y' = f(t, y), y(t0) = y0, optionally with a final time, a Jacobian and a
/// Taylor (jet) version of f. Immutable: y0 is copied.
/// </summary>
public sealed class OdeProblem
{
    private readonly double[] _y0;

    /// <summary>Creates a problem.</summary>
    /// <param name="f">Right-hand side.</param>
    /// <param name="t0">Initial time.</param>
    /// <param name="y0">Initial state (copied); its length is the dimension.</param>
    /// <param name="tEnd">Final time, or <c>null</c> to integrate without end (stepping an <see cref="OdeIntegrator"/>).</param>
    /// <param name="jacobian">Optional analytic Jacobian (used by Radau5); finite differences otherwise.</param>
    /// <param name="taylorField">Optional jet version of f (required by <see cref="TaylorMethod"/>).</param>
    /// <exception cref="ArgumentNullException">f or y0 is null.</exception>
    /// <exception cref="ArgumentException">y0 is empty, or a time is not finite.</exception>
    public OdeProblem(VectorField f, double t0, ReadOnlySpan<double> y0, double? tEnd = null,
        JacobianField? jacobian = null, TaylorVectorField? taylorField = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (y0.Length == 0) throw new ArgumentException("The initial state must have at least one component.", nameof(y0));
        if (!double.IsFinite(t0)) throw new ArgumentException("The initial time must be finite.", nameof(t0));
        if (tEnd is { } te && !double.IsFinite(te)) throw new ArgumentException("The final time must be finite (use null for no end).", nameof(tEnd));
        F = f;
        T0 = t0;
        _y0 = y0.ToArray();
        TEnd = tEnd;
        Jacobian = jacobian;
        TaylorField = taylorField;
    }

    /// <summary>Right-hand side f.</summary>
    public VectorField F { get; }

    /// <summary>Initial time.</summary>
    public double T0 { get; }

    /// <summary>Initial state.</summary>
    public ReadOnlySpan<double> Y0 => _y0;

    /// <summary>Final time, or <c>null</c> when the caller integrates with its own stop rule.</summary>
    public double? TEnd { get; }

    /// <summary>Optional analytic Jacobian.</summary>
    public JacobianField? Jacobian { get; }

    /// <summary>Optional jet version of f.</summary>
    public TaylorVectorField? TaylorField { get; }

    /// <summary>Dimension n of the state.</summary>
    public int Dimension => _y0.Length;

    /// <summary>The same problem with another final time.</summary>
    /// <param name="tEnd">New final time (or null).</param>
    /// <returns>A new problem.</returns>
    public OdeProblem WithTEnd(double? tEnd) => new(F, T0, _y0, tEnd, Jacobian, TaylorField);

    /// <summary>The same problem started elsewhere.</summary>
    /// <param name="t0">New initial time.</param>
    /// <param name="y0">New initial state (same dimension).</param>
    /// <returns>A new problem.</returns>
    public OdeProblem WithInitialValue(double t0, ReadOnlySpan<double> y0)
    {
        if (y0.Length != Dimension) throw new ArgumentException($"The initial state has {y0.Length} components; the problem has {Dimension}.", nameof(y0));
        return new(F, t0, y0, TEnd, Jacobian, TaylorField);
    }
}
