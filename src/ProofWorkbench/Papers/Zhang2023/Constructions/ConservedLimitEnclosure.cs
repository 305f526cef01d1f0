using ProofWorkbench.Models;
using ProofWorkbench.Numerics.RootFinding;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Simplification;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.Zhang2023.Constructions;

/// <summary>An enclosure of a one-sample gradient-flow limit θ* = (w*, a*) for d = 1.</summary>
/// <param name="W">An interval that contains w*.</param>
/// <param name="A">An interval that contains a*.</param>
public sealed record LimitEnclosure(Interval W, Interval A)
{
    /// <summary>True when the two enclosures share no point (so the limits differ).</summary>
    public bool DisjointFrom(LimitEnclosure other) =>
        W.Hi < other.W.Lo || other.W.Hi < W.Lo || A.Hi < other.A.Lo || other.A.Hi < A.Lo;

    /// <summary>The midpoint (w, a).</summary>
    public (double W, double A) Mid => (W.Mid, A.Mid);
}

/// <summary>
/// A validated enclosure of the limit of one-sample gradient flow (paper 000, Lemma 6.1 / A.3), for d = 1 and an
/// activation with σ &gt; 0 and σ′ &gt; 0 on ℝ, built on the conserved quantity instead of an ODE error estimate.
/// <para>The argument. Let H be an antiderivative of σ/σ′ (closed form, verified by the integrator by differentiating
/// back). Then h(w) = H(xw)/x² satisfies h′(w) = σ(xw)/(xσ′(xw)), so Q = a²/2 − H(xw)/x² is constant along the flow
/// (eq. (20)). Lemma A.3 shows that the flow from θ₀ converges to a point of M_S = {aσ(xw) = y}, and that M_S meets the
/// level set {Q = Q(θ₀)} in exactly one point (φ(s) = sσ(·) − y is strictly increasing along the level set, eq. (22)).
/// On M_S, a = y/σ(xw), so the limit's w* is the unique zero of</para>
/// <para>G(w) = (y/σ(xw))²/2 − (H(xw) − H(xw₀))/x² − a₀²/2,</para>
/// <para>and an interval [w⁻, w⁺] on whose ends G has strictly opposite signs — decided by outward-rounded interval
/// arithmetic — contains w* by the intermediate value theorem and uniqueness. Then a* ∈ y/σ(x·[w⁻, w⁺]).
/// The data x, y, w₀, a₀ may themselves be intervals: the signs are then certain for every value in them.</para>
/// </summary>
public sealed class ConservedLimitEnclosure
{
    /// <summary>The symbols of <see cref="G"/>: the unknown w and the data.</summary>
    public const string WSym = "w", XSym = "x", YSym = "y", W0Sym = "w0", A0Sym = "a0";

    private static readonly string[] Order = [WSym, XSym, YSym, W0Sym, A0Sym];
    private readonly Func<double[], double> gFloat;
    private readonly Func<double[], double> sigmaFloat;

    private ConservedLimitEnclosure(Activation sigma, Expr h, Expr g, Expr aOnM)
    {
        Sigma = sigma; H = h; G = g; AOnM = aOnM;
        gFloat = Compiler.Compile(g, Order);
        sigmaFloat = Compiler.Compile(sigma.Definition, [sigma.Variable]);
    }

    /// <summary>σ.</summary>
    public Activation Sigma { get; }
    /// <summary>H(u), an antiderivative of σ(u)/σ′(u) (verified), in σ's variable.</summary>
    public Expr H { get; }
    /// <summary>G(w; x, y, w0, a0), whose unique zero is the limit's w.</summary>
    public Expr G { get; }
    /// <summary>a = y/σ(xw), the point of M_S above w.</summary>
    public Expr AOnM { get; }

    /// <summary>
    /// Prepares the enclosure for σ, or returns the reason it cannot: no closed-form antiderivative of σ/σ′, or one
    /// built from functions with jumps (sign, heaviside, abs, piecewise), which would not be an antiderivative on all of ℝ.
    /// The caller proves σ &gt; 0 and σ′ &gt; 0 (Lemma A.3's hypotheses) separately.
    /// </summary>
    public static ConservedLimitEnclosure? Create(Activation sigma, out string reason)
    {
        reason = "";
        var v = sigma.Variable;
        var ratio = Simplifier.Simplify(Div(sigma.Definition, sigma.Derivative(1)));
        // The one rule for a usable closed-form H (Lemma A.3 route): verified by the integrator, built from smooth functions.
        var h = LemmaA3.LemmaA3Route.ClosedFormH(ratio, v);
        if (h is null)
        {
            reason = $"no closed-form antiderivative H of σ/σ′ = {ratio} built from smooth functions was found (a jump or kink would make it an antiderivative only piecewise), so the conserved quantity a²/2 − H(xw)/x² cannot be evaluated in interval arithmetic (a validated quadrature of h′ would be needed)";
            return null;
        }
        Expr x = Sym(XSym), w = Sym(WSym);
        Expr At(Expr u) => Substitution.Substitute(h, v, u);
        var aOnM = Div(Sym(YSym), sigma.At(Mul(x, w)));
        var g = Sub(Sub(Div(Pow(aOnM, Two), Two), Div(Sub(At(Mul(x, w)), At(Mul(x, Sym(W0Sym)))), Pow(x, Two))),
            Div(Pow(Sym(A0Sym), Two), Two));
        return new ConservedLimitEnclosure(sigma, h, g, aOnM);
    }

