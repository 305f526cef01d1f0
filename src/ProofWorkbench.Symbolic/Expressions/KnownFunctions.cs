using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Symbolic.Expressions;

/// <summary>
/// What the engine knows about a named function: arity, numeric value, partial derivatives,
/// exact values at special points, and an optional expansion into exp/log (for the activations).
/// This is the one table every printer, the differentiator and the compiler dispatch on,
/// in the manner of SymPy's known-function tables.
/// </summary>
public sealed class FunctionInfo
{
    internal FunctionInfo(string name, int arity, Func<double[], double> evaluate,
        Func<Expr[], int, Expr> derivative, Func<Expr[], Expr?>? fold = null, Func<Expr[], Expr>? expansion = null,
        string? latex = null)
    {
        Name = name; Arity = arity; EvaluateDouble = evaluate; Derivative = derivative;
        Fold = fold ?? (_ => null); Expansion = expansion; Latex = latex ?? $"\\operatorname{{{name}}}";
    }

    /// <summary>The name in the plain syntax.</summary>
    public string Name { get; }
    /// <summary>Number of arguments.</summary>
    public int Arity { get; }
    /// <summary>Numeric value at doubles.</summary>
    public Func<double[], double> EvaluateDouble { get; }
    /// <summary>∂f/∂(argument i) as an expression in the arguments.</summary>
    public Func<Expr[], int, Expr> Derivative { get; }
    /// <summary>Exact value at special arguments (e.g. exp(0) = 1), or null.</summary>
    public Func<Expr[], Expr?> Fold { get; }
    /// <summary>The definition in terms of exp, log and arithmetic, for activations (null otherwise).</summary>
    public Func<Expr[], Expr>? Expansion { get; }
    /// <summary>LaTeX command or operator name.</summary>
    public string Latex { get; }
    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>The table of known functions.</summary>
public static class KnownFunctions
{
    private static bool IsNum(Expr e, int v) => e is Number n && n.Value == v;

