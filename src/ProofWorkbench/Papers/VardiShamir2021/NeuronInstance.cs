using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Papers.VardiShamir2021;

/// <summary>
/// A single-neuron instance of paper 002 (ReLU, or a smooth σ for Section 3) (Section 2, eq. (1)): data X (rows xᵢ), labels y, the initial point w₀, σ′(0) and
/// the loss scale c (½ in paper 002), exactly (rationals) and in doubles.
/// </summary>
/// <param name="Name">The dataset's name.</param>
/// <param name="ExactX">X over ℚ.</param>
/// <param name="ExactY">y over ℚ (null when a label is not rational).</param>
/// <param name="ExactW0">w₀ over ℚ.</param>
/// <param name="DerivativeAtZero">σ′(0) (exact).</param>
/// <param name="LossScale">c (exact).</param>
public sealed record NeuronInstance(string Name, IReadOnlyList<IReadOnlyList<Rational>> ExactX, IReadOnlyList<Rational>? ExactY,
    IReadOnlyList<Rational> ExactW0, Rational DerivativeAtZero, Rational LossScale)
{
    /// <summary>X in doubles.</summary>
    public double[][] X => ExactX.Select(r => r.Select(q => q.ToDouble()).ToArray()).ToArray();
    /// <summary>y in doubles.</summary>
    public double[] Y { get; init; } = [];
    /// <summary>w₀ in doubles.</summary>
    public double[] W0 => ExactW0.Select(q => q.ToDouble()).ToArray();
    /// <summary>d.</summary>
    public int Dimension => ExactW0.Count;

    /// <summary>
    /// Reads the instance of a claim: <c>dataset</c> (setup name or inline), <c>w0</c> (a list), <c>loss-scale</c> (claim
    /// or setup; default ½, paper 002's eq. (1)) and <c>relu-derivative-at-zero</c> (claim or setup; default 1, paper 002,
    /// Section 4's convention).
    /// </summary>
    public static NeuronInstance Of(Claim claim, TheoremContext context, string datasetKey = "dataset")
    {
        var setNode = claim.Node.Required(datasetKey);
        return Of(claim, context, context.DatasetOf(setNode), setNode);
    }

    /// <summary>The instance for <paramref name="data"/> with the claim's w₀, loss scale and σ′(0).</summary>
    public static NeuronInstance Of(Claim claim, TheoremContext context, Dataset data, YamlValue where)
    {
        var x = data.Samples.Select(s => (IReadOnlyList<Rational>)s.X.Select(e => e is Number n ? n.Value : throw where.Error("inputs x must be exact numbers.")).ToList()).ToList();
        var yExact = data.Samples.All(s => s.Y is Number) ? data.Samples.Select(s => ((Number)s.Y).Value).ToList() : null;
        var y = data.Samples.Select(s => Evaluator.Evaluate(s.Y, new Dictionary<string, double>())).ToArray();
        var w0Node = claim.Node.Optional("w0") ?? context.File.Setup.Optional("w0") ?? throw claim.Node.Error("the claim needs 'w0', the initial point (a list of d numbers), in the claim or in setup.");
        var w0 = w0Node.Rationals();
        if (w0.Count != data.Dimension) throw w0Node.Error($"w0 has {w0.Count} components but the data have d = {data.Dimension}.");
        var d0Node = claim.Node.Optional("relu-derivative-at-zero") ?? context.File.Setup.Optional("relu-derivative-at-zero");
        var d0 = d0Node?.Rational() ?? Rational.One;
        if (d0 < Rational.Zero || d0 > Rational.One) throw d0Node!.Error($"relu-derivative-at-zero must lie in [0, 1] (the subdifferential of ReLU at 0), not {d0}.");
        var cNode = claim.Node.Optional("loss-scale") ?? context.File.Setup.Optional("loss-scale");
        var c = cNode?.Rational() ?? new Rational(1, 2);
        if (c <= Rational.Zero) throw cNode!.Error($"loss-scale must be positive, not {c}.");
        return new NeuronInstance(data.Name, x, yExact, w0, d0, c) { Y = y };
    }

    /// <summary>The model of the engine route.</summary>
    public Models.ReluNeuronModel Model() => new(Dimension, DerivativeAtZero.ToDouble(), LossScale.ToDouble());

    /// <summary>The samples in the engine's form.</summary>
    public IReadOnlyList<Models.NumericSample> Samples() => X.Select((x, i) => new Models.NumericSample(i, x, Y[i])).ToList();

    /// <summary>The samples of <paramref name="data"/> in the engine's form (inputs and labels evaluated in doubles).</summary>
    public static IReadOnlyList<Models.NumericSample> Samples(Dataset data) => data.Samples.Select((s, i) => new Models.NumericSample(i,
        s.X.Select(e => Evaluator.Evaluate(e, new Dictionary<string, double>())).ToArray(), Evaluator.Evaluate(s.Y, new Dictionary<string, double>()))).ToList();

    /// <summary>Σᵢ |relu(xᵢᵀw) − yᵢ| at the point <paramref name="w"/> (expressions): zero exactly on the zero-loss set M_S (exact labels needed).</summary>
    public Expr ZeroLoss(IReadOnlyList<Expr> w) => Expr.Add(ExactX.Select((x, i) => Expr.Call(KnownFunctions.Abs,
        Expr.Sub(Expr.Call(KnownFunctions.Relu, Expr.Add(x.Select((c, l) => Expr.Mul(Expr.Num(c), w[l])).ToArray())), Expr.Num(ExactY![i])))).ToArray());
}
