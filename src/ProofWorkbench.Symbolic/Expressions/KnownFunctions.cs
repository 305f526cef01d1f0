using System.Reflection;
using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Simplification;
using static ProofWorkbench.Symbolic.Expressions.Expr;
using Axiom = ProofWorkbench.Symbolic.Expressions.FunctionAxiom;
using Op = ProofWorkbench.Symbolic.Expressions.RelationOperator;

namespace ProofWorkbench.Symbolic.Expressions;

/// <summary>
/// The table of known functions: one <see cref="FunctionInfo"/> per function, holding what every layer needs.
/// The SMT axioms are the universal facts each abstraction rests on; the translator adds the facts that combine
/// several terms (exp(u)·exp(v) = exp(u + v), log vs exp, refinement tangents) and rigorous constant bounds.
/// </summary>
public static class KnownFunctions
{
    private static bool IsNum(Expr e, int v) => e is Number n && n.Value == v;
    private static MethodInfo MathMethod(string name) => typeof(Math).GetMethod(name, [typeof(double)])!;
    private static MethodInfo Scalar(string name) => typeof(ScalarFunctions).GetMethod(name, BindingFlags.Public | BindingFlags.Static)!;
    private static Relation R(Expr l, Op op, Expr r) => new(l, op, r);
    private static Expr Cases(Relation condition, Expr then, Expr otherwise) => Expr.Cases([(condition, then)], otherwise);
    private static IntervalJet UnitJet(IntervalJet x) => IntervalJet.Constant(Intervals.Interval.Point(1), x.Order);

    /// <summary>sign(f(v)) = sign(v), for the odd increasing functions.</summary>
    private static Axiom SignAxiom(string f, Expr x, Expr u) => new($"sign({f}(v)) = sign(v)", $"{f} 0 = 0 and {f} is strictly increasing",
        [new([R(u, Op.Greater, Zero)], [R(x, Op.Greater, Zero)]), new([R(u, Op.Less, Zero)], [R(x, Op.Less, Zero)]),
         new([R(u, Op.Equal, Zero)], [R(x, Op.Equal, Zero)])]);

    /// <summary>|f(v)| ≤ |v| for the odd functions with f(0) = 0 and 0 &lt; f′ ≤ 1.</summary>
    private static Axiom ContractionAxiom(string f, string why, Expr x, Expr u) => new($"|{f}(v)| ≤ |v|", why,
        [new([R(u, Op.GreaterOrEqual, Zero)], [R(x, Op.LessOrEqual, u)]), new([R(u, Op.LessOrEqual, Zero)], [R(x, Op.GreaterOrEqual, u)])]);

    /// <summary>The jet of sin and cos together (S′ = C, C′ = −S): S_k = Σ j x_j C_{k−j}/k, C_k = −Σ j x_j S_{k−j}/k.</summary>
    private static IntervalJet SinCosJet(IntervalJet x, bool sine)
    {
        int p = x.Order;
        var s = new Intervals.Interval[p + 1];
        var c = new Intervals.Interval[p + 1];
        s[0] = new(-1, 1);
        c[0] = new(-1, 1);
        for (int k = 1; k <= p; k++)
        {
            Intervals.Interval ss = Intervals.Interval.Point(0), cc = Intervals.Interval.Point(0);
            for (int j = 1; j <= k; j++) { ss += Intervals.Interval.Point(j) * x[j] * c[k - j]; cc += Intervals.Interval.Point(j) * x[j] * s[k - j]; }
            s[k] = ss / Intervals.Interval.Point(k); c[k] = -(cc / Intervals.Interval.Point(k));
        }
        return IntervalJet.FromCoefficients(sine ? s : c);
    }

    // The branches of the step and kink functions: the floating-point jets follow the same branch as the SMT ite.
    private static Expr AbsBranches(Expr[] a) => Cases(R(a[0], Op.GreaterOrEqual, Zero), a[0], Neg(a[0]));
    private static Expr SignBranches(Expr[] a) => Cases(R(a[0], Op.Greater, Zero), One, Cases(R(a[0], Op.Less, Zero), MinusOne, Zero));
    private static Expr HeavisideBranches(Expr[] a) => Cases(R(a[0], Op.GreaterOrEqual, Zero), One, Zero);
    private static Expr ReluBranches(Expr[] a) => Cases(R(a[0], Op.Greater, Zero), a[0], Zero);
    private static Expr MaxBranches(Expr[] a) => Cases(R(a[0], Op.GreaterOrEqual, a[1]), a[0], a[1]);

