using ProofWorkbench.Evidence;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Printing;
using ProofWorkbench.Symbolic.Simplification;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;
using Formula = ProofWorkbench.Theorems.Checking.Formula;

namespace ProofWorkbench.Papers.Blanc2020.Checkers;

/// <summary>
/// <c>lagrange-stationary</c>: a point θ of the zero-loss manifold of one sample is a stationary point of the implicit
/// regularizer R on the manifold (Blanc et al. 2020, Theorem 1's "non-repellent" condition; Theorem 3): h(x; θ) = y and
/// ∇R ∥ ∇h, i.e. every 2×2 minor g_j∂_kR − g_k∂_jR vanishes (<see cref="ImplicitRegularizer.StationarityMinorsOneSample"/>).
/// Decided exactly: the point may give, instead of a parameter wᵢ, the exact value of tanh(wᵢ) in <c>tanh</c> (the
/// derivatives of tanh are polynomials in tanh, so after differentiation every tanh(wᵢ) is replaced by that value;
/// this needs x = 1 so the argument is wᵢ itself). Proved when the residual and all minors are exactly 0; refuted when
/// one is exactly nonzero.
/// </summary>
public sealed class LagrangeStationaryChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "lagrange-stationary";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters => OneSampleLagrangePoint.Parameters;

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var node = claim.Node;
        var (names, r, At) = OneSampleLagrangePoint.Read(node);
        var facts = new List<Fact>();
        var residual = At(r.Constraints[0]);
        facts.Add(new ExactIdentity("h(x; θ) − y at the point", residual, Simplifier.ZeroTest(residual)));
        var minors = r.StationarityMinorsOneSample();
        var shown = new List<NamedValue>();
        int index = 0;
        for (int j = 0; j < names.Length; j++)
            for (int k = j + 1; k < names.Length; k++)
            {
                var m = At(minors[index++]);
                var label = $"minor g_{names[j]}·∂R/∂{names[k]} − g_{names[k]}·∂R/∂{names[j]} at the point";
                var test = Simplifier.ZeroTest(m);
                if (test != ZeroTestResult.Unknown) facts.Add(new ExactIdentity(label, m, test));
                else
                {
                    // A constant the zero test cannot decide (products of square roots): a rigorous enclosure away from 0
                    // refutes; an enclosure containing 0 only confirms (VerdictRule.JudgeZero). The fact states the claim's
                    // threshold, 0 (a stationarity minor must vanish exactly), so that a verifier can re-judge a refutation.
                    var enclosure = Symbolic.Intervals.IntervalEvaluator.Evaluate(m, new Dictionary<string, Symbolic.Intervals.Interval>());
                    facts.Add(new IntervalEnclosure(label + " (interval enclosure)", m, [], ExactInterval.Of(enclosure), 0,
                        VerdictRule.JudgeZero(Magnitude.Enclosed(enclosure)).Outcome));
                }
                shown.Add(new($"minor ({names[j]}, {names[k]})", InfixPrinter.Print(m)));
            }
        var verdict = VerdictRule.Decide(facts);
        string explanation = verdict switch
        {
            Verdict.Proved => "The point interpolates the sample and ∇R is parallel to ∇h there (all minors are exactly 0): a stationary point of R on the zero-loss manifold.",
            Verdict.Refuted => "Not a stationary point of R on the manifold: " + string.Join("; ", facts.Where(f => f.Outcome == FactOutcome.Refutes).Select(f => f.Label)) + " is exactly nonzero.",
            _ => "The zero test could not decide every minor.",
        };
        var formulas = new List<Formula> { new("R(θ)", Simplifier.Simplify(r.Regularizer)) };
        return ClaimResult.FromFacts(claim, facts, explanation,
            [new EvidenceSection(EvidenceLayer.Symbolic, "Lagrange condition ∇R ∥ ∇h at the point, exactly") { Formulas = formulas, Values = [new("h − y", InfixPrinter.Print(residual)), .. shown] }]);
    }
}
