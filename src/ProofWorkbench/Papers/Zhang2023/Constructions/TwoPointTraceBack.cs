using System.Globalization;
using ProofWorkbench.Models;
using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.Zhang2023.Constructions;

/// <summary>The data of the trace-back: σ, θ₀ = (w₀, a₀) and S₁ = (x₁, y₁), exact, d = 1.</summary>
public sealed record TraceBackInput(Activation Sigma, Rational W0, Rational A0, Rational X1, Rational Y1);

/// <summary>Whether an overlap's existence was proved.</summary>
public enum Existence
{
    /// <summary>A certified sign change with continuity: some x₂ in the interval gives an exact overlap.</summary>
    Proved,
    /// <summary>The certification did not go through; the reason says which step.</summary>
    Inconclusive,
}

/// <summary>
/// One x₂ interval [Lo, Hi] of the trace-back, with θ₂* at its midpoint (floating point), the enclosure of θ₂*(x₂)
/// over the whole interval (when obtained), whether an exact overlap was proved to exist in it, and why.
/// </summary>
public sealed record OverlapInterval(Rational Lo, Rational Hi, double Theta2W, double Theta2A, LimitEnclosure? Theta2Box,
    Existence Existence, string Reason)
{
    /// <summary>The intervals behind a proved overlap (null unless <see cref="Existence"/> is proved), from which
    /// <see cref="TwoPointOverlapFacts"/> writes the re-checkable facts.</summary>
    public OverlapProof? Proof { get; init; }
}

/// <summary>
/// The intervals of a certified overlap on [x₂⁻, x₂⁺] (step (iii) and (ii) of <see cref="TwoPointTraceBack"/>): the level-set
/// function G(·; x₂) has certain opposite signs at <paramref name="WLo"/> and <paramref name="WHi"/> for every x₂ in the
/// interval, and at each end x₂ = <c>Ends[i].X2</c> at the ends of the narrower interval [<c>Ends[i].WLo</c>, <c>Ends[i].WHi</c>],
/// where F = a₂*σ(x₁w₂*) − y₁ has the certain sign <c>Ends[i].FSign</c>.
/// </summary>
public sealed record OverlapProof(double WLo, double WHi, IReadOnlyList<(Rational X2, double WLo, double WHi, int FSign)> Ends);

/// <summary>An x₂ range that was searched, with its number of grid points.</summary>
public sealed record SearchedRange(double Lo, double Hi, int Points);

/// <summary>The outcome of a trace-back search.</summary>
public sealed record TraceBackResult(LimitEnclosure Theta1, double Theta1W, double Theta1A, IReadOnlyList<OverlapInterval> Overlaps,
    IReadOnlyList<SearchedRange> Searched, IReadOnlyList<string> Notes);

/// <summary>
/// The trace-back of paper 000, Section 5.2 (Figure 1), for a given activation σ with σ &gt; 0 and σ′ &gt; 0 (d = 1):
/// keep θ₀ and S₁, let θ₁* be the limit of the flow on S₁, and for each x₂ tie y₂ = a₁*·σ(x₂w₁*), so θ₁* ∈ M_S₂ holds
/// by construction. Then the overlap {θ₁*, θ₂*} ⊆ M_S₁ ∩ M_S₂ (Lemma 5.1) holds exactly where the signed mismatch
/// F(x₂) = a₂*σ(x₁w₂*) − y₁ vanishes (F² = L_S₁(θ₂*(x₂))), θ₂*(x₂) being the limit of the flow on S₂ = (x₂, y₂(x₂)).
/// <para>Existence is proved, never inferred from a small residual: on [x⁻, x⁺] (i) θ₁* and θ₂*(x⁻), θ₂*(x⁺) are
/// enclosed by <see cref="ConservedLimitEnclosure"/>; (ii) F(x⁻) and F(x⁺) have certain, opposite signs;
/// (iii) G(w; x₂) has certain opposite signs at w⁻ and w⁺ for every x₂ ∈ [x⁻, x⁺], so w₂*(x₂), the unique zero of
/// G(·; x₂), lies in [w⁻, w⁺] for all such x₂ — and the unique zero of a jointly continuous function on a compact box
/// with fixed end signs depends continuously on x₂ (its graph is closed), so F is continuous on [x⁻, x⁺]; the
/// intermediate value theorem then gives an x₂ with F(x₂) = 0; (iv) the box of θ₂* is disjoint from θ₁*'s enclosure,
/// so θ₁* ≠ θ₂*, and x₁ ∉ [x⁻, x⁺], so S₂ ≠ S₁.</para>
/// </summary>
public sealed class TwoPointTraceBack
{
    private const string W1Sym = "w1s", A1Sym = "a1s", X1Sym = "x1", Y1Sym = "y1";
    private readonly ConservedLimitEnclosure limit;
    private readonly Expr y2;            // y₂(x) = a₁*σ(x w₁*)
    private readonly Expr mismatch;      // F(w; x, y) = y σ(x₁ w)/σ(x w) − y₁
    private readonly Interval x1, y1, w0, a0;
    private readonly Func<double[], double> y2Float;