    /// <summary>exp.</summary>
    public static readonly FunctionInfo Exp = new()
    {
        Name = "exp", EvaluateDouble = a => Math.Exp(a[0]), Derivative = (a, _) => Call(KnownFunctions.Exp!, a[0]),
        Fold = a => IsNum(a[0], 0) ? One
            : a[0] is FunctionCall l && l.Function == Log ? l.Argument
            : a[0] is Product { Factors: [Number { Value.IsInteger: true } n, FunctionCall lg] } && lg.Function == Log ? Pow(lg.Argument, n)
            : null,
        Latex = "\\exp", Compiled = MathMethod("Exp"), Smooth = true,
        Interval = a => IntervalFunctions.Exp(a[0]),
        IntervalTaylor = a => a[0].Exp(),
        Taylor = new TaylorRule.Primitive(TaylorPrimitive.Exp),
        Sign = (_, _) => ProvenSign.Positive,
        Smt = new SmtRule.Abstract("exp", (x, u) =>
        [
            Axiom.Always("exp(v) > 0", "exp is positive: e^v > 0 for every real v", R(x, Op.Greater, Zero)),
            Axiom.Always("exp(v) ≥ 1 + v", "e^v ≥ 1 + v for every real v (convexity: the tangent at 0 lies below the graph)", R(x, Op.GreaterOrEqual, One + u)),
            Axiom.Always("exp(v)·(1 − v) ≤ 1", "e^v·(1 − v) ≤ 1 for every real v (e^(−v) ≥ 1 − v, multiplied by e^v > 0)", R(x * (One - u), Op.LessOrEqual, One)),
        ], IncreasingOn: "ℝ", Odd: false),
    };

    /// <summary>Natural logarithm, defined for positive arguments.</summary>
    public static readonly FunctionInfo Log = new()
    {
        Name = "log", EvaluateDouble = a => Math.Log(a[0]), Derivative = (a, _) => Pow(a[0], MinusOne),
        Fold = a => IsNum(a[0], 1) ? Zero
            : a[0] is FunctionCall e && e.Function == Exp ? e.Argument
            : a[0] is NamedConstant { Name: "e" } ? One : null,
        Latex = "\\log", Compiled = MathMethod("Log"), Smooth = true,
        Domain = a => (R(a[0], Op.Greater, Zero), $"the argument of log({a[0]}) is positive"),
        Interval = a => IntervalFunctions.Log(a[0]),
        IntervalTaylor = a => a[0].Log(),
        Taylor = new TaylorRule.Primitive(TaylorPrimitive.Log),
        Sign = (a, of) => LogSign(a[0], of),
        Smt = new SmtRule.Abstract("log", (x, u) =>
        {
            var pos = R(u, Op.Greater, Zero);
            return
            [
                Axiom.When("log(y) ≤ y − 1", "log y ≤ y − 1 for y > 0 (e^L ≥ 1 + L with L = log y)", [pos], R(x, Op.LessOrEqual, u - One)),
                Axiom.When("y·log(y) ≥ y − 1", "log y ≥ 1 − 1/y for y > 0 (the previous inequality at 1/y), multiplied by y > 0", [pos], R(u * x, Op.GreaterOrEqual, u - One)),
                Axiom.When("log(y) > 0 for y > 1", "log 1 = 0 and log is strictly increasing", [R(u, Op.Greater, One)], R(x, Op.Greater, Zero)),
                Axiom.When("log(y) < 0 for 0 < y < 1", "log 1 = 0 and log is strictly increasing", [pos, R(u, Op.Less, One)], R(x, Op.Less, Zero)),
                Axiom.When("log(1) = 0", "log 1 = 0", [R(u, Op.Equal, One)], R(x, Op.Equal, Zero)),
            ];
        }, IncreasingOn: "(0, ∞)", Odd: false),
    };

    /// <summary>sin.</summary>
    public static readonly FunctionInfo Sin = new()
    {
        Name = "sin", EvaluateDouble = a => Math.Sin(a[0]), Derivative = (a, _) => Call(Cos!, a[0]),
        Fold = a => IsNum(a[0], 0) ? Zero : null, Latex = "\\sin", Compiled = MathMethod("Sin"), Smooth = true,
        Interval = a => IntervalFunctions.Sin(a[0]), IntervalTaylor = a => SinCosJet(a[0], sine: true),
        Taylor = new TaylorRule.Primitive(TaylorPrimitive.Sin),
    };

