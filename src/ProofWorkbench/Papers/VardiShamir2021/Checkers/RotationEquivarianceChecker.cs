using ProofWorkbench.Evidence;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Simplification;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.VardiShamir2021.Checkers;

/// <summary>
/// <c>relu-rotation-equivariance</c> (paper 002, Section 4.2, the rotation step of Theorem 4.2; Lemma 6.2(1) for the
/// two-layer case): rotating the inputs rotates the flow. For an orthogonal <c>rotation</c> R (rational, so RᵀR = I is
/// exact), the field of the data XRᵀ at Rw equals R times the field of X at w — an exact identity in w with ReLU and
/// σ′ = heaviside (σ′(0) = 1), since (Rxᵢ)ᵀ(Rw) = xᵢᵀw; hence the flow from Rw₀ on XRᵀ is R·w(t) and its limit R·w^∞. The
/// limits are also compared numerically (closed-form route on both datasets).
/// </summary>
public sealed class RotationEquivarianceChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "relu-rotation-equivariance";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Dataset,
            ClaimParameter.W0,
            ClaimParameter.LossScale,
            ClaimParameter.Needs("rotation", "matrix (list of rows)", "an orthogonal rational matrix R"),
            ClaimParameter.Tolerance,
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var inst = NeuronInstance.Of(claim, context);
        int d = inst.Dimension;
        var rNode = claim.Node.Required("rotation");
        var r = rNode.Items().Select(row => row.Rationals()).ToList();
        if (r.Count != d || r.Any(row => row.Count != d)) throw rNode.Error($"the rotation must be a {d}×{d} matrix (a list of {d} rows).");
        double tol = context.ToleranceOf(claim);
        var facts = new List<Fact>();

        // RᵀR = I exactly.
        var worst = Rational.Zero;
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
            {
                var e = Enumerable.Range(0, d).Aggregate(Rational.Zero, (a, k) => a + r[k][i] * r[k][j]) - (i == j ? Rational.One : Rational.Zero);
                if (e.Abs() > worst) worst = e.Abs();
            }
        facts.Add(new ExactValue("max |(RᵀR − I)ᵢⱼ|", Num(worst), [], worst, null, VerdictRule.JudgeZero(Magnitude.Exact(worst)).Outcome));

        // F_{XRᵀ}(Rw) − R·F_X(w) ≡ 0.
        var w = Enumerable.Range(1, d).Select(i => Sym($"w{i}")).ToArray();
        var rw = Enumerable.Range(0, d).Select(i => Add(Enumerable.Range(0, d).Select(k => Mul(Num(r[i][k]), w[k])).ToArray())).ToArray();
        var rotatedX = inst.ExactX.Select(x => (IReadOnlyList<Rational>)Enumerable.Range(0, d).Select(i => Enumerable.Range(0, d).Aggregate(Rational.Zero, (a, k) => a + r[i][k] * x[k])).ToArray()).ToList();
        var y = inst.ExactY ?? throw claim.Node.Required("dataset").Error("the labels must be exact rationals.");
        var original = Field(inst.ExactX, y, w, inst.LossScale);
        var rotated = Field(rotatedX, y, rw, inst.LossScale);
        var residual = new List<ZeroTestResult>();
        for (int i = 0; i < d; i++)
        {
            var diff = Sub(rotated[i], Add(Enumerable.Range(0, d).Select(k => Mul(Num(r[i][k]), original[k])).ToArray()));
            var z = Simplifier.ZeroTest(diff);
            facts.Add(new ExactIdentity($"component {i + 1} of F_(XRᵀ)(Rw) − R·F_X(w) ≡ 0", diff, z));
            residual.Add(z);
        }

        // The limits: closed form on X from w₀ and on XRᵀ from Rw₀.
        var rotatedW0 = Enumerable.Range(0, d).Select(i => Enumerable.Range(0, d).Aggregate(Rational.Zero, (a, k) => a + r[i][k] * inst.ExactW0[k])).ToList();
        var rotatedInst = inst with { ExactX = rotatedX, ExactW0 = rotatedW0 };
        var a0 = ReluPiecewiseSolution.Solve(inst.X, inst.Y, inst.W0, inst.DerivativeAtZero.ToDouble(), inst.LossScale.ToDouble());
        var a1 = ReluPiecewiseSolution.Solve(rotatedInst.X, rotatedInst.Y, rotatedInst.W0, inst.DerivativeAtZero.ToDouble(), inst.LossScale.ToDouble());
        var values = new List<NamedValue>();
        if (a0.Limit is { } l0 && a1.Limit is { } l1)
        {
            var rl0 = Enumerable.Range(0, d).Select(i => Enumerable.Range(0, d).Sum(k => r[i][k].ToDouble() * l0[k])).ToArray();
            double dist = NeuronTwoRoutesDistance(l1, rl0);
            facts.Add(NumericEstimate.Judged("‖w^∞(XRᵀ, Rw₀) − R·w^∞(X, w₀)‖∞ (closed form on both)", dist, 64 * 2.2e-16 * 10, tol, "closed form"));
            values.Add(new("w^∞ on X", Format.Vector(l0)));
            values.Add(new("R·w^∞ on X", Format.Vector(rl0)));
            values.Add(new("w^∞ on XRᵀ from Rw₀", Format.Vector(l1)));
            values.Add(new("crossing times on X and on XRᵀ", $"{string.Join(", ", a0.Crossings.Select(c => Format.Value(c.T)))}; {string.Join(", ", a1.Crossings.Select(c => Format.Value(c.T)))}"));
        }
        else facts.Add(new NumericEstimate("the limits", double.NaN, double.NaN, tol, "closed form", [], FactOutcome.Undecided));
        var verdict = VerdictRule.Decide(facts);
        return ClaimResult.FromFacts(claim, facts, verdict is Verdict.Proved or Verdict.Confirmed
            ? "R is orthogonal and the field is exactly equivariant, F_(XRᵀ)(Rw) = R·F_X(w), so the flow on the rotated data is the rotated flow; the computed limits agree."
            : "Not established: see the facts.",
            [new EvidenceSection(EvidenceLayer.Symbolic, "exact equivariance of the field (ReLU, σ′ = heaviside) and the rotated limits") { Values = values }]);
    }

    private static double NeuronTwoRoutesDistance(IReadOnlyList<double> a, IReadOnlyList<double> b) => ReluTwoRoutes.MaxDistance(a, b);

    // F_X(w)_l = −2c·Σᵢ (relu(xᵢᵀw) − yᵢ)·heaviside(xᵢᵀw)·x_il.
    private static Expr[] Field(IReadOnlyList<IReadOnlyList<Rational>> x, IReadOnlyList<Rational> y, IReadOnlyList<Expr> w, Rational c) =>
        Enumerable.Range(0, w.Count).Select(l => Mul(Num(-2 * c), Add(x.Select((xi, i) =>
        {
            var u = Add(xi.Select((v, k) => Mul(Num(v), w[k])).ToArray());
            return Mul(Sub(Call(KnownFunctions.Relu, u), Num(y[i])), Call(KnownFunctions.Heaviside, u), Num(xi[l]));
        }).ToArray()))).ToArray();
}
