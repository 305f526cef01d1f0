namespace ProofWorkbench.Papers.VardiShamir2021;

/// <summary>A kink crossing of the exact piecewise solution: sample <paramref name="Sample"/> (from 1) left its branch at time <paramref name="T"/>.</summary>
/// <param name="T">The crossing time.</param>
/// <param name="Sample">The sample, numbered from 1.</param>
/// <param name="From">"active" (u &gt; 0) or "inactive" (u &lt; 0).</param>
/// <param name="To">The branch after the crossing.</param>
/// <param name="Bracket">The width of the final bisection bracket around <paramref name="T"/>.</param>
public sealed record KinkCrossing(double T, int Sample, string From, string To, double Bracket);

/// <summary>
/// The exact piecewise solution of gradient flow for the ReLU neuron N(x) = σ(wᵀx), σ = ReLU, on the loss
/// c·Σᵢ(σ(wᵀxᵢ) − yᵢ)² (paper 002, eq. (1) and eq. (2); the closed form of Appendix A): on each phase the active set is
/// fixed and the flow is linear (<see cref="LinearPhase"/>); a phase ends when the pre-activation uᵢ(t) = xᵢᵀw(t) of some
/// sample leaves its branch. Crossings are found on the closed form itself: a scan of uᵢ on a grid of
/// <see cref="GridPoints"/> points (quadratically spaced) up to 50/λ_min, then bisection to the last bit; after the scan
/// the remaining variation of every uᵢ is bounded by <see cref="LinearPhase.TailBound"/>, so a crossing after it is
/// excluded when |uᵢ(∞)| exceeds that bound. A crossing into a side whose field pushes back (Filippov sliding) or an
/// undecidable start stops the construction with <see cref="Failure"/> set. At a start with uᵢ = 0 the branch follows
/// σ′(0) (paper 002, Section 4: σ′(0) = 1 by convention, a stated parameter here): the field with slope σ′(0) for every
/// sample at its kink decides which side uᵢ moves to.
/// </summary>
public sealed class ReluPiecewiseSolution
{
    /// <summary>Grid points of the crossing scan per phase.</summary>
    public const int GridPoints = 4000;
    /// <summary>Most phases followed before giving up.</summary>
    public const int MaxPhases = 20;

    private ReluPiecewiseSolution(IReadOnlyList<LinearPhase> phases, IReadOnlyList<KinkCrossing> crossings, double[]? limit, string? failure, bool stationary)
    {
        Phases = phases;
        Crossings = crossings;
        Limit = limit;
        Failure = failure;
        Stationary = stationary;
    }

    /// <summary>The phases, in time order; the last one runs to t = ∞.</summary>
    public IReadOnlyList<LinearPhase> Phases { get; }
    /// <summary>The kink crossings, in time order.</summary>
    public IReadOnlyList<KinkCrossing> Crossings { get; }
    /// <summary>lim_{t→∞} w(t), or null when it does not exist or the construction failed.</summary>
    public IReadOnlyList<double>? Limit { get; }
    /// <summary>Why the construction stopped (sliding, an undecidable start, too many phases, drift), or null.</summary>
    public string? Failure { get; }
    /// <summary>True when the field at w₀ is 0 (every sample at its kink with σ′(0) = 0, or a critical point): w(t) ≡ w₀.</summary>
    public bool Stationary { get; }

    /// <summary>w(t) on the constructed solution (t ≥ 0).</summary>
    public double[] At(double t)
    {
        if (Stationary || Phases.Count == 0) return Phases.Count == 0 ? [] : Phases[0].StartPoint.ToArray();
        var phase = Phases[0];
        foreach (var p in Phases) if (p.Start <= t) phase = p;
        return phase.At(t);
    }

