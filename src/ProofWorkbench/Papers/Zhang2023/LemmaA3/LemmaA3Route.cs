using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.Recipes;
using ProofWorkbench.Smt;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Simplification;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.Zhang2023.LemmaA3;

/// <summary>
/// The validated Lemma A.3 route (paper 000, Lemma 6.1 / A.3, eqs. (17)–(22)): an interval enclosure of the limit of
/// gradient flow θ̇ = −∇L, L = (aσ(xᵀw) − y)², for one sample, when σ &gt; 0 and σ′ &gt; 0 on ℝ are proved.
/// <para><b>Reduction to one dimension.</b> ẇ = −2r·a·σ′(u)·x with r = aσ(u) − y and u = xᵀw, so w(t) − w₀ ∥ x and
/// u̇ = −2r·a·σ′(u)·|x|², ȧ = −2r·σ(u). With H′ = σ/σ′, Q = a²/2 − H(u)/|x|² is conserved:
/// Q̇ = aȧ − (σ/σ′)(u)·u̇/|x|² = −2raσ + 2raσ = 0 (for d = 1 this is eq. (20) with h(w) = H(xw)/x²).</para>
/// <para><b>M_S and the level set.</b> Since σ &gt; 0, M_S = {aσ(u) = y} is the single graph a = y/σ(u) (there is no
/// other branch). On it Q − Q₀ is G(u) = (y/σ(u))²/2 − (H(u) − H(u₀))/|x|² − a₀²/2, and
/// G′(u) = −y²σ′(u)/σ(u)³ − σ(u)/(|x|²σ′(u)) &lt; 0 for every u because σ, σ′ &gt; 0. So G is strictly decreasing on ℝ
/// and M_S meets the level set {Q = Q₀} in at most one point; certain signs G(u⁻) &gt; 0 &gt; G(u⁺) place that point
/// P* = (u*, y/σ(u*)) in [u⁻, u⁺] (intermediate value theorem).</para>
/// <para><b>The flow reaches P*.</b> On the level set, H(u) = |x|²(Q₀ + a²/2) determines u = U(a) (H is strictly
/// increasing), wherever the right side lies in the range of H. Along the flow ȧ = −2σ(U(a))·φ(a) with
/// φ(a) = aσ(U(a)) − y and φ′(a) = σ + a²|x|²σ′²/σ &gt; 0 (paper's eq. (22)): φ has the sign of a − a*, so a(t) moves
/// monotonically towards a* and, being an autonomous 1-D flow with a single equilibrium on the segment J between a₀
/// and a*, converges to a*; then u(t) = U(a(t)) → u*. This needs U defined on all of J. When a₀ and a* = y/σ(u*) have
/// the same sign, the values |x|²(Q₀ + a²/2), a ∈ J, lie between those at a₀ and a*, which H attains at u₀ and u*.
/// When they have opposite signs, J contains a = 0, and the extra condition H(u_L) &lt; H(u₀) − |x|²a₀²/2 for some u_L
/// (certified here) puts |x|²Q₀ in the range of H too. Lemma A.3 as printed omits this condition; without it the
/// lemma fails: for σ(u) = exp(−e^{−u}) (H = e^u, bounded below), x = 1, y = 1, θ₀ = (0, −2), a(t) stays below −√2,
/// u(t) → −∞, and the flow has no limit.</para>
/// <para>What an enclosure certifies, then: given σ &gt; 0 and σ′ &gt; 0 on ℝ (Z3), the conservation of Q (an exact
/// identity), and the interval facts recorded in <see cref="OneSampleLimit"/>, lim_{t→∞} θ(t) exists and lies in the
/// box (w₀ + (U − u₀)/|x|²·x, y/σ(U)). H is either a closed form verified by the integrator, or the validated quadrature
/// of σ/σ′ from u₀ (<see cref="ValidatedQuadrature"/>).</para>
/// </summary>
public static class LemmaA3Route
{
    /// <summary>The symbol standing for ∫_{u₀}^{u} σ/σ′ in <see cref="OneSampleLimit.G"/> when H has no closed form.</summary>
    public const string IntegralSymbol = "I";
    /// <summary>The symbols of <see cref="OneSampleLimit.G"/>: u, the label y, |x|² and a₀.</summary>
    public const string USym = "u", YSym = "y", NSym = "n", A0Sym = "a0";