    private TwoPointTraceBack(TraceBackInput input, ConservedLimitEnclosure limit, LimitEnclosure theta1, double w1, double a1)
    {
        Input = input; this.limit = limit; Theta1 = theta1; Theta1W = w1; Theta1A = a1;
        x1 = ConservedLimitEnclosure.Enclose(input.X1); y1 = ConservedLimitEnclosure.Enclose(input.Y1);
        w0 = ConservedLimitEnclosure.Enclose(input.W0); a0 = ConservedLimitEnclosure.Enclose(input.A0);
        var sigma = input.Sigma;
        y2 = Mul(Sym(A1Sym), sigma.At(Mul(Sym(ConservedLimitEnclosure.XSym), Sym(W1Sym))));
        y2Float = Compiler.Compile(y2, [ConservedLimitEnclosure.XSym, W1Sym, A1Sym]);
        Expr w = Sym(ConservedLimitEnclosure.WSym), x = Sym(ConservedLimitEnclosure.XSym);
        mismatch = Sub(Div(Mul(Sym(ConservedLimitEnclosure.YSym), sigma.At(Mul(Sym(X1Sym), w))), sigma.At(Mul(x, w))), Sym(Y1Sym));
    }

    /// <summary>The data.</summary>
    public TraceBackInput Input { get; }
    /// <summary>The enclosure of θ₁*, the limit of the flow on S₁ from θ₀.</summary>
    public LimitEnclosure Theta1 { get; }
    /// <summary>w₁* in floating point.</summary>
    public double Theta1W { get; }
    /// <summary>a₁* in floating point.</summary>
    public double Theta1A { get; }
    /// <summary>The conserved-quantity enclosure in use (its H is reported).</summary>
    public ConservedLimitEnclosure Limit => limit;

    /// <summary>
    /// Prepares the trace-back. The caller has proved σ &gt; 0 and σ′ &gt; 0 on ℝ (Lemma A.3). Throws
    /// <see cref="InputException"/> naming the failing step: x₁ = 0 or y₁ = 0, no closed-form H, θ₁* not enclosed.
    /// </summary>
    public static TwoPointTraceBack Create(TraceBackInput input)
    {
        if (input.X1.IsZero) throw new InputException("--s1: x₁ must be nonzero (Lemma A.3 needs x ≠ 0; with x = 0 the flow does not move w).");
        if (input.Y1.IsZero) throw new InputException("--s1: y₁ must be nonzero (with y₁ = 0, M_S₁ = {a = 0} and y₂ = a₁*σ(x₂w₁*) = 0 for every x₂: no two-point overlap).");
        var limit = ConservedLimitEnclosure.Create(input.Sigma, out var reason)
            ?? throw new InputException($"--activation: {reason}.");
        double w0 = input.W0.ToDouble(), a0 = input.A0.ToDouble(), x1 = input.X1.ToDouble(), y1 = input.Y1.ToDouble();
        var guess = limit.FloatLimitW(x1, y1, w0, a0)
            ?? throw new InputException("the limit θ₁* of the flow on S₁ could not be located: the conserved quantity overflowed the double range; choose smaller θ₀ or S₁.");
        var theta1 = limit.Enclose(guess, ConservedLimitEnclosure.Enclose(input.X1), ConservedLimitEnclosure.Enclose(input.Y1),
                ConservedLimitEnclosure.Enclose(input.W0), ConservedLimitEnclosure.Enclose(input.A0))
            ?? throw new InputException("the limit θ₁* of the flow on S₁ could not be enclosed by interval arithmetic (G has no certified sign change near it).");
        double a1 = y1 / limit.SigmaAt(x1 * guess);
        return new TwoPointTraceBack(input, limit, theta1, guess, a1);
    }

