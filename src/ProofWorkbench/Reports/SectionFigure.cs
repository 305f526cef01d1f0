using ProofWorkbench.Theorems.Checking;

namespace ProofWorkbench.Reports;

/// <summary>The one place that turns an evidence section's figure request into a drawn figure (Markdown and HTML reports share it).</summary>
public static class SectionFigure
{
    /// <summary>The figure of <paramref name="section"/>: its phase plane, mean paths or line plot; null when it has none (or none drawable).</summary>
    public static Figure? Of(EvidenceSection section) =>
        section.Figure is { } spec ? FlowFigure.Draw(spec)
        : section.PathFigure is { } paths ? MeanPathFigure.Draw(paths)
        : section.LineFigure is { } line ? new Figure(line.FileName, line.Caption, LinePlotFigure.Render(line.Title, line.Axes, line.Curves))
        : null;
}