    /// <summary>cos.</summary>
    public static readonly FunctionInfo Cos = new()
    {
        Name = "cos", EvaluateDouble = a => Math.Cos(a[0]), Derivative = (a, _) => Neg(Call(Sin!, a[0])),
        Fold = a => IsNum(a[0], 0) ? One : null, Latex = "\\cos", Compiled = MathMethod("Cos"), Smooth = true,
        Interval = a => IntervalFunctions.Cos(a[0]), IntervalTaylor = a => SinCosJet(a[0], sine: false),
        Taylor = new TaylorRule.Primitive(TaylorPrimitive.Cos),
    };

    /// <summary>tanh, with tanh′ = 1 − tanh².</summary>
    public static readonly FunctionInfo Tanh = new()
    {
        Name = "tanh", EvaluateDouble = a => Math.Tanh(a[0]), Derivative = (a, _) => Sub(One, Pow(Call(Tanh!, a[0]), Two)),
        Fold = a => IsNum(a[0], 0) ? Zero : null,
        Expansion = a => Div(Sub(Call(Exp!, Mul(Two, a[0])), One), Add(Call(Exp!, Mul(Two, a[0])), One)),
        Latex = "\\tanh", Compiled = MathMethod("Tanh"), Smooth = true,
        Interval = a => IntervalFunctions.Tanh(a[0]),
        // tanh′ = 1 − tanh²: the rule of a function given by an ODE.
        IntervalTaylor = a => a[0].Integrate(IntervalFunctions.Tanh(a[0].Value), f => UnitJet(f) - f * f),
        Taylor = new TaylorRule.Primitive(TaylorPrimitive.Tanh),
        Smt = new SmtRule.Abstract("tanh", (x, u) =>
        [
            Axiom.Always("-1 < tanh(v) < 1", "|tanh v| < 1 for every real v", R(x, Op.Greater, -1), R(x, Op.Less, One)),
            SignAxiom("tanh", x, u),
            ContractionAxiom("tanh", "tanh 0 = 0 and 0 < tanh′ = 1 − tanh² ≤ 1, so tanh v ≤ v for v ≥ 0 and tanh v ≥ v for v ≤ 0", x, u),
            new("tanh(v) vs v − v³/3", "g(v) = tanh v − v + v³/3 has g(0) = 0 and g′(v) = v² − tanh² v ≥ 0, so g ≥ 0 for v ≥ 0 and g ≤ 0 for v ≤ 0",
                [new([R(u, Op.GreaterOrEqual, Zero)], [R(x, Op.GreaterOrEqual, u - Pow(u, 3) / 3)]),
                 new([R(u, Op.LessOrEqual, Zero)], [R(x, Op.LessOrEqual, u - Pow(u, 3) / 3)])]),
        ], IncreasingOn: "ℝ", Odd: true),
    };

    /// <summary>arctan.</summary>
    public static readonly FunctionInfo Atan = new()
    {
        Name = "atan", EvaluateDouble = a => Math.Atan(a[0]), Derivative = (a, _) => Pow(Add(One, Pow(a[0], Two)), MinusOne),
        Fold = a => IsNum(a[0], 0) ? Zero : null, Latex = "\\arctan", MathML = "arctan", Compiled = MathMethod("Atan"), Smooth = true,
        Interval = a => IntervalFunctions.Atan(a[0]),
        IntervalTaylor = a => { var d = UnitJet(a[0]) / (UnitJet(a[0]) + a[0] * a[0]); return a[0].Integrate(IntervalFunctions.Atan(a[0].Value), _ => d); },
        Taylor = new TaylorRule.Primitive(TaylorPrimitive.Atan),
        Smt = new SmtRule.Abstract("atan", (x, u) =>
        [
            Axiom.Always("-π/2 < atan(v) < π/2", "atan maps ℝ onto (−π/2, π/2)", R(x, Op.Greater, -NamedConstant.Pi / 2), R(x, Op.Less, NamedConstant.Pi / 2)),
            SignAxiom("atan", x, u),
            ContractionAxiom("atan", "atan 0 = 0 and 0 < atan′ = 1/(1 + v²) ≤ 1", x, u),
            new("atan(v)·(1 + v²) vs v", "h(v) = atan v − v/(1 + v²) has h(0) = 0 and h′(v) = 2v²/(1 + v²)² ≥ 0, so h ≥ 0 for v ≥ 0 and h ≤ 0 for v ≤ 0",
                [new([R(u, Op.GreaterOrEqual, Zero)], [R(x * (One + Pow(u, 2)), Op.GreaterOrEqual, u)]),
                 new([R(u, Op.LessOrEqual, Zero)], [R(x * (One + Pow(u, 2)), Op.LessOrEqual, u)])]),
        ], IncreasingOn: "ℝ", Odd: true),
    };