    /// <summary>The enclosure of y₂ = a₁*σ(x₂w₁*) for x₂ in <paramref name="x"/>.</summary>
    public Interval Y2(Interval x) => IntervalEvaluator.Evaluate(y2, new Dictionary<string, Interval>
    {
        [ConservedLimitEnclosure.XSym] = x, [W1Sym] = Theta1.W, [A1Sym] = Theta1.A,
    });

    /// <summary>F(x₂) = a₂*σ(x₁w₂*) − y₁ in floating point, with θ₂*(x₂) = (w, a); NaN where the limit was not located.</summary>
    public (double F, double W, double A) FloatMismatch(double x2)
    {
        double y = y2Float([x2, Theta1W, Theta1A]);
        if (limit.FloatLimitW(x2, y, Input.W0.ToDouble(), Input.A0.ToDouble()) is not { } w) return (double.NaN, double.NaN, double.NaN);
        double a = y / limit.SigmaAt(x2 * w);
        return (a * limit.SigmaAt(Input.X1.ToDouble() * w) - Input.Y1.ToDouble(), w, a);
    }

    /// <summary>
    /// Tries to prove that some x₂ ∈ [<paramref name="lo"/>, <paramref name="hi"/>] gives an exact two-point overlap
    /// (steps (i)–(iv) of the class summary). Never throws for a failing step: the result says which step failed.
    /// </summary>
    public OverlapInterval Certify(Rational lo, Rational hi)
    {
        double mid = (lo + (hi - lo) / 2).ToDouble();
        var (_, midW, midA) = FloatMismatch(mid);
        OverlapInterval Fail(string why, LimitEnclosure? box = null) => new(lo, hi, midW, midA, box, Existence.Inconclusive, why);
        if (!(lo < hi)) return Fail("the interval is empty or a point");
        if (lo.Sign <= 0 && hi.Sign >= 0) return Fail("the interval contains x₂ = 0, where the flow does not move w");
        if (lo <= Input.X1 && Input.X1 <= hi) return Fail("the interval contains x₂ = x₁, the trivial solution S₂ = S₁, which is not an overlap");

        var ends = new List<(Rational X, LimitEnclosure Theta2, int Sign)>();
        foreach (var end in new[] { lo, hi })
        {
            var x = ConservedLimitEnclosure.Enclose(end);
            var y = Y2(x);
            var (_, guess, _) = FloatMismatch(end.ToDouble());
            if (double.IsNaN(guess)) return Fail($"the limit θ₂* at x₂ = {Show(end)} could not be located in floating point (overflow)");
            var theta2 = limit.Enclose(guess, x, y, w0, a0);
            if (theta2 is null) return Fail($"the limit θ₂* at x₂ = {Show(end)} could not be enclosed (no certified sign change of G near it)");
            var f = IntervalEvaluator.Evaluate(mismatch, Box(theta2.W, x, y));
            int sign = !double.IsFinite(f.Lo) || !double.IsFinite(f.Hi) ? 0 : f.Lo > 0 ? 1 : f.Hi < 0 ? -1 : 0;
            if (sign == 0) return Fail($"the sign of F at x₂ = {Show(end)} is not certain (enclosure [{F(f.Lo)}, {F(f.Hi)}])");
            ends.Add((end, theta2, sign));
        }
        if (ends[0].Sign == ends[1].Sign)
            return Fail($"F has the same certain sign ({(ends[0].Sign > 0 ? "+" : "−")}) at both ends; no sign change is certified");

        // (iii): one box for θ₂*(x₂) over the whole interval, which gives continuity of x₂ ↦ θ₂*(x₂).
        var xBox = ConservedLimitEnclosure.Enclose(lo).Hull(ConservedLimitEnclosure.Enclose(hi));
        var yBox = Y2(xBox);
        double wl = Math.Min(ends[0].Theta2.W.Lo, ends[1].Theta2.W.Lo), wr = Math.Max(ends[0].Theta2.W.Hi, ends[1].Theta2.W.Hi);
        LimitEnclosure? box = null;
        for (int k = 0; k < 12 && box is null; k++)
        {
            int sl = limit.CertainSignOfG(wl, xBox, yBox, w0, a0), sr = limit.CertainSignOfG(wr, xBox, yBox, w0, a0);
            if (sl != 0 && sr != 0 && sl != sr)
            {
                var w = new Interval(wl, wr);
                var a = IntervalEvaluator.Evaluate(limit.AOnM, ConservedLimitEnclosure.Box(w, xBox, yBox, w0, a0));
                if (double.IsFinite(a.Lo) && double.IsFinite(a.Hi)) box = new LimitEnclosure(w, a);
                break;
            }
            double grow = Math.Max(wr - wl, 1e-15 * Math.Max(1, Math.Abs(wl)));
            wl -= grow; wr += grow;
        }
        if (box is null)
            return Fail("G(w; x₂) has no certified sign change on one w-interval for all x₂ in the interval, so continuity of θ₂*(x₂) is not established");
        if (!box.DisjointFrom(Theta1))
            return Fail($"the enclosure of θ₂*(x₂) (w ∈ [{F(box.W.Lo)}, {F(box.W.Hi)}], a ∈ [{F(box.A.Lo)}, {F(box.A.Hi)}]) meets that of θ₁*, so θ₁* ≠ θ₂* is not established", box);
        string s0 = ends[0].Sign > 0 ? ">" : "<", s1 = ends[1].Sign > 0 ? ">" : "<";
        var proof = new OverlapProof(box.W.Lo, box.W.Hi, ends.Select(e => (e.X, e.Theta2.W.Lo, e.Theta2.W.Hi, e.Sign)).ToList());
        return new OverlapInterval(lo, hi, midW, midA, box, Existence.Proved,
            $"F(x₂) = a₂*σ(x₁w₂*) − y₁ is certainly {s0} 0 at x₂ = {Show(lo)} and {s1} 0 at x₂ = {Show(hi)} (θ₂* enclosed through the conserved quantity); "
            + $"for every x₂ in between, θ₂*(x₂) is the unique zero of G in w ∈ [{F(box.W.Lo)}, {F(box.W.Hi)}], so it depends continuously on x₂; "
            + $"by the intermediate value theorem some x₂ in the interval has θ₂* ∈ M_S₁ exactly, while θ₁* ∈ M_S₂ by the choice of y₂; "
            + $"θ₂* (a ∈ [{F(box.A.Lo)}, {F(box.A.Hi)}]) is disjoint from θ₁*, so θ₁* ≠ θ₂*") { Proof = proof };
    }

