using ProofWorkbench.Numerics.Ode;

namespace ProofWorkbench.Dynamics;

/// <summary>The ODE method that integrates a gradient flow (the <c>--method</c> of <c>pwb flow</c>).</summary>
public enum FlowMethod
{
    /// <summary>DOP853 while non-stiff, Radau5 once its stiffness test fires (<see cref="AutoSwitching"/>).</summary>
    Auto,
    /// <summary>Dormand–Prince 8(5,3), explicit (<see cref="Numerics.Ode.Dop853"/>).</summary>
    Dop853,
    /// <summary>Radau IIA of order 5, implicit, with the exact Jacobian (<see cref="Numerics.Ode.Radau5"/>).</summary>
    Radau5,
    /// <summary>Variable-order Taylor series method on the jet interpreter (<see cref="TaylorMethod"/>).</summary>
    Taylor,
}

/// <summary>Names and solvers of <see cref="FlowMethod"/>.</summary>
public static class FlowMethods
{
    /// <summary>The accepted names: auto, dop853, radau5, taylor.</summary>
    public static IReadOnlyList<string> Names { get; } = ["auto", "dop853", "radau5", "taylor"];

    /// <summary>The method named <paramref name="text"/> (case-insensitive); <see cref="InputException"/> otherwise.</summary>
    public static FlowMethod Parse(string text, string inputName = "--method") => text.Trim().ToLowerInvariant() switch
    {
        "auto" => FlowMethod.Auto,
        "dop853" => FlowMethod.Dop853,
        "radau5" => FlowMethod.Radau5,
        "taylor" => FlowMethod.Taylor,
        _ => throw new InputException($"{inputName} '{text}' is not a method; choose one of {string.Join(", ", Names)}."),
    };

    /// <summary>The lower-case name.</summary>
    public static string Name(FlowMethod method) => Names[(int)method];

    /// <summary>A fresh solver for the method.</summary>
    public static IOdeMethod Create(FlowMethod method) => method switch
    {
        FlowMethod.Dop853 => new Dop853(),
        FlowMethod.Radau5 => new Radau5(),
        // The stability cap keeps the steps near the limit inside the Taylor polynomial's stability interval, so
        // the computed flow approaches its limit monotonically and the limiting direction stays meaningful.
        FlowMethod.Taylor => new TaylorMethod { StabilityFactor = 0.25 },
        _ => new AutoSwitching(),
    };
}
