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
        int d = data.Dimension;
        var c = claim.Node.Required("scale").Rational();
        var beta = claim.Node.Required("exponent").Rational();
        if (c.Sign <= 0) throw claim.Node.Required("scale").Error("the scale C must be positive.");
        if (beta.IsZero) throw claim.Node.Required("exponent").Error("the exponent β must be nonzero.");
        PiecewiseActivation pw;
        try { pw = PiecewiseActivation.Of(sigma); }
        catch (InputException ex) { throw claim.Node.Error(ex.Message); }

        var values = new List<NamedValue>();
        var facts = new List<Evidence.Fact>();
        Rational Dot(IReadOnlyList<Rational> a, IReadOnlyList<Rational> b) => a.Select((v, i) => v * b[i]).Aggregate(Rational.Zero, (s, v) => s + v);
        var norm2 = Dot(x, x);
        if (norm2.IsZero)
        {
            facts.Add(ExactMembershipChecker.NormSquared("|x|² (must be nonzero for the flow to move w)", x));
            return Done(claim, "x = 0: the flow does not move w.", values, facts);
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
        if (!onParabola) return Done(claim, "θ* is not on the parabola (14) through θ₀, which the flow never leaves.", values, facts);
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
        if (piece is null) return Done(claim, "A breakpoint of σ lies in E, so σ is not a single exponential piece near the flow's path.", values, facts);
        var u = Sym(pw.Variable);
        var difference = Sub(pw.Pieces[piece.Value], Mul(Num(c), Call("exp", Mul(Num(beta), u))));
        var pieceTest = Simplifier.ZeroTest(difference);
        facts.Add(new Evidence.ExactIdentity($"piece {piece.Value + 1} of σ − C·exp(βu) ≡ 0 (σ is exponential around E)", difference, pieceTest));
        values.Add(new($"piece {piece.Value + 1} − C·exp(βu) (exact zero test)", pieceTest.ToString().ToLowerInvariant()));
        if (pieceTest != ZeroTestResult.Zero)
            return Done(claim, "σ is not C·e^{βu} on the piece around E.", values, facts);
        var residual = Sub(Mul(Num(to.A * c), Call("exp", Num(beta * Dot(x, to.W)))), y);
        var residualTest = ExactMembershipChecker.Decide(residual);
        facts.AddRange(ExactMembershipChecker.ResidualFacts("r(θ*) = a*·C·e^{βu} − y at u = xᵀw* (θ* ∈ M_S)", Mul(Num(c), Call("exp", Mul(Num(beta), u))), pw.Variable, Dot(x, to.W), to.A, y));
        values.Add(new("r(θ*) = a*·C·e^{βxᵀw*} − y (exact zero test)", residualTest.ToString().ToLowerInvariant()));
        if (residualTest == ZeroTestResult.NonZero) return Done(claim, "θ* ∉ M_S (exact): it cannot be the limit.", values, facts);
        if (residualTest == ZeroTestResult.Unknown) return Done(claim, "θ* ∈ M_S could not be decided exactly.", values, facts);
        return Done(claim,
            "Proved (Proposition A.1, corrected eq. (15)): σ = C·e^{βu} on an open interval containing E, θ* lies on the parabola (14) through θ₀ and in M_S, which meets the parabola once (φ′ > 0); a moves monotonically to it, so the flow ends exactly at θ*.", values, facts);
    }

    private static ClaimResult Done(Claim claim, string why, List<NamedValue> values, List<Evidence.Fact> facts) =>
        ClaimResult.FromFacts(claim, facts, why, [new EvidenceSection(EvidenceLayer.Symbolic, "exact conditions of Proposition A.1 (parabola (14), M_S, the exponential piece)") { Values = values }]);
}
