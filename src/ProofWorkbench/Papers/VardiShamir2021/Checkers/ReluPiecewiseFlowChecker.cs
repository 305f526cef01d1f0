using ProofWorkbench.Evidence;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.VardiShamir2021.Checkers;

/// <summary>
/// <c>relu-piecewise-flow</c> (paper 002, Theorem 4.1 and Appendix A): gradient flow of the single ReLU neuron σ(wᵀx) on
/// <c>dataset</c> from <c>w0</c> (loss <c>loss-scale</c>·Σ(σ(wᵀxᵢ) − yᵢ)², default ½; σ′(0) = <c>relu-derivative-at-zero</c>,
/// default 1), computed two independent ways — the event-driven ODE flow and the exact piecewise closed form (matrix
/// exponentials by eigen-decomposition, crossings located on the closed form) — which must agree within <c>tolerance</c>
/// (default 1e-12): the kink crossings (<c>crossings</c>: sample, from, to and optionally the time t), the trajectory at
/// every accepted ODE step, and the limit (<c>limit</c>, stated). When the field at w₀ is exactly 0 (every sample at its
/// kink with σ′(0) = 0) the flow is stationary, decided exactly over ℚ. <c>flow-tolerance</c> is the ODE tolerance
/// (default 2e-14).
/// </summary>
public sealed class ReluPiecewiseFlowChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "relu-piecewise-flow";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Dataset,
            ClaimParameter.W0,
            ClaimParameter.LossScale,
            ClaimParameter.ReluDerivativeAtZero,
            ClaimParameter.May("crossings", "list of {sample, from, to, t}", "the stated kink crossings (sample index, sides, optionally the time)"),
            ClaimParameter.Needs("limit", "list of numbers", "the stated limit w^∞"),
            ClaimParameter.May("tolerance", "positive number", "the agreement required between the ODE and the closed form; default 1e-12"),
            ClaimParameter.FlowTolerance,
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var instance = NeuronInstance.Of(claim, context);
        double tol = context.ToleranceOf(claim);
        double flowTol = claim.Node.Optional("flow-tolerance")?.Double() ?? 2e-14;
        var limitNode = claim.Node.Required("limit");
        var stated = limitNode.Items().Select(i => i.Expression()).ToList();
        if (stated.Count != instance.Dimension) throw limitNode.Error($"the limit has {stated.Count} components but d = {instance.Dimension}.");
        var statedValues = stated.Select(e => Symbolic.Compilation.Evaluator.Evaluate(e, new Dictionary<string, double>())).ToArray();
        var routes = ReluTwoRoutes.Run(instance, flowTol);
        var facts = new List<Fact>();
        var sections = new List<EvidenceSection>();

        if (routes.Closed.Failure is { } why)
        {
            facts.Add(new NumericEstimate("exact piecewise solution", double.NaN, double.NaN, null, "closed form", [], FactOutcome.Undecided));
            return ClaimResult.FromFacts(claim, facts, $"Not decided: the closed form could not be followed ({why}).", [Flow(routes, instance)]);
        }
        if (routes.Closed.Stationary) return Stationary(claim, instance, stated, routes, tol);

        // Crossings: the stated list, the closed form's and the ODE's must name the same samples and branches.
        var statedCrossings = claim.Node.Optional("crossings")?.Items() ?? [];
        var closed = routes.Closed.Crossings;
        var ode = routes.Flow.Events;
        int mismatches = Math.Abs(closed.Count - statedCrossings.Count) + Math.Abs(ode.Count - closed.Count);
        for (int k = 0; k < Math.Min(closed.Count, statedCrossings.Count); k++)
        {
            var s = statedCrossings[k];
            if (s.Required("sample").Int() != closed[k].Sample || s.Required("from").Text() != closed[k].From || s.Required("to").Text() != closed[k].To) mismatches++;
        }
        for (int k = 0; k < Math.Min(closed.Count, ode.Count); k++)
            if (ode[k].Sample != closed[k].Sample || ode[k].From != closed[k].From || ode[k].To != closed[k].To) mismatches++;
        facts.Add(NumericEstimate.Judged("kink crossings differing between the stated list, the closed form and the ODE flow", mismatches, 0, 0.5,
            "comparison of (sample, from, to) in time order"));
        var crossingValues = new List<NamedValue>();
        for (int k = 0; k < closed.Count; k++)
        {
            var c = closed[k];
            double err = c.Bracket + 4e-16 * Math.Max(1, c.T);
            crossingValues.Add(new($"crossing {k + 1} (closed form)", $"t = {Format.Value(c.T)}: sample {c.Sample} {c.From} → {c.To}; bisection bracket {Format.Bound(c.Bracket)}"));
            crossingValues.Add(new($"w(t{k + 1}) (closed form)", Format.Vector(routes.Closed.At(c.T))));
            if (k < ode.Count)
            {
                double dt = Math.Abs(ode[k].T - c.T);
                crossingValues.Add(new($"crossing {k + 1} (ODE event)", $"t = {Format.Value(ode[k].T)}; |Δt| = {Format.Error(dt)}"));
                facts.Add(NumericEstimate.Judged($"|t{k + 1}(ODE) − t{k + 1}(closed form)|", dt, err, tol, "DOP853 event location vs bisection on the closed form"));
            }
            if (k < statedCrossings.Count && statedCrossings[k].Optional("t") is { } tNode)
            {
                double diff = Math.Abs(c.T - tNode.Double());
                facts.Add(NumericEstimate.Judged($"|t{k + 1}(closed form) − stated t{k + 1}|", diff, err, tol, "bisection on the closed form"));
                crossingValues.Add(new($"stated t{k + 1}", $"{tNode.Text()}; |Δt| = {Format.Error(diff)}"));
            }
        }
        sections.Add(new EvidenceSection(EvidenceLayer.Numeric, "kink crossings: the closed form (scan of uᵢ(t) and bisection) and the ODE's event location") { Values = crossingValues });

        // Trajectory and limit.
        // The closed form's own error: round-off in evaluating it, plus the eigen-decomposition's residual ‖HQ − QΛ‖
        // propagated over each phase's time scale 1/λ_min (a perturbation δH moves e^{−Ht}w by at most ~‖δH‖·t·‖w‖).
        double scale = Math.Max(1, statedValues.Select(Math.Abs).Max());
        double roundoff = 64 * 2.2e-16 * scale + routes.Closed.Phases.Sum(p =>
            p.DecompositionResidual * scale * (double.IsInfinity(p.SlowestRate) ? 1 : Math.Max(1, 1 / p.SlowestRate)));
        facts.Add(NumericEstimate.Judged("max over the ODE's accepted steps of ‖w_ODE(t) − w_closed(t)‖∞", routes.TrajectoryDistance, roundoff, tol,
            "closed form evaluated at every accepted ODE time", [new("accepted_states", routes.Flow.Trajectory.Count)]));
        var limit = routes.Closed.Limit!;
        double statedDistance = ReluTwoRoutes.MaxDistance(limit, statedValues);
        facts.Add(NumericEstimate.Judged("‖w_closed(∞) − stated limit‖∞", statedDistance, roundoff, tol, "closed form of the last phase (its t → ∞ limit)"));
        if (double.IsNaN(routes.LimitDistance))
            facts.Add(new NumericEstimate("‖w_ODE(∞) − w_closed(∞)‖∞", double.NaN, double.NaN, tol, "ODE flow", [], FactOutcome.Undecided));
        else
        {
            // The ODE's limit carries its own error bound (from a reference run); the routes agree when the distance is
            // within the larger of the tolerance and that bound (the closed form's own error is round-off).
            double bound = double.IsFinite(routes.Flow.LimitErrorEstimate) ? routes.Flow.LimitErrorEstimate : routes.Flow.FinalPointDistance;
            facts.Add(NumericEstimate.Judged("‖w_ODE(∞) − w_closed(∞)‖∞, within max(tolerance, the ODE limit's error bound)", routes.LimitDistance, roundoff,
                Math.Max(tol, double.IsFinite(bound) ? bound : 0), "ODE limit vs the closed form's", [new("ode_error_bound", bound)]));
        }
        sections.Add(new EvidenceSection(EvidenceLayer.Numeric, "the two routes along the trajectory and at the limit")
        {
            Values =
            [
                new("limit (closed form)", Format.Vector(limit)),
                new("limit (ODE flow)", Format.Vector(routes.Flow.Theta)),
                new("stated limit", string.Join(", ", stated.Select(e => e.ToString()))),
                new("‖w_closed(∞) − stated‖∞", Format.Error(statedDistance)),
                new("‖w_ODE(∞) − w_closed(∞)‖∞", Format.Error(routes.LimitDistance)),
                new("max over accepted ODE steps of ‖w_ODE − w_closed‖∞", Format.Error(routes.TrajectoryDistance)),
                new("tolerance", Format.Error(tol)),
            ],
        });
        sections.Add(Phases(routes.Closed, instance));
        sections.Add(Flow(routes, instance));
        var verdict = VerdictRule.Decide(facts);
        string explanation = verdict switch
        {
            Verdict.Confirmed => $"Both routes agree within {Format.Error(tol)}: {closed.Count} kink crossing(s){(closed.Count > 0 ? $" (first at t = {Format.Value(closed[0].T)})" : "")}, trajectory within {Format.Error(routes.TrajectoryDistance)}, limit {Format.Vector(limit)} as stated.",
            Verdict.Refuted => "The routes or the stated values disagree beyond the tolerance (see the facts).",
            _ => "Not decided: a difference lies within its error of the tolerance, or a route did not finish.",
        };
        return ClaimResult.FromFacts(claim, facts, explanation, sections);
    }

    // σ′(0) = 0 (or any start where the field vanishes): w(t) ≡ w₀, decided over ℚ.
    private static ClaimResult Stationary(Claim claim, NeuronInstance instance, IReadOnlyList<Expr> stated, ReluTwoRoutes routes, double tol)
    {
        int d = instance.Dimension, n = instance.ExactX.Count;
        var facts = new List<Fact>();
        var values = new List<NamedValue>();
        var point = new List<KeyValuePair<string, Rational>>();
        for (int l = 0; l < d; l++) point.Add(new($"w{l + 1}", instance.ExactW0[l]));
        for (int i = 0; i < n; i++)
        {
            var u = instance.ExactX[i].Select((x, l) => x * instance.ExactW0[l]).Aggregate(Rational.Zero, (a, b) => a + b);
            point.Add(new($"s{i + 1}", u > Rational.Zero ? Rational.One : u < Rational.Zero ? Rational.Zero : instance.DerivativeAtZero));
        }
        var at = point.ToDictionary(kv => kv.Key, kv => (Expr)Num(kv.Value));
        for (int l = 0; l < d; l++)
        {
            var component = Field(instance, l);
            var value = Substitution.Substitute(component, at);
            if (value is not Number v)
            {
                facts.Add(new NumericEstimate($"field component {l + 1} at w₀", double.NaN, double.NaN, null, "exact substitution", [], FactOutcome.Undecided));
                continue;
            }
            facts.Add(new ExactValue($"ẇ{l + 1} = −∂L/∂w{l + 1} at w₀ (s_i = σ′(uᵢ), σ′(0) = {instance.DerivativeAtZero})", component, point, v.Value, null,
                VerdictRule.JudgeZero(Magnitude.Exact(v.Value)).Outcome));
            values.Add(new($"ẇ{l + 1}(0)", v.Value.ToString()));
        }
        // The stated limit must be w₀ itself.
        for (int l = 0; l < d; l++)
        {
            var diff = Substitution.Substitute(Sub(stated[l], Num(instance.ExactW0[l])), new Dictionary<string, Expr>());
            if (diff is Number dn)
                facts.Add(new ExactValue($"stated limit − w₀, component {l + 1}", Sub(stated[l], Num(instance.ExactW0[l])), [], dn.Value, null, VerdictRule.JudgeZero(Magnitude.Exact(dn.Value)).Outcome));
        }
        if (instance.ExactY is { } y)
        {
            var loss = instance.LossScale * y.Select((yi, i) =>
            {
                var u = instance.ExactX[i].Select((x, l) => x * instance.ExactW0[l]).Aggregate(Rational.Zero, (a, b) => a + b);
                var r = (u > Rational.Zero ? u : Rational.Zero) - yi;
                return r * r;
            }).Aggregate(Rational.Zero, (a, b) => a + b);
            values.Add(new("L(w₀) (exact): the flow stays at a point of positive loss", loss.ToString()));
        }
        double odeMove = ReluTwoRoutes.MaxDistance(routes.Flow.Theta, instance.W0);
        // Context only: the verdict rests on the exact field; the ODE route is shown as the second opinion.
        facts.Add(NumericEstimate.Judged("‖w_ODE(end) − w₀‖∞ (the ODE route does not move either)", odeMove, 0, tol, "ODE flow") with { Outcome = FactOutcome.Informs });
        values.Add(new("ODE route", routes.Flow.Message));
        var section = new EvidenceSection(EvidenceLayer.Symbolic, "the field at w₀ over ℚ: every sample is at its kink, so its slope is σ′(0)") { Values = values };
        return ClaimResult.FromFacts(claim, facts, "The field at w₀ is exactly 0, so w(t) ≡ w₀: the flow does not move and its limit is w₀.", [section]);
    }

    /// <summary>ẇ_l = −2c·Σᵢ (relu(xᵢᵀw) − yᵢ)·sᵢ·x_il with sᵢ = σ′(xᵢᵀw), as an expression in w1…wd, s1…sn.</summary>
    public static Expr Field(NeuronInstance instance, int l)
    {
        var terms = new List<Expr>();
        for (int i = 0; i < instance.ExactX.Count; i++)
        {
            var x = instance.ExactX[i];
            if (x[l].IsZero) continue;
            var u = Add(x.Select((c, k) => Mul(Num(c), Sym($"w{k + 1}"))).ToArray());
            var y = instance.ExactY is { } ys ? Num(ys[i]) : Num(Rational.FromDouble(instance.Y[i]));
            terms.Add(Mul(Sub(Call(KnownFunctions.Relu, u), y), Sym($"s{i + 1}"), Num(x[l])));
        }
        return Mul(Num(-2 * instance.LossScale), terms.Count == 0 ? Num(0) : Add(terms.ToArray()));
    }

    private static EvidenceSection Phases(ReluPiecewiseSolution s, NeuronInstance instance) => new(EvidenceLayer.Numeric,
        "the closed form, phase by phase: ẇ = −H w + b on a fixed active set, H = 2c·X_AᵀX_A = QΛQᵀ (Appendix A, Lemma A.1, eq. (4)); " +
        "the sign margins of uᵢ(t) = xᵢᵀw(t) inside each phase are what Appendix A's Lemmas A.2, A.4–A.6, A.10, A.14 prove")
    {
        Values = s.Phases.SelectMany((p, k) => new[]
        {
            new NamedValue($"phase {k + 1} from t = {Format.Value(p.Start)}",
                $"active samples {{{string.Join(", ", p.Active.Select((a, i) => (a, i)).Where(q => q.a).Select(q => q.i + 1))}}}; eigenvalues of H {Format.Vector(p.Eigenvalues)}; ‖HQ − QΛ‖ {Format.Bound(p.DecompositionResidual)}"),
            new NamedValue($"phase {k + 1}: min uᵢ of active / max uᵢ of inactive samples on the scan grid (t > start)", Margins(s, k, instance)),
        }).ToList(),
    };

    // The sign margins of the pre-activations inside phase k (grid of the crossing scan, the phase's start excluded).
    private static string Margins(ReluPiecewiseSolution s, int k, NeuronInstance instance)
    {
        var p = s.Phases[k];
        double end = k + 1 < s.Phases.Count ? s.Phases[k + 1].Start : ReluPiecewiseSolution.Horizon(p);
        var x = instance.X;
        var extreme = x.Select((_, i) => p.Active[i] ? double.PositiveInfinity : double.NegativeInfinity).ToArray();
        for (int j = 1; j < ReluPiecewiseSolution.GridPoints; j++)
        {
            double r = (double)j / ReluPiecewiseSolution.GridPoints, t = p.Start + (end - p.Start) * r * r;
            var w = p.At(t);
            for (int i = 0; i < x.Length; i++)
            {
                double u = x[i].Select((c, l) => c * w[l]).Sum();
                extreme[i] = p.Active[i] ? Math.Min(extreme[i], u) : Math.Max(extreme[i], u);
            }
        }
        return string.Join("; ", extreme.Select((e, i) => x[i].All(v => v == 0) ? $"u{i + 1} ≡ 0" : $"{(p.Active[i] ? "min" : "max")} u{i + 1} = {e.ToString("G3", System.Globalization.CultureInfo.InvariantCulture).Replace("E", "e")}"));
    }

    private static EvidenceSection Flow(ReluTwoRoutes r, NeuronInstance instance) => new(EvidenceLayer.Numeric,
        $"the ODE route: relu-neuron, loss {instance.LossScale}·Σ(σ(wᵀxᵢ) − yᵢ)², σ′(0) = {instance.DerivativeAtZero}, DOP853 with kink events")
    {
        Values =
        [
            new("outcome", r.Flow.Outcome.ToString()),
            new("limit", Format.Vector(r.Flow.Theta)),
            new("error bound of the limit", Format.Bound(r.Flow.LimitErrorEstimate)),
            new("events", r.Flow.Events.Count == 0 ? "none" : string.Join("; ", r.Flow.Events.Select(e => $"t = {Format.Value(e.T)}: sample {e.Sample} {e.From} → {e.To}"))),
            new("time reached", Format.Value(r.Flow.Time)),
            new("solver", $"DOP853; {r.Flow.Steps} steps, {r.Flow.RhsEvaluations} field evaluations"),
        ],
    };
}
