using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.Constructions;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Simplification;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// <c>exact-membership</c>: θ (<c>point</c>) ∈ M_S exactly for a dataset and an activation that may be a recipe-built
/// piecewise σ: the piece is chosen exactly at the rational pre-activation xᵀw, and each residual aσ(xᵀw) − y is tested
/// for zero exactly (a constant the zero test cannot decide is nonzero when its interval enclosure excludes 0).
/// </summary>
public sealed class ExactMembershipChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "exact-membership";
    /// <inheritdoc/>
    public IReadOnlyList<string> Parameters => ["activation", "point", "dataset"];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var sigma = context.ActivationOf(claim);
        var setNode = claim.Node.Required("dataset");
        var data = context.DatasetOf(setNode);
        var theta = context.Point(claim.Node.Required("point"));
        if (theta.W.Count != data.Dimension) throw claim.Node.Error($"the point needs {data.Dimension} weights.");
        PiecewiseActivation pw;
        try { pw = PiecewiseActivation.Of(sigma); }
        catch (InputException ex) { throw claim.Node.Error(ex.Message); }
        var values = new List<NamedValue>();
        var tests = new List<ZeroTestResult>();
        foreach (var (s, i) in data.Samples.Select((s, i) => (s, i)))
        {
            var x = s.X.Select(e => e is Number n ? n.Value : throw setNode.Error("inputs x must be exact numbers.")).ToArray();
            var u = x.Select((c, j) => c * theta.W[j]).Aggregate(Rational.Zero, (a, b) => a + b);
            var residual = Sub(Mul(Num(theta.A), pw.ValueAt(u)), s.Y);
            var test = Decide(residual);
            tests.Add(test);
            values.Add(new($"r{i + 1} = aσ(xᵀw) − y at xᵀw = {ExactText.Of(u)} (piece {pw.IndexAt(u) + 1})", $"{test.ToString().ToLowerInvariant()}: {residual}"));
        }
        var evidence = new EvidenceSection(EvidenceLayer.Symbolic, "exact residuals, the piece of σ chosen exactly") { Values = values };
        if (tests.Any(t => t == ZeroTestResult.NonZero)) return new ClaimResult(claim, Verdict.Refuted, "A residual is exactly nonzero: θ ∉ M_S.", [evidence]);
        if (tests.Any(t => t == ZeroTestResult.Unknown)) return new ClaimResult(claim, Verdict.Inconclusive, "A residual could not be decided exactly.", [evidence]);
        return new ClaimResult(claim, Verdict.Proved, "Every residual is exactly 0: θ ∈ M_S.", [evidence]);
    }

    /// <summary>Exact zero test, with a rigorous interval witness for constants it cannot decide.</summary>
    public static ZeroTestResult Decide(Expr e)
    {
        var r = Simplifier.ZeroTest(e);
        if (r != ZeroTestResult.Unknown || e.FreeSymbols().Count > 0) return r;
        var enclosure = IntervalEvaluator.Evaluate(e, new Dictionary<string, Interval>());
        return double.IsFinite(enclosure.Lo) && double.IsFinite(enclosure.Hi) && !enclosure.ContainsZero ? ZeroTestResult.NonZero : r;
    }
}
