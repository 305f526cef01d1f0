using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using ProofWorkbench.Dynamics;
using ProofWorkbench.Models;
using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Parsing;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Cli.Commands;

/// <summary>The inputs of <c>pwb flow</c>, as the user typed them.</summary>
/// <param name="Activation">σ as an expression in one variable.</param>
/// <param name="W0">w0: comma-separated numbers (d of them).</param>
/// <param name="A0">a0.</param>
/// <param name="X">One comma-separated input per sample.</param>
/// <param name="Y">One label per sample (a number or a constant expression).</param>
/// <param name="Method">auto, dop853, radau5 or taylor.</param>
/// <param name="Tolerance">The tolerance T, or null for the default.</param>
/// <param name="MaxSteps">The step budget, or null for the default.</param>
/// <param name="MaxTime">The time budget, or null for the default.</param>
/// <param name="MaxSeconds">The wall-clock budget in seconds, or null for the default.</param>
public sealed record FlowArguments(string Activation, string W0, string A0, IReadOnlyList<string> X, IReadOnlyList<string> Y,
    string Method = "auto", string? Tolerance = null, string? MaxSteps = null, string? MaxTime = null, string? MaxSeconds = null);

/// <summary>
/// <c>pwb flow --activation EXPR --w0 LIST --a0 NUM --x LIST --y NUM [--x … --y …] [--method M] [--tol T] [--json]</c>:
/// gradient flow θ̇ = −∇L_S(θ) of f = a·σ(wᵀx) with L_S = Σᵢ (f(xᵢ) − yᵢ)² integrated to its limit
/// (<see cref="GradientFlowEngine"/>). Exit 0 when the flow converged, 1 when it did not, 2 for input errors.
/// </summary>
public static class FlowCommand
{
    /// <summary>The largest input dimension d for which <c>one-neuron</c> runs on the symbolic engine (its (d+1)² Jacobian).</summary>
    public const int SymbolicLimit = 20;

