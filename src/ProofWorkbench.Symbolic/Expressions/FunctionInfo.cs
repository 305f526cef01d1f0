using System.Reflection;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Simplification;

namespace ProofWorkbench.Symbolic.Expressions;

/// <summary>
/// Everything the workbench knows about one named function, in one entry (issue 10, item 5): its value, derivative,
/// exact special values, definition in exp/log, how every layer handles it — the interval extension, the interval
/// Taylor rule, the floating-point Taylor rule, the compiled scalar, the SMT encoding with its axioms, its sign and its
/// domain — and how it is printed. Every layer dispatches on these fields, never on the function's name, so that adding
/// an activation is one edit of <see cref="KnownFunctions"/> (in the manner of SymPy's per-function classes).
/// A field left null means "this layer does not handle the function", and the layer says so.
/// </summary>
public sealed class FunctionInfo
{
    /// <summary>The name in the plain syntax.</summary>
    public required string Name { get; init; }
    /// <summary>Number of arguments.</summary>
    public int Arity { get; init; } = 1;
    /// <summary>Numeric value at doubles.</summary>
    public required Func<double[], double> EvaluateDouble { get; init; }
    /// <summary>∂f/∂(argument i) as an expression in the arguments.</summary>
    public required Func<Expr[], int, Expr> Derivative { get; init; }
    /// <summary>Exact value at special arguments (e.g. exp(0) = 1), or null.</summary>
    public Func<Expr[], Expr?> Fold { get; init; } = _ => null;
    /// <summary>The definition in terms of exp, log and arithmetic, for activations (null otherwise).</summary>
    public Func<Expr[], Expr>? Expansion { get; init; }

    /// <summary>
    /// The static method of <c>double</c>s the compiler calls (for example <see cref="Math.Exp"/>), or null to call
    /// <see cref="EvaluateDouble"/> through a delegate.
    /// </summary>
    public MethodInfo? Compiled { get; init; }
    /// <summary>The natural interval extension: an enclosure of f over a box of argument intervals (null: none).</summary>
    public Func<Interval[], Interval>? Interval { get; init; }
    /// <summary>
    /// The interval Taylor rule: the <see cref="IntervalJet"/> of f from the jets of its arguments, or null where f is
    /// not smooth on the arguments' intervals (a kink inside). A null field: no interval Taylor arithmetic at all.
    /// </summary>
    public Func<IntervalJet[], IntervalJet?>? IntervalTaylor { get; init; }
    /// <summary>The floating-point Taylor rule (the ODE solvers' jets): a primitive of the jet arithmetic or a rewrite.</summary>
    public TaylorRule? Taylor { get; init; }
    /// <summary>How the SMT translation encodes f (null: not supported there, no sound axioms).</summary>
    public SmtRule? Smt { get; init; }
    /// <summary>The sign proved for f(args) by structure, given the sign analysis of subexpressions (null: unknown).</summary>
    public Func<Expr[], Func<Expr, ProvenSign>, ProvenSign>? Sign { get; init; }
    /// <summary>Where f is defined, as a condition on its arguments (null: everywhere), with the reason.</summary>
    public Func<Expr[], (Relation Condition, string Reason)>? Domain { get; init; }
    /// <summary>True when f is infinitely differentiable on (the interior of) its domain.</summary>
    public bool Smooth { get; init; }

    /// <summary>The LaTeX command or operator name.</summary>
    public string Latex { get => latex ?? $"\\operatorname{{{Name}}}"; init => latex = value; }
    private readonly string? latex;
    /// <summary>The upright operator name in MathML (arctan for atan), the name itself when not set.</summary>
    public string MathML { get => mathML ?? Name; init => mathML = value; }
    private readonly string? mathML;

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>How the floating-point Taylor arithmetic evaluates a function.</summary>
public abstract record TaylorRule
{
    private TaylorRule() { }
    /// <summary>A primitive of the jet arithmetic (exp, log, sin, cos, tanh, atan: their own recurrences).</summary>
    public sealed record Primitive(TaylorPrimitive Operation) : TaylorRule;
    /// <summary>An equivalent expression in primitives, arithmetic and piecewise branches (chosen for stability).</summary>
    public sealed record Rewrite(Func<Expr[], Expr> Form) : TaylorRule;
}

/// <summary>The primitives of the floating-point jet arithmetic (ProofWorkbench.Numerics' Jet).</summary>
public enum TaylorPrimitive
{
    /// <summary>e^a.</summary>
    Exp,
    /// <summary>log a.</summary>
    Log,
    /// <summary>sin a.</summary>
    Sin,
    /// <summary>cos a.</summary>
    Cos,
    /// <summary>tanh a.</summary>
    Tanh,
    /// <summary>arctan a.</summary>
    Atan,
}

/// <summary>How the SMT translation encodes a function.</summary>
public abstract record SmtRule
{
    private SmtRule() { }

    /// <summary>
    /// f(u) becomes a fresh real named <paramref name="Prefix"/>!N, constrained by <paramref name="Axioms"/> (facts that
    /// hold for the true function at every argument, so unsat stays a proof) and, for pairs of such terms, by
    /// monotonicity and oddness.
    /// </summary>
    /// <param name="Prefix">The fresh variables' name prefix.</param>
    /// <param name="Axioms">The universal facts about x = f(u), given x and u.</param>
    /// <param name="IncreasingOn">Where f is strictly increasing (u ⋈ v ⇒ f(u) ⋈ f(v)), as printed ("ℝ"), or null.</param>
    /// <param name="Odd">f(−v) = −f(v).</param>
    public sealed record Abstract(string Prefix, Func<Expr, Expr, IEnumerable<FunctionAxiom>> Axioms, string? IncreasingOn, bool Odd) : SmtRule;

    /// <summary>
    /// f is replaced by its definition in exp, log and arithmetic before translation (the activations), so the
    /// definition's domain conditions and exp/log facts apply.
    /// </summary>
    public sealed record Expand(Func<Expr[], Expr> Form) : SmtRule;

    /// <summary>f is translated in place as the if-then-else of these branches (abs, relu, max, sign, heaviside).</summary>
    public sealed record Branches(Func<Expr[], Expr> Form) : SmtRule;
}

/// <summary>
/// One fact about x = f(u) that holds at every argument: the conjunction over its clauses of
/// "all of If ⇒ all of Then", with a name and a justification (printed as a comment beside the assertion).
/// </summary>
public sealed record FunctionAxiom(string Name, string Justification, IReadOnlyList<FunctionAxiom.Clause> Clauses)
{
    /// <summary>One implication: the conjunction of <paramref name="If"/> implies the conjunction of <paramref name="Then"/>.</summary>
    public sealed record Clause(IReadOnlyList<Relation> If, IReadOnlyList<Relation> Then);

    /// <summary>An unconditional fact (one or more relations that all hold).</summary>
    public static FunctionAxiom Always(string name, string justification, params Relation[] then) =>
        new(name, justification, [new Clause([], then)]);

    /// <summary>A conditional fact.</summary>
    public static FunctionAxiom When(string name, string justification, Relation[] premises, params Relation[] then) =>
        new(name, justification, [new Clause(premises, then)]);
}
