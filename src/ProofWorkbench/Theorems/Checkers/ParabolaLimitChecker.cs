using ProofWorkbench.Papers.Zhang2023.Constructions;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Simplification;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// <c>parabola-limit</c>: gradient flow from θ₀ (<c>from</c>) on a one-sample <c>dataset</c> ends exactly at θ* (<c>to</c>)
/// for an activation that equals C·e^{βu} (<c>scale: C &gt; 0</c>, <c>exponent: β ≠ 0</c>) on an open interval around the
/// set E the flow visits — paper 000, Proposition A.1 with the corrected eq. (15), as used in steps (a) and (f) of the
/// Two-point Recipe (Corollary A.1). For σ = Ce^{βu}, ẇ = β·a·ȧ·x, so w(t) = w₀ + β(a(t)² − a₀²)/2·x (eq. (14)); along
/// this parabola φ(a) = a·Ce^{βu(a)} − y has φ′ = Ce^{βu}(1 + β²|x|²a²) &gt; 0, so M_S meets it once; a moves
/// monotonically (ȧ = −2rCe^{βu}, and r = φ(a) keeps its sign), so the flow converges to that point and xᵀw(t) stays in
/// E = {xᵀw₀ + β|x|²(a² − a₀²)/2 : a between a₀ and a*}. The checker verifies exactly: θ* on the parabola, θ* ∈ M_S, and
/// σ ≡ Ce^{βu} on a piece whose open interval contains E — then the flow of σ is that of Ce^{βu} (same field near the path).
/// </summary>
public sealed class ParabolaLimitChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "parabola-limit";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Activation,
            ClaimParameter.Dataset,
            ClaimParameter.From,
            ClaimParameter.Needs("to", "point", "the stated limit θ* = (w*, a*): a name in setup.points or {w: [...], a: ...}"),
            ClaimParameter.Needs("scale", "positive number", "C, where σ = C·e^{βu} on the set the flow visits"),
            ClaimParameter.Needs("exponent", "nonzero number", "β, where σ = C·e^{βu} on the set the flow visits"),
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var (sigma, data, from, to, x, y) = OneSampleLimitClaim.Read(claim, context, "Proposition A.1");
        var c = claim.Node.Required("scale").Rational();
        var beta = claim.Node.Required("exponent").Rational();
        if (c.Sign <= 0) throw claim.Node.Required("scale").Error("the scale C must be positive.");
        if (beta.IsZero) throw claim.Node.Required("exponent").Error("the exponent β must be nonzero.");
        (IReadOnlyList<Evidence.Fact> Facts, List<NamedValue> Values, string Why) result;
        try { result = Evaluate(sigma, x, y, from, to, c, beta); }
        catch (InputException ex) when (ex is not TheoremFileException) { throw claim.Node.Error(ex.Message); }
        LinePlot? figure = null;
        if (result.Why.StartsWith("Proved", StringComparison.Ordinal))
        {
            Rational n2 = x.Aggregate(Rational.Zero, (s, v) => s + v * v), u0 = x.Select((v, i) => v * from.W[i]).Aggregate(Rational.Zero, (s, v) => s + v);
            figure = PathFigure(claim, data.Name, sigma.Definition, sigma.Variable, y, from.A, to.A, a => u0 + beta * n2 * (a * a - from.A * from.A) / 2);
        }
        return Done(claim, result.Why, result.Values, [.. result.Facts], figure);
    }

    /// <summary>
    /// The exact conditions of Proposition A.1 for the flow from <paramref name="from"/> on the one sample (x, y) to end at
    /// <paramref name="to"/> with σ = C·e^{βu} around the visited set: the facts (in the order the verifier's parabola-limit
    /// binding reads them), the evidence values and the explanation (starting "Proved" when every condition holds). Also
    /// used by refute's two-point route on a recipe activation. Throws <see cref="InputException"/> when σ is not a recipe
    /// piecewise activation.
    /// </summary>
    public static (IReadOnlyList<Evidence.Fact> Facts, List<NamedValue> Values, string Why) Evaluate(Models.Activation sigma, IReadOnlyList<Rational> x, Expr y,
        Theta from, Theta to, Rational c, Rational beta)
    {
        var pw = PiecewiseActivation.Of(sigma);
        var values = new List<NamedValue>();
        var facts = new List<Evidence.Fact>();
        Rational Dot(IReadOnlyList<Rational> a, IReadOnlyList<Rational> b) => a.Select((v, i) => v * b[i]).Aggregate(Rational.Zero, (s, v) => s + v);
        var norm2 = Dot(x, x);
        if (norm2.IsZero)
        {
            facts.Add(ExactMembershipChecker.NormSquared("|x|² (must be nonzero for the flow to move w)", x));
            return (facts, values, "x = 0: the flow does not move w.");
        }
        // (14) at the limit: w* = w₀ + β(a*² − a₀²)/2·x.
        var lambda = beta * (to.A * to.A - from.A * from.A) / 2;
        bool onParabola = to.W.Select((v, i) => v - from.W[i] == lambda * x[i]).All(b => b);
        var parabola = Sub(Sub(Sym("w"), Sym("w0")), Mul(Div(Mul(Sym("beta"), Sub(Pow(Sym("a"), Two), Pow(Sym("a0"), Two))), Two), Sym("x")));
        facts.AddRange(to.W.Select((v, i) =>
        {
            var value = v - from.W[i] - lambda * x[i];
            return (Evidence.Fact)new Evidence.ExactValue($"eq. (14) at t → ∞, coordinate {i + 1}: w*_{i + 1} − w₀_{i + 1} − β(a*² − a₀²)/2·x_{i + 1}", parabola,
                [new("w", v), new("w0", from.W[i]), new("beta", beta), new("a", to.A), new("a0", from.A), new("x", x[i])], value, null,
                value.IsZero ? Evidence.FactOutcome.Proves : Evidence.FactOutcome.Refutes);
        }));
        values.Add(new("w* − w₀ = β(a*² − a₀²)/2·x (eq. (14) at t → ∞)", onParabola ? "holds (exact)" : "fails (exact)"));
        if (!onParabola) return (facts, values, "θ* is not on the parabola (14) through θ₀, which the flow never leaves.");
        // E: the pre-activations visited while a runs from a₀ to a*.
        Rational U(Rational a) => Dot(x, from.W) + beta * norm2 * (a * a - from.A * from.A) / 2;
        var us = new List<Rational> { U(from.A), U(to.A) };
        if ((from.A.Sign <= 0 && to.A.Sign >= 0) || (from.A.Sign >= 0 && to.A.Sign <= 0)) us.Add(U(Rational.Zero));
        Rational lo = us.Min(), hi = us.Max();
        values.Add(new("E (pre-activations visited)", $"[{ExactText.Of(lo)}, {ExactText.Of(hi)}]"));
        var piece = pw.IndexOn(lo, hi);
        int at = pw.IndexAt(lo);
        if (at > 0) facts.Add(Evidence.IntervalEnclosure.ExactSign($"E lies right of the breakpoint b_{at} of σ: min E − b_{at} > 0 (min E = u(a) = xᵀw₀ + β|x|²(a² − a₀²)/2 over a between a₀ and a*, and a = 0 when a₀a* ≤ 0)", lo, pw.Breakpoints[at - 1]));
        if (at < pw.Breakpoints.Count) facts.Add(Evidence.IntervalEnclosure.ExactSign($"E lies left of the breakpoint b_{at + 1} of σ: b_{at + 1} − max E > 0", pw.Breakpoints[at], hi));
        if (piece is null) return (facts, values, "A breakpoint of σ lies in E, so σ is not a single exponential piece near the flow's path.");
        var u = Sym(pw.Variable);
        var difference = Sub(pw.Pieces[piece.Value], Mul(Num(c), Call("exp", Mul(Num(beta), u))));
        var pieceTest = Simplifier.ZeroTest(difference);
        facts.Add(new Evidence.ExactIdentity($"piece {piece.Value + 1} of σ − C·exp(βu) ≡ 0 (σ is exponential around E)", difference, pieceTest));
        values.Add(new($"piece {piece.Value + 1} − C·exp(βu) (exact zero test)", pieceTest.ToString().ToLowerInvariant()));
        if (pieceTest != ZeroTestResult.Zero)
            return (facts, values, "σ is not C·e^{βu} on the piece around E.");
        var residual = Sub(Mul(Num(to.A * c), Call("exp", Num(beta * Dot(x, to.W)))), y);
        var residualTest = ExactMembershipChecker.Decide(residual);
        facts.AddRange(ExactMembershipChecker.ResidualFacts("r(θ*) = a*·C·e^{βu} − y at u = xᵀw* (θ* ∈ M_S)", Mul(Num(c), Call("exp", Mul(Num(beta), u))), pw.Variable, Dot(x, to.W), to.A, y));
        values.Add(new("r(θ*) = a*·C·e^{βxᵀw*} − y (exact zero test)", residualTest.ToString().ToLowerInvariant()));
        if (residualTest == ZeroTestResult.NonZero) return (facts, values, "θ* ∉ M_S (exact): it cannot be the limit.");
        if (residualTest == ZeroTestResult.Unknown) return (facts, values, "θ* ∈ M_S could not be decided exactly.");
        return (facts, values,
            "Proved (Proposition A.1, corrected eq. (15)): σ = C·e^{βu} on an open interval containing E, θ* lies on the parabola (14) through θ₀ and in M_S, which meets the parabola once (φ′ > 0); a moves monotonically to it, so the flow ends exactly at θ*.");
    }

    private static ClaimResult Done(Claim claim, string why, List<NamedValue> values, List<Evidence.Fact> facts, LinePlot? figure = null) =>
        ClaimResult.FromFacts(claim, facts, why, [new EvidenceSection(EvidenceLayer.Symbolic, "exact conditions of Proposition A.1 (parabola (14), M_S, the exponential piece)") { Values = values, LineFigure = figure }]);

    /// <summary>
    /// The figure of the flow (issue 12 item 5), in the plane (u, a) with u = xᵀw: its path is known in closed form, the
    /// parabola (14) u(a) = xᵀw₀ + β|x|²(a² − a₀²)/2 for a from a₀ to a*, so it is drawn from (14), not from an ODE run; with it
    /// M_S = {a·σ(u) = y} (for the whole σ), θ₀ and θ*. Only a picture: the claim's verdict rests on the exact facts.
    /// </summary>
    private static LinePlot? PathFigure(Claim claim, string dataName, Expr sigma, string variable, Expr y, Rational a0, Rational aStar, Func<Rational, Rational> u)
    {
        var empty = new Dictionary<string, double>();
        double yv = Symbolic.Compilation.Evaluator.Evaluate(y, empty);
        var f = Symbolic.Compilation.Compiler.Compile(sigma, [variable]);
        const int n = 80;
        var path = Enumerable.Range(0, n + 1).Select(k =>
        {
            var a = a0 + (aStar - a0) * new Rational(k, n);
            return (u(a).ToDouble(), a.ToDouble());
        }).ToList();
        double uLo = path.Min(p => p.Item1), uHi = path.Max(p => p.Item1), aLo = Math.Min(a0.ToDouble(), aStar.ToDouble()), aHi = Math.Max(a0.ToDouble(), aStar.ToDouble());
        double du = Math.Max(uHi - uLo, 0.5) * 0.25, da = Math.Max(aHi - aLo, 0.5) * 0.25;
        (double Lo, double Hi) uRange = (uLo - du, uHi + du), aRange = (aLo - da, aHi + da);
        var ms = new List<(double, double)>();
        for (int k = 0; k <= 4 * n; k++)
        {
            double uu = uRange.Lo + (uRange.Hi - uRange.Lo) * k / (4 * n), s = f([uu]);
            if (s != 0 && double.IsFinite(yv / s)) ms.Add((uu, yv / s));
        }
        if (path.Any(p => !double.IsFinite(p.Item1) || !double.IsFinite(p.Item2)) || !double.IsFinite(yv)) return null;
        var curves = new List<Reports.PlotCurve>
        {
            new("flow: parabola (14)", path, 0),
            new($"M_{{{dataName}}}: a σ(u) = y", ms, 1, Dashed: true),
            new("θ_{0}", [path[0]], 2) { MarkersOnly = true },
            new("θ*", [path[^1]], 3) { MarkersOnly = true },
        };
        return new LinePlot($"{claim.Id}.flow.svg", $"The flow on {dataName}: from θ₀ along the parabola (14) to θ*",
            $"The gradient flow on {dataName} in the plane of u = xᵀw and a, drawn from its closed form, the parabola (14) u(a) = xᵀw₀ + β|x|²(a² − a₀²)/2 "
            + "for a from a₀ to a* (no ODE run), with M_S = {a·σ(u) = y} dashed; the flow ends where the two meet. A picture only: the verdict rests on the exact facts.",
            new Reports.PlotAxes("u = xᵀw", "a") { XRange = uRange, YRange = aRange }, curves);
    }
}