    /// <summary>σ(u) in floating point.</summary>
    public double SigmaAt(double u) => sigmaFloat([u]);

    /// <summary>
    /// The limit's w in floating point (not validated): the zero of G found by walking out from w₀ in both directions
    /// with doubling steps until G changes sign, then Brent's method. Null when no sign change is found before G stops
    /// being finite (overflow) — then nothing is claimed.
    /// </summary>
    public double? FloatLimitW(double x, double y, double w0, double a0)
    {
        double G(double w) => gFloat([w, x, y, w0, a0]);
        double g0 = G(w0);
        if (g0 == 0) return w0;
        if (!double.IsFinite(g0)) return null;
        double step = Math.Max(1.0, Math.Abs(x * w0)) / (8 * Math.Abs(x));
        bool[] alive = [true, true];
        double[] previous = [w0, w0], fPrevious = [g0, g0];
        for (int k = 0; k < 90 && (alive[0] || alive[1]); k++, step *= 2)
        {
            for (int side = 0; side < 2; side++)
            {
                if (!alive[side]) continue;
                double next = w0 + (side == 0 ? step : -step);
                double f = G(next);
                if (!double.IsFinite(f)) { alive[side] = false; continue; }
                if (f == 0) return next;
                if ((f > 0) != (g0 > 0))
                {
                    double lo = Math.Min(previous[side], next), hi = Math.Max(previous[side], next);
                    double flo = lo == next ? f : fPrevious[side], fhi = hi == next ? f : fPrevious[side];
                    return BrentRoot.FindRoot(G, lo, hi, flo, fhi);
                }
                previous[side] = next; fPrevious[side] = f;
            }
        }
        return null;
    }

    /// <summary>
    /// The sign of G at the point <paramref name="w"/> for every x, y, w₀, a₀ in the given intervals: +1 or −1 when
    /// certain, 0 when the enclosure contains 0 or is not finite.
    /// </summary>
    public int CertainSignOfG(double w, Interval x, Interval y, Interval w0, Interval a0)
    {
        var r = IntervalEvaluator.Evaluate(G, Box(Interval.Point(w), x, y, w0, a0));
        if (!double.IsFinite(r.Lo) || !double.IsFinite(r.Hi)) return 0;
        return r.Lo > 0 ? 1 : r.Hi < 0 ? -1 : 0;
    }

    /// <summary>
    /// Encloses the limit around the floating-point guess <paramref name="wGuess"/>: widens [w − δ, w + δ] (δ from
    /// 1e-15·max(1, |w|), ×4 each time, at most <paramref name="maxRelativeWidth"/>) until G has certain, opposite signs
    /// at the two ends. Null when no such δ is found.
    /// </summary>
    public LimitEnclosure? Enclose(double wGuess, Interval x, Interval y, Interval w0, Interval a0, double maxRelativeWidth = 1e-2)
    {
        if (x.ContainsZero) return null;
        double scale = Math.Max(1, Math.Abs(wGuess));
        for (double delta = 1e-15 * scale; delta <= maxRelativeWidth * scale; delta *= 4)
        {
            double lo = wGuess - delta, hi = wGuess + delta;
            int sLo = CertainSignOfG(lo, x, y, w0, a0);
            if (sLo == 0) continue;
            int sHi = CertainSignOfG(hi, x, y, w0, a0);
            if (sHi == 0 || sHi == sLo) continue;
            var wBox = new Interval(lo, hi);
            var a = IntervalEvaluator.Evaluate(AOnM, Box(wBox, x, y, w0, a0));
            if (!double.IsFinite(a.Lo) || !double.IsFinite(a.Hi)) return null;
            return new LimitEnclosure(wBox, a);
        }
        return null;
    }

    /// <summary>The interval box for <see cref="G"/> and <see cref="AOnM"/>.</summary>
    public static IReadOnlyDictionary<string, Interval> Box(Interval w, Interval x, Interval y, Interval w0, Interval a0) =>
        new Dictionary<string, Interval> { [WSym] = w, [XSym] = x, [YSym] = y, [W0Sym] = w0, [A0Sym] = a0 };

    /// <summary>An interval that certainly contains the exact rational <paramref name="r"/>.</summary>
    public static Interval Enclose(Symbolic.Numbers.Rational r) => IntervalEvaluator.Evaluate(Num(r), new Dictionary<string, Interval>());
}
