using ProofWorkbench.Theorems.Checking;

namespace ProofWorkbench.Reports;

/// <summary>The one "How this was checked" line of a claim: the layers that produced its evidence and what its verdict rests on.</summary>
public static class HowChecked
{
    /// <summary>E.g. "SMT, exact (2 Z3 scripts) + numeric; every fact exact; certificate verified by pwb verify (…)".</summary>
    public static string Of(PlannedClaim pc)
    {
        var c = pc.Result;
        var parts = pc.Layers.Select(layer =>
        {
            int scripts = layer == EvidenceLayer.Smt ? pc.Evidence.Count(e => e.Section.Layer == layer && e.Section.SmtLib is not null) : 0;
            return ReportPlan.LayerText(layer) + (scripts > 0 ? $" ({scripts} Z3 script{(scripts == 1 ? "" : "s")})" : "");
        }).ToList();
        var layers = parts.Count == 0 ? "no evidence sections" : string.Join(" + ", parts);
        int exact = c.Facts.Count(f => f.IsExact);
        var basis = c.Facts.Count == 0 ? "" : exact == c.Facts.Count ? "; every fact exact" : exact == 0 ? "; numeric facts only" : $"; {exact} of {c.Facts.Count} facts exact";
        return layers + basis + (pc.Certificate is { } cert ? "; " + cert.Text : "");
    }
}
