namespace ProofWorkbench.Theorems.Checking;

/// <summary>
/// One parameter of a claim kind, as theorem files write it and docs/theorem-files.md (<c>pwb kinds</c>) documents it:
/// its key, what it holds, what it means, and whether every claim of the kind must give it. The registry declares each
/// kind's parameters once; loading rejects unknown keys and missing required ones with file, line and column.
/// </summary>
/// <param name="Name">The key in the claim.</param>
/// <param name="Type">What the value is: "expression in u", "point", "dataset", "number", "list of numbers", …</param>
/// <param name="Meaning">What it means, with its default when optional.</param>
/// <param name="Required">True when every claim of the kind must give it (a key needed only in some cases is optional here
/// and its meaning says when it is needed; the checker then reports it missing with its position).</param>
public sealed record ClaimParameter(string Name, string Type, string Meaning, bool Required)
{
    /// <summary>A parameter every claim of the kind must give.</summary>
    public static ClaimParameter Needs(string name, string type, string meaning) => new(name, type, meaning, true);

    /// <summary>An optional parameter (its meaning states the default or when it is needed).</summary>
    public static ClaimParameter May(string name, string type, string meaning) => new(name, type, meaning, false);

    /// <summary><c>activation</c>: σ(u), defaulting to setup.activation.</summary>
    public static ClaimParameter Activation { get; } = May("activation", "expression in u",
        "the activation σ(u); default: setup.activation (one of the two must be given)");

    /// <summary><c>dataset</c>: the training set.</summary>
    public static ClaimParameter Dataset { get; } = Needs("dataset", "dataset",
        "the training set S: a name in setup.datasets or an inline list of {x: [...], y: ...}");

    /// <summary><c>datasets</c>: several training sets.</summary>
    public static ClaimParameter Datasets { get; } = Needs("datasets", "list of datasets",
        "the training sets, each a name in setup.datasets or an inline list of samples");

    /// <summary><c>from</c>: the initialization θ₀.</summary>
    public static ClaimParameter From { get; } = Needs("from", "point",
        "the initialization θ₀ = (w₀, a₀): a name in setup.points or {w: [...], a: ...}");

    /// <summary><c>point</c>: the point θ the claim is about.</summary>
    public static ClaimParameter Point { get; } = Needs("point", "point", "the point θ = (w, a): a name in setup.points or {w: [...], a: ...}");

    /// <summary><c>tolerance</c>: the numeric tolerance.</summary>
    public static ClaimParameter Tolerance { get; } = May("tolerance", "positive number",
        "the numeric tolerance of the claim; default: setup.tolerance, else 1e-9");

    /// <summary><c>loss-scale</c> of the single-neuron and diagonal models of papers 002 and 003.</summary>
    public static ClaimParameter LossScale { get; } = May("loss-scale", "number",
        "c in the loss L = c·Σᵢ(σ(wᵀxᵢ) − yᵢ)²; default: setup.loss-scale, else ½ as in paper 002 (it changes times, not limits)");

    /// <summary><c>w0</c>: the initial weights of paper 002's ReLU neuron.</summary>
    public static ClaimParameter W0 { get; } = May("w0", "list of numbers", "the initial weights w₀; default: setup.w0");

    /// <summary><c>relu-derivative-at-zero</c>: the value taken for σ′(0) of ReLU.</summary>
    public static ClaimParameter ReluDerivativeAtZero { get; } = May("relu-derivative-at-zero", "number in [0, 1]",
        "the value used for σ′(0) of the ReLU; default: setup.relu-derivative-at-zero, else 1 (paper 002)");

    /// <summary><c>flow-tolerance</c>: the ODE solver's tolerance.</summary>
    public static ClaimParameter FlowTolerance { get; } = May("flow-tolerance", "positive number", "the ODE solver's tolerance; default 2e-14");

    /// <summary><c>neurons</c>: an explicit two-layer θ₀ (paper 000, Corollary 6.2).</summary>
    public static ClaimParameter Neurons { get; } = May("neurons", "list of {w: [...], a: ...}", "θ₀ given explicitly (or use init)");

    /// <summary><c>init</c>: a generated two-layer θ₀.</summary>
    public static ClaimParameter Init { get; } = May("init", "random or equal-time", "θ₀ generated (with width and seed) instead of neurons");

    /// <summary><c>width</c>: the number of neurons of a generated θ₀.</summary>
    public static ClaimParameter Width { get; } = May("width", "integer m", "the number of neurons when init is given");

    /// <summary><c>seed</c>: the seed of a random θ₀.</summary>
    public static ClaimParameter Seed { get; } = May("seed", "integer", "the seed of init random");

    /// <summary><c>X</c>: the design matrix of paper 003's diagonal network.</summary>
    public static ClaimParameter DesignMatrix { get; } = Needs("X", "matrix (list of rows)", "the design matrix (rows are samples)");

    /// <summary><c>y</c>: the labels of paper 003's diagonal network.</summary>
    public static ClaimParameter Labels { get; } = Needs("y", "list of numbers", "the labels");

    /// <summary><c>depth</c>: D of paper 003's diagonal network.</summary>
    public static ClaimParameter Depth { get; } = May("depth", "integer 2…16", "D; default 2");

    /// <summary><c>loss-scale</c> of paper 003's diagonal network.</summary>
    public static ClaimParameter DiagonalLossScale { get; } = May("loss-scale", "number", "c in L = c·‖Xβ − y‖²; default 1");
}
