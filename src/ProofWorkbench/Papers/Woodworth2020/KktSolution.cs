namespace ProofWorkbench.Papers.Woodworth2020;

/// <summary>
/// The solution of the KKT system Xβ = y, β = g(Xᵀν) (paper 003, eqs. (9)–(12)): ν, β, the final residual ‖Xβ − y‖₂,
/// the a-posteriori bound on ‖ν − ν*‖₂ and on each |β_j − β*_j|, the Newton iterations, and why it stopped.
/// </summary>
public sealed record KktSolution(double[] Nu, double[] Beta, double Residual, double NuErrorBound, double[] BetaErrorBound,
    int Iterations, bool Converged, string Message)
{
    /// <summary>max_j of the β error bound.</summary>
    public double MaxBetaError => BetaErrorBound.Length == 0 ? 0 : BetaErrorBound.Max();
}
