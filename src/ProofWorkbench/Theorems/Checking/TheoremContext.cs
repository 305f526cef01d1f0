using ProofWorkbench.Dynamics;
using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.LemmaA3;
using ProofWorkbench.Smt;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Theorems.Checking;

/// <summary>An initial or limit point θ = (w, a), exact.</summary>
public sealed record Theta(IReadOnlyList<Rational> W, Rational A)
{
    /// <summary>(w…, a) as doubles.</summary>
    public double[] ToArray() => [.. W.Select(r => r.ToDouble()), A.ToDouble()];
}

/// <summary>A named or inline dataset, exact.</summary>
public sealed record Dataset(string Name, IReadOnlyList<Sample> Samples)
{
    /// <summary>The input dimension d.</summary>
    public int Dimension => Samples[0].X.Count;
}

/// <summary>
/// What a claim checker may ask of its theorem file: the setup's named activation, points and datasets
/// (or inline ones in the claim), and the default tolerance. Lookups of unknown names are positioned errors.
/// </summary>
public sealed class TheoremContext(TheoremFile file)
{
    private readonly Dictionary<string, FlowResult> flows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (IReadOnlyList<SmtCheckResult>? Proofs, string Reason)> hypotheses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (OneSampleLimit? Limit, string Reason)> limits = new(StringComparer.Ordinal);

    /// <summary>
    /// The validated limit of the flow on a one-sample dataset (paper 000, Lemma A.3 route, <see cref="LemmaA3Route"/>):
    /// an interval box that certainly contains lim θ(t), or null and the reason (more than one sample, σ &gt; 0 or σ′ &gt; 0
    /// not proved by Z3, no certified bracket). Shared between the claims of a file; the ODE run's limit, when it has one,
    /// only seeds the search.
    /// </summary>
    public (OneSampleLimit? Limit, string Reason) ValidatedLimit(Activation sigma, Dataset data, Theta theta0)
    {
        if (data.Samples.Count != 1) return (null, "the Lemma A.3 route needs one sample");
        var sample = data.Samples[0];
        if (sample.X.Any(x => x is not Number)) return (null, "the input x is not an exact number");
        var key = FlowKey(sigma, data, theta0);
        if (limits.TryGetValue(key, out var cached)) return cached;
        var hypothesisKey = sigma.Definition.ToString();
        if (!hypotheses.TryGetValue(hypothesisKey, out var proofs))
        {
            IReadOnlyList<SmtCheckResult>? p;
            string why;
            try { p = LemmaA3Route.Hypotheses(sigma, out why); }
            catch (Z3NotFoundException ex) { throw new InputException(ex.Message); }
            proofs = (p, why);
            hypotheses[hypothesisKey] = proofs;
        }
        (OneSampleLimit?, string) result;
        if (proofs.Proofs is null) result = (null, proofs.Reason);
        else
        {
            var flow = Flow(sigma, data, theta0);
            var x = sample.X.Select(e => ((Number)e).Value).ToArray();
            double? guess = flow.Converged ? x.Select((xi, i) => xi.ToDouble() * flow.W[i]).Sum() : null;
            var problem = new OneSampleProblem(sigma, x, sample.Y, theta0.W, theta0.A);
            var limit = LemmaA3Route.Enclose(problem, proofs.Proofs, guess, out var reason);
            result = (limit, reason);
        }
        limits[key] = result;
        return result;
    }

    private static string FlowKey(Activation sigma, Dataset data, Theta theta0) =>
        $"{sigma.Definition}|{string.Join(";", data.Samples.Select(s => string.Join(",", s.X) + "->" + s.Y))}|{string.Join(",", theta0.W)},{theta0.A}";

