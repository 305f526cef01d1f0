using ProofWorkbench.Models;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Theorems.Checking;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>A residual rᵢ = f(θ; xᵢ) − yᵢ at a point, enclosed rigorously.</summary>
public sealed record ResidualEnclosure(int Sample, Interval Enclosure)
{
    /// <summary>The largest |r| the enclosure allows.</summary>
    public double MaxAbs => Math.Max(Math.Abs(Enclosure.Lo), Math.Abs(Enclosure.Hi));
    /// <summary>The smallest |r| the enclosure allows (0 when it contains 0).</summary>
    public double MinAbs => Enclosure.ContainsZero ? 0 : Math.Min(Math.Abs(Enclosure.Lo), Math.Abs(Enclosure.Hi));
}

/// <summary>
/// Residuals of a dataset at a point θ (each coordinate given with an uncertainty radius), enclosed by interval
/// arithmetic: so "|r| ≤ tol" and "|r| &gt; tol" are decided with the point's error taken into account.
/// </summary>
public static class ResidualCheck
{
    /// <summary>Enclosures of every residual over the box θ ± radius.</summary>
    public static IReadOnlyList<ResidualEnclosure> Enclose(Activation sigma, Dataset data, IReadOnlyList<double> theta, double radius)
    {
        var model = new OneNeuronModel(sigma, data.Dimension);
        var box = model.ParameterNames.Select((p, i) => (p, new Interval(Math.BitDecrement(theta[i] - radius), Math.BitIncrement(theta[i] + radius))))
            .ToDictionary(t => t.p, t => t.Item2);
        return data.Samples.Select((s, i) => new ResidualEnclosure(i, IntervalEvaluator.Evaluate(model.Residual(s), box))).ToList();
    }

    /// <summary>Enclosures of every residual over a box of θ = (w…, a) (e.g. a validated limit's box).</summary>
    public static IReadOnlyList<ResidualEnclosure> EncloseBox(Activation sigma, Dataset data, IReadOnlyList<Interval> theta)
    {
        var model = new OneNeuronModel(sigma, data.Dimension);
        var box = model.ParameterNames.Select((p, i) => (p, theta[i])).ToDictionary(t => t.p, t => t.Item2);
        return data.Samples.Select((s, i) => new ResidualEnclosure(i, IntervalEvaluator.Evaluate(model.Residual(s), box))).ToList();
    }

    /// <summary>Exact residuals when θ and the data are rational and σ evaluates exactly (else null).</summary>
    public static IReadOnlyList<Expr>? Exact(Activation sigma, Dataset data, Theta theta)
    {
        var model = new OneNeuronModel(sigma, data.Dimension);
        var at = model.ParameterNames.Select((p, i) => (p, Expr.Num(i < theta.W.Count ? theta.W[i] : theta.A))).ToDictionary(t => t.p, t => t.Item2);
        var values = data.Samples.Select(s => Substitution.Substitute(model.Residual(s), at)).ToList();
        return values.All(v => v is Number) ? values : null;
    }

    /// <summary>"[lo, hi]" for residuals of visible size; "|r| ≤ bound" for tiny ones (machine-independent digits).</summary>
    public static string Show(ResidualEnclosure r) =>
        r.MaxAbs < 1e-6 ? $"|r| {Format.Bound(r.MaxAbs)}" : $"[{Format.Error(r.Enclosure.Lo)}, {Format.Error(r.Enclosure.Hi)}]";
}