    /// <summary>
    /// Proves σ &gt; 0 and σ′ &gt; 0 on ℝ by Z3 (Sec. 6.3(a), Lemma 6.1's hypotheses); null with the reason when either
    /// is not proved.
    /// </summary>
    public static IReadOnlyList<SmtCheckResult>? Hypotheses(Activation sigma, out string reason)
    {
        reason = "";
        if (sigma.IsAbstract) { reason = "σ is abstract"; return null; }
        var results = new[] { RecipeChecks.ActivationPositive(sigma.Definition, sigma.Variable), RecipeChecks.ActivationIncreasing(sigma.Definition, sigma.Variable) };
        var open = results.Where(r => r.Verdict != SmtVerdict.Proved).ToList();
        if (open.Count > 0) { reason = $"Lemma 6.1's hypotheses are not proved: {string.Join("; ", open.Select(r => r.Explanation))}"; return null; }
        return results;
    }

    /// <summary>The relations <see cref="Hypotheses"/> proves for all real values of σ's variable: σ &gt; 0 and σ′ &gt; 0 (in that order).</summary>
    public static IReadOnlyList<Relation> HypothesisGoals(Activation sigma) =>
    [
        new Relation(sigma.Definition, RelationOperator.Greater, Zero),
        new Relation(Differentiator.Derivative(sigma.Definition, sigma.Variable), RelationOperator.Greater, Zero),
    ];

