using ProofWorkbench.Models;
using ProofWorkbench.Symbolic.Calculus;
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
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Activation,
            ClaimParameter.Point,
            ClaimParameter.Dataset,
        ];

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
        var facts = new List<Evidence.Fact>();
        foreach (var (s, i) in data.Samples.Select((s, i) => (s, i)))
        {
            var x = s.X.Select(e => e is Number n ? n.Value : throw setNode.Error("inputs x must be exact numbers.")).ToArray();
            var u = x.Select((c, j) => c * theta.W[j]).Aggregate(Rational.Zero, (a, b) => a + b);
            var residual = Sub(Mul(Num(theta.A), pw.ValueAt(u)), s.Y);
            var test = Decide(residual);
            tests.Add(test);
            facts.AddRange(ResidualFacts($"r{i + 1} = aσ(xᵀw) − y{i + 1} on {data.Name} at xᵀw = {ExactText.Of(u)} (piece {pw.IndexAt(u) + 1} of σ)",
                pw.Pieces[pw.IndexAt(u)], pw.Variable, u, theta.A, s.Y));
            values.Add(new($"r{i + 1} = aσ(xᵀw) − y at xᵀw = {ExactText.Of(u)} (piece {pw.IndexAt(u) + 1})", $"{test.ToString().ToLowerInvariant()}: {residual}"));
        }
        var evidence = new EvidenceSection(EvidenceLayer.Symbolic, "exact residuals, the piece of σ chosen exactly") { Values = values };
        string why = tests.Any(t => t == ZeroTestResult.NonZero) ? "A residual is exactly nonzero: θ ∉ M_S."
            : tests.Any(t => t == ZeroTestResult.Unknown) ? "A residual could not be decided exactly."
            : "Every residual is exactly 0: θ ∈ M_S.";
        return ClaimResult.FromFacts(claim, facts, why, [evidence]);
    }

    /// <summary>
    /// The facts of one residual a·f(u) − y at a rational u (f the piece of σ that holds there): an exact-value over ℚ
    /// when it evaluates to a rational; else the exact identity (zero test) of the constant, and when the zero test cannot
    /// decide it, an interval enclosure of the constant with its strict sign (a nonzero residual, rigorously).
    /// </summary>
    public static IReadOnlyList<Evidence.Fact> ResidualFacts(string label, Expr piece, string variable, Rational u, Rational a, Expr y)
    {
        var expression = Sub(Mul(Num(a), piece), y);
        var value = Simplifier.Simplify(Substitution.Substitute(expression, variable, Num(u)));
        if (value is Number n)
            return [new Evidence.ExactValue(label, expression, [new(variable, u)], n.Value, null, n.Value.IsZero ? Evidence.FactOutcome.Proves : Evidence.FactOutcome.Refutes)];
        return [ConstantIsZero(label, Substitution.Substitute(expression, variable, Num(u)))];
    }

    /// <summary>|x|² = Σ x_i² over ℚ (Lemma A.3 and Proposition A.1 need x ≠ 0): proves when nonzero, undecided when 0.</summary>
    public static Evidence.ExactValue NormSquared(string label, IReadOnlyList<Rational> x)
    {
        var names = x.Select((_, i) => $"x{i + 1}").ToList();
        var expression = Add(names.Select(n => Pow(Sym(n), Two)).ToArray());
        var value = x.Aggregate(Rational.Zero, (s, c) => s + c * c);
        return new Evidence.ExactValue(label, expression, names.Select((n, i) => new KeyValuePair<string, Rational>(n, x[i])).ToList(), value, null,
            value.IsZero ? Evidence.FactOutcome.Undecided : Evidence.FactOutcome.Proves);
    }

    /// <summary>
    /// The fact for "the constant expression c is 0": the exact identity (zero test) of c; when the zero test cannot decide
    /// and c's interval enclosure excludes 0, that enclosure with its strict sign (c is rigorously nonzero: refutes).
    /// </summary>
    public static Evidence.Fact ConstantIsZero(string label, Expr constant)
    {
        var test = Simplifier.ZeroTest(constant);
        if (test != ZeroTestResult.Unknown || constant.FreeSymbols().Count > 0) return new Evidence.ExactIdentity(label, constant, test);
        var enclosure = IntervalEvaluator.Evaluate(constant, new Dictionary<string, Interval>());
        int sign = !double.IsFinite(enclosure.Lo) || !double.IsFinite(enclosure.Hi) ? 0 : enclosure.Lo > 0 ? 1 : enclosure.Hi < 0 ? -1 : 0;
        if (sign == 0) return new Evidence.ExactIdentity(label, constant, test);
        var signed = Evidence.IntervalEnclosure.Signed(label + " is nonzero", constant, [], enclosure, sign);
        return signed with { Outcome = Evidence.FactOutcome.Refutes };
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