    /// <summary>
    /// Gradient flow of the one-hidden-neuron model with activation σ on <paramref name="data"/> from θ₀, to its limit;
    /// runs are shared between the claims of a file (keyed by activation, data and θ₀).
    /// </summary>
    public FlowResult Flow(Activation sigma, Dataset data, Theta theta0)
    {
        var key = FlowKey(sigma, data, theta0);
        if (flows.TryGetValue(key, out var cached)) return cached;
        var model = new OneNeuronModel(sigma, data.Dimension);
        var result = GradientFlowEngine.Run(model, data.Samples, theta0.ToArray(), new FlowOptions { RecordTrajectory = true });
        flows[key] = result;
        return result;
    }

    /// <summary>The file being checked.</summary>
    public TheoremFile File { get; } = file;

    /// <summary>The default numeric tolerance: setup.tolerance, else 1e-9.</summary>
    public double Tolerance => File.Setup.Optional("tolerance")?.Double() ?? 1e-9;

    /// <summary>The claim's own <c>tolerance</c>, else the default.</summary>
    public double ToleranceOf(Claim claim)
    {
        var node = claim.Node.Optional("tolerance") ?? File.Setup.Optional("tolerance");
        if (node is null) return 1e-9;
        double tol = node.Double();
        if (!(tol > 0) || double.IsInfinity(tol)) throw node.Error($"a tolerance must be a positive number, not {node.Text()}.");
        return tol;
    }

    /// <summary>The claim's <c>activation</c> (an expression) or the setup's.</summary>
    public Activation ActivationOf(Claim claim)
    {
        var node = claim.Node.Optional("activation") ?? File.Setup.Optional("activation")
            ?? throw claim.Node.Error($"claim '{claim.Id}' needs an activation: give 'activation' in the claim or in setup.");
        node.Expression(); // positioned parse errors
        try { return Activation.Parse(node.Text(), $"{node.Position}: activation"); }
        catch (InputException ex) { throw node.Error(ex.Message); }
    }

    /// <summary>A point: a name from setup.points, or an inline mapping {w: [...], a: ...}.</summary>
    public Theta Point(YamlValue node)
    {
        if (!node.IsMapping && !node.IsSequence)
        {
            var name = node.Text();
            var points = File.Setup.Optional("points") ?? throw node.Error($"'{name}' is not defined: setup has no 'points'.");
            var p = points.Optional(name) ?? throw node.Error($"'{name}' is not defined in setup.points; defined are {string.Join(", ", points.Keys)}.");
            return Point(p);
        }
        return new Theta(node.Required("w").Rationals(), node.Required("a").Rational());
    }

    /// <summary>A dataset: a name from setup.datasets, or an inline list of {x: ..., y: ...}.</summary>
    public Dataset DatasetOf(YamlValue node)
    {
        if (!node.IsMapping && !node.IsSequence)
        {
            var name = node.Text();
            var sets = File.Setup.Optional("datasets") ?? throw node.Error($"'{name}' is not defined: setup has no 'datasets'.");
            var d = sets.Optional(name) ?? throw node.Error($"'{name}' is not defined in setup.datasets; defined are {string.Join(", ", sets.Keys)}.");
            return Build(name, d);
        }
        return Build("inline", node);
    }

    // A label is an exact number or a closed-form constant such as "-2*sigmoid(3/4)" (Lemma 6.2's y = −a₀σ(xw₀)).
    private static Expr Label(YamlValue node)
    {
        var e = node.Expression();
        if (e.FreeSymbols().Count > 0) throw node.Error($"a label y must be a constant, not an expression in {string.Join(", ", e.FreeSymbols())}.");
        return e;
    }

    private static Dataset Build(string name, YamlValue node)
    {
        var samples = node.Items().Select(s => new Sample(
            s.Required("x").Rationals().Select(r => Expr.Num(r)).ToArray(),
            Label(s.Required("y")))).ToList();
        if (samples.Count == 0) throw node.Error($"the dataset '{name}' is empty.");
        int d = samples[0].X.Count;
        if (samples.Any(s => s.X.Count != d)) throw node.Error($"the samples of '{name}' have inputs of different dimensions.");
        return new Dataset(name, samples);
    }
}