    /// <summary>
    /// Encloses the limit, or returns null with the reason. <paramref name="hypotheses"/> are the Z3 proofs of σ &gt; 0,
    /// σ′ &gt; 0 (from <see cref="Hypotheses"/>); <paramref name="guessU"/> is an optional floating-point guess of u* = xᵀw*
    /// (e.g. from an ODE run), used only to start the search.
    /// </summary>
    public static OneSampleLimit? Enclose(OneSampleProblem p, IReadOnlyList<SmtCheckResult> hypotheses, double? guessU, out string reason)
    {
        reason = "";
        int d = p.X.Count;
        if (p.W0.Count != d) throw new ArgumentException("w₀ and x need the same dimension.");
        var n = p.X.Aggregate(Rational.Zero, (s, xi) => s + xi * xi);
        if (n.IsZero) { reason = "x = 0: the flow does not move w, and the level set is not a graph over u"; return null; }
        var u0 = p.X.Zip(p.W0, (xi, wi) => xi * wi).Aggregate(Rational.Zero, (s, t) => s + t);
        var sigma = p.Sigma;
        var v = sigma.Variable;
        var ratio = Simplifier.Simplify(Div(sigma.Definition, sigma.Derivative(1)));
        var box0 = new Dictionary<string, Interval>();
        Interval Enc(Expr e) => IntervalEvaluator.Evaluate(e, box0);
        Interval U0 = Enc(Num(u0)), N = Enc(Num(n)), Y = Enc(p.Y), A0 = Enc(Num(p.A0));
        if (!double.IsFinite(Y.Lo) || !double.IsFinite(Y.Hi)) { reason = $"the label y = {p.Y} has no finite enclosure"; return null; }

        var h = ClosedFormH(ratio, v);
        var deltaH = DeltaH(ratio, v, h, U0, guessU is { } g && double.IsFinite(g) ? g : U0.Mid);
        var sigmaExpr = sigma.Definition;
        var sigmaPrime = sigma.Derivative(1);
        Interval Sig(Interval u) => IntervalEvaluator.Evaluate(sigmaExpr, new Dictionary<string, Interval> { [v] = u });
        Interval SigPrime(Interval u) => IntervalEvaluator.Evaluate(sigmaPrime, new Dictionary<string, Interval> { [v] = u });
        Interval Half = Interval.Point(0.5);
        (Interval G, Interval I) GOf(Interval u)
        {
            var i = deltaH(u);
            var a = Y / Sig(u);
            return (Half * a * a - i / N - Half * A0 * A0, i);
        }
        int Sign(Interval g) => !double.IsFinite(g.Lo) || !double.IsFinite(g.Hi) ? 0 : g.Lo > 0 ? 1 : g.Hi < 0 ? -1 : 0;
        int SignAt(double u) => Sign(GOf(Interval.Point(u)).G);

        // A bracket [lo, hi] with certain signs G(lo) > 0 > G(hi) (G decreases).
        (double Lo, double Hi)? bracket = null;
        double start = guessU is { } gu && double.IsFinite(gu) ? gu : U0.Mid;
        for (double delta = 1e-12 * Math.Max(1, Math.Abs(start)); delta < 1e6 && bracket is null; delta *= 4)
        {
            if (SignAt(start - delta) == 1 && SignAt(start + delta) == -1) bracket = (start - delta, start + delta);
        }
        if (bracket is null) { reason = "no interval with certain opposite signs of the level-set function G was found (G is not finite or the search budget is exhausted)"; return null; }
        var (lo, hi) = bracket.Value;
        // Bisection on certain signs. Where the enclosure of G(mid) contains 0 (the resolution limit), each end is still
        // pulled towards that point separately, so the bracket ends as tight as the enclosures allow.
        double? undecided = null;
        for (int k = 0; k < 200 && undecided is null; k++)
        {
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) break;
            int sign = SignAt(mid);
            if (sign == 1) lo = mid; else if (sign == -1) hi = mid; else undecided = mid;
        }
        if (undecided is { } z)
        {
            double zl = z, zh = z;
            for (int k = 0; k < 80; k++)
            {
                double m = lo + (zl - lo) / 2;
                if (m <= lo || m >= zl) break;
                if (SignAt(m) == 1) lo = m; else zl = m;
            }
            for (int k = 0; k < 80; k++)
            {
                double m = zh + (hi - zh) / 2;
                if (m <= zh || m >= hi) break;
                if (SignAt(m) == -1) hi = m; else zh = m;
            }
        }
        var U = new Interval(lo, hi);
        var (gLo, iLo) = GOf(Interval.Point(lo));
        var (gHi, iHi) = GOf(Interval.Point(hi));
        if (Sign(gLo) != 1 || Sign(gHi) != -1) { reason = "the certified bracket was lost"; return null; }
        var s = Sig(U); var sp = SigPrime(U);
        var derivative = -(Y * Y * sp / (s * s * s)) - s / (N * sp);
        if (!(derivative.Hi < 0)) { reason = $"G′ is not certainly negative on {U} (enclosure {derivative})"; return null; }
        if (h is not null && !double.IsFinite(IntervalEvaluator.Evaluate(h, new Dictionary<string, Interval> { [v] = U0.Hull(U) }).Width))
        {
            reason = $"the antiderivative H = {h} is not finite on the hull of u₀ and u*, so it may not be an antiderivative there";
            return null;
        }
        var a = Y / s;
        var du = (U - U0) / N;
        var w = p.X.Select((xi, i) => Enc(Num(p.W0[i])) + du * Enc(Num(xi))).ToList();

        (double, Interval)? range = null;
        bool sameSign = (A0.Lo >= 0 && Y.Lo >= 0) || (A0.Hi <= 0 && Y.Hi <= 0);
        if (!sameSign)
        {
            range = RangeWitness(deltaH, U0, n, p.A0);
            if (range is null) { reason = "a₀ and y have opposite signs, and no u_L with H(u_L) < H(u₀) − |x|²a₀²/2 was certified: the level set may not reach a = 0 (Lemma A.3 needs this)"; return null; }
        }

