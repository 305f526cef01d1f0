using System.Text.Encodings.Web;
using System.Text.Json;
using ProofWorkbench.Smt;
using ProofWorkbench.Smt.Translation;
using ProofWorkbench.Symbolic.Domains;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Parsing;

namespace ProofWorkbench.Cli.Commands;

/// <summary>
/// <c>pwb sign EXPR [--assume CONSTRAINT]… [--relation "&gt; 0"|"&gt;= 0"|"&lt; 0"|"&lt;= 0"|"!= 0"] [--json]</c>:
/// decides with Z3 whether EXPR satisfies the relation for ALL real values of its variables under the
/// assumptions (on the domain where EXPR is defined). Prints the verdict, the witness of a refutation
/// (checked against the real functions before it is printed) and the SMT-LIB2 script.
/// Exit codes: 0 proved; 1 refuted or unknown (including contradictory assumptions or an empty domain, for
/// which nothing is proved); 2 bad input (an expression or assumption that does not parse, an unsupported function, an
/// unknown relation) or a missing libz3.
/// </summary>
public static class SignCommand
{
    private static readonly (string Text, RelationOperator Op)[] Relations =
    [
        (">0", RelationOperator.Greater), (">=0", RelationOperator.GreaterOrEqual), ("<0", RelationOperator.Less),
        ("<=0", RelationOperator.LessOrEqual), ("!=0", RelationOperator.NotEqual),
    ];

    /// <summary>Runs the command; returns the exit code.</summary>
    /// <param name="expr">The expression EXPR.</param>
    /// <param name="assumptions">The --assume constraints (relations such as "x &gt; 0").</param>
    /// <param name="relation">The --relation ("&gt; 0" when empty).</param>
    /// <param name="json">Print JSON (keys verdict, witness, smtlib) instead of text.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error (one sentence per error).</param>
    public static int Run(string expr, IReadOnlyList<string> assumptions, string relation, bool json, TextWriter stdout, TextWriter stderr) =>
        Run(expr, assumptions, relation, json, stdout, stderr, null);

    /// <summary>As <see cref="Run(string, IReadOnlyList{string}, string, bool, TextWriter, TextWriter)"/>, with solver options (limits, library names).</summary>
    public static int Run(string expr, IReadOnlyList<string> assumptions, string relation, bool json, TextWriter stdout, TextWriter stderr,
        SmtSolverOptions? options)
    {
        // ---- input ----
        // Bad input is an InputException, reported by Program.cs (one sentence, exit 2).
        var op = ParseRelation(string.IsNullOrWhiteSpace(relation) ? "> 0" : relation)
            ?? throw new InputException($"--relation '{relation}' is not one of \"> 0\", \">= 0\", \"< 0\", \"<= 0\", \"!= 0\".");
        Expr e;
        var written = new List<DomainCondition>(); // the domain of EXPR and the assumptions as written (issue 9, item 2)
        try { var parsed = Parser.ParseWithDomain(expr); e = parsed.Value; written.AddRange(parsed.Domain); }
        catch (ParseException ex) { throw new InputException($"EXPR, column {ex.Column}: {ex.Reason}."); }
        if (e is Relation)
            throw new InputException("EXPR is a relation; give the expression alone and the comparison with --relation (for example --relation \">= 0\").");
        var assumed = new List<Relation>();
        foreach (var a in assumptions)
        {
            try
            {
                var parsed = Parser.ParseWithDomain(a);
                assumed.Add(parsed.Value as Relation ?? throw new ParseException(a, a.Length + 1, "expected a relation such as 'x > 0' (one of < <= > >= == !=)"));
                written.AddRange(parsed.Domain);
            }
            catch (ParseException ex) { throw new InputException($"--assume '{a}', column {ex.Column}: {ex.Reason}."); }
        }
        var claim = new Relation(e, op, Expr.Zero);

        // ---- decision ----
        // Prove checks the assumptions alone first and reports contradictory ones instead of proving anything.
        // An unsupported function or a missing libz3 is an InputException (Program.cs reports it).
        var result = SmtProver.Prove(claim, assumed, options, writtenDomain: written);
        {
            if (result.AssumptionsUnsatisfiable || result.DomainEmpty)
            {
                string why = result.AssumptionsUnsatisfiable
                    ? "the assumptions are unsatisfiable; nothing was proved (check the --assume constraints)"
                    : $"EXPR is defined nowhere{(assumed.Count > 0 ? " under the assumptions" : "")} (its domain {string.Join("; ", result.Domain)} is empty); nothing was proved";
                stderr.WriteLine($"pwb sign: {why}.");
                if (json) WriteJson(stdout, "unknown", null, result.Script);
                else
                {
                    stdout.WriteLine("verdict: unknown");
                    stdout.WriteLine($"reason: {why}");
                    stdout.WriteLine("smtlib:");
                    stdout.Write(result.Script);
                }
                return 1;
            }
        }

        // ---- output ----
        string verdict = result.Verdict switch { SmtVerdict.Proved => "proved", SmtVerdict.Refuted => "refuted", _ => "unknown" };
        var witness = result.Verdict == SmtVerdict.Refuted ? result.Witness : null;
        if (json) WriteJson(stdout, verdict, witness, result.Script);
        else
        {
            var variables = claim.FreeSymbols().Concat(assumed.SelectMany(a => a.FreeSymbols())).Distinct().Order(StringComparer.Ordinal).ToList();
            stdout.WriteLine($"verdict: {verdict}");
            stdout.WriteLine($"claim: for all real {(variables.Count == 0 ? "(no variables)" : string.Join(", ", variables))}: {claim}"
                + (assumed.Count > 0 ? $"  assuming {string.Join(", ", assumed)}" : ""));
            if (result.Domain.Count > 0) stdout.WriteLine($"domain: {string.Join("; ", result.Domain)}");
            if (result.Abstractions.Count > 0) stdout.WriteLine($"abstracted: {string.Join("; ", result.Abstractions)}");
            if (witness is not null)
            {
                stdout.WriteLine($"witness: {witness}");
                if (result.WitnessCheck is { } check)
                    stdout.WriteLine($"witness check ({check.Method.ToString().ToLowerInvariant()}): {check.Detail}");
            }
            stdout.WriteLine($"reason: {result.Explanation}");
            stdout.WriteLine("smtlib:");
            stdout.Write(result.Script);
        }
        return result.Verdict == SmtVerdict.Proved ? 0 : 1;
    }

    private static RelationOperator? ParseRelation(string text)
    {
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        foreach (var (t, op) in Relations)
            if (compact == t || compact == t[..^1]) return op;
        return null;
    }

    private static void WriteJson(TextWriter stdout, string verdict, Witness? witness, string smtlib)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("verdict", verdict);
            if (witness is null) w.WriteNull("witness");
            else
            {
                w.WriteStartObject("witness");
                foreach (var (name, value) in witness.Values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    if (double.IsFinite(value.Approximation)) w.WriteNumber(name, value.Approximation);
                    else w.WriteNull(name);
                }
                w.WriteEndObject();
            }
            w.WriteString("smtlib", smtlib);
            w.WriteEndObject();
        }
        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
