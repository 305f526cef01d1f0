using System.Diagnostics;
using Microsoft.Z3;

namespace ProofWorkbench.Smt;

/// <summary>Z3's answer to <c>(check-sat)</c>.</summary>
public enum SatAnswer
{
    /// <summary>Satisfiable: a model exists.</summary>
    Sat,
    /// <summary>Unsatisfiable.</summary>
    Unsat,
    /// <summary>Z3 could not decide (timeout, resource limit, incomplete theory).</summary>
    Unknown,
}

/// <summary>The outcome of one query.</summary>
/// <param name="Answer">Z3's answer.</param>
/// <param name="Witness">For <see cref="SatAnswer.Sat"/>: the values of the script's witness variables.</param>
/// <param name="Model">For <see cref="SatAnswer.Sat"/>: every nullary real in the model, by SMT name.</param>
/// <param name="ReasonUnknown">For <see cref="SatAnswer.Unknown"/>: Z3's <c>(get-info :reason-unknown)</c>.</param>
/// <param name="Output">Everything Z3 printed.</param>
/// <param name="Elapsed">Wall-clock time of the query in Z3 (excluding any wait for another query to finish).</param>
/// <param name="Certificate">The script to write for this answer (<see cref="SmtScript.Certificate"/>): <c>z3 FILE</c> re-runs it with exit 0.</param>
public sealed record SolverOutcome(SatAnswer Answer, Witness? Witness, IReadOnlyDictionary<string, WitnessValue>? Model,
    string? ReasonUnknown, string Output, TimeSpan Elapsed, string Certificate);

/// <summary>
/// Runs SMT-LIB2 scripts through the static class <see cref="Native"/> of Microsoft.Z3 (the only part of
/// the package that works against Debian's libz3 4.8.12). ONE context per process (issue 11 item 5: creating a
/// context costs about 8 ms, and <c>pwb check</c> makes dozens of queries), created with <c>Z3_mk_context_rc</c> on
/// first use; between queries it is cleared with the SMT-LIB2 command <c>(reset)</c>, so every query starts from an
/// empty solver and every script stays self-contained for re-running. A context whose query was interrupted or
/// failed is deleted with <c>Z3_del_context</c> and the next query makes a fresh one (no finalizers anywhere).
/// Limits per query: the context's <c>timeout</c> parameter, the script's own <c>(set-option :timeout …)</c> and
/// <c>(set-option :rlimit …)</c> (4.8.12's SMT-LIB front end honours only these), and a watchdog that calls
/// <c>Z3_interrupt</c> if a query overruns its timeout. Queries are serialized process-wide, and Z3's global
/// parameters are reset before each one (4.8.12 keeps a script's <c>:rlimit</c> process-wide).
/// </summary>
public static class SmtSolver
{
    private static readonly SemaphoreSlim Serial = new(1, 1);

    /// <summary>Runs <paramref name="script"/>; for sat reads the model, for unknown the reason.</summary>
    public static SolverOutcome Solve(SmtScript script, SmtSolverOptions? options = null)
    {
        options ??= SmtSolverOptions.Default;
        using var z3 = Z3Session.Open(options);
        var watch = Stopwatch.StartNew(); // after Open: waiting for another query is not solver time
        var output = z3.Eval(script.CheckText);
        var answer = LastAnswer(output) ?? throw new SmtScriptException($"Z3 gave no answer to (check-sat); its output was: {output.Trim()}", script.Text);
        switch (answer)
        {
            case SatAnswer.Sat:
            {
                var modelText = z3.Eval("(get-model)");
                output += modelText;
                var items = SExpr.ReadAll(modelText);
                var defs = items.Count > 0 ? ModelReader.ReadModel(items[^1]) : [];
                var wanted = defs.Keys.Concat(script.Variables.Select(v => v.SmtName)).Distinct(StringComparer.Ordinal).ToList();
                var values = new Dictionary<string, SExpr>(StringComparer.Ordinal);
                if (wanted.Count > 0)
                {
                    // get-value completes the model for variables the model leaves unconstrained.
                    var text = z3.Eval($"(get-value ({string.Join(" ", wanted.Select(Quote))}))");
                    var read = SExpr.ReadAll(text);
                    if (read.Count > 0) values = ModelReader.ReadValues(read[^1]).ToDictionary(kv => Unquote(kv.Key), kv => kv.Value, StringComparer.Ordinal);
                }
                var inexact = values.Where(kv => ModelReader.Exact(kv.Value) is null).Select(kv => kv.Key).ToList();
                var decimals = new Dictionary<string, SExpr>(StringComparer.Ordinal);
                if (inexact.Count > 0)
                {
                    var text = z3.Eval($"(set-option :pp.decimal true)(set-option :pp.decimal_precision 30)(get-value ({string.Join(" ", inexact.Select(Quote))}))");
                    var read = SExpr.ReadAll(text);
                    if (read.Count > 0) decimals = ModelReader.ReadValues(read[^1]).ToDictionary(kv => Unquote(kv.Key), kv => kv.Value, StringComparer.Ordinal);
                }
                WitnessValue ValueOf(string name)
                {
                    var v = values.GetValueOrDefault(name) ?? defs.GetValueOrDefault(name) ?? SExpr.MakeAtom("0.0");
                    var exact = ModelReader.Exact(v);
                    double approx = exact?.ToDouble() ?? (decimals.TryGetValue(name, out var d) ? ModelReader.Approximate(d) : double.NaN);
                    return new WitnessValue(exact, v.ToString(), approx);
                }
                var model = wanted.ToDictionary(n => n, ValueOf, StringComparer.Ordinal);
                var witness = new Witness(script.Variables.Select(v => KeyValuePair.Create(v.DisplayName, model[v.SmtName])));
                return new SolverOutcome(answer, witness, model, null, output, watch.Elapsed, script.Certificate(answer));
            }
            case SatAnswer.Unknown:
            {
                var text = z3.Eval("(get-info :reason-unknown)");
                output += text;
                var read = SExpr.ReadAll(text);
                string reason = read.Count > 0 && read[^1].IsList && read[^1].Items.Count == 2 ? read[^1].Items[1].Atom ?? "" : text.Trim();
                if (reason.Length == 0) reason = "unknown";
                return new SolverOutcome(answer, null, null, reason, output, watch.Elapsed, script.Certificate(answer));
            }
            default:
                return new SolverOutcome(answer, null, null, null, output, watch.Elapsed, script.Certificate(answer));
        }
    }