    /// <summary>Builds the solution for inputs <paramref name="x"/> (rows = samples), labels <paramref name="y"/>, from <paramref name="w0"/>.</summary>
    public static ReluPiecewiseSolution Solve(double[][] x, double[] y, double[] w0, double derivativeAtZero, double lossScale)
    {
        int n = x.Length;
        double scaleW = Math.Max(1, w0.Select(Math.Abs).DefaultIfEmpty(0).Max());
        double Kink(int i, double[] w) => 64 * 2.2e-16 * scaleW * x[i].Select(Math.Abs).Sum();
        var phases = new List<LinearPhase>();
        var crossings = new List<KinkCrossing>();

        // The start: samples with uᵢ = 0 take the side their kink-slope field points to.
        var field0 = KinkField(x, y, w0, derivativeAtZero, lossScale);
        if (field0.All(v => v == 0))
            return new([new LinearPhase(x, y, new bool[n], lossScale, 0, w0)], [], w0.ToArray(), null, true);
        var active = new bool[n];
        for (int i = 0; i < n; i++)
        {
            double u = Dot(x[i], w0);
            if (Math.Abs(u) > Kink(i, w0)) { active[i] = u > 0; continue; }
            if (x[i].All(v => v == 0)) { active[i] = false; continue; } // uᵢ ≡ 0 whatever w: no branch to decide
            double du = Dot(x[i], field0);
            if (du == 0) return Fail($"sample {i + 1} starts at its kink (u = 0) and the field is tangent to it: the branch is not decided", phases, crossings);
            active[i] = du > 0;
        }
        double start = 0;
        var point = w0.ToArray();
        int? justCrossed = null;
        for (int count = 0; count < MaxPhases; count++)
        {
            var phase = new LinearPhase(x, y, active, lossScale, start, point);
            // A sample starting this phase at its kink must move into its branch under this phase's field.
            for (int i = 0; i < n; i++)
            {
                if (x[i].All(v => v == 0) || Math.Abs(Dot(x[i], point)) > Kink(i, point)) continue;
                double du = Dot(x[i], phase.Velocity(start));
                if (active[i] ? du < 0 : du > 0)
                    return Fail(i == justCrossed
                        ? $"at t = {start:R} sample {i + 1} crossed its kink but the field on the other side pushes it back (Filippov sliding), which the closed form does not follow"
                        : $"sample {i + 1} starts phase {count + 1} at its kink and leaves its branch at once", phases.Append(phase).ToList(), crossings);
            }
            phases.Add(phase);
            var next = FirstCrossing(phase, x, active, Kink);
            if (next is null)
            {
                if (!phase.HasLimit) return Fail("the last phase drifts along the kernel of XᵀX (the labels are not fitted by the active samples): no limit", phases, crossings);
                // No crossing after the scan: every |uᵢ(∞)| must exceed the tail of uᵢ (else a late crossing is not excluded).
                double horizon = Horizon(phase);
                var limit = phase.Limit();
                for (int i = 0; i < n; i++)
                {
                    if (x[i].All(v => v == 0)) continue;
                    double uInf = Dot(x[i], limit), tail = phase.TailBound(x[i], horizon);
                    if (Math.Abs(uInf) <= tail)
                        return Fail($"sample {i + 1} ends at distance {Math.Abs(uInf):G3} from its kink, within the tail bound {tail:G3} of the scan: a late crossing is not excluded", phases, crossings);
                }
                return new(phases, crossings, limit, null, false);
            }
            var (t, sample, bracket) = next.Value;
            bool was = active[sample];
            crossings.Add(new KinkCrossing(t, sample + 1, was ? "active" : "inactive", was ? "inactive" : "active", bracket));
            point = phase.At(t);
            active = (bool[])active.Clone();
            active[sample] = !was;
            start = t;
            justCrossed = sample;
        }
        return Fail($"more than {MaxPhases} phases", phases, crossings);
    }

    private static ReluPiecewiseSolution Fail(string why, IReadOnlyList<LinearPhase> phases, IReadOnlyList<KinkCrossing> crossings) =>
        new(phases, crossings, null, why, false);

    /// <summary>The end of the crossing scan: 50/λ_min after the phase's start (e^{−50} ≈ 2e-22 of the initial offset remains).</summary>
    public static double Horizon(LinearPhase phase) =>
        phase.Start + (double.IsInfinity(phase.SlowestRate) ? 1 : 50 / phase.SlowestRate);

    // The first time some sample leaves its branch, by a grid scan and bisection; null when none does up to the horizon.
    private static (double T, int Sample, double Bracket)? FirstCrossing(LinearPhase phase, double[][] x, bool[] active, Func<int, double[], double> kink)
    {
        double s = phase.Start, span = Horizon(phase) - s;
        double previous = s;
        for (int j = 1; j <= GridPoints; j++)
        {
            double r = (double)j / GridPoints, t = s + span * r * r;
            var w = phase.At(t);
            (double T, int Sample, double Bracket)? best = null;
            for (int i = 0; i < x.Length; i++)
            {
                if (x[i].All(v => v == 0)) continue;
                double u = Dot(x[i], w);
                bool wrong = active[i] ? u < 0 : u > 0;
                if (!wrong) continue;
                var (root, width) = Bisect(phase, x[i], previous, t, active[i]);
                if (best is null || root < best.Value.T) best = (root, i, width);
            }
            if (best is not null) return best;
            previous = t;
        }
        return null;
    }

    // Bisection of u(t) = xᵀw(t) on [lo, hi], where u is on the branch's side (or 0) at lo and on the wrong side at hi.
    private static (double Root, double Width) Bisect(LinearPhase phase, double[] x, double lo, double hi, bool active)
    {
        for (int k = 0; k < 200; k++)
        {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            double u = Dot(x, phase.At(mid));
            bool wrong = active ? u < 0 : u > 0;
            if (wrong) hi = mid; else lo = mid;
        }
        return (0.5 * (lo + hi), hi - lo);
    }

    /// <summary>The field −∇L at w with slope σ′(0) for samples exactly at their kink (as the engine evaluates it).</summary>
    public static double[] KinkField(double[][] x, double[] y, double[] w, double derivativeAtZero, double lossScale)
    {
        var f = new double[w.Length];
        for (int i = 0; i < x.Length; i++)
        {
            double u = Dot(x[i], w);
            double slope = u > 0 ? 1 : u < 0 ? 0 : derivativeAtZero;
            double r = Math.Max(u, 0) - y[i];
            for (int l = 0; l < w.Length; l++) f[l] -= 2 * lossScale * r * slope * x[i][l];
        }
        return f;
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}
