using System.Text;
using ProofWorkbench.Theorems.Checking;

namespace ProofWorkbench.Reports;

/// <summary>
/// One evidence section in reading order: its number E1, E2, … in the report, and — when the very same evidence (same
/// layer, values, formulas, script and figure) was already shown for an earlier claim or earlier in this claim — the
/// number of that first showing, so a report shows each piece of evidence once and references it afterwards (issue 16 item 4).
/// </summary>
/// <param name="Number">The number of this section (1-based over the whole report).</param>
/// <param name="Section">The evidence.</param>
/// <param name="SameAs">The number of the earlier identical section, or null when this is its first showing.</param>
/// <param name="Index">The 1-based position of the section inside its claim (names its SMT-LIB2 attachment).</param>
public sealed record PlannedEvidence(int Number, EvidenceSection Section, int? SameAs, int Index);

/// <summary>A claim with its evidence in reading order, and its certificate's re-check when one was made.</summary>
public sealed record PlannedClaim(int Number, ClaimResult Result, IReadOnlyList<PlannedEvidence> Evidence, CertificateCheck? Certificate = null)
{
    /// <summary>The layers that produced the claim's evidence, strongest first.</summary>
    public IReadOnlyList<EvidenceLayer> Layers =>
        Evidence.Select(e => e.Section.Layer).Distinct().Order().ToList();
}

/// <summary>
/// The layout of a report shared by the Markdown and HTML renderers: claims numbered, evidence numbered and
/// de-duplicated. Renderers decide how things look; this decides what is shown where (one place for the rule).
/// </summary>
public static class ReportPlan
{
    /// <summary>Plans <paramref name="result"/>; <paramref name="certificates"/> gives each claim's certificate re-check, if any.</summary>
    public static IReadOnlyList<PlannedClaim> Of(TheoremResult result, CertificateChecks? certificates = null)
    {
        var firstShown = new Dictionary<string, int>(StringComparer.Ordinal);
        var claims = new List<PlannedClaim>();
        int number = 0;
        for (int i = 0; i < result.Claims.Count; i++)
        {
            var c = result.Claims[i];
            var planned = new List<PlannedEvidence>();
            int index = 0;
            foreach (var e in c.Evidence)
            {
                index++;
                if (IsEmpty(e)) continue;
                var key = Key(e);
                number++;
                if (firstShown.TryGetValue(key, out var first)) planned.Add(new PlannedEvidence(number, e, first, index));
                else
                {
                    firstShown[key] = number;
                    planned.Add(new PlannedEvidence(number, e, null, index));
                }
            }
            claims.Add(new PlannedClaim(i + 1, c, planned, certificates?.Invoke(c.Claim)));
        }
        return claims;
    }

    /// <summary>A section with nothing to show (a figure request whose runs cannot be drawn, and no values).</summary>
    public static bool IsEmpty(EvidenceSection e) =>
        e.Figure is { } spec && FlowFigure.Draw(spec) is null && e.Values.Count == 0 && e.Formulas.Count == 0 && e.SmtLib is null;

    // What makes two sections "the same evidence": everything but the one-line summary (which names the claim's context).
    private static string Key(EvidenceSection e)
    {
        var sb = new StringBuilder();
        sb.Append(e.Layer).Append('\u0001');
        foreach (var f in e.Formulas) sb.Append(f.Label).Append('\u0002').Append(f.Latex).Append('\u0003');
        sb.Append('\u0001');
        foreach (var v in e.Values) sb.Append(v.Name).Append('\u0002').Append(v.Value).Append('\u0003');
        sb.Append('\u0001').Append(e.SmtLib ?? "").Append('\u0001');
        if (e.Figure is { } fig) sb.Append(fig.Title).Append('\u0002').Append(fig.Caption).Append('\u0002').Append(string.Join(";", fig.Runs.Select(r => r.Label + "|" + string.Join(",", r.Limit))));
        if (e.PathFigure is { } path) sb.Append('\u0001').Append(path.FileName); // a mean-path figure is its own evidence
        if (e.LineFigure is { } line) sb.Append('\u0001').Append(line.FileName); // so is a line plot
        // A section with neither values, formulas, script nor figure is identified by its summary alone.
        if (e.Formulas.Count == 0 && e.Values.Count == 0 && e.SmtLib is null && e.Figure is null && e.PathFigure is null && e.LineFigure is null) sb.Append(e.Summary);
        return sb.ToString();
    }

    /// <summary>The figure of the setup's activation when it is a recipe's piecewise activation (<see cref="Reports.ActivationFigure"/>), else null.</summary>
    public static Figure? SetupActivation(Theorems.Files.TheoremFile file)
    {
        if (!file.Setup.IsMapping || file.Setup.Optional("activation") is not { } node || node.IsMapping || node.IsSequence) return null;
        var sigma = node.Expression();
        var variables = sigma.FreeSymbols();
        return variables.Count == 1 ? ActivationFigure.Draw(sigma, variables[0], "activation.svg") : null;
    }

    /// <summary>How a layer is named in reports.</summary>
    public static string LayerText(EvidenceLayer layer) => layer switch
    {
        EvidenceLayer.Symbolic => "symbolic, exact",
        EvidenceLayer.Smt => "SMT, exact",
        EvidenceLayer.Interval => "interval arithmetic, exact enclosure",
        _ => "numeric",
    };

    /// <summary>The kinds of typed facts a claim's certificate holds (their kinds, first-seen order).</summary>
    public static IReadOnlyList<string> FactKinds(ClaimResult c) =>
        c.Facts.Select(f => f.Kind).Distinct().ToList();
}
