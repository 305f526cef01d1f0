using ProofWorkbench.Evidence;
using ProofWorkbench.Models;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Theorems.Checking;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>A residual rᵢ = f(θ; xᵢ) − yᵢ at a point, enclosed rigorously, with its fact.</summary>
public sealed record ResidualEnclosure(int Sample, Interval Enclosure, IntervalEnclosure Fact)
{
    /// <summary>The largest |r| the enclosure allows.</summary>
    public double MaxAbs => Math.Max(Math.Abs(Enclosure.Lo), Math.Abs(Enclosure.Hi));
    /// <summary>The smallest |r| the enclosure allows (0 when it contains 0).</summary>
    public double MinAbs => Enclosure.ContainsZero ? 0 : Math.Min(Math.Abs(Enclosure.Lo), Math.Abs(Enclosure.Hi));
}

/// <summary>
/// Residuals of a dataset at a point θ (each coordinate given with an uncertainty radius), enclosed by interval
/// arithmetic and judged against a tolerance by <see cref="VerdictRule"/>, so "|r| ≤ tol" and "|r| &gt; tol" are
/// decided with the point's error taken into account.
/// </summary>
public static class ResidualCheck
{
    /// <summary>Enclosures of every residual over the box θ ± radius, each judged against <paramref name="tolerance"/>.</summary>
    public static IReadOnlyList<ResidualEnclosure> Enclose(Activation sigma, Dataset data, IReadOnlyList<double> theta, double radius, double tolerance, string at = "θ")
    {
        var model = new OneNeuronModel(sigma, data.Dimension);
        var box = model.ParameterNames.Select((p, i) => new KeyValuePair<string, Interval>(p,
            new Interval(Math.BitDecrement(theta[i] - radius), Math.BitIncrement(theta[i] + radius)))).ToList();
        return Judge(model, data, box, tolerance, at);
    }

    /// <summary>Enclosures of every residual at the exact point θ (a box of width ≤ 2 ulps around it).</summary>
    public static IReadOnlyList<ResidualEnclosure> Enclose(Activation sigma, Dataset data, Theta theta, double tolerance, string at = "θ")
    {
        var model = new OneNeuronModel(sigma, data.Dimension);
        var coords = theta.W.Append(theta.A).ToList();
        var box = model.ParameterNames.Select((p, i) => new KeyValuePair<string, Interval>(p, ExactInterval.Point(coords[i]).ToInterval())).ToList();
        return Judge(model, data, box, tolerance, at);
    }

    /// <summary>Enclosures of every residual over a box of θ = (w…, a) (e.g. a validated limit's box), judged against <paramref name="tolerance"/> when given.</summary>
    public static IReadOnlyList<ResidualEnclosure> EncloseBox(Activation sigma, Dataset data, IReadOnlyList<Interval> theta, double? tolerance = null, string at = "θ",
        ToleranceMeaning meaning = ToleranceMeaning.Allowance)
    {
        var model = new OneNeuronModel(sigma, data.Dimension);
        var box = model.ParameterNames.Select((p, i) => new KeyValuePair<string, Interval>(p, theta[i])).ToList();
        return Judge(model, data, box, tolerance, at, meaning);
    }

    private static IReadOnlyList<ResidualEnclosure> Judge(OneNeuronModel model, Dataset data, IReadOnlyList<KeyValuePair<string, Interval>> box, double? tolerance, string at,
        ToleranceMeaning meaning = ToleranceMeaning.Allowance)
    {
        var boxes = box.ToDictionary(kv => kv.Key, kv => kv.Value);
        return data.Samples.Select((s, i) =>
        {
            var fact = IntervalEnclosure.Compute($"r{i + 1} = f({at}; x{i + 1}) − y{i + 1} on {data.Name}", model.Residual(s), box, tolerance, meaning);
            return new ResidualEnclosure(i, IntervalEvaluator.Evaluate(model.Residual(s), boxes), fact);
        }).ToList();
    }

    /// <summary>Exact residuals when θ and the data are rational and σ evaluates exactly (else null), each judged against the tolerance.</summary>
    public static IReadOnlyList<ExactValue>? Exact(Activation sigma, Dataset data, Theta theta, double tolerance)
    {
        var model = new OneNeuronModel(sigma, data.Dimension);
        var point = model.ParameterNames.Select((p, i) => new KeyValuePair<string, Rational>(p, i < theta.W.Count ? theta.W[i] : theta.A)).ToList();
        var at = point.ToDictionary(kv => kv.Key, kv => Expr.Num(kv.Value));
        var values = data.Samples.Select(s => Substitution.Substitute(model.Residual(s), at)).ToList();
        if (!values.All(v => v is Number)) return null;
        return values.Select((v, i) =>
        {
            var value = ((Number)v).Value;
            var judgement = VerdictRule.Judge(Magnitude.Exact(value), tolerance);
            return new ExactValue($"r{i + 1} = f(θ; x{i + 1}) − y{i + 1} on {data.Name}", model.Residual(data.Samples[i]), point, value, Rational.FromDouble(tolerance), judgement.Outcome);
        }).ToList();
    }

    /// <summary>"[lo, hi]" for residuals of visible size; "|r| ≤ bound" for tiny ones (machine-independent digits).</summary>
    public static string Show(ResidualEnclosure r) =>
        r.MaxAbs < 1e-6 ? $"|r| {Format.Bound(r.MaxAbs)}" : $"[{Format.Error(r.Enclosure.Lo)}, {Format.Error(r.Enclosure.Hi)}]";
}
