using ProofWorkbench.Evidence;
using ProofWorkbench.Theorems.Checking;

namespace ProofWorkbench.Reports;

/// <summary>The report section of a <see cref="FlowRun"/> fact: its numbers, formatted machine-independently.</summary>
public static class FlowRunSection
{
    /// <summary>The section for one run.</summary>
    public static EvidenceSection Of(FlowRun r)
    {
        var values = new List<NamedValue>
        {
            new("outcome", r.Ending),
            new("limit θ* = (w, a) (ODE route)", Format.Vector(r.Limit)),
            new("error estimate of θ*", Format.Bound(r.LimitError)),
            new("loss at θ*", Format.Bound(r.Loss)),
            new("time reached", Format.Value(r.Time)),
            new("solver", r.Method),
        };
        if (r.SecondRouteLimit is { } c)
            values.Add(new("limit from the conserved quantity (Lemma A.3 root finding)", Format.Vector(c)));
        else if (r.SecondRouteNote is { } why)
            values.Add(new("second route", why));
        if (r.RouteDistance is { } d) values.Add(new("distance between the two routes", Format.Bound(d)));
        foreach (var q in r.Drifts)
            values.Add(new($"drift of {q.Quantity} along the trajectory", Format.Bound(q.MaxDrift)));
        if (r.Direction is { } dir)
            values.Add(new("limiting direction θ̇/|θ̇|", $"{Format.Vector(dir)}, error {Format.Bound(r.DirectionError ?? double.NaN)}"));
        if (r.Slope is { } s) values.Add(new("limiting slope ȧ/ẇ", Format.Value(s)));
        if (r.SlopeEq26 is { } s26) values.Add(new("slope of eq. (26), σ(xw)/(a x σ′(xw)) at θ*", Format.Value(s26)));
        return new EvidenceSection(EvidenceLayer.Numeric, r.Label) { Values = values };
    }
}