    /// <summary>arsinh.</summary>
    public static readonly FunctionInfo Asinh = new()
    {
        Name = "asinh", EvaluateDouble = a => Math.Asinh(a[0]),
        Derivative = (a, _) => Pow(Add(One, Pow(a[0], Two)), Num(new Rational(-1, 2))),
        Fold = a => IsNum(a[0], 0) ? Zero : null, Latex = "\\operatorname{arsinh}", MathML = "arsinh", Compiled = MathMethod("Asinh"), Smooth = true,
        Interval = a => IntervalFunctions.Asinh(a[0]),
        IntervalTaylor = a => { var d = (UnitJet(a[0]) + a[0] * a[0]).RealPow(Intervals.Interval.Point(-0.5)); return a[0].Integrate(IntervalFunctions.Asinh(a[0].Value), _ => d); },
        // asinh(a) = log(a + √(a² + 1)) for a ≥ 0; odd, so no cancellation for a < 0.
        Taylor = new TaylorRule.Rewrite(a => Cases(R(a[0], Op.GreaterOrEqual, Zero),
            Call(Log!, Add(a[0], Pow(Add(Pow(a[0], Two), One), Expr.Half))),
            Neg(Call(Log!, Add(Neg(a[0]), Pow(Add(Pow(a[0], Two), One), Expr.Half)))))),
        Smt = new SmtRule.Abstract("asinh", (x, u) =>
        [
            SignAxiom("asinh", x, u),
            ContractionAxiom("asinh", "asinh 0 = 0 and 0 < asinh′ = 1/√(1 + v²) ≤ 1", x, u),
        ], IncreasingOn: "ℝ", Odd: true),
    };

    /// <summary>|u|, with derivative sign(u) (a.e.).</summary>
    public static readonly FunctionInfo Abs = new()
    {
        Name = "abs", EvaluateDouble = a => Math.Abs(a[0]), Derivative = (a, _) => Call(Sign!, a[0]),
        Fold = a => a[0] is Number n ? Num(n.Value.Abs()) : null, Compiled = typeof(Math).GetMethod("Abs", [typeof(double)]),
        Interval = a => IntervalFunctions.Abs(a[0]),
        IntervalTaylor = a => a[0].Value.Lo > 0 ? a[0] : a[0].Value.Hi < 0 ? -a[0] : null,
        Taylor = new TaylorRule.Rewrite(AbsBranches), Smt = new SmtRule.Branches(AbsBranches),
        Sign = (_, _) => ProvenSign.NonNegative,
    };

    /// <summary>sign(u) ∈ {−1, 0, 1}; derivative 0 (a.e.).</summary>
    public static readonly FunctionInfo Sign = new()
    {
        Name = "sign", EvaluateDouble = a => Math.Sign(a[0]), Derivative = (_, _) => Zero,
        Fold = a => a[0] is Number n ? Num(n.Value.Sign) : null, Latex = "\\operatorname{sgn}", MathML = "sgn", Compiled = Scalar("Sign"),
        Interval = a => IntervalFunctions.Sign(a[0]),
        IntervalTaylor = a => a[0].Value.Lo > 0 ? UnitJet(a[0]) : a[0].Value.Hi < 0 ? -UnitJet(a[0]) : null,
        Taylor = new TaylorRule.Rewrite(SignBranches), Smt = new SmtRule.Branches(SignBranches),
    };

