using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.Constructions;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Printing;
using ProofWorkbench.Symbolic.Simplification;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// <c>conserved-limit</c>: gradient flow from θ₀ (<c>from</c>) on a one-sample <c>dataset</c> ends <i>exactly</i> at θ*
/// (<c>to</c>) — proved without integrating, by Lemma 6.1 / A.3 of paper 000: when σ &gt; 0 and σ′ &gt; 0 on ℝ (Z3) and
/// x ≠ 0, the flow moves w only along x (w(t) ∈ w₀ + span{x}, eq. (31)), conserves Q = a²/2 − H(xᵀw)/|x|² with
/// H′ = σ/σ′ (eq. (20)), and converges to the unique point of M_S on the level set {Q = Q(θ₀)} (eqs. (21)–(23)).
/// So θ* is the limit iff w* − w₀ ∈ span{x}, θ* ∈ M_S (an exact symbolic zero of the residual) and Q(θ*) = Q(θ₀)
/// (exact; when w* = w₀ this is a*² = a₀², Lemma 6.2's eq. (25)). A nonzero exact difference refutes the claim.
/// </summary>
public sealed class ConservedLimitChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "conserved-limit";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Activation,
            ClaimParameter.Needs("dataset", "dataset", "one sample (x, y), x ≠ 0"),
            ClaimParameter.From,
            ClaimParameter.Needs("to", "point", "the stated limit θ* = (w*, a*): a name in setup.points or {w: [...], a: ...}"),
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var (sigma, data, from, to, x, _) = OneSampleLimitClaim.Read(claim, context, "Lemma A.3");
        int d = data.Dimension;

        var hypotheses = LemmaA3Hypotheses.Prove(sigma);
        var goals = Papers.Zhang2023.LemmaA3.LemmaA3Route.HypothesisGoals(sigma);
        var facts = hypotheses.Select((h, i) => (Evidence.Fact)Evidence.SmtCheck.Of(h, goals[i])).ToList();
        var evidence = hypotheses.Select(r => new EvidenceSection(EvidenceLayer.Smt, $"Lemma A.3 hypothesis — {r.Name}: {r.Verdict.ToString().ToLowerInvariant()}") { SmtLib = r.Script }).ToList();
        if (!LemmaA3Hypotheses.Hold(hypotheses))
            return ClaimResult.FromFacts(claim, facts, "σ > 0 and σ′ > 0 on ℝ (Lemma A.3) were not both proved, so the conserved-quantity argument does not apply.", evidence);
        facts.Add(ExactMembershipChecker.NormSquared("|x|² (Lemma A.3 needs x ≠ 0)", x));
        if (x.All(c => c.IsZero))
            return ClaimResult.FromFacts(claim, facts, "x = 0: Lemma A.3 needs x ≠ 0.", evidence);

        // w* − w₀ ∈ span{x}: all 2×2 minors of [x | w* − w₀] vanish (exact).
        var dw = to.W.Select((v, i) => v - from.W[i]).ToArray();
        bool inSpan = Enumerable.Range(0, d).All(i => Enumerable.Range(i + 1, d - i - 1).All(j => x[i] * dw[j] == x[j] * dw[i]));
        var values = new List<NamedValue> { new("w* − w₀", ExactText.List(dw)), new("w* − w₀ ∈ span{x}", inSpan ? "yes (exact)" : "no (exact)") };
        if (d > 1) facts.Add(Evidence.LinearAlgebraFact.Compute("rows x and w* − w₀: rank ≤ 1, i.e. w* − w₀ ∈ span{x} (the flow moves w only along x)", [x, dw], needsFullRank: false));
        if (!inSpan)
            return Done(claim, facts, "w* − w₀ is not a multiple of x, but the flow moves w only along x (eq. (31)): θ* is not the limit.", evidence, values, []);

        var model = new OneNeuronModel(sigma, d);
        Dictionary<string, Expr> At(Theta t) => model.ParameterNames.Select((p, i) => (p, Num(i < d ? t.W[i] : t.A))).ToDictionary(q => q.p, q => q.Item2);
        var residual = Substitution.Substitute(model.Residual(data.Samples[0]), At(to));
        var residualTest = ZeroTest(residual);
        facts.Add(ExactMembershipChecker.ConstantIsZero("r(θ*) = f(θ*; x) − y (θ* ∈ M_S)", residual));
        var formulas = new List<Formula> { new("r(θ*) = f(θ*; x) − y", residual) };
        values.Add(new("residual at θ* (exact zero test)", residualTest.ToString()));
        if (residualTest == ZeroTestResult.NonZero)
            return Done(claim, facts, "θ* ∉ M_S: the residual at θ* is exactly nonzero, and the limit lies in M_S (Lemma A.3).", evidence, values, formulas);
        if (residualTest == ZeroTestResult.Unknown)
            return Done(claim, facts, "θ* ∈ M_S could not be decided exactly (the zero test is undecided).", evidence, values, formulas);

        // Q(θ*) = Q(θ₀): (a*² − a₀²)/2 = (H(xᵀw*) − H(xᵀw₀))/|x|².
        var da = (to.A * to.A - from.A * from.A) / 2;
        Expr levelDifference;
        if (dw.All(v => v.IsZero)) levelDifference = Num(da);
        else
        {
            var limit = ConservedLimitEnclosure.Create(sigma, out var reason);
            if (limit is null)
            {
                facts.Add(Evidence.NumericEstimate.NotDecided("Q(θ*) − Q(θ₀) = 0", reason));
                return Done(claim, facts, $"Q(θ*) = Q(θ₀) could not be decided: {reason}.", evidence, values, formulas);
            }
            var ratio = Div(sigma.Definition, sigma.Derivative(1));
            var hPrime = Sub(Symbolic.Calculus.Differentiator.Derivative(limit.H, sigma.Variable), ratio);
            facts.Add(new Evidence.ExactIdentity($"H′ − σ/σ′ ≡ 0 (H = {limit.H} is an antiderivative of σ/σ′, so Q = a²/2 − H(xᵀw)/|x|² is conserved)", hPrime, Simplifier.ZeroTest(hPrime)));
            var norm2 = x.Aggregate(Rational.Zero, (s, c) => s + c * c);
            Rational u0 = Dot(x, from.W), u1 = Dot(x, to.W);
            var hDiff = Sub(Substitution.Substitute(limit.H, sigma.Variable, Num(u1)), Substitution.Substitute(limit.H, sigma.Variable, Num(u0)));
            levelDifference = Sub(Num(da), Div(hDiff, Num(norm2)));
            formulas.Add(new("H(u) = ∫σ/σ′", limit.H));
        }
        var levelTest = ZeroTest(levelDifference);
        facts.Add(ExactMembershipChecker.ConstantIsZero("Q(θ*) − Q(θ₀) = (a*² − a₀²)/2 − (H(xᵀw*) − H(xᵀw₀))/|x|² (θ* on the level set through θ₀)", levelDifference));
        if (from.A.Sign * to.A.Sign < 0 && levelTest == ZeroTestResult.Zero)
        {
            // a₀ and a* have opposite signs: the level set must reach a = 0 (Lemma A.3's range condition; see LemmaA3Route).
            var ratio = Simplifier.Simplify(Div(sigma.Definition, sigma.Derivative(1)));
            var h = Papers.Zhang2023.LemmaA3.LemmaA3Route.ClosedFormH(ratio, sigma.Variable);
            Rational u0 = Dot(x, from.W), n = x.Aggregate(Rational.Zero, (s, c) => s + c * c);
            var u0Box = Symbolic.Intervals.IntervalEvaluator.Evaluate(Num(u0), new Dictionary<string, Symbolic.Intervals.Interval>());
            var range = Papers.Zhang2023.LemmaA3.LemmaA3Route.RangeWitness(Papers.Zhang2023.LemmaA3.LemmaA3Route.DeltaH(ratio, sigma.Variable, h, u0Box, u0Box.Mid), u0Box, n, from.A);
            if (range is null)
            {
                facts.Add(Evidence.NumericEstimate.NotDecided("H(u_L) − H(u₀) + |x|²a₀²/2 < 0 for some u_L", "a₀ and a* have opposite signs, and no u_L with H(u_L) < H(u₀) − |x|²a₀²/2 was certified: the level set may not reach a = 0 (Lemma A.3 needs this)"));
                return Done(claim, facts, "Not decided: a₀ and a* have opposite signs, and the level set is not certified to reach a = 0 (Lemma A.3's range condition).", evidence, values, formulas);
            }
            var (deltaH, integral) = ValidatedLimitFacts.DeltaH(sigma, h, ratio, u0);
            facts.Add(ValidatedLimitFacts.RangeFact("level set through θ₀", deltaH, integral, n, from.A, range.Value));
        }
        formulas.Add(new("Q(θ*) − Q(θ₀)", levelDifference));
        values.Add(new("Q(θ*) − Q(θ₀) (exact zero test)", levelTest.ToString()));
        return levelTest switch
        {
            ZeroTestResult.Zero => Done(claim, facts,
                "Proved by Lemma A.3: σ > 0, σ′ > 0 (Z3) and x ≠ 0, so the flow converges to the unique point of M_S on the level set of Q = a²/2 − H(xᵀw)/|x|² through θ₀ inside w₀ + span{x}; θ* is in M_S (exact), on that level set (exact) and on that line (exact).",
                evidence, values, formulas),
            ZeroTestResult.NonZero => Done(claim, facts, "Q(θ*) ≠ Q(θ₀) exactly: θ* is not on the level set of the conserved quantity through θ₀, so it is not the limit.", evidence, values, formulas),
            _ => Done(claim, facts, "Q(θ*) = Q(θ₀) could not be decided exactly.", evidence, values, formulas),
        };
    }

    /// <summary>
    /// The exact zero test; a constant it cannot decide is nonzero for certain when its outward-rounded interval
    /// enclosure excludes 0 (a rigorous witness), otherwise it stays undecided.
    /// </summary>
    private static ZeroTestResult ZeroTest(Expr e)
    {
        var r = Simplifier.ZeroTest(e);
        if (r != ZeroTestResult.Unknown || e.FreeSymbols().Count > 0) return r;
        var enclosure = Symbolic.Intervals.IntervalEvaluator.Evaluate(e, new Dictionary<string, Symbolic.Intervals.Interval>());
        return double.IsFinite(enclosure.Lo) && double.IsFinite(enclosure.Hi) && !enclosure.ContainsZero ? ZeroTestResult.NonZero : r;
    }

    private static Rational Dot(IReadOnlyList<Rational> a, IReadOnlyList<Rational> b) => a.Select((v, i) => v * b[i]).Aggregate(Rational.Zero, (s, v) => s + v);

    private static ClaimResult Done(Claim claim, List<Evidence.Fact> facts, string why, List<EvidenceSection> evidence, List<NamedValue> values, List<Formula> formulas) =>
        ClaimResult.FromFacts(claim, facts, why, [.. evidence, new EvidenceSection(EvidenceLayer.Symbolic, "exact conditions of Lemma A.3's characterization of the limit") { Values = values, Formulas = formulas }]);
}
