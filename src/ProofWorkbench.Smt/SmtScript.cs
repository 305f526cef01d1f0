using System.Text;

namespace ProofWorkbench.Smt;

/// <summary>Limits and library location for one Z3 query.</summary>
public sealed record SmtSolverOptions
{
    /// <summary>Wall-clock limit per query in milliseconds (Z3's <c>timeout</c>); default 10 s.</summary>
    public int TimeoutMilliseconds { get; init; } = 10_000;

    /// <summary>
    /// Z3's deterministic resource limit per query (<c>(set-option :rlimit N)</c>); 0 for none. Default 50 000 000,
    /// which nlsat takes tens of seconds to use up, so the timeout normally governs; a smaller value makes a
    /// verdict machine-independent.
    /// </summary>
    public long ResourceLimit { get; init; } = 50_000_000;

    /// <summary>Library names or paths tried in order; null for <see cref="Z3Library.DefaultCandidates"/>.</summary>
    public IReadOnlyList<string>? LibraryCandidates { get; init; }

    /// <summary>The defaults.</summary>
    public static SmtSolverOptions Default { get; } = new();
}

/// <summary>
/// A standalone SMT-LIB2 script: comments that say what is asserted and why, declarations, assertions and
/// <c>(check-sat)</c>. <see cref="CheckText"/> is what the solver evaluates before asking for the model or the reason
/// for unknown; <see cref="Certificate"/> is the file a report writes, which <c>z3 FILE.smt2</c> re-runs with exit 0,
/// printing exactly the answer the report states (issue 9 item 9): <c>(get-model)</c> is appended only after a
/// <c>sat</c> answer, because Z3 answers it with an error after <c>unsat</c> or <c>unknown</c>.
/// </summary>
public sealed class SmtScript
{
    internal SmtScript(string checkText, IReadOnlyList<(string SmtName, string DisplayName)> variables)
    {
        CheckText = checkText;
        Variables = variables;
    }

    /// <summary>The whole script, ending in <c>(check-sat)</c>: re-runnable whatever the answer.</summary>
    public string Text => CheckText;

    /// <summary>
    /// The certificate for Z3's <paramref name="answer"/>: the script, plus <c>(get-model)</c> after <c>sat</c> so
    /// that the re-run prints the witness too. Re-running it prints the answer first and never an error.
    /// </summary>
    public string Certificate(SatAnswer answer) => answer == SatAnswer.Sat ? CheckText + "(get-model)\n" : CheckText;

    /// <summary>The script up to and including <c>(check-sat)</c>.</summary>
    public string CheckText { get; }

    /// <summary>The variables whose model values form the witness: SMT name and display name.</summary>
    public IReadOnlyList<(string SmtName, string DisplayName)> Variables { get; }

    /// <inheritdoc/>
    public override string ToString() => Text;
}

/// <summary>
/// Assembles an <see cref="SmtScript"/>: a commented header, real declarations, and assertions in named
/// sections printed in the order the sections were created. Every assertion carries a comment, so the
/// script reads as a certificate.
/// </summary>
public sealed class SmtScriptBuilder
{
    private readonly List<string> header = [];
    private readonly List<string> declarations = [];
    private readonly List<(string Title, List<string> Lines)> sections = [];
    private readonly List<(string, string)> variables = [];
    private readonly HashSet<string> declared = new(StringComparer.Ordinal);

    /// <summary>Starts a script whose first comment lines are <paramref name="title"/>.</summary>
    public SmtScriptBuilder(string title) => HeaderComment(title);

    /// <summary>Adds comment lines to the header.</summary>
    public void HeaderComment(string text)
    {
        foreach (var line in text.Split('\n')) header.Add("; " + line.TrimEnd());
    }

    /// <summary>True when <paramref name="smtName"/> is declared.</summary>
    public bool IsDeclared(string smtName) => declared.Contains(smtName);

    /// <summary>
    /// Declares a real constant; with a <paramref name="displayName"/> its model value becomes part of the witness.
    /// Declaring the same name twice is a no-op.
    /// </summary>
    public void DeclareReal(string smtName, string? displayName = null, string? comment = null)
    {
        if (!declared.Add(smtName)) return;
        declarations.Add($"(declare-const {smtName} Real)" + (comment is null ? "" : "  ; " + OneLine(comment)));
        if (displayName is not null) variables.Add((smtName, displayName));
    }

    /// <summary>Adds an assertion (with its comment lines) to the named section, creating it on first use.</summary>
    public void Assert(string section, string term, string? comment = null)
    {
        var lines = Section(section);
        if (comment is not null) foreach (var c in comment.Split('\n')) lines.Add("; " + c.TrimEnd());
        lines.Add($"(assert {term})");
    }

    /// <summary>Adds a comment line to the named section, creating it on first use.</summary>
    public void Comment(string section, string comment)
    {
        var lines = Section(section);
        foreach (var c in comment.Split('\n')) lines.Add("; " + c.TrimEnd());
    }

    /// <summary>Creates the section now (fixing its position) if it does not exist yet.</summary>
    public void DeclareSection(string section) => Section(section);

    private List<string> Section(string title)
    {
        foreach (var (t, l) in sections) if (t == title) return l;
        var lines = new List<string>();
        sections.Add((title, lines));
        return lines;
    }

    private static string OneLine(string s) => s.Replace('\n', ' ');

    /// <summary>The finished script with the limits of <paramref name="options"/> written into it.</summary>
    public SmtScript Build(SmtSolverOptions? options = null)
    {
        options ??= SmtSolverOptions.Default;
        var sb = new StringBuilder();
        foreach (var h in header) sb.Append(h).Append('\n');
        sb.Append("; Reproduce with: z3 FILE.smt2   (written for Z3 4.8.12)\n");
        sb.Append("(set-option :produce-models true)\n");
        sb.Append($"(set-option :timeout {options.TimeoutMilliseconds})\n");
        sb.Append($"(set-option :rlimit {Math.Max(0, options.ResourceLimit)})\n"); // 0 = no limit; always written, as Z3 keeps it process-wide
        sb.Append("(set-logic QF_NRA)\n");
        if (declarations.Count > 0)
        {
            sb.Append("\n; ---- variables ----\n");
            foreach (var d in declarations) sb.Append(d).Append('\n');
        }
        foreach (var (title, lines) in sections)
        {
            if (lines.Count == 0) continue;
            sb.Append("\n; ---- ").Append(title).Append(" ----\n");
            foreach (var l in lines) sb.Append(l).Append('\n');
        }
        sb.Append("\n(check-sat)\n");
        return new SmtScript(sb.ToString(), variables.ToList());
    }
}