    /// <summary>
    /// Heaviside step with H(0) = 1, so that relu′(0) = 1: the convention of paper 002 (Vardi &amp; Shamir), Sec. 2.
    /// Derivative 0 (a.e.).
    /// </summary>
    public static readonly FunctionInfo Heaviside = new()
    {
        Name = "heaviside", EvaluateDouble = a => a[0] >= 0 ? 1 : 0, Derivative = (_, _) => Zero,
        Fold = a => a[0] is Number n ? (n.Value.Sign >= 0 ? One : Zero) : null, Latex = "H", MathML = "H", Compiled = Scalar("Heaviside"),
        Interval = a => IntervalFunctions.Heaviside(a[0]),
        IntervalTaylor = a => a[0].Value.Lo > 0 ? UnitJet(a[0]) : a[0].Value.Hi < 0 ? IntervalJet.Constant(Intervals.Interval.Point(0), a[0].Order) : null,
        Taylor = new TaylorRule.Rewrite(HeavisideBranches), Smt = new SmtRule.Branches(HeavisideBranches),
        Sign = (_, _) => ProvenSign.NonNegative,
    };

    /// <summary>relu(u) = max(u, 0), with relu′ = heaviside.</summary>
    public static readonly FunctionInfo Relu = new()
    {
        Name = "relu", EvaluateDouble = a => Math.Max(a[0], 0), Derivative = (a, _) => Call(Heaviside!, a[0]),
        Fold = a => a[0] is Number n ? (n.Value.Sign > 0 ? n : Zero) : null, Latex = "\\operatorname{relu}", Compiled = Scalar("Relu"),
        Interval = a => IntervalFunctions.Relu(a[0]),
        IntervalTaylor = a => a[0].Value.Lo > 0 ? a[0] : a[0].Value.Hi < 0 ? IntervalJet.Constant(Intervals.Interval.Point(0), a[0].Order) : null,
        Taylor = new TaylorRule.Rewrite(ReluBranches), Smt = new SmtRule.Branches(ReluBranches),
        Sign = (_, _) => ProvenSign.NonNegative,
    };

    /// <summary>max(a, b); ∂/∂a = H(a − b), ∂/∂b = 1 − H(a − b).</summary>
    public static readonly FunctionInfo Max = new()
    {
        Name = "max", Arity = 2, EvaluateDouble = a => Math.Max(a[0], a[1]),
        Derivative = (a, i) => i == 0 ? Call(Heaviside!, Sub(a[0], a[1])) : Sub(One, Call(Heaviside!, Sub(a[0], a[1]))),
        Fold = a => a[0] is Number x && a[1] is Number y ? (x.Value >= y.Value ? x : y) : null, Latex = "\\max", Compiled = Scalar("Max"),
        Interval = a => new(Math.Max(a[0].Lo, a[1].Lo), Math.Max(a[0].Hi, a[1].Hi)),
        IntervalTaylor = a => (a[0] - a[1]).Value is var d && d.Lo > 0 ? a[0] : d.Hi < 0 ? a[1] : null,
        Taylor = new TaylorRule.Rewrite(MaxBranches), Smt = new SmtRule.Branches(MaxBranches),
        Sign = (a, of) =>
        {
            ProvenSign x = of(a[0]), y = of(a[1]);
            if (x == ProvenSign.Positive || y == ProvenSign.Positive) return ProvenSign.Positive;
            return x == ProvenSign.NonNegative || y == ProvenSign.NonNegative ? ProvenSign.NonNegative : ProvenSign.Unknown;
        },
    };

    /// <summary>The logistic sigmoid 1/(1 + e^{−u}), with σ′ = σ(1 − σ).</summary>
    public static readonly FunctionInfo Sigmoid = new()
    {
        Name = "sigmoid", EvaluateDouble = a => ScalarFunctions.Sigmoid(a[0]),
        Derivative = (a, _) => Mul(Call(Sigmoid!, a[0]), Sub(One, Call(Sigmoid!, a[0]))),
        Fold = a => IsNum(a[0], 0) ? Expr.Half : null,
        Expansion = a => Pow(Add(One, Call(Exp!, Neg(a[0]))), MinusOne), Latex = "\\operatorname{sigmoid}", Compiled = Scalar("Sigmoid"), Smooth = true,
        // The library value, monotone (tighter than IntervalFunctions.Sigmoid's formula, which the Taylor rule uses).
        Interval = a => IntervalFunctions.Clamp(a[0].Monotone(ScalarFunctions.Sigmoid), 0, 1),
        // σ′ = σ(1 − σ) (paper 000's sigmoid): the rule of a function given by an ODE.
        IntervalTaylor = a => a[0].Integrate(IntervalFunctions.Sigmoid(a[0].Value), f => f * (UnitJet(f) - f)),
        // 1/(1 + e^{−a}) for a ≥ 0, e^{a}/(1 + e^{a}) otherwise: no overflow.
        Taylor = new TaylorRule.Rewrite(a => Cases(R(a[0], Op.GreaterOrEqual, Zero),
            Pow(Add(One, Call(Exp!, Neg(a[0]))), MinusOne), Div(Call(Exp!, a[0]), Add(One, Call(Exp!, a[0]))))),
        Smt = new SmtRule.Expand(a => Sigmoid!.Expansion!(a)),
        Sign = (_, _) => ProvenSign.Positive,
    };