    /// <summary>Evaluates raw SMT-LIB2 text in a fresh context and returns everything Z3 printed.</summary>
    public static string Evaluate(string smtlib, SmtSolverOptions? options = null)
    {
        using var z3 = Z3Session.Open(options ?? SmtSolverOptions.Default);
        return z3.Eval(smtlib);
    }

    private static SatAnswer? LastAnswer(string output)
    {
        SatAnswer? answer = null;
        foreach (var item in SExpr.ReadAll(output))
        {
            if (item.Is("sat")) answer = SatAnswer.Sat;
            else if (item.Is("unsat")) answer = SatAnswer.Unsat;
            else if (item.Is("unknown")) answer = SatAnswer.Unknown;
        }
        return answer;
    }

    private static string Quote(string name) => name.All(c => char.IsAsciiLetterOrDigit(c) || "~!@$%^&*_-+=<>.?/".Contains(c)) ? name : $"|{name}|";
    private static string Unquote(string name) => name.Length >= 2 && name[0] == '|' && name[^1] == '|' ? name[1..^1] : name;

    /// <summary>
    /// One query on the process's Z3 context, serialized with all other queries. The context lives in
    /// <see cref="Shared"/> (guarded by <see cref="Serial"/>) and is reused while queries end cleanly.
    /// </summary>
    private sealed class Z3Session : IDisposable
    {
        // The process's context: read and written only while holding Serial.
        private static IntPtr Shared;

        // A no-op error handler: errors are read back from Z3_get_error_code by the Native wrappers,
        // which throw Z3Exception. Static, so the delegate outlives every context.
        private static readonly Native.Z3_error_handler IgnoreErrors = (_, _) => { };

        private readonly Lock sync = new();
        private readonly IntPtr context;
        private readonly int timeout;
        private bool closed, running, interrupted, failed;
        private string transcript = "";

        private Z3Session(IntPtr context, int timeout) { this.context = context; this.timeout = timeout; }

        public static Z3Session Open(SmtSolverOptions options)
        {
            Z3Library.EnsureLoaded(options.LibraryCandidates);
            Serial.Wait();
            try
            {
                return Z3Library.Guard(() =>
                {
                    // Z3 4.8.12 keeps some options set by scripts (rlimit, timeout) as process-wide parameters;
                    // reset them so that no query inherits the limits of the previous one.
                    Native.Z3_global_param_reset_all();
                    var timeoutText = options.TimeoutMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (Shared == IntPtr.Zero)
                    {
                        var cfg = Native.Z3_mk_config();
                        try
                        {
                            Native.Z3_set_param_value(cfg, "model", "true");
                            Shared = Native.Z3_mk_context_rc(cfg);
                            Native.Z3_set_error_handler(Shared, IgnoreErrors);
                        }
                        finally { Native.Z3_del_config(cfg); }
                    }
                    Native.Z3_update_param_value(Shared, "timeout", timeoutText);
                    return new Z3Session(Shared, options.TimeoutMilliseconds);
                });
            }
            catch { Serial.Release(); throw; }
        }

        public string Eval(string text)
        {
            transcript += text;
            // Watchdog: the script's own timeout normally fires first; this interrupts a query that ignores it.
            int grace = Math.Max(1000, timeout / 2);
            using var watchdog = new Timer(_ => { lock (sync) { if (running && !closed) { interrupted = true; Native.Z3_interrupt(context); } } },
                null, timeout + grace, Timeout.Infinite);
            lock (sync) running = true;
            try { return Z3Library.Guard(() => Native.Z3_eval_smtlib2_string(context, text)); }
            catch (Z3Exception e) { failed = true; throw new SmtScriptException($"Z3 rejected the script: {Errors(e.Message)}", transcript); }
            catch { failed = true; throw; }
            finally { lock (sync) running = false; }
        }

        private static string Errors(string output)
        {
            try
            {
                var errors = SExpr.ReadAll(output).Where(i => i.IsList && i.Items.Count == 2 && i.Items[0].Is("error")).Select(i => i.Items[1].Atom).ToList();
                return errors.Count > 0 ? string.Join("; ", errors) : output.Trim();
            }
            catch (FormatException) { return output.Trim(); }
        }

        public void Dispose()
        {
            lock (sync) closed = true;
            try
            {
                // Clear the solver for the next query; a context that was interrupted or failed is not reused.
                if (!interrupted && !failed)
                {
                    try { Native.Z3_eval_smtlib2_string(context, "(reset)"); }
                    catch (Z3Exception) { failed = true; }
                }
                if (interrupted || failed)
                {
                    Native.Z3_del_context(context);
                    Shared = IntPtr.Zero;
                }
            }
            finally { Serial.Release(); }
        }
    }
}
