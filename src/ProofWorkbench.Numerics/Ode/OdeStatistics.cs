namespace ProofWorkbench.Numerics.Ode;

/// <summary>Work counters of an integration (they travel with the solution).</summary>
public sealed class OdeStatistics
{
    /// <summary>Accepted steps.</summary>
    public long AcceptedSteps { get; internal set; }

    /// <summary>Rejected step attempts of every kind (error test, Newton failure or slow convergence, NaN in a trial step), including those before the first accepted step.</summary>
    public long RejectedSteps { get; internal set; }

    /// <summary>Evaluations of the right-hand side f (including those for finite-difference Jacobians, hinit and dense output).</summary>
    public long RhsEvaluations { get; internal set; }

    /// <summary>Evaluations of the Jacobian (analytic or by finite differences).</summary>
    public long JacobianEvaluations { get; internal set; }

    /// <summary>LU decompositions (Radau5 counts the real and the complex factorization of one step as one, like Hairer's NDEC).</summary>
    public long LuDecompositions { get; internal set; }

    /// <summary>Forward/back substitutions (Radau5's NSOL).</summary>
    public long LinearSolves { get; internal set; }

    /// <summary>Evaluations of the Taylor right-hand side on jets (Taylor method).</summary>
    public long TaylorEvaluations { get; internal set; }

    /// <summary>Number of switches between the non-stiff and the stiff method (auto-switching only).</summary>
    public long MethodSwitches { get; internal set; }

    /// <summary>A copy of the counters.</summary>
    /// <returns>An independent copy.</returns>
    public OdeStatistics Clone() => (OdeStatistics)MemberwiseClone();

    /// <inheritdoc />
    public override string ToString() =>
        $"accepted={AcceptedSteps}, rejected={RejectedSteps}, f={RhsEvaluations}, jac={JacobianEvaluations}, lu={LuDecompositions}";
}