    /// <summary>The System.CommandLine definition of <c>pwb flow</c>.</summary>
    public static Command Create()
    {
        var command = new Command("flow", "Integrate the gradient flow of a model (default: f = a·σ(wᵀx), L = Σ (f(x) − y)^2) to its limit.");
        var activation = new Option<string?>("--activation") { Description = "The activation σ as an expression in one variable, e.g. 1/(1+exp(-u)) (one-neuron: required; two-layer: default exp(u))." };
        var w0 = new Option<string?>("--w0") { Description = "Initial w: comma-separated numbers, e.g. 0.922 or 0.1,-0.2,0.3 (two-layer: w_1, then w_2, …)." };
        var a0 = new Option<string?>("--a0") { Description = "Initial a, e.g. 2.868 (two-layer: one per neuron, comma-separated)." };
        var modelName = new Option<string?>("--model") { Description = "one-neuron (default), two-layer, relu-neuron, diagonal or linear." };
        var width = new Option<string?>("--width") { Description = "two-layer: the number m of neurons." };
        var init = new Option<string?>("--init") { Description = "two-layer: random (seeded) or equal-time (σ = exp: Corollary 6.2 with all neurons' travel times equal), instead of --w0/--a0." };
        var seed = new Option<string?>("--seed") { Description = "Seed of --init (default 1)." };
        var reluZero = new Option<string?>("--relu-derivative-at-zero") { Description = "relu-neuron: the value used for σ′(0), in [0, 1] (default 1, paper 002)." };
        var depth = new Option<string?>("--depth") { Description = "diagonal: the depth D ≥ 2 (default 2)." };
        var alpha = new Option<string?>("--alpha") { Description = "diagonal: the initialization scale α (w₊ = w₋ = α·1; default 1)." };
        var lossScale = new Option<string?>("--loss-scale") { Description = "c in L = c·Σ (f(x) − y)^2 (default 1; papers 002 and 003 use 1/2)." };
        var trajectory = new Option<string?>("--trajectory") { Description = "Write the trajectory (t, then every parameter by name) to this CSV file: the accepted states and DOP853's dense output inside each step (any model)." };
        var trajectoryPoints = new Option<string?>("--trajectory-points") { Description = "With --trajectory: dense-output points written inside each accepted step (default 3; 0: accepted states only)." };
        var maxSeconds = new Option<string?>("--max-seconds") { Description = "Wall-clock budget in seconds (default 300): the run stops as budget-exhausted when it is spent." };
        var x = new Option<string[]>("--x") { Description = "Input of a sample: comma-separated numbers (required; repeat --x/--y for more samples).", AllowMultipleArgumentsPerToken = false };
        var y = new Option<string[]>("--y") { Description = "Label of a sample (required, one per --x): a number or a constant expression such as -log(1+exp(0.18)).", AllowMultipleArgumentsPerToken = false };
        var method = new Option<string>("--method") { Description = "auto, dop853, radau5 or taylor (default auto).", DefaultValueFactory = _ => "auto" };
        var tol = new Option<string?>("--tol") { Description = "Tolerance T (default 1e-12): solver rtol = atol = T; converged when the last step and the estimated distance to the limit are ≤ 10·T·max(1, ‖θ‖) and ‖∇L‖ is at the matching level." };
        var maxSteps = new Option<string?>("--max-steps") { Description = "Step budget (default 200000)." };
        var maxTime = new Option<string?>("--max-time") { Description = "Time budget: integrate on [0, T] at most (default 1e12)." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        foreach (var o in new Option[] { activation, w0, a0, x, y, method, tol, maxSteps, maxTime, json, modelName, width, init, seed, reluZero, depth, alpha, lossScale, trajectory, trajectoryPoints, maxSeconds })
            command.Add(o);
        command.SetAction(p =>
        {
            string[] modelOnly = [.. new (Option Option, string? Value)[] { (width, p.GetValue(width)), (init, p.GetValue(init)), (seed, p.GetValue(seed)),
                (reluZero, p.GetValue(reluZero)), (depth, p.GetValue(depth)), (alpha, p.GetValue(alpha)), (lossScale, p.GetValue(lossScale)),
                (trajectory, p.GetValue(trajectory)), (trajectoryPoints, p.GetValue(trajectoryPoints)) }.Where(o => o.Value is not null).Select(o => o.Option.Name)];
            var model = p.GetValue(modelName);
            // one-neuron with d ≤ SymbolicLimit keeps the symbolic engine (exact Jacobian, Lemma A.3 route, eq. (26) diagnostics);
            // larger d goes to the vectorized backend, whose cost is linear in d.
            bool symbolic = (model is null or "one-neuron") && modelOnly.Length == 0
                && (p.GetValue(w0) is not { } w0Text || w0Text.Split(',').Length <= SymbolicLimit);
            if (!symbolic)
                return ModelFlowCommand.Run(new ModelFlowArguments(model ?? "one-neuron", p.GetValue(activation), p.GetValue(w0), p.GetValue(a0),
                    p.GetValue(x) ?? [], p.GetValue(y) ?? [], p.GetValue(width), p.GetValue(init), p.GetValue(seed), p.GetValue(reluZero),
                    p.GetValue(depth), p.GetValue(alpha), p.GetValue(lossScale), p.GetValue(trajectory), p.GetValue(method) ?? "auto",
                    p.GetValue(tol), p.GetValue(maxSteps), p.GetValue(maxTime), p.GetValue(maxSeconds), p.GetValue(trajectoryPoints)), p.GetValue(json), Console.Out);
            return Run(new FlowArguments(
                p.GetValue(activation) ?? throw new InputException("Option '--activation' is required; give σ, e.g. --activation \"1/(1+exp(-u))\"."),
                p.GetValue(w0) ?? throw new InputException("Option '--w0' is required; give the initial weights, e.g. --w0 0.922."),
                p.GetValue(a0) ?? throw new InputException("Option '--a0' is required; give the initial outer weight, e.g. --a0 2.868."),
                p.GetValue(x) ?? [], p.GetValue(y) ?? [], p.GetValue(method) ?? "auto", p.GetValue(tol), p.GetValue(maxSteps), p.GetValue(maxTime),
                p.GetValue(maxSeconds)), p.GetValue(json), Console.Out);
        });
        return command;
    }

    /// <summary>Runs the command; returns the exit code (0 converged, 1 not converged). Input errors throw <see cref="InputException"/>.</summary>
    public static int Run(FlowArguments args, bool json, TextWriter stdout)
    {
        var sigma = Activation.Parse(args.Activation);
        var w0 = ParseList(args.W0, "--w0");
        int d = w0.Length;
        var model = new OneNeuronModel(sigma, d);
        if (sigma.Variable == "a" || model.WeightNames.Contains(sigma.Variable) || sigma.Variable is "w" or "x" or "y")
            throw new InputException($"--activation '{args.Activation}' uses '{sigma.Variable}', a name of the model (w, a, x, y); write the activation in another variable, e.g. u.");
        double a0 = ParseNumber(args.A0, "--a0").ToDouble();
        if (args.X.Count == 0) throw new InputException("--x is missing; give each sample as --x LIST --y NUM, e.g. --x 1 --y 1.");
        if (args.Y.Count != args.X.Count)
            throw new InputException(args.Y.Count == 0
                ? "--y is missing; give each sample as --x LIST --y NUM, one --y for every --x."
                : $"--x was given {args.X.Count} time(s) but --y {args.Y.Count} time(s); give one --y for every --x.");
        var samples = new List<Sample>();
        for (int i = 0; i < args.X.Count; i++)
        {
            var xi = ParseList(args.X[i], $"--x (sample {i + 1})");
            if (xi.Length != d)
                throw new InputException($"--x '{args.X[i]}' (sample {i + 1}) has {xi.Length} component(s) but --w0 has {d}; every --x needs as many components as --w0.");
            samples.Add(new Sample(xi.Select(Num).ToArray(), ParseLabel(args.Y[i], $"--y (sample {i + 1})")));
        }
        var options = new FlowOptions
        {
            Method = FlowMethods.Parse(args.Method),
            Tolerance = args.Tolerance is null ? new FlowOptions().Tolerance : ParseDouble(args.Tolerance, "--tol"),
            MaxSteps = args.MaxSteps is null ? new FlowOptions().MaxSteps : ParseCount(args.MaxSteps, "--max-steps"),
            MaxTime = args.MaxTime is null ? new FlowOptions().MaxTime : ParseDouble(args.MaxTime, "--max-time"),
            WallClockBudget = args.MaxSeconds is null ? new FlowOptions().WallClockBudget : Seconds(ParseDouble(args.MaxSeconds, "--max-seconds"), "--max-seconds"),
        };
        double[] theta0 = [.. w0.Select(r => r.ToDouble()), a0];
        var result = GradientFlowEngine.Run(model, samples, theta0, options);
        if (json) stdout.WriteLine(Json.Write(ToJson(result, sigma, samples.Count, options)));
        else WriteText(result, sigma, samples, options, stdout);
        return result.Converged ? 0 : 1;
    }

    /// <summary>The JSON object of a result (non-finite numbers become null).</summary>
    public static JsonObject ToJson(FlowResult r, Activation sigma, int sampleCount, FlowOptions options)
    {
        var limit = r.OneNeuron?.ConservedRoute?.Limit;
        return new JsonObject
        {
            ["activation"] = sigma.Definition.ToString(),
            ["d"] = r.Theta.Count - 1,
            ["samples"] = sampleCount,
            ["converged"] = r.Converged,
            ["outcome"] = OutcomeName(r.Outcome),
            ["message"] = r.Message,
            ["w"] = Numbers(r.W),
            ["a"] = Number(r.A),
            ["loss"] = Number(r.Loss),
            ["t"] = Number(r.Time),
            ["gradient_norm"] = Number(r.GradientNorm),
            ["last_step_change"] = Number(r.LastStepChange),
            ["limit_error_estimate"] = Number(r.LimitErrorEstimate),
            ["final_point_distance"] = Number(r.FinalPointDistance),
            ["reference_run"] = r.ReferenceRun,
            ["reference_distance"] = r.ReferenceDistance is { } refd ? Number(refd) : null,
            ["conserved_drift"] = r.MaxConservedDrift is { } drift ? Number(drift) : null,
            ["conserved"] = new JsonArray(r.Conserved.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["expression"] = c.Expression,
                ["source"] = c.Source,
                ["evaluation"] = c.Evaluation,
                ["proved"] = c.Proved,
                ["initial_value"] = Number(c.InitialValue),
                ["max_drift"] = Number(c.MaxDrift),
                ["level_set_distance"] = Number(c.MaxLevelSetDistance),
                ["note"] = c.Note,
            }).ToArray()),
            ["direction"] = r.Direction is { } dir ? Numbers(dir.Unit) : null,
            ["direction_error"] = r.Direction is { } de ? Number(de.ErrorEstimate) : null,
            ["direction_source"] = r.Direction?.Source,
            ["direction_trajectory"] = r.Direction is { } dt ? Numbers(dt.TrajectoryUnit) : null,
            ["direction_trajectory_change"] = r.Direction is { } dc ? Number(dc.TrajectoryStepChange) : null,
            ["direction_hessian_eigenvalue"] = r.Direction?.HessianEigenvalue is { } ev ? Number(ev) : null,
            ["direction_trajectory_to_hessian"] = r.Direction?.TrajectoryToHessian is { } th ? Number(th) : null,
            ["limit_from_conserved"] = limit is null ? null : new JsonObject
            {
                ["w"] = Numbers(limit.W),
                ["a"] = Number(limit.A),
                ["evaluation"] = limit.Evaluation,
                ["quadrature_error"] = Number(limit.QuadratureError),
                ["residual"] = Number(limit.Residual),
            },
            ["limit_from_conserved_note"] = r.OneNeuron?.ConservedRoute?.Reason,
            ["routes_distance"] = r.OneNeuron?.RoutesDistance is { } rd ? Number(rd) : null,
            ["slope"] = r.OneNeuron?.Slope is { } s ? Number(s) : null,
            ["slope_eq26"] = r.OneNeuron?.SlopeEq26 is { } s26 ? Number(s26) : null,
            ["method"] = FlowMethods.Name(r.Method),
            ["solver"] = r.Solver,
            ["tol"] = options.Tolerance,
            ["rhs_evals"] = r.RhsEvaluations,
            ["steps"] = r.Steps,
        };
    }

    private static void WriteText(FlowResult r, Activation sigma, IReadOnlyList<Sample> samples, FlowOptions options, TextWriter o)
    {
        string names = string.Join(", ", r.Parameters);
        o.WriteLine($"Gradient flow  θ̇ = −∇L_S(θ), θ = ({names}), f = a·σ(wᵀx), σ({sigma.Variable}) = {sigma.Definition}");
        o.WriteLine($"               L_S = Σ (f(x) − y)^2 over {samples.Count} sample(s)   (paper 000, Defs. 3.2–3.3)");
        o.WriteLine($"Method         {FlowMethods.Name(r.Method)} ({r.Solver}), tolerance {F(options.Tolerance)}");
        o.WriteLine($"Outcome        {OutcomeName(r.Outcome)}: {r.Message}");
        string label = r.Converged ? "Limit θ*" : r.HasLimit ? "Critical point" : "Last θ";
        string w = r.W.Count == 1 ? F(r.W[0]) : $"({string.Join(", ", r.W.Select(F))})";
        o.WriteLine($"{label,-15}w = {w}, a = {F(r.A)}"
            + (r.Converged ? $"   (error bound {G(r.LimitErrorEstimate)}: reference run {r.ReferenceRun})" : ""));
        o.WriteLine($"Loss           {G(r.Loss)} at t = {G(r.Time)}; {r.Steps} steps, {r.RhsEvaluations} field evaluations, ‖∇L‖ = {G(r.GradientNorm)}");
        if (r.Conserved.Count == 0) o.WriteLine("Conserved      none known for this model and dataset");
        foreach (var c in r.Conserved)
        {
            o.WriteLine($"Conserved      {c.Name} = {c.Expression}   [{c.Evaluation}, {(c.Proved ? "proved" : "not proved")}; {c.Source}]");
            o.WriteLine(c.Note is null
                ? $"               max drift {G(c.MaxDrift)} (distance from its level set ≤ {G(c.MaxLevelSetDistance)})"
                : $"               not evaluable: {c.Note}");
        }
        if (r.OneNeuron?.ConservedRoute is { } route)
        {
            if (route.Limit is { } l)
                o.WriteLine($"Second route   Lemma A.3 root finding ({l.Evaluation}): w = {(l.W.Count == 1 ? F(l.W[0]) : $"({string.Join(", ", l.W.Select(F))})")}, a = {F(l.A)}"
                    + (r.OneNeuron?.RoutesDistance is { } rd ? $"; distance to the ODE limit {G(rd)}" : ""));
            else o.WriteLine($"Second route   not computed: {route.Reason}.");
        }
        if (r.Direction is { } dir)
        {
            static string Vector(IEnumerable<double> v) => string.Join(", ", v.Select(c => c.ToString("G12", CultureInfo.InvariantCulture)));
            o.WriteLine($"Direction      lim θ̇/|θ̇| = ({Vector(dir.Unit)}) ± {G(dir.ErrorEstimate)}   (Lemma 5.2; {dir.Source})");
            o.WriteLine($"               along the trajectory ({Vector(dir.TrajectoryUnit)}), last change {G(dir.TrajectoryStepChange)}"
                + (dir.HessianEigenvalue is { } ev ? $"; eigenvector of ∇²L(θ*) with eigenvalue {G(ev)} at distance {G(dir.TrajectoryToHessian!.Value)}" : ""));
            if (r.OneNeuron?.Slope is { } s)
                o.WriteLine($"Slope          ȧ/ẇ → {F(s)}" + (r.OneNeuron?.SlopeEq26 is { } s26 ? $";  eq. (26) σ(xw)/(a x σ′(xw)) at θ* = {F(s26)}" : ""));
        }
    }

    /// <summary>The outcome's name in JSON and text.</summary>
    public static string OutcomeName(FlowOutcome o) => o switch
    {
        FlowOutcome.Converged => "converged",
        FlowOutcome.CriticalPoint => "critical_point",
        FlowOutcome.Sliding => "sliding",
        FlowOutcome.Diverged => "diverged",
        FlowOutcome.BudgetExhausted => "budget_exhausted",
        FlowOutcome.NonFinite => "non_finite",
        _ => "solver_failure",
    };

    private static JsonNode? Number(double v) => double.IsFinite(v) ? JsonValue.Create(v) : null;

    private static JsonArray Numbers(IEnumerable<double> values) => new(values.Select(Number).ToArray());

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string G(double v) => v.ToString("G3", CultureInfo.InvariantCulture);

    /// <summary>Parses "n1,n2,…" of exact numbers (decimals or fractions).</summary>
    private static Rational[] ParseList(string text, string option)
    {
        var parts = text.Split(',');
        var values = new Rational[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!Rational.TryParse(parts[i].Trim(), out values[i]))
                throw new InputException($"{option} '{text}': component {i + 1} '{parts[i].Trim()}' is not a number; write comma-separated decimals or fractions such as 0.1,-0.2,3/4.");
        }
        return values;
    }

    private static Rational ParseNumber(string text, string option) =>
        Rational.TryParse(text.Trim(), out var r) ? r
            : throw new InputException($"{option} '{text}' is not a number; write a decimal or a fraction such as 2.868 or 3/4.");

    /// <summary>A label: an exact number, or a constant expression (no free symbols) such as -log(1+exp(0.18)).</summary>
    private static Expr ParseLabel(string text, string option)
    {
        if (Rational.TryParse(text.Trim(), out var r)) return Num(r);
        const string hint = "write a decimal, a fraction such as 3/4, or a constant expression such as -log(1+exp(0.18))";
        Expr e;
        try { e = Parser.Parse(text); }
        catch (ParseException) { throw new InputException($"{option} '{text}' is not a number; {hint}."); }
        if (e.FreeSymbols().Count > 0 || e is Relation) throw new InputException($"{option} '{text}' is not a number; {hint}.");
        double v = Evaluator.Evaluate(e, new Dictionary<string, double>());
        if (!double.IsFinite(v)) throw new InputException($"{option} '{text}' is not finite (its value is {v}); {hint}.");
        return e;
    }

    private static double ParseDouble(string text, string option)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v > 0) return v;
        throw new InputException($"{option} '{text}' is not a positive number; write e.g. 1e-12.");
    }

    /// <summary>A wall-clock budget of <paramref name="seconds"/> seconds (at most one day).</summary>
    internal static TimeSpan Seconds(double seconds, string option) =>
        seconds <= 86_400 ? TimeSpan.FromSeconds(seconds) : throw new InputException($"{option} '{seconds.ToString("R", CultureInfo.InvariantCulture)}' is more than a day (86400 s); give a smaller budget.");

    private static long ParseCount(string text, string option)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0) return v;
        throw new InputException($"{option} '{text}' is not a positive whole number; write e.g. 100000.");
    }
}
