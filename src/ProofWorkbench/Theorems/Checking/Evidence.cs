using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Theorems.Checking;

/// <summary>Which layer produced a piece of evidence.</summary>
public enum EvidenceLayer
{
    /// <summary>Exact symbolic computation.</summary>
    Symbolic,
    /// <summary>Z3 on an SMT-LIB2 script.</summary>
    Smt,
    /// <summary>Outward-rounded interval arithmetic.</summary>
    Interval,
    /// <summary>Floating-point numerics with an error estimate.</summary>
    Numeric,
}

/// <summary>
/// A named formula: its LaTeX (Markdown reports) and, when the checker gives them, its expressions, which HTML reports
/// print as MathML (one printer per target).
/// </summary>
public sealed record Formula(string Label, string Latex)
{
    /// <summary>A formula of one or more expressions, printed in LaTeX (comma-separated) and kept for the MathML printer.</summary>
    public Formula(string label, params Symbolic.Expressions.Expr[] expressions)
        : this(label, string.Join(",\\quad ", expressions.Select(x => Symbolic.Printing.LatexPrinter.Print(x)))) => Expressions = expressions;

    /// <summary>The expressions, or empty when the formula is known only as LaTeX.</summary>
    public IReadOnlyList<Symbolic.Expressions.Expr> Expressions { get; init; } = [];

    /// <summary>
    /// For a formula known only as LaTeX (not an expression of the engine, such as an ODE in θ), the same formula in
    /// plain Unicode for HTML, where LaTeX source would otherwise be shown.
    /// </summary>
    public string? Plain { get; init; }
}

/// <summary>A named value; numbers are already formatted (see <see cref="Format"/>) so reports are byte-stable.</summary>
public sealed record NamedValue(string Name, string Value);

/// <summary>
/// One piece of evidence for a verdict: the layer, a one-sentence summary, and the derivations,
/// values, SMT-LIB2 script and figures that back it.
/// </summary>
public sealed record EvidenceSection(EvidenceLayer Layer, string Summary)
{
    /// <summary>Derivations in LaTeX.</summary>
    public IReadOnlyList<Formula> Formulas { get; init; } = [];
    /// <summary>Numbers and other values.</summary>
    public IReadOnlyList<NamedValue> Values { get; init; } = [];
    /// <summary>The SMT-LIB2 script that reproduces an SMT verdict with <c>z3 FILE</c>.</summary>
    public string? SmtLib { get; init; }
    /// <summary>A figure to draw at report time from the flow runs it names (a checker never renders).</summary>
    public PhasePlane? Figure { get; init; }
    /// <summary>A mean-path-with-band figure (stochastic simulations against a prediction), drawn at report time.</summary>
    public MeanPathPlot? PathFigure { get; init; }
    /// <summary>A line plot (e.g. a parameter sweep on log axes), drawn at report time by <see cref="Reports.LinePlotFigure"/>.</summary>
    public LinePlot? LineFigure { get; init; }
}

/// <summary>
/// A line plot requested by a checker (numbers only; <see cref="Reports.LinePlotFigure"/> renders it when the report is
/// written). The curve and axis records are the plain data of <see cref="Reports.PlotCurve"/> and <see cref="Reports.PlotAxes"/>.
/// </summary>
/// <param name="FileName">File name without directory.</param>
/// <param name="Title">The plot title.</param>
/// <param name="Caption">The caption.</param>
/// <param name="Axes">The axes (titles, logarithmic or not).</param>
/// <param name="Curves">The curves, in legend order.</param>
public sealed record LinePlot(string FileName, string Title, string Caption, Reports.PlotAxes Axes, IReadOnlyList<Reports.PlotCurve> Curves);

/// <summary>One simulated mean path: (τ, mean, confidence half-width) at its checkpoints.</summary>
/// <param name="Title">Legend title, e.g. "η = 0.02: mean of 400 runs".</param>
/// <param name="Points">(τ, mean, half-width).</param>
public sealed record MeanPath(string Title, IReadOnlyList<(double Tau, double Mean, double HalfWidth)> Points);

/// <summary>
/// A figure requested by a stochastic checker: simulated mean paths with their confidence bands against a predicted curve;
/// <see cref="Reports.MeanPathFigure"/> renders it when the report is written.
/// </summary>
/// <param name="FileName">File name without directory.</param>
/// <param name="Title">The plot title.</param>
/// <param name="Caption">The caption.</param>
/// <param name="XLabel">The horizontal axis label.</param>
/// <param name="YLabel">The vertical axis label.</param>
/// <param name="Predicted">The predicted curve (x, y).</param>
/// <param name="Paths">The simulated mean paths.</param>
public sealed record MeanPathPlot(string FileName, string Title, string Caption, string XLabel, string YLabel,
    IReadOnlyList<(double X, double Y)> Predicted, IReadOnlyList<MeanPath> Paths);

/// <summary>
/// A (w, a)-plane figure requested by a checker: the flow runs (trajectory samples, data, activation) to draw with their
/// zero sets M_S; <see cref="Reports.FlowFigure"/> renders it when the report is written.
/// </summary>
/// <param name="FileName">File name without directory, e.g. "claim.svg".</param>
/// <param name="Title">The plot title.</param>
/// <param name="Caption">The caption under the figure.</param>
/// <param name="Runs">The runs to draw.</param>
public sealed record PhasePlane(string FileName, string Title, string Caption, IReadOnlyList<Evidence.FlowRun> Runs);

/// <summary>
/// The outcome of one claim: its verdict, a one-sentence explanation, the typed facts the verdict rests on (and context
/// facts), and the evidence sections a report shows.
/// </summary>
public sealed record ClaimResult(Claim Claim, Verdict Verdict, string Explanation, IReadOnlyList<EvidenceSection> Evidence)
{
    /// <summary>True when the verdict is the one the theorem file expects.</summary>
    public bool AsExpected => Verdict == Claim.Expected;

    /// <summary>The typed facts (see <see cref="Evidence.Fact"/>); certificates and JSON are written from them.</summary>
    public IReadOnlyList<global::ProofWorkbench.Evidence.Fact> Facts { get; init; } = [];

    /// <summary>Datasets the checker constructed and the facts are about (e.g. Lemma 5.1's refined S₂), written to the
    /// certificate as its <c>witness</c>; empty when the facts are about the theorem file's own data.</summary>
    public IReadOnlyList<Dataset> Witness { get; init; } = [];

    /// <summary>A result whose verdict is decided from <paramref name="facts"/> by <see cref="Evidence.VerdictRule.Decide(IEnumerable{Evidence.Fact})"/>.</summary>
    public static ClaimResult FromFacts(Claim claim, IReadOnlyList<global::ProofWorkbench.Evidence.Fact> facts, string explanation, IReadOnlyList<EvidenceSection> sections) =>
        new(claim, global::ProofWorkbench.Evidence.VerdictRule.Decide(facts), explanation, sections) { Facts = facts };
}

/// <summary>The outcome of a theorem file.</summary>
public sealed record TheoremResult(TheoremFile File, IReadOnlyList<ClaimResult> Claims)
{
    /// <summary>True when every claim got its expected verdict.</summary>
    public bool AllAsExpected => Claims.All(c => c.AsExpected);
}
