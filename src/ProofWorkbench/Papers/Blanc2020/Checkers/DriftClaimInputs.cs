using ProofWorkbench.Models;
using ProofWorkbench.Numerics.Stochastic;
using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Papers.Blanc2020.Checkers;

/// <summary>
/// What the label-noise claims (<c>label-noise-drift</c>, <c>label-noise-bias</c>) read alike: the two-layer model on the
/// data, its regularizer R (paper 001, eq. (7)), the start θ₀ on the zero-loss manifold, the statistic, the noise law and
/// the seeded-run settings, each with one error message per bad value.
/// </summary>
internal sealed record DriftClaimInputs(
    Func<IModel> CreateModel, TwoLayerModel Model, NumericSample[] Data, ImplicitRegularizer Regularizer, IReadOnlyList<string> Names,
    double[] Theta0, Expr Statistic, LabelNoise Noise, int Runs, int Seed, double Confidence)
{
    /// <summary>Reads the shared parameters of <paramref name="claim"/> (width 1 unless <paramref name="width"/> says otherwise).</summary>
    public static DriftClaimInputs Read(Claim claim, TheoremContext context, int width)
    {
        var node = claim.Node;
        var sigma = context.ActivationOf(claim);
        var dataset = context.DatasetOf(node.Required("data"));
        int d = dataset.Dimension;
        var empty = new Dictionary<string, double>();
        var data = dataset.Samples.Select((s, i) => new NumericSample(i, s.X.Select(x => Evaluator.Evaluate(x, empty)).ToArray(), Evaluator.Evaluate(s.Y, empty))).ToArray();
        Func<IModel> createModel = () => new TwoLayerModel(sigma, d, width, oneNeuronNames: width == 1);
        var model = (TwoLayerModel)createModel();
        var names = TwoLayerSymbolic.ParameterNames(model);
        var inputs = TwoLayerSymbolic.InputNames(d);
        var regularizer = new ImplicitRegularizer(TwoLayerSymbolic.Output(model), names,
            dataset.Samples.Select(s => ((IReadOnlyDictionary<string, Expr>)inputs.Select((n, l) => (n, s.X[l])).ToDictionary(p => p.n, p => p.Item2), s.Y)).ToArray());
        var startNode = node.Required("start");
        var theta0 = names.Select(n =>
        {
            var v = startNode.Required(n);
            var e = v.Expression();
            if (e.FreeSymbols().Count > 0) throw v.Error($"the start value of {n} must be a constant.");
            return Evaluator.Evaluate(e, empty);
        }).ToArray();
        var statNode = node.Optional("statistic");
        var statistic = statNode?.Expression() ?? Expr.Sym(names[0]);
        if (statNode is not null && statistic.FreeSymbols().Except(names).Any())
            throw statNode.Error($"the statistic may use only the parameters {string.Join(", ", names)}.");
        var noiseNode = node.Optional("noise");
        var noise = (noiseNode?.Text() ?? "rademacher") switch
        {
            "rademacher" => LabelNoise.Rademacher,
            "gaussian" => LabelNoise.Gaussian,
            var t => throw noiseNode!.Error($"noise must be rademacher or gaussian, not '{t}'."),
        };
        int runs = PositiveInt(node.Required("runs"), "runs");
        if (runs < 2) throw node.Required("runs").Error("at least 2 runs are needed for a confidence interval.");
        var seedNode = node.Required("seed");
        int seed = seedNode.Int();
        if (seed < 0) throw seedNode.Error("the seed must be a nonnegative whole number.");
        double confidence = node.Optional("confidence")?.Double() ?? 0.99;
        if (!(confidence > 0 && confidence < 1)) throw node.Required("confidence").Error("confidence must be a level in (0, 1).");
        return new DriftClaimInputs(createModel, model, data, regularizer, names, theta0, statistic, noise, runs, seed, confidence);
    }

    /// <summary>A positive finite number, or the node's error.</summary>
    public static double Positive(YamlValue v, string what)
    {
        double x = v.Double();
        if (!(x > 0) || double.IsInfinity(x)) throw v.Error($"{what} must be a positive number, not {v.Text()}.");
        return x;
    }

    /// <summary>A positive whole number, or the node's error.</summary>
    public static int PositiveInt(YamlValue v, string what)
    {
        int x = v.Int();
        if (x < 1) throw v.Error($"{what} must be a positive whole number, not {v.Text()}.");
        return x;
    }
}
