using ProofWorkbench.Evidence;
using ProofWorkbench.Models;
using ProofWorkbench.Smt;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Simplification;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.Zhang2023.Refutation;

/// <summary>The two variants of the One-point route.</summary>
public enum OnePointVariant
{
    /// <summary>θ₀ ∈ M_T for T = (x, a₀σ(xᵀw₀)): the flow stays at θ₀ (a zero of ∇L), so the limit is θ₀ itself.</summary>
    Stationary,
    /// <summary>S = (x, −a₀σ(xᵀw₀)): the flow from θ₀ ends exactly at (w₀, −a₀) (paper 000, Lemma 6.2, with the range condition).</summary>
    Reflect,
}

/// <summary>
/// The One-point route of <c>pwb refute</c> (paper 000, Lemma 5.2 / 6.2, Theorem 6.2): a certificate that a data-independent
/// G ∈ C¹ does not characterize gradient flow on L = (aσ(xᵀw) − y)² even in the weak sense (Definition 4.5).
/// <para><b>Argument.</b> Fix θ₀ = (w₀, a₀), a₀ ≠ 0, and two one-sample datasets D_k = (x_k, y_k) whose flows from θ₀ both
/// end exactly at the same point θ* (below). If G characterized the flow in the weak sense, θ* would minimize G(·, θ₀) over
/// M_{D_k} = {r_k = 0}, r_k(θ) = aσ(x_kᵀw) − y_k, for k = 1, 2. Where ∇r_1(θ*), ∇r_2(θ*) are linearly independent, both
/// M_{D_k} are C¹ hypersurfaces near θ*, and the Lagrange rule gives ∇_θG(θ*; θ₀) = λ_k∇r_k(θ*) for both k; subtracting,
/// λ_1∇r_1 − λ_2∇r_2 = 0 forces λ_1 = λ_2 = 0, so ∇_θG(θ*; θ₀) = 0. This is Lemma 5.2 with two normals instead of M
/// limiting directions (for one sample the flow arrives along ±∇r, eq. (26)). A certified ∇_θG(θ*; θ₀) ≠ 0 therefore
/// refutes G — and, since Definition 4.4 implies 4.5, G does not characterize the flow in the strong sense either.</para>
/// <para><b>Where the flows end.</b> <see cref="OnePointVariant.Stationary"/>: y_k = a₀σ(x_kᵀw₀) puts θ₀ on M_{D_k}, where
/// ∇L = 2r∇r = 0, so the flow is constant and θ* = θ₀ (exact). <see cref="OnePointVariant.Reflect"/>: y_k = −a₀σ(x_kᵀw₀) and
/// θ* = (w₀, −a₀) ∈ M_{D_k} (exact). By the validated Lemma A.3 (LemmaA3Route): with σ &gt; 0, σ′ &gt; 0 on ℝ (Z3) and x ≠ 0,
/// the flow keeps w − w₀ ∈ span{x} and Q = a²/2 − H(xᵀw)/|x|² (H′ = σ/σ′) constant, M_{D_k} meets each level set of Q in at
/// most one point, and the flow reaches it — provided, since a₀ and y_k have opposite signs, that the level set reaches
/// a = 0, i.e. H(u_L) &lt; H(u₀) − |x|²a₀²/2 for some u_L (the condition Lemma 6.1/A.3 as printed omits). Here it holds for
/// every θ₀ and x: σ − cσ′ &gt; 0 on ℝ (Z3) gives σ/σ′ &gt; c, so H(u) → −∞ as u → −∞. θ* = (w₀, −a₀) has w* − w₀ = 0 and
/// Q(θ*) = Q(θ₀) (same a², same w; exact), so θ* is that point: Lemma 6.2, eqs. (24)–(25).</para>
/// </summary>
public static class OnePointRefutation
{
    /// <summary>The constants c tried for the range condition σ − cσ′ &gt; 0 on ℝ, in order.</summary>
    public static readonly IReadOnlyList<Rational> RangeConstants = [new Rational(1, 2), new Rational(1, 16)];

    /// <summary>The half-width of the box around θ* on which ∇_θG is enclosed (finite there: G is C¹ near θ*).</summary>
    public static readonly Rational BoxRadius = new(1, 1024);