    /// <summary>softplus log(1 + e^u), with derivative the sigmoid.</summary>
    public static readonly FunctionInfo Softplus = new()
    {
        Name = "softplus", EvaluateDouble = a => ScalarFunctions.Softplus(a[0]), Derivative = (a, _) => Call(Sigmoid, a[0]),
        Fold = a => IsNum(a[0], 0) ? Call(Log, Two) : null,
        Expansion = a => Call(Log, Add(One, Call(Exp, a[0]))), Latex = "\\operatorname{softplus}", Compiled = Scalar("Softplus"), Smooth = true,
        Interval = a => IntervalFunctions.Positive(a[0].Monotone(ScalarFunctions.Softplus)),
        IntervalTaylor = a => { var s = Sigmoid.IntervalTaylor!(a)!; return a[0].Integrate(IntervalFunctions.Softplus(a[0].Value), _ => s); },
        // log(1 + e^{a}) = a + log(1 + e^{−a}) for a > 0: no overflow.
        Taylor = new TaylorRule.Rewrite(a => Cases(R(a[0], Op.Greater, Zero),
            Add(a[0], Call(Log, Add(One, Call(Exp, Neg(a[0]))))), Call(Log, Add(One, Call(Exp, a[0]))))),
        Smt = new SmtRule.Expand(a => Softplus!.Expansion!(a)),
        Sign = (_, _) => ProvenSign.Positive,
    };

    /// <summary>The Gaussian e^{−u²}.</summary>
    public static readonly FunctionInfo Gaussian = new()
    {
        Name = "gaussian", EvaluateDouble = a => Math.Exp(-a[0] * a[0]),
        Derivative = (a, _) => Mul(Num(-2), a[0], Call(Gaussian!, a[0])),
        Fold = a => IsNum(a[0], 0) ? One : null,
        Expansion = a => Call(Exp, Neg(Pow(a[0], Two))), Latex = "\\operatorname{gaussian}", Compiled = Scalar("Gaussian"), Smooth = true,
        Interval = a => IntervalFunctions.Exp(-a[0].Pow(2)),
        IntervalTaylor = a => (-(a[0] * a[0])).Exp(),
        Taylor = new TaylorRule.Rewrite(a => Call(Exp, Neg(Pow(a[0], Two)))),
        Smt = new SmtRule.Expand(a => Gaussian!.Expansion!(a)),
        Sign = (_, _) => ProvenSign.Positive,
    };

    private static readonly Dictionary<string, FunctionInfo> Table =
        new[] { Exp, Log, Sin, Cos, Tanh, Atan, Asinh, Abs, Sign, Heaviside, Relu, Max, Sigmoid, Softplus, Gaussian }
            .ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>All known functions by name.</summary>
    public static IReadOnlyCollection<string> Names => Table.Keys;

    /// <summary>Every entry of the table (for tests that walk it).</summary>
    public static IReadOnlyCollection<FunctionInfo> All => Table.Values;

    /// <summary>The function with this name, or null. <c>sqrt</c> is not here: it parses as a power ^(1/2).</summary>
    public static FunctionInfo? Lookup(string name) => Table.GetValueOrDefault(name);

    /// <summary>log y &gt; 0 ⇔ y &gt; 1: prove y = c + rest with c ≥ 1 and rest ≥ 0, one of them strict.</summary>
    private static ProvenSign LogSign(Expr argument, Func<Expr, ProvenSign> of)
    {
        if (argument is Number n) return n.Value > 1 ? ProvenSign.Positive : ProvenSign.Unknown;
        if (argument is Sum s && s.Terms[0] is Number c && c.Value >= 1)
        {
            var rest = of(Add(s.Terms.Skip(1)));
            if (rest == ProvenSign.Positive) return ProvenSign.Positive;
            if (rest is ProvenSign.Positive or ProvenSign.NonNegative) return c.Value > 1 ? ProvenSign.Positive : ProvenSign.NonNegative;
        }
        return ProvenSign.Unknown;
    }
}