    /// <summary>
    /// Searches the x₂ ranges for sign changes of F on a grid (<paramref name="pointsPerDecade"/> geometric points per
    /// decade, at least <paramref name="minPoints"/> per range), refines each by Brent's method, and certifies an interval
    /// around it. The trivial zero x₂ = x₁ is skipped (with a note). Zeros of even multiplicity, and pairs of zeros closer
    /// than the grid spacing, leave no sign change on the grid and are not found; the notes say where F could not be evaluated.
    /// </summary>
    public TraceBackResult Search(IReadOnlyList<(double Lo, double Hi)> ranges, int pointsPerDecade = 60, int minPoints = 200)
    {
        var overlaps = new List<OverlapInterval>();
        var searched = new List<SearchedRange>();
        var notes = new List<string>();
        double x1d = Input.X1.ToDouble();
        foreach (var (lo, hi) in ranges)
        {
            var grid = Grid(lo, hi, pointsPerDecade, minPoints);
            searched.Add(new SearchedRange(lo, hi, grid.Length));
            var f = grid.Select(x => FloatMismatch(x).F).ToArray();
            int firstBad = -1;
            for (int i = 0; i <= grid.Length; i++)
            {
                bool bad = i < grid.Length && !double.IsFinite(f[i]);
                if (bad && firstBad < 0) firstBad = i;
                if (!bad && firstBad >= 0)
                {
                    notes.Add($"F could not be evaluated for x₂ in [{F(grid[firstBad])}, {F(grid[i - 1])}] (the limit θ₂* overflowed the double range)");
                    firstBad = -1;
                }
            }
            for (int i = 0; i + 1 < grid.Length; i++)
            {
                if (!double.IsFinite(f[i]) || !double.IsFinite(f[i + 1]) || (f[i] > 0) == (f[i + 1] > 0) && f[i] != 0) continue;
                double root = f[i] == 0 ? grid[i] : Numerics.RootFinding.BrentRoot.FindRoot(x => FloatMismatch(x).F, grid[i], grid[i + 1], f[i], f[i + 1]);
                if (Math.Abs(root - x1d) <= 1e-9 * Math.Max(1, Math.Abs(x1d)) || (grid[i] <= x1d && x1d <= grid[i + 1]))
                {
                    notes.Add($"the sign change of F at x₂ = x₁ = {F(x1d)} is the trivial solution S₂ = S₁ (θ₂* = θ₁*), not an overlap; skipped");
                    continue;
                }
                var found = CertifyAround(root);
                var (_, wr, ar) = FloatMismatch(root);
                if (found.Existence != Existence.Proved && Math.Abs(wr - Theta1W) + Math.Abs(ar - Theta1A) <= 1e-6 * (1 + Math.Abs(Theta1W) + Math.Abs(Theta1A)))
                    found = found with { Reason = $"θ₂*(x₂) passes through θ₁* here (at the refined zero x₂ ≈ {F(root)} the floating-point limits agree to better than 1e-6): F vanishes because the two limits coincide, which is not an overlap; {found.Reason}" };
                overlaps.Add(found);
            }
        }
        return new TraceBackResult(Theta1, Theta1W, Theta1A, overlaps, searched, notes.Distinct().ToList());
    }