    /// <summary>
    /// The SMT facts the Reflect variant rests on: σ &gt; 0, σ′ &gt; 0 on ℝ and, for the first c of
    /// <see cref="RangeConstants"/> Z3 proves, σ − cσ′ &gt; 0 on ℝ (all with regenerable goals). Unproved checks are kept
    /// (their outcome is undecided) so that a caller sees why the variant does not apply.
    /// </summary>
    public static IReadOnlyList<SmtCheck> ReflectHypotheses(Activation sigma)
    {
        var u = sigma.Variable;
        var positive = Prove(sigma.Definition, $"Lemma A.3 hypothesis: σ({u}) > 0 on ℝ");
        var increasing = Prove(sigma.Derivative(1), $"Lemma A.3 hypothesis: σ′({u}) > 0 on ℝ");
        var facts = new List<SmtCheck> { positive, increasing };
        if (facts.Any(f => f.Answer != SmtVerdict.Proved)) return facts;
        SmtCheck? range = null;
        foreach (var c in RangeConstants)
        {
            range = Prove(Sub(sigma.Definition, Mul(Num(c), sigma.Derivative(1))),
                $"range condition (corrected Lemma A.3): σ({u}) − {c}·σ′({u}) > 0 on ℝ, so σ/σ′ > {c} and H = ∫σ/σ′ is unbounded below");
            if (range.Answer == SmtVerdict.Proved) break;
        }
        facts.Add(range!);
        return facts;
    }

    private static SmtCheck Prove(Expr e, string label)
    {
        SmtCheckResult r;
        try { r = SmtProver.ProveSign(e, RelationOperator.Greater, [], name: label); }
        catch (Z3NotFoundException ex) { throw new InputException(ex.Message); }
        return SmtCheck.Of(r with { Name = label }, new Relation(e, RelationOperator.Greater, Zero), []);
    }

    /// <summary>The limit θ* = (w₀, s·a₀) of the variant (s = 1 stationary, −1 reflect).</summary>
    public static int Sign(OnePointVariant v) => v == OnePointVariant.Stationary ? 1 : -1;

    /// <summary>The label y = s·a₀σ(xᵀw₀) of the variant's dataset for input x.</summary>
    public static Expr Label(Activation sigma, OnePointVariant v, IReadOnlyList<Rational> w0, Rational a0, IReadOnlyList<Rational> x) =>
        Mul(Num(Sign(v) * a0), sigma.At(Num(Dot(x, w0))));

    /// <summary>
    /// The facts of the route for θ₀ = (w₀, a₀), inputs x_1, x_2 and labels y_1, y_2 (as given, e.g. from a theorem file):
    /// the Reflect hypotheses (<paramref name="hypotheses"/>, from <see cref="ReflectHypotheses"/>; empty for Stationary),
    /// θ* ∈ M_{D_k} exactly, Q(θ*) = Q(θ₀) exactly (Reflect), the 2×2 minor of (∇r_1(θ*), ∇r_2(θ*)) enclosed away from 0,
    /// ∂G/∂θ_i enclosed away from 0 on the box around θ*, and every component of ∇_θG finite on that box. Each fact proves
    /// its part or is undecided; none refutes (a failed premise leaves the route inconclusive, not G vindicated).
    /// </summary>
    public static IReadOnlyList<Fact> Certify(Activation sigma, Regularizer g, OnePointVariant variant, IReadOnlyList<Rational> w0, Rational a0,
        IReadOnlyList<(IReadOnlyList<Rational> X, Expr Y)> data, IReadOnlyList<SmtCheck> hypotheses)
    {
        int d = g.Dimension;
        if (w0.Count != d || data.Any(s => s.X.Count != d)) throw new ArgumentException("θ₀, the inputs and G need the same dimension d.");
        if (data.Count != 2) throw new ArgumentException("The route uses exactly two datasets.");
        var facts = new List<Fact>();
        if (variant == OnePointVariant.Reflect)
        {
            facts.AddRange(hypotheses);
            if (hypotheses.Count == 0) facts.Add(Undecided("Reflect variant: no proofs of σ > 0, σ′ > 0 and the range condition were given"));
        }
        var limitA = Sign(variant) * a0;
        var model = new OneNeuronModel(sigma, d);
        var at = model.ParameterNames.Select((p, i) => (p, Num(i < d ? w0[i] : limitA))).ToDictionary(q => q.p, q => q.Item2);
        var normals = new List<IReadOnlyList<Expr>>();
        for (int k = 0; k < data.Count; k++)
        {
            var (x, y) = data[k];
            var residual = Substitution.Substitute(model.Residual(new Sample(x.Select(c => Num(c)).ToArray(), y)), at);
            facts.Add(ZeroFact($"θ* ∈ M_D{k + 1}: r_{k + 1}(θ*) = a*σ(x_{k + 1}ᵀw*) − y_{k + 1} = 0", residual));
            var u = Num(Dot(x, w0));
            normals.Add([.. x.Select(c => (Expr)Mul(Num(limitA * c), sigma.DerivativeAt(1, u))), sigma.At(u)]);
        }
        if (variant == OnePointVariant.Reflect)
        {
            facts.Add(ZeroFact("Q(θ*) = Q(θ₀) (Lemma 6.2, eq. (25)): w* = w₀, so Q(θ*) − Q(θ₀) = (a*² − a₀²)/2", Div(Sub(Pow(Num(limitA), Two), Pow(Num(a0), Two)), Two)));
            if (data.Any(s => s.X.All(c => c.IsZero))) facts.Add(Undecided("x = 0: Lemma A.3 needs x ≠ 0"));
        }
        facts.Add(Minor(normals));
        facts.AddRange(GradientFacts(g, w0, limitA, w0, a0));
        return facts;
    }