        return new OneSampleLimit
        {
            Problem = p, Ratio = ratio, Method = h is null ? AntiderivativeMethod.Quadrature : AntiderivativeMethod.ClosedForm, H = h,
            G = LevelSetFunction(sigma, h, u0),
            U0 = u0, NormSquared = n, U = U, GAtLo = gLo, GAtHi = gHi, Integrals = (iLo, iHi), DerivativeOnU = derivative,
            W = w, A = a, RangeWitness = range, Hypotheses = hypotheses,
        };
    }

    /// <summary>
    /// H(u) − H(u₀) over an interval of u: the closed form <paramref name="h"/> (a verified antiderivative of σ/σ′) in interval
    /// arithmetic, else the validated quadrature of <paramref name="ratio"/> = σ/σ′ from u₀, through a reference point m
    /// (∫_{u₀}^{u} = ∫_{u₀}^{m} + ∫_{m}^{u}: the long part once).
    /// </summary>
    public static Func<Interval, Interval> DeltaH(Expr ratio, string v, Expr? h, Interval u0, double m)
    {
        if (h is not null)
        {
            var hu0 = IntervalEvaluator.Evaluate(h, new Dictionary<string, Interval> { [v] = u0 });
            return u => IntervalEvaluator.Evaluate(h, new Dictionary<string, Interval> { [v] = u }) - hu0;
        }
        var toM = ValidatedQuadrature.Integrate(ratio, v, u0, Interval.Point(m));
        return u => toM + ValidatedQuadrature.Integrate(ratio, v, Interval.Point(m), u);
    }

    /// <summary>
    /// Lemma A.3's range condition when a₀ and a* have opposite signs (the level set must reach a = 0): a point u_L &lt; u₀
    /// with H(u_L) − H(u₀) + |x|²a₀²/2 &lt; 0 certified (H increases, so look left), or null.
    /// </summary>
    public static (double UL, Interval Value)? RangeWitness(Func<Interval, Interval> deltaH, Interval u0, Rational n, Rational a0)
    {
        var N = IntervalEvaluator.Evaluate(Num(n), new Dictionary<string, Interval>());
        var A0 = IntervalEvaluator.Evaluate(Num(a0), new Dictionary<string, Interval>());
        double step = Math.Max(1, n.ToDouble() * a0.ToDouble() * a0.ToDouble());
        for (int k = 0; k < 24; k++, step *= 2)
        {
            double uL = u0.Lo - step;
            var value = deltaH(Interval.Point(uL)) + N * Interval.Point(0.5) * A0 * A0;
            if (value.Hi < 0) return (uL, value);
        }
        return null;
    }

    /// <summary>
    /// A closed-form antiderivative H of σ/σ′ that the integrator verified by differentiating back, built only from
    /// smooth functions (a jump or kink would make it an antiderivative only piecewise); null otherwise.
    /// </summary>
    public static Expr? ClosedFormH(Expr ratio, string variable)
    {
        var h = Integrator.Integrate(ratio, variable);
        if (h is null) return null;
        if (h.Any(x => x is Piecewise or AbstractCall || x is FunctionCall { Function.Smooth: false })) return null;
        return h;
    }

    /// <summary>G(u) = (y/σ(u))²/2 − ΔH/|x|² − a₀²/2 over the symbols u, y, n = |x|², a0 (and I = ΔH for quadrature).</summary>
    public static Expr LevelSetFunction(Activation sigma, Expr? h, Rational u0)
    {
        Expr u = Sym(USym);
        Expr deltaH = h is null ? Sym(IntegralSymbol)
            : Sub(Substitution.Substitute(h, sigma.Variable, u), Substitution.Substitute(h, sigma.Variable, Num(u0)));
        return Sub(Sub(Div(Pow(Div(Sym(YSym), sigma.At(u)), Two), Two), Div(deltaH, Sym(NSym))), Div(Pow(Sym(A0Sym), Two), Two));
    }
}
