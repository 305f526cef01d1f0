using ProofWorkbench.Models;
using ProofWorkbench.Symbolic.Compilation;

namespace ProofWorkbench.Dynamics;

/// <summary>
/// Follows every known conserved quantity along a computed trajectory and records its largest drift
/// |Q(θ_k) − Q(θ0)| over the accepted steps: the first integral a²/2 − h of one-sample flow (paper 000,
/// Lemma A.3, eq. (20)) — in closed form, or with h accumulated step by step by Gauss–Kronrod quadrature of
/// h′ — and, for positively homogeneous σ, ‖w‖² − a² on any dataset (<see cref="PositiveHomogeneity"/>).
/// One monitor per run (it keeps the running state of the quadrature).
/// </summary>
public sealed class ConservedMonitor
{
    private readonly List<Tracker> trackers = [];

    /// <summary>
    /// The quantities known for <paramref name="system"/>: <paramref name="h"/> (one sample, or null) and
    /// the balancedness ‖w‖² − a² when σ is proved positively homogeneous.
    /// </summary>
    public ConservedMonitor(GradientFlowSystem system, FirstIntegralH? h, ReadOnlySpan<double> theta0)
    {
        var model = system.Model;
        if (h is not null) trackers.Add(new FirstIntegralTracker(h, theta0));
        if (PositiveHomogeneity.IsProved(model.Activation))
        {
            var q = PositiveHomogeneity.Balancedness(model);
            bool proved = PositiveHomogeneity.IsFirstIntegral(q, system.Field, system.Parameters);
            trackers.Add(new BalancednessTracker(q.ToString(), proved, Compiler.Compile(q, system.Parameters), theta0));
        }
    }

    private List<TrajectoryPoint>? trajectory;

    /// <summary>Also keeps every accepted state (for figures); off by default.</summary>
    public void RecordTrajectory() => trajectory ??= [];

    /// <summary>The accepted states, when recording (θ₀ first).</summary>
    public IReadOnlyList<TrajectoryPoint> Trajectory => trajectory ?? [];

    /// <summary>Records the quantities at the state <paramref name="theta"/> of an accepted step ending at time <paramref name="time"/>.</summary>
    public void Observe(double time, ReadOnlySpan<double> theta)
    {
        foreach (var t in trackers) t.Observe(theta);
        trajectory?.Add(new TrajectoryPoint(time, theta.ToArray()));
    }

    /// <summary>The drifts so far.</summary>
    public IReadOnlyList<ConservedDrift> Drifts() => trackers.Select(t => t.Result()).ToArray();

    private abstract class Tracker
    {
        protected double MaxDrift;
        protected double MaxDistance;
        protected string? Note;

        public abstract void Observe(ReadOnlySpan<double> theta);

        public abstract ConservedDrift Result();

        protected void Record(double drift, double gradientNorm, string whyNotFinite)
        {
            if (Note is not null) return;
            if (!double.IsFinite(drift)) { Note = whyNotFinite; MaxDrift = MaxDistance = double.NaN; return; }
            MaxDrift = Math.Max(MaxDrift, Math.Abs(drift));
            if (gradientNorm > 0) MaxDistance = Math.Max(MaxDistance, Math.Abs(drift) / gradientNorm);
        }
    }

    /// <summary>a²/2 − h(ξ): drift = (a² − a0²)/2 − (h(ξ) − h(ξ0)), with h(ξ) − h(ξ0) summed step by step for quadrature.</summary>
    private sealed class FirstIntegralTracker : Tracker
    {
        private readonly FirstIntegralH h;
        private readonly double a0, xi0;
        private double xiPrevious, integral;

        public FirstIntegralTracker(FirstIntegralH h, ReadOnlySpan<double> theta0)
        {
            this.h = h;
            a0 = theta0[^1];
            xi0 = xiPrevious = h.Coordinate(theta0[..^1]);
        }

        public override void Observe(ReadOnlySpan<double> theta)
        {
            if (Note is not null) return;
            double a = theta[^1], xi = h.Coordinate(theta[..^1]);
            double dh;
            if (h.HasClosedForm) dh = h.Difference(xi0, xi).Value;
            else
            {
                integral += h.Difference(xiPrevious, xi).Value;
                dh = integral;
            }
            xiPrevious = xi;
            // ∇Q = (−h′(ξ)·∂ξ/∂w, a).
            double gradient = Math.Sqrt(Math.Pow(h.HPrime(xi) * h.CoordinateGradientNorm, 2) + a * a);
            Record(0.5 * (a - a0) * (a + a0) - dh, gradient, $"h' is not finite between the coordinates {xi0:R} and {xi:R} of the trajectory");
        }

        public override ConservedDrift Result()
        {
            var q = h.Quantity;
            string name = q.Parameter == "w" ? "a^2/2 - h(w)" : "a^2/2 - H(w.x)";
            return new ConservedDrift(name, q.Quantity.ToString(), "paper 000, Lemma A.3, eq. (20)", h.Evaluation, q.Proved,
                0.5 * a0 * a0 - (h.ValueAt(xi0) ?? 0), MaxDrift, MaxDistance, Note);
        }
    }

    /// <summary>‖w‖² − a², evaluated directly.</summary>
    private sealed class BalancednessTracker(string expression, bool proved, Func<double[], double> q, ReadOnlySpan<double> theta0) : Tracker
    {
        private readonly double initial = q(theta0.ToArray());

        public override void Observe(ReadOnlySpan<double> theta)
        {
            // ∇(‖w‖² − a²) = (2w, −2a), of norm 2‖θ‖.
            double norm = 0;
            foreach (var v in theta) norm += v * v;
            Record(q(theta.ToArray()) - initial, 2 * Math.Sqrt(norm), "‖w‖² − a² is not finite on the trajectory");
        }

        public override ConservedDrift Result() =>
            new("|w|^2 - a^2", expression, "balancedness for positively homogeneous σ (paper 002, Lemma 6.1; Du, Hu & Lee 2018)",
                "closed form", proved, initial, MaxDrift, MaxDistance, Note);
    }
}
