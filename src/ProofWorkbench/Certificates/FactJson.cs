using System.Text.Json.Nodes;
using ProofWorkbench.Evidence;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Simplification;

namespace ProofWorkbench.Certificates;

/// <summary>How numbers are written.</summary>
public enum NumberStyle
{
    /// <summary>Every number exact: rationals, and doubles by their exact rational value, as "p/q" strings (certificates).</summary>
    Exact,
    /// <summary>Rationals as "p/q" strings, doubles as JSON numbers with round-trip precision (<c>pwb check --json</c>).</summary>
    Json,
}

/// <summary>
/// A <see cref="Fact"/> as JSON, typed: a "kind", its "label" and "outcome", then the kind's own fields in a fixed
/// order (documented in docs/certificates.md). Expressions are written in the tool's syntax (parse ∘ print is the
/// identity); non-finite doubles are null.
/// </summary>
public static class FactJson
{
    /// <summary>The JSON object of one fact.</summary>
    public static JsonObject Of(Fact fact, NumberStyle style)
    {
        var o = new JsonObject { ["kind"] = fact.Kind, ["label"] = fact.Label, ["outcome"] = OutcomeText(fact.Outcome) };
        JsonNode? D(double x) => Double(x, style);
        JsonNode? DN(double? x) => x is { } v ? Double(v, style) : null;
        JsonArray Ds(IEnumerable<double> xs) => new(xs.Select(D).ToArray());
        switch (fact)
        {
            case ExactIdentity f:
                o["expression"] = f.Expression.ToString();
                o["zero_test"] = ZeroTestText(f.Result);
                // A fact claiming the expression is NOT identically 0 (its outcome inverts the zero test's) says so.
                if ((f.Result == ZeroTestResult.NonZero && f.Outcome == FactOutcome.Proves) || (f.Result == ZeroTestResult.Zero && f.Outcome == FactOutcome.Refutes))
                    o["sense"] = "nonzero";
                break;
            case ExactValue f:
                o["expression"] = f.Expression.ToString();
                o["at"] = Bindings(f.At);
                o["value"] = f.Value.ToString();
                o["tolerance"] = f.Tolerance?.ToString();
                break;
            case SmtCheck f:
                o["goal"] = f.Goal?.ToString();
                o["assumptions"] = new JsonArray(f.Assumptions.Select(a => (JsonNode)a.ToString()).ToArray());
                o["domain"] = new JsonArray(f.Domain.Select(c => (JsonNode)new JsonObject
                {
                    ["condition"] = c.Condition.ToString(),
                    ["path"] = new JsonArray(c.Path.Select(q => (JsonNode)q.ToString()).ToArray()),
                }).ToArray());
                o["answer"] = f.Answer.ToString().ToLowerInvariant();
                o["witness"] = new JsonObject(f.Witness.Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key, kv.Value)));
                o["explanation"] = f.Explanation;
                o["script"] = f.Script;
                break;
            case IntervalEnclosure f:
                o["expression"] = f.Expression.ToString();
                o["box"] = new JsonObject(f.Box.Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key, Interval(kv.Value))));
                o["enclosure"] = Interval(f.Enclosure);
                o["tolerance"] = DN(f.Tolerance);
                o["required_sign"] = f.RequiredSign;
                o["integral"] = Integral(f.Integral);
                break;
            case CertifiedRoot f:
                o["function"] = f.Function.ToString();
                o["variable"] = f.Variable;
                o["bracket"] = Interval(f.Bracket);
                o["sign_at_lo"] = f.SignAtLo;
                o["sign_at_hi"] = f.SignAtHi;
                o["derivative_sign"] = f.DerivativeSign;
                o["integral"] = Integral(f.Integral);
                break;
            case IsolatedZeros f:
                o["function"] = f.Function.ToString();
                o["variable"] = f.Variable;
                o["domain"] = Interval(f.Domain);
                o["roots"] = new JsonArray(f.Roots.Select(r => (JsonNode)Interval(r)).ToArray());
                o["complete"] = f.Complete;
                break;
            case LinearAlgebraFact f:
                o["matrix"] = new JsonArray(f.Matrix.Select(row => (JsonNode)new JsonArray(row.Select(r => (JsonNode)r.ToString()).ToArray())).ToArray());
                o["determinant"] = f.Determinant?.ToString();
                o["rank"] = f.Rank;
                o["needs_full_rank"] = f.NeedsFullRank;
                break;
            case NumericEstimate f:
                o["value"] = D(f.Value);
                o["error_bound"] = D(f.ErrorBound);
                o["tolerance"] = DN(f.Tolerance);
                o["method"] = f.Method;
                o["statistics"] = new JsonObject(f.Statistics.Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key, D(kv.Value))));
                break;
            case FlowRun f:
                o["data_name"] = f.DataName;
                o["model"] = f.Model;
                o["activation"] = f.Activation;
                o["activation_variable"] = f.ActivationVariable;
                o["parameters"] = new JsonArray(f.Parameters.Select(p => (JsonNode)p).ToArray());
                o["initial"] = new JsonArray(f.Initial.Select(r => (JsonNode)r.ToString()).ToArray());
                o["data"] = new JsonArray(f.Data.Select(s => (JsonNode)new JsonObject
                {
                    ["x"] = new JsonArray(s.X.Select(x => (JsonNode)x).ToArray()),
                    ["y"] = s.Y,
                }).ToArray());
                o["converged"] = f.Converged;
                o["ending"] = f.Ending;
                o["limit"] = Ds(f.Limit);
                o["limit_error"] = D(f.LimitError);
                o["loss"] = D(f.Loss);
                o["time"] = D(f.Time);
                o["route_distance"] = DN(f.RouteDistance);
                o["second_route_limit"] = f.SecondRouteLimit is { } c ? Ds(c) : null;
                o["second_route_note"] = f.SecondRouteNote;
                o["drifts"] = new JsonArray(f.Drifts.Select(q => (JsonNode)new JsonObject { ["quantity"] = q.Quantity, ["max_drift"] = D(q.MaxDrift) }).ToArray());
                o["direction"] = f.Direction is { } dir ? Ds(dir) : null;
                o["direction_error"] = DN(f.DirectionError);
                o["slope"] = DN(f.Slope);
                o["slope_eq26"] = DN(f.SlopeEq26);
                o["method"] = f.Method;
                o["samples"] = new JsonArray(f.Samples.Select(s => (JsonNode)Ds(s)).ToArray());
                break;
            default:
                throw new InvalidOperationException($"no JSON form for the fact kind {fact.Kind}");
        }
        return o;
    }

    /// <summary>"proves", "confirms", "refutes", "undecided", "informs".</summary>
    public static string OutcomeText(FactOutcome o) => o.ToString().ToLowerInvariant();

    /// <summary>"zero", "nonzero", "unknown".</summary>
    public static string ZeroTestText(ZeroTestResult r) => r switch
    {
        ZeroTestResult.Zero => "zero",
        ZeroTestResult.NonZero => "nonzero",
        _ => "unknown",
    };

    private static JsonObject Bindings(IEnumerable<KeyValuePair<string, Rational>> at) =>
        new(at.Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key, kv.Value.ToString())));

    private static JsonObject? Integral(IntegralTerm? t) => t is null ? null : new JsonObject
    {
        ["symbol"] = t.Symbol,
        ["integrand"] = t.Integrand.ToString(),
        ["variable"] = t.Variable,
        ["lower"] = t.Lower.ToString(),
    };

    private static JsonArray Interval(ExactInterval i) => [i.Lo.ToString(), i.Hi.ToString()];

    private static JsonNode? Double(double x, NumberStyle style) =>
        !double.IsFinite(x) ? null
        : style == NumberStyle.Exact ? JsonValue.Create(Rational.FromDouble(x).ToString())
        : JsonValue.Create(x);
}
