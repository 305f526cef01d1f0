using ProofWorkbench.Dynamics;
using ProofWorkbench.Theorems.Checking;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>The numeric evidence of a gradient-flow run, formatted for reports.</summary>
public static class FlowEvidence
{
    /// <summary>The error estimate of a limit: the engine's own estimate and the distance between the two routes.</summary>
    public static double LimitError(FlowResult r) => Math.Max(r.LimitErrorEstimate, r.RoutesDistance ?? 0);

    /// <summary>Evidence for one run.</summary>
    public static Evidence Of(string title, FlowResult r)
    {
        var values = new List<NamedValue>
        {
            new("outcome", r.Converged ? "converged" : $"{r.Outcome}: {r.Message}"),
            new("limit θ* = (w, a) (ODE route)", Format.Vector(r.Theta)),
            new("error estimate of θ*", Format.Bound(LimitError(r))),
            new("loss at θ*", Format.Bound(r.Loss)),
            new("time reached", Format.Value(r.Time)),
            new("solver", $"{r.Solver}; {r.Steps} steps, {r.RhsEvaluations} RHS evaluations"),
        };
        if (r.ConservedRoute?.Limit is { } c)
            values.Add(new("limit from the conserved quantity (Lemma A.3 root finding)", Format.Vector([.. c.W, c.A])));
        else if (r.ConservedRoute?.Reason is { } why)
            values.Add(new("second route", why));
        if (r.RoutesDistance is { } d) values.Add(new("distance between the two routes", Format.Bound(d)));
        foreach (var q in r.Conserved)
            values.Add(new($"drift of {q.Name} along the trajectory", Format.Bound(q.MaxDrift)));
        if (r.Direction is { } dir)
            values.Add(new("limiting direction θ̇/|θ̇|", $"{Format.Vector(dir.Unit)}, error {Format.Bound(dir.ErrorEstimate)}"));
        if (r.Slope is { } s) values.Add(new("limiting slope ȧ/ẇ", Format.Value(s)));
        if (r.SlopeEq26 is { } s26) values.Add(new("slope of eq. (26), σ(xw)/(a x σ′(xw)) at θ*", Format.Value(s26)));
        return new Evidence(EvidenceLayer.Numeric, title) { Values = values };
    }
}