    /// <summary>Certifies [x̂ − δ, x̂ + δ] for growing δ (short decimal ends); the first proved interval, else the last attempt.</summary>
    private OverlapInterval CertifyAround(double root)
    {
        double scale = Math.Max(1e-300, Math.Abs(root));
        OverlapInterval? last = null;
        for (double delta = 1e-12 * scale; delta <= 1e-4 * scale; delta *= 10)
        {
            var lo = ShortDecimal(root - delta, delta);
            var hi = ShortDecimal(root + delta, delta);
            if (!(lo < hi)) continue;
            last = Certify(lo, hi);
            if (last.Existence == Existence.Proved) return last;
        }
        return last ?? Certify(ShortDecimal(root * (1 - 1e-6), 1e-6 * scale), ShortDecimal(root * (1 + 1e-6), 1e-6 * scale));
    }

    /// <summary>The shortest decimal (at most 17 digits) within δ/4 of <paramref name="x"/>, as an exact rational.</summary>
    public static Rational ShortDecimal(double x, double delta)
    {
        for (int digits = 3; digits <= 17; digits++)
        {
            var text = x.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            var r = Rational.Parse(DecimalText(text));
            if (Math.Abs(r.ToDouble() - x) <= delta / 4) return r;
        }
        return Rational.Parse(DecimalText(x.ToString("R", CultureInfo.InvariantCulture)));
    }

    /// <summary>A decimal without exponent notation ("1.2E-05" → "0.000012").</summary>
    private static string DecimalText(string g) =>
        g.Contains('E') ? decimal.Parse(g, NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) : g;

    private static double[] Grid(double lo, double hi, int perDecade, int minPoints)
    {
        if (lo > 0 || hi < 0)
        {
            double a = Math.Abs(lo), b = Math.Abs(hi);
            double mlo = Math.Min(a, b), mhi = Math.Max(a, b);
            int n = Math.Max(minPoints, (int)Math.Ceiling(Math.Log10(mhi / mlo) * perDecade) + 1);
            var mags = Enumerable.Range(0, n).Select(i => mlo * Math.Pow(mhi / mlo, i / (double)(n - 1))).ToArray();
            return lo > 0 ? mags : mags.Reverse().Select(m => -m).ToArray();
        }
        throw new InputException($"the x₂ range [{F(lo)}, {F(hi)}] contains 0; give a range of one sign (x₂ = 0 leaves w fixed).");
    }

    private IReadOnlyDictionary<string, Interval> Box(Interval w, Interval x, Interval y) => new Dictionary<string, Interval>
    {
        [ConservedLimitEnclosure.WSym] = w, [ConservedLimitEnclosure.XSym] = x, [ConservedLimitEnclosure.YSym] = y,
        [X1Sym] = x1, [Y1Sym] = y1,
    };

    private static string Show(Rational r) => ExactText.Of(r);
    private static string F(double x) => x.ToString("G10", CultureInfo.InvariantCulture);
}
