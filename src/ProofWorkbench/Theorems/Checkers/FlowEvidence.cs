using ProofWorkbench.Dynamics;
using ProofWorkbench.Evidence;
using ProofWorkbench.Models;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Reports;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>Turns a gradient-flow run of the engine into a <see cref="FlowRun"/> fact.</summary>
public static class FlowEvidence
{
    /// <summary>The error estimate of a limit: the engine's own estimate and the distance between the two routes.</summary>
    public static double LimitError(FlowResult r) => Math.Max(r.LimitErrorEstimate, r.OneNeuron?.RoutesDistance ?? 0);

    /// <summary>The fact for one run of the one-neuron model with activation σ on <paramref name="data"/> from θ₀.</summary>
    public static FlowRun Run(string title, Activation sigma, Dataset data, Theta theta0, FlowResult r) => new(
        title, data.Name, $"one-neuron, σ({sigma.Variable}) = {sigma.Definition}", sigma.Definition.ToString(), sigma.Variable, r.Parameters,
        [.. theta0.W, theta0.A], data.Samples.Select(s => ((IReadOnlyList<string>)s.X.Select(x => x.ToString()).ToList(), s.Y.ToString())).ToList(),
        r.Converged, r.Converged ? "converged" : $"{r.Outcome}: {r.Message}", r.Theta, LimitError(r), r.Loss, r.Time,
        r.OneNeuron?.RoutesDistance, r.OneNeuron?.ConservedRoute?.Limit is { } c ? [.. c.W, c.A] : null,
        r.OneNeuron?.ConservedRoute?.Limit is null ? r.OneNeuron?.ConservedRoute?.Reason : null,
        r.Conserved.Select(q => new Drift(q.Name, q.MaxDrift)).ToList(),
        r.Direction?.Unit, r.Direction?.ErrorEstimate, r.OneNeuron?.Slope, r.OneNeuron?.SlopeEq26,
        $"{r.Solver}; {r.Steps} steps, {r.RhsEvaluations} RHS evaluations", Thin(r.Trajectory.Select(p => p.Theta).ToList()));

    /// <summary>The fact and its report section, as context (the verdict rests on facts derived from it).</summary>
    public static (FlowRun Run, EvidenceSection Section) Context(string title, Activation sigma, Dataset data, Theta theta0, FlowResult r)
    {
        var run = Run(title, sigma, data, theta0, r) with { Outcome = FactOutcome.Informs };
        return (run, FlowRunSection.Of(run));
    }

    // At most ~300 states, always keeping the first and the last.
    private static IReadOnlyList<IReadOnlyList<double>> Thin(IReadOnlyList<double[]> points)
    {
        if (points.Count <= 300) return points;
        int stride = (points.Count + 299) / 300;
        var thin = points.Where((_, i) => i % stride == 0).ToList();
        if (!ReferenceEquals(thin[^1], points[^1])) thin.Add(points[^1]);
        return thin;
    }
}
