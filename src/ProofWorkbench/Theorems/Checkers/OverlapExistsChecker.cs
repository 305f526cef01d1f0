using ProofWorkbench.Papers.Zhang2023.Constructions;
using ProofWorkbench.Smt;
using ProofWorkbench.Papers.Zhang2023.Recipes;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// <c>overlap-exists</c>: for θ₀ (<c>from</c>), a one-sample S₁ (<c>dataset</c>, d = 1) and an interval
/// <c>x2: [lo, hi]</c>, some x₂ in the interval gives S₂ = (x₂, a₁*σ(x₂w₁*)) with an exact two-point overlap
/// (paper 000, Lemma 5.1; the trace-back of Section 5.2): θ₁* ≠ θ₂* and {θ₁*, θ₂*} ⊆ M_S₁ ∩ M_S₂. Proved from
/// σ &gt; 0 and σ′ &gt; 0 (Z3, Lemma A.3's hypotheses) and the certified sign change of <see cref="TwoPointTraceBack.Certify"/>
/// (validated enclosures through the conserved quantity, continuity of x₂ ↦ θ₂*, the intermediate value theorem).
/// A failed certification is inconclusive, never refuted: a same-sign F at the ends does not exclude a zero.
/// </summary>
public sealed class OverlapExistsChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "overlap-exists";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Activation,
            ClaimParameter.From,
            ClaimParameter.Needs("dataset", "dataset", "S₁, one sample with d = 1"),
            ClaimParameter.Needs("x2", "[lo, hi]", "the interval searched for x₂ (S₂ = (x₂, a₁*σ(x₂w₁*)))"),
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var sigma = context.ActivationOf(claim);
        var theta0 = context.Point(claim.Node.Required("from"));
        var setNode = claim.Node.Required("dataset");
        var s1 = context.DatasetOf(setNode);
        if (s1.Samples.Count != 1 || s1.Dimension != 1 || theta0.W.Count != 1)
            throw setNode.Error("an overlap-exists claim takes a one-sample dataset S₁ with d = 1 and θ₀ with one weight.");
        if (s1.Samples[0].Y is not Number y1 || s1.Samples[0].X[0] is not Number x1)
            throw setNode.Error("the sample of S₁ must be exact numbers for an overlap-exists claim.");
        var x2Node = claim.Node.Required("x2");
        var bounds = x2Node.Rationals();
        if (bounds.Count != 2 || !(bounds[0] < bounds[1])) throw x2Node.Error("x2 must be an interval [lo, hi] with lo < hi.");

        IReadOnlyList<SmtCheckResult> hypotheses;
        try { hypotheses = [RecipeChecks.ActivationPositive(sigma.Definition, sigma.Variable), RecipeChecks.ActivationIncreasing(sigma.Definition, sigma.Variable)]; }
        catch (Z3NotFoundException ex) { throw new InputException(ex.Message); }
        var goals = Papers.Zhang2023.LemmaA3.LemmaA3Route.HypothesisGoals(sigma);
        var facts = hypotheses.Select((h, i) => (Evidence.Fact)Evidence.SmtCheck.Of(h, goals[i])).ToList();
        var evidence = hypotheses.Select(r => new EvidenceSection(EvidenceLayer.Smt, $"Lemma A.3 hypothesis — {r.Name}: {r.Verdict.ToString().ToLowerInvariant()}") { SmtLib = r.Script }).ToList();
        if (hypotheses.Any(r => r.Verdict != SmtVerdict.Proved))
            return ClaimResult.FromFacts(claim, facts, "σ > 0 and σ′ > 0 on ℝ (Lemma A.3) were not both proved, so the conserved-quantity enclosure does not apply.", evidence);

        TwoPointTraceBack traceBack;
        try { traceBack = TwoPointTraceBack.Create(new TraceBackInput(sigma, theta0.W[0], theta0.A, x1.Value, y1.Value)); }
        catch (InputException ex)
        {
            facts.Add(Evidence.NumericEstimate.NotDecided("the trace-back of Section 5.2", ex.Message));
            return ClaimResult.FromFacts(claim, facts, $"Not decided: {ex.Message}", evidence);
        }
        var result = traceBack.Certify(bounds[0], bounds[1]);
        var t1 = traceBack.Theta1;
        evidence.Add(new EvidenceSection(EvidenceLayer.Interval, "θ₁* enclosed through the conserved quantity a²/2 − H(xw)/x² (Lemma A.3)")
        {
            Values =
            [
                new("H(u), ∫σ/σ′ (verified by differentiation)", traceBack.Limit.H.ToString()),
                new("w₁* ∈", $"[{Format.Value(t1.W.Lo)}, {Format.Value(t1.W.Hi)}]"),
                new("a₁* ∈", $"[{Format.Value(t1.A.Lo)}, {Format.Value(t1.A.Hi)}]"),
            ],
        });
        var values = new List<NamedValue>
        {
            new("x₂ interval", $"[{ExactText.Of(bounds[0])}, {ExactText.Of(bounds[1])}]"),
            new("θ₂* at the midpoint", Format.Vector([result.Theta2W, result.Theta2A])),
        };
        if (result.Theta2Box is { } box)
            values.Add(new("θ₂*(x₂) for all x₂ in the interval", $"w ∈ [{Format.Value(box.W.Lo)}, {Format.Value(box.W.Hi)}], a ∈ [{Format.Value(box.A.Lo)}, {Format.Value(box.A.Hi)}]"));
        evidence.Add(new EvidenceSection(EvidenceLayer.Interval, "certified sign change of F(x₂) = a₂*σ(x₁w₂*) − y₁") { Values = values });
        if (result.Existence == Existence.Proved && result.Proof is { } proof)
        {
            // θ₂* for x₂ in S₂ and θ₁* on S₁ share θ₀, and y₂ = a₁*σ(x₂w₁*) has the sign of y₁ (σ > 0): with a₀·y₁ > 0 neither
            // flow crosses a = 0, so Lemma A.3 needs no range condition for any x₂ (docs/certificates.md, "Two-point overlaps").
            var problem = new Papers.Zhang2023.LemmaA3.OneSampleProblem(sigma, [x1.Value], y1, [theta0.W[0]], theta0.A);
            var limit1 = theta0.A.Sign * y1.Value.Sign > 0 ? Papers.Zhang2023.LemmaA3.LemmaA3Route.Enclose(problem, hypotheses, traceBack.Theta1W * x1.Value.ToDouble(), out _) : null;
            if (limit1?.H is not null)
            {
                var certified = TwoPointOverlapFacts.Of(limit1, x1.Value, y1.Value, bounds[0], bounds[1], proof);
                bool all = Evidence.VerdictRule.Decide(certified) == Verdict.Proved;
                return ClaimResult.FromFacts(claim, certified, all ? $"Proved: {result.Reason}."
                    : "Not decided: the trace-back certified the overlap, but a fact re-evaluated in the certificate's variables is not certain (see the facts marked undecided).", evidence);
            }
            facts.Add(Evidence.NumericEstimate.NotDecided("the facts of the overlap", theta0.A.Sign * y1.Value.Sign <= 0
                ? "a₀·y₁ ≤ 0: the flows may cross a = 0, and Lemma A.3's range condition is not shown for every x₂"
                : "θ₁* was not enclosed by the validated Lemma A.3 route with a closed-form H"));
            return ClaimResult.FromFacts(claim, facts, $"Not decided: the sign change was found, but its facts could not be written ({(theta0.A.Sign * y1.Value.Sign <= 0 ? "a₀·y₁ ≤ 0" : "no validated θ₁*")}).", evidence);
        }
        if (result.Theta2Box is { } b2)
            facts.Add(TwoPointOverlapChecker.Separation([t1.W, t1.A], [b2.W, b2.A]));
        facts.Add(Evidence.NumericEstimate.NotDecided("a certified sign change of F(x₂) = a₂*σ(x₁w₂*) − y₁", result.Reason));
        return ClaimResult.FromFacts(claim, facts, $"Not decided: {result.Reason}.", evidence);
    }
}