    /// <summary>The first 2×2 minor of the normals whose enclosure excludes 0 (or the last one tried, undecided).</summary>
    private static Fact Minor(IReadOnlyList<IReadOnlyList<Expr>> n)
    {
        IntervalEnclosure? last = null;
        for (int i = 0; i < n[0].Count; i++)
            for (int j = i + 1; j < n[0].Count; j++)
            {
                var det = Sub(Mul(n[0][i], n[1][j]), Mul(n[0][j], n[1][i]));
                var e = Enclose($"∇r_1(θ*), ∇r_2(θ*) independent (Lemma 5.2's hypothesis): the minor of columns {i + 1}, {j + 1} ≠ 0", det, [], NonzeroOutcome);
                if (e.Outcome == FactOutcome.Proves) return e;
                last = e;
            }
        return last!;
    }

    /// <summary>
    /// ∇_θG(θ*; θ₀) ≠ 0 on the box around θ* (the first component enclosed away from 0), and every component finite there.
    /// </summary>
    public static IReadOnlyList<Fact> GradientFacts(Regularizer g, IReadOnlyList<Rational> w, Rational a, IReadOnlyList<Rational> w0, Rational a0)
    {
        int d = g.Dimension;
        var box = new List<KeyValuePair<string, ExactInterval>>();
        for (int i = 0; i < d; i++) box.Add(new(g.Theta[i], new ExactInterval(w[i] - BoxRadius, w[i] + BoxRadius)));
        box.Add(new("a", new ExactInterval(a - BoxRadius, a + BoxRadius)));
        for (int i = 0; i < d; i++) box.Add(new(g.Theta0[i], ExactInterval.Point(w0[i])));
        box.Add(new("a0", ExactInterval.Point(a0)));
        var nonzero = new List<IntervalEnclosure>();
        var finite = new List<IntervalEnclosure>();
        for (int i = 0; i < g.Gradient.Count; i++)
        {
            nonzero.Add(Enclose($"∂G/∂{g.Theta[i]} ≠ 0 on the box around θ* (so ∇_θG(θ*; θ₀) ≠ 0)", g.Gradient[i], box, NonzeroOutcome));
            finite.Add(Enclose($"∂G/∂{g.Theta[i]} finite on the box around θ* (G is C¹ near θ*)", g.Gradient[i], box, FiniteOutcome));
        }
        var witness = nonzero.FirstOrDefault(f => f.Outcome == FactOutcome.Proves) ?? nonzero[0];
        return [witness, .. finite.Where((_, i) => !ReferenceEquals(nonzero[i], witness))];
    }

    /// <summary>Proves when the enclosure is finite and excludes 0.</summary>
    public static FactOutcome NonzeroOutcome(Interval v) => double.IsFinite(v.Lo) && double.IsFinite(v.Hi) && !v.ContainsZero ? FactOutcome.Proves : FactOutcome.Undecided;

    /// <summary>Proves when the enclosure is finite.</summary>
    public static FactOutcome FiniteOutcome(Interval v) => double.IsFinite(v.Lo) && double.IsFinite(v.Hi) ? FactOutcome.Proves : FactOutcome.Undecided;

    private static IntervalEnclosure Enclose(string label, Expr e, IReadOnlyList<KeyValuePair<string, ExactInterval>> box, Func<Interval, FactOutcome> rule)
    {
        var value = IntervalEvaluator.Evaluate(e, box.ToDictionary(kv => kv.Key, kv => kv.Value.ToInterval()));
        return new IntervalEnclosure(label, e, box, ExactInterval.Of(value), null, rule(value));
    }

    private static Fact ZeroFact(string label, Expr e)
    {
        var r = Simplifier.ZeroTest(e);
        return r == ZeroTestResult.Zero ? new ExactIdentity(label, e, r) : Enclose(label + " (not shown exactly: the route does not apply)", e, [], _ => FactOutcome.Undecided);
    }

    private static Fact Undecided(string label) => new IntervalEnclosure(label, Zero, [], ExactInterval.Point(Rational.Zero), null, FactOutcome.Undecided);

    /// <summary>xᵀw, exact.</summary>
    public static Rational Dot(IReadOnlyList<Rational> x, IReadOnlyList<Rational> w) => x.Select((c, i) => c * w[i]).Aggregate(Rational.Zero, (s, v) => s + v);
}