    /// <summary>exp.</summary>
    public static readonly FunctionInfo Exp = new("exp", 1, a => Math.Exp(a[0]), (a, _) => Call(KnownFunctions.Exp!, a[0]),
        a => IsNum(a[0], 0) ? One
            : a[0] is FunctionCall { Function.Name: "log" } l ? l.Argument
            : a[0] is Product { Factors: [Number { Value.IsInteger: true } n, FunctionCall { Function.Name: "log" } lg] } ? Pow(lg.Argument, n)
            : null, latex: "\\exp");
    /// <summary>Natural logarithm.</summary>
    public static readonly FunctionInfo Log = new("log", 1, a => Math.Log(a[0]), (a, _) => Pow(a[0], MinusOne),
        a => IsNum(a[0], 1) ? Zero
            : a[0] is FunctionCall { Function.Name: "exp" } e ? e.Argument
            : a[0] is NamedConstant { Name: "e" } ? One : null, latex: "\\log");
    /// <summary>sin.</summary>
    public static readonly FunctionInfo Sin = new("sin", 1, a => Math.Sin(a[0]), (a, _) => Call(Cos!, a[0]),
        a => IsNum(a[0], 0) ? Zero : null, latex: "\\sin");
    /// <summary>cos.</summary>
    public static readonly FunctionInfo Cos = new("cos", 1, a => Math.Cos(a[0]), (a, _) => Neg(Call(Sin!, a[0])),
        a => IsNum(a[0], 0) ? One : null, latex: "\\cos");
    /// <summary>tanh, with tanh′ = 1 − tanh².</summary>
    public static readonly FunctionInfo Tanh = new("tanh", 1, a => Math.Tanh(a[0]), (a, _) => Sub(One, Pow(Call(Tanh!, a[0]), Two)),
        a => IsNum(a[0], 0) ? Zero : null,
        a => Div(Sub(Call(Exp!, Mul(Two, a[0])), One), Add(Call(Exp!, Mul(Two, a[0])), One)), "\\tanh");
    /// <summary>arctan.</summary>
    public static readonly FunctionInfo Atan = new("atan", 1, a => Math.Atan(a[0]), (a, _) => Pow(Add(One, Pow(a[0], Two)), MinusOne),
        a => IsNum(a[0], 0) ? Zero : null, latex: "\\arctan");
    /// <summary>arsinh.</summary>
    public static readonly FunctionInfo Asinh = new("asinh", 1, a => Math.Asinh(a[0]),
        (a, _) => Pow(Add(One, Pow(a[0], Two)), Num(new Rational(-1, 2))),
        a => IsNum(a[0], 0) ? Zero : null, latex: "\\operatorname{arsinh}");
    /// <summary>|u|, with derivative sign(u) (a.e.).</summary>
    public static readonly FunctionInfo Abs = new("abs", 1, a => Math.Abs(a[0]), (a, _) => Call(Sign!, a[0]),
        a => a[0] is Number n ? Num(n.Value.Abs()) : null);
    /// <summary>sign(u) ∈ {−1, 0, 1}; derivative 0 (a.e.).</summary>
    public static readonly FunctionInfo Sign = new("sign", 1, a => Math.Sign(a[0]), (_, _) => Zero,
        a => a[0] is Number n ? Num(n.Value.Sign) : null, latex: "\\operatorname{sgn}");
    /// <summary>
    /// Heaviside step with H(0) = 1, so that relu′(0) = 1: the convention of paper 002 (Vardi &amp; Shamir), Sec. 2.
    /// Derivative 0 (a.e.).
    /// </summary>
    public static readonly FunctionInfo Heaviside = new("heaviside", 1, a => a[0] >= 0 ? 1 : 0, (_, _) => Zero,
        a => a[0] is Number n ? (n.Value.Sign >= 0 ? One : Zero) : null, latex: "H");
    /// <summary>relu(u) = max(u, 0), with relu′ = heaviside.</summary>
    public static readonly FunctionInfo Relu = new("relu", 1, a => Math.Max(a[0], 0), (a, _) => Call(Heaviside!, a[0]),
        a => a[0] is Number n ? (n.Value.Sign > 0 ? n : Zero) : null, latex: "\\operatorname{relu}");
    /// <summary>max(a, b); ∂/∂a = H(a − b), ∂/∂b = 1 − H(a − b).</summary>
    public static readonly FunctionInfo Max = new("max", 2, a => Math.Max(a[0], a[1]),
        (a, i) => i == 0 ? Call(Heaviside!, Sub(a[0], a[1])) : Sub(One, Call(Heaviside!, Sub(a[0], a[1]))),
        a => a[0] is Number x && a[1] is Number y ? (x.Value >= y.Value ? x : y) : null, latex: "\\max");
    /// <summary>The logistic sigmoid 1/(1 + e^{−u}), with σ′ = σ(1 − σ).</summary>
    public static readonly FunctionInfo Sigmoid = new("sigmoid", 1, a => Compilation.ScalarFunctions.Sigmoid(a[0]),
        (a, _) => Mul(Call(Sigmoid!, a[0]), Sub(One, Call(Sigmoid!, a[0]))),
        a => IsNum(a[0], 0) ? Expr.Half : null,
        a => Pow(Add(One, Call(Exp!, Neg(a[0]))), MinusOne), "\\operatorname{sigmoid}");
    /// <summary>softplus log(1 + e^u), with derivative the sigmoid.</summary>
    public static readonly FunctionInfo Softplus = new("softplus", 1,
        a => Compilation.ScalarFunctions.Softplus(a[0]),
        (a, _) => Call(Sigmoid!, a[0]),
        a => IsNum(a[0], 0) ? Call(Log!, Two) : null,
        a => Call(Log!, Add(One, Call(Exp!, a[0]))), "\\operatorname{softplus}");
    /// <summary>The Gaussian e^{−u²}.</summary>
    public static readonly FunctionInfo Gaussian = new("gaussian", 1, a => Math.Exp(-a[0] * a[0]),
        (a, _) => Mul(Num(-2), a[0], Call(Gaussian!, a[0])),
        a => IsNum(a[0], 0) ? One : null,
        a => Call(Exp!, Neg(Pow(a[0], Two))), "\\operatorname{gaussian}");

    private static readonly Dictionary<string, FunctionInfo> Table =
        new[] { Exp, Log, Sin, Cos, Tanh, Atan, Asinh, Abs, Sign, Heaviside, Relu, Max, Sigmoid, Softplus, Gaussian }
            .ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>All known functions by name.</summary>
    public static IReadOnlyCollection<string> Names => Table.Keys;

    /// <summary>The function with this name, or null. <c>sqrt</c> is not here: it parses as a power ^(1/2).</summary>
    public static FunctionInfo? Lookup(string name) => Table.GetValueOrDefault(name);
}
