using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ProofWorkbench.Dynamics;
using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.Constructions;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Cli.Commands;

/// <summary>The inputs of <c>pwb flow --model NAME</c>, as typed.</summary>
/// <param name="Model">one-neuron, two-layer, relu-neuron, diagonal or linear.</param>
/// <param name="Activation">σ (one-neuron, two-layer; default exp(u) for two-layer).</param>
/// <param name="W0">Initial weights (comma-separated; two-layer: neuron by neuron), or null.</param>
/// <param name="A0">Initial outer weights (two-layer: comma-separated, one per neuron; one-neuron: one number), or null.</param>
/// <param name="X">One input per sample.</param>
/// <param name="Y">One label per sample, or "reflect" (one sample: y = −f(θ0, x)).</param>
/// <param name="Width">m (two-layer).</param>
/// <param name="Init">random | equal-time (two-layer), or null for explicit --w0/--a0.</param>
/// <param name="Seed">Seed of --init.</param>
/// <param name="ReluDerivativeAtZero">σ′(0) (relu-neuron).</param>
/// <param name="Depth">D (diagonal).</param>
/// <param name="Alpha">α (diagonal).</param>
/// <param name="LossScale">c in L = c·Σ(f − y)².</param>
/// <param name="Trajectory">CSV file for the trajectory, or null.</param>
/// <param name="Method">auto or dop853.</param>
/// <param name="Tolerance">T, or null.</param>
/// <param name="MaxSteps">Step budget, or null.</param>
/// <param name="MaxTime">Time budget, or null.</param>
/// <param name="MaxSeconds">Wall-clock budget in seconds, or null.</param>
/// <param name="TrajectoryPoints">Dense-output points per accepted step in the trajectory file (default 3), or null.</param>
public sealed record ModelFlowArguments(string Model, string? Activation, string? W0, string? A0, IReadOnlyList<string> X,
    IReadOnlyList<string> Y, string? Width = null, string? Init = null, string? Seed = null, string? ReluDerivativeAtZero = null,
    string? Depth = null, string? Alpha = null, string? LossScale = null, string? Trajectory = null, string Method = "auto",
    string? Tolerance = null, string? MaxSteps = null, string? MaxTime = null, string? MaxSeconds = null, string? TrajectoryPoints = null);

/// <summary>
/// <c>pwb flow --model NAME …</c>: gradient flow of any model (<see cref="ModelFlowEngine"/>), with the model's options.
/// Exit 0 when the flow converged to a zero of the loss, 1 otherwise, 2 for input errors.
/// </summary>
public static class ModelFlowCommand
{
    /// <summary>The model names.</summary>
    public static IReadOnlyList<string> Models { get; } = ["one-neuron", "two-layer", "relu-neuron", "diagonal", "linear"];

    /// <summary>Runs the command; returns the exit code. Input errors throw <see cref="InputException"/>.</summary>
    public static int Run(ModelFlowArguments args, bool json, TextWriter stdout)
    {
        if (!Models.Contains(args.Model))
            throw new InputException($"--model '{args.Model}' is not a model; choose one of {string.Join(", ", Models)}.");
        if (args.X.Count == 0) throw new InputException("--x is missing; give each sample as --x LIST --y NUM, e.g. --x 1 --y 1.");
        if (args.Y.Count != args.X.Count)
            throw new InputException($"--x was given {args.X.Count} time(s) but --y {args.Y.Count} time(s); give one --y for every --x.");
        var xs = args.X.Select((t, i) => ParseList(t, $"--x (sample {i + 1})")).ToArray();
        int d = xs[0].Length;
        if (xs.Any(x => x.Length != d)) throw new InputException("Every --x needs the same number of components.");
        double scale = args.LossScale is null ? 1 : ParseScale(args.LossScale);
        var (model, theta0) = Build(args, d, xs, scale);
        bool reflect = args.Y.Any(y => y.Trim() == "reflect");
        if (reflect && args.Y.Count != 1) throw new InputException("--y reflect needs exactly one sample (Lemma 6.2 / Corollary 6.2: y = −g(θ0, x)).");
        var data = xs.Select((x, i) => new NumericSample(i, x,
            reflect ? Corollary62Construction.ReflectedLabel(model, theta0, x) : ParseNumber(args.Y[i], $"--y (sample {i + 1})"))).ToArray();
        var defaults = new FlowOptions();
        var options = new FlowOptions
        {
            Method = FlowMethods.Parse(args.Method),
            Tolerance = args.Tolerance is null ? defaults.Tolerance : ParsePositive(args.Tolerance, "--tol"),
            MaxSteps = args.MaxSteps is null ? defaults.MaxSteps : ParseCount(args.MaxSteps, "--max-steps"),
            MaxTime = args.MaxTime is null ? defaults.MaxTime : ParsePositive(args.MaxTime, "--max-time"),
            WallClockBudget = args.MaxSeconds is null ? defaults.WallClockBudget : FlowCommand.Seconds(ParsePositive(args.MaxSeconds, "--max-seconds"), "--max-seconds"),
            DenseTrajectoryPoints = args.TrajectoryPoints is null ? 3 : ParsePointCount(args.TrajectoryPoints),
        };
        if (args.TrajectoryPoints is not null && args.Trajectory is null)
            throw new InputException("--trajectory-points needs --trajectory FILE.csv (the file the points are written to).");
        // Opened before the run, so that a path that cannot be written fails at once (exit 2), not after a long run.
        using var trajectoryFile = args.Trajectory is { } path ? OpenTrajectory(path) : null;
        var result = ModelFlowEngine.Run(model, data, theta0, options, trajectoryFile is not null);
        if (trajectoryFile is not null) WriteTrajectory(trajectoryFile, args.Trajectory!, model, result);
        var mirror = reflect && model is TwoLayerModel two ? Mirror.Of(two, result) : null;
        if (json)
        {
            var o = ToJson(model, data, result, options);
            if (mirror is { } mj)
            {
                o["mirror_distance"] = Number(mj.Distance);
                o["mirror_reached"] = mj.Reached;
            }
            stdout.WriteLine(Json.Write(o));
        }
        else
        {
            WriteText(model, data, result, stdout);
            if (mirror is { } mt) stdout.WriteLine(mt.Sentence(result));
        }
        return result.Converged ? 0 : 1;
    }

    private static (IModel Model, double[] Theta0) Build(ModelFlowArguments args, int d, double[][] xs, double scale)
    {
        switch (args.Model)
        {
            case "two-layer":
            case "one-neuron":
            {
                var sigma = Activation.Parse(args.Activation ?? (args.Model == "two-layer" ? "exp(u)" : throw new InputException("--activation is missing; one-neuron needs σ, e.g. --activation \"1/(1+exp(-u))\".")));
                int m = args.Model == "one-neuron" ? 1 : args.Width is null ? 1 : (int)ParseCount(args.Width, "--width", int.MaxValue);
                var model = new TwoLayerModel(sigma, d, m, scale, oneNeuronNames: args.Model == "one-neuron");
                double[] theta0;
                if (args.Init is { } init)
                {
                    int seed = args.Seed is null ? 1 : (int)ParseCount(args.Seed, "--seed", int.MaxValue);
                    theta0 = init switch
                    {
                        "random" => Corollary62Construction.RandomInit(d, m, seed),
                        "equal-time" when xs.Length == 1 && sigma.Definition.ToString() == $"exp({sigma.Variable})" => Corollary62Construction.EqualTravelTime(xs[0], m, seed),
                        "equal-time" => throw new InputException("--init equal-time needs σ = exp(u) and one sample (it equalizes the neurons' travel times of Corollary 6.2)."),
                        _ => throw new InputException($"--init '{init}' is not an initialization; choose random or equal-time."),
                    };
                }
                else
                {
                    var w0 = ParseList(args.W0 ?? throw new InputException("--w0 is missing; give --w0 LIST and --a0 LIST, or --init random --seed S."), "--w0");
                    var a0 = ParseList(args.A0 ?? throw new InputException("--a0 is missing; give --a0 LIST (one per neuron), or --init random --seed S."), "--a0");
                    if (w0.Length != d * m || a0.Length != m)
                        throw new InputException($"--w0 needs d·m = {d * m} numbers (neuron by neuron) and --a0 m = {m}; got {w0.Length} and {a0.Length}.");
                    theta0 = new double[(d + 1) * m];
                    for (int k = 0; k < m; k++)
                    {
                        Array.Copy(w0, k * d, theta0, k * (d + 1), d);
                        theta0[k * (d + 1) + d] = a0[k];
                    }
                }
                return (model, theta0);
            }
            case "relu-neuron":
            {
                double v = args.ReluDerivativeAtZero is null ? 1 : ParseNumber(args.ReluDerivativeAtZero, "--relu-derivative-at-zero");
                var model = new ReluNeuronModel(d, v, scale);
                var w0 = ParseList(args.W0 ?? throw new InputException("--w0 is missing; relu-neuron needs --w0 LIST."), "--w0");
                if (w0.Length != d) throw new InputException($"--w0 has {w0.Length} components but --x has {d}.");
                return (model, w0);
            }
            case "diagonal":
            {
                int depth = args.Depth is null ? 2 : (int)ParseCount(args.Depth, "--depth", 64);
                var model = new DiagonalModel(d, depth, scale);
                double alpha = args.Alpha is null ? 1 : ParsePositive(args.Alpha, "--alpha");
                return (model, model.Initialization(alpha));
            }
            default:
            {
                var model = new LinearModel(d, scale);
                var w0 = args.W0 is null ? new double[d] : ParseList(args.W0, "--w0");
                if (w0.Length != d) throw new InputException($"--w0 has {w0.Length} components but --x has {d}.");
                return (model, w0);
            }
        }
    }

    /// <summary>The JSON object of a result.</summary>
    public static JsonObject ToJson(IModel model, IReadOnlyList<NumericSample> data, FlowResult r, FlowOptions options)
    {
        var o = new JsonObject
        {
            ["model"] = model.Name,
            ["d"] = model.InputDimension,
            ["samples"] = data.Count,
            ["loss_scale"] = model.LossScale,
            ["converged"] = r.Converged,
            ["outcome"] = FlowCommand.OutcomeName(r.Outcome),
            ["message"] = r.Message,
            ["parameters"] = new JsonArray(Enumerable.Range(0, model.ParameterCount).Select(i => (JsonNode)JsonValue.Create(model.ParameterName(i))!).ToArray()),
            ["theta0"] = Numbers(r.Theta0),
            ["theta"] = Numbers(r.Theta),
            ["loss"] = Number(r.Loss),
            ["t"] = Number(r.Time),
            ["gradient_norm"] = Number(r.GradientNorm),
            ["last_step_change"] = Number(r.LastStepChange),
            ["final_point_distance"] = Number(r.FinalPointDistance),
            ["limit_error_estimate"] = Number(r.LimitErrorEstimate),
            ["reference_run"] = r.ReferenceRun,
            ["conserved"] = new JsonArray(r.Conserved.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["source"] = c.Source,
                ["max_drift"] = Number(c.MaxDrift),
                ["note"] = c.Note,
            }).ToArray()),
            ["direction"] = r.Direction is { } dir ? Numbers(dir.Unit) : null,
            ["direction_change"] = r.Direction is { } dc ? Number(dc.TrajectoryStepChange) : null,
            ["labels"] = Numbers(data.Select(s => s.Y)),
            ["method"] = "dop853",
            ["tol"] = options.Tolerance,
            ["rhs_evals"] = r.RhsEvaluations,
            ["steps"] = r.Steps,
        };
        switch (model)
        {
            case TwoLayerModel two:
            {
                int dd = two.InputDimension;
                if (two.Width == 1)
                {
                    o["w"] = Numbers(r.Theta.Take(dd));
                    o["a"] = Number(r.Theta[dd]);
                }
                else
                {
                    o["w"] = new JsonArray(Enumerable.Range(0, two.Width).Select(k => (JsonNode)Numbers(r.Theta.Skip(two.Offset(k)).Take(dd))).ToArray());
                    o["a"] = Numbers(Enumerable.Range(0, two.Width).Select(k => r.Theta[two.Offset(k) + dd]));
                }
                break;
            }
            case DiagonalModel diagonal:
                o["beta"] = Numbers(diagonal.Beta(r.Theta.ToArray()));
                break;
            case ReluNeuronModel or LinearModel:
                o["w"] = Numbers(r.Theta);
                break;
        }
        if (model is IPiecewiseModel)
            o["events"] = new JsonArray(r.Events.Select(e => (JsonNode)new JsonObject
            {
                ["t"] = e.T, ["sample"] = e.Sample, ["from"] = e.From, ["to"] = e.To,
            }).ToArray());
        return o;
    }

    /// <summary>
    /// Corollary 6.2's stated limit (w₀ₖ, −a₀ₖ) for <c>--y reflect</c> on a two-layer network, against the computed one:
    /// max over k of the max-norm distance, and whether it lies within the limit's error bound. The corollary holds only
    /// when all neurons' travel times agree (README, "Corollary 6.2 is false as printed"); the tool says which happened.
    /// </summary>
    private sealed record Mirror(double Distance, bool Reached, int Worst)
    {
        public static Mirror? Of(TwoLayerModel model, FlowResult r)
        {
            if (!r.Converged) return null;
            int d = model.InputDimension;
            double distance = 0;
            int worst = 0;
            for (int k = 0; k < model.Width; k++)
                for (int l = 0; l <= d; l++)
                {
                    int i = model.Offset(k) + l;
                    double stated = l == d ? -r.Theta0[i] : r.Theta0[i];
                    double gap = Math.Abs(r.Theta[i] - stated);
                    if (gap > distance) (distance, worst) = (gap, k);
                }
            return new Mirror(distance, distance <= r.LimitErrorEstimate, worst);
        }

        public string Sentence(FlowResult r) => Reached
            ? $"Corollary 6.2  every neuron ends at (w₀ₖ, −a₀ₖ): max distance {G(Distance)} ≤ the error bound {G(r.LimitErrorEstimate)}"
            : $"Corollary 6.2  NOT at (w₀ₖ, −a₀ₖ): neuron {Worst + 1} ends {G(Distance)} away (error bound {G(r.LimitErrorEstimate)}); the limit is another zero " +
              "of the loss — the corollary needs equal travel times (README; for σ = exp use --init equal-time)";
    }

    private static void WriteText(IModel model, IReadOnlyList<NumericSample> data, FlowResult r, TextWriter o)
    {
        o.WriteLine($"Gradient flow  θ̇ = −∇L_S(θ), model {model.Name}, M = {model.ParameterCount} parameters, d = {model.InputDimension}");
        o.WriteLine($"               L_S = {G(model.LossScale)}·Σ (f(x) − y)^2 over {data.Count} sample(s)");
        o.WriteLine($"Outcome        {FlowCommand.OutcomeName(r.Outcome)}: {r.Message}");
        string shown = r.Theta.Count <= 12 ? string.Join(", ", r.Theta.Select(F)) : string.Join(", ", r.Theta.Take(6).Select(F)) + $", … ({r.Theta.Count} values; --json prints all)";
        o.WriteLine($"{(r.Converged ? "Limit θ*" : "Last θ"),-15}({shown})" + (r.Converged ? $"   error bound {G(r.LimitErrorEstimate)} (reference run {r.ReferenceRun})" : ""));
        if (model is DiagonalModel diagonal) o.WriteLine($"β              ({string.Join(", ", diagonal.Beta(r.Theta.ToArray()).Select(F))})");
        o.WriteLine($"Loss           {G(r.Loss)} at t = {G(r.Time)}; {r.Steps} steps, {r.RhsEvaluations} field evaluations, ‖∇L‖ = {G(r.GradientNorm)}");
        foreach (var c in r.Conserved) o.WriteLine($"Conserved      {c.Name}: max drift {G(c.MaxDrift)}   [{c.Source}]");
        foreach (var e in r.Events) o.WriteLine($"Event          t = {F(e.T)}: sample {e.Sample} {e.From} → {e.To}");
    }

    private static StreamWriter OpenTrajectory(string path)
    {
        try { return new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" }; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException($"--trajectory '{path}' cannot be written ({e.GetType().Name}: {e.Message}); give a file in an existing, writable directory.");
        }
    }

    /// <summary>
    /// The trajectory as CSV: a header <c>t,NAME1,…,NAMEM</c> (the model's parameter names in its order), then one row per
    /// state in time order — accepted states and the dense-output points inside each step — with round-trip ("R")
    /// numbers in the invariant culture.
    /// </summary>
    private static void WriteTrajectory(StreamWriter file, string path, IModel model, FlowResult r)
    {
        try
        {
            file.Write('t');
            for (int i = 0; i < model.ParameterCount; i++) { file.Write(','); file.Write(model.ParameterName(i)); }
            file.WriteLine();
            foreach (var (t, theta) in r.Trajectory)
            {
                file.Write(F(t));
                foreach (var v in theta) { file.Write(','); file.Write(F(v)); }
                file.WriteLine();
            }
        }
        catch (IOException e)
        {
            throw new InputException($"--trajectory '{path}' could not be written to the end ({e.Message}); free space or choose another file.");
        }
    }

    private static JsonNode? Number(double v) => double.IsFinite(v) ? JsonValue.Create(v) : null;
    private static JsonArray Numbers(IEnumerable<double> values) => new(values.Select(Number).ToArray());
    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    private static string G(double v) => v.ToString("G3", CultureInfo.InvariantCulture);

    private static double[] ParseList(string text, string option) =>
        text.Split(',').Select((p, i) => ParseNumber(p, $"{option} component {i + 1}")).ToArray();

    private static double ParseNumber(string text, string option)
    {
        if (Rational.TryParse(text.Trim(), out var r) && double.IsFinite(r.ToDouble())) return r.ToDouble();
        throw new InputException($"{option} '{text.Trim()}' is not a number; write a decimal or a fraction such as 0.5 or 3/4.");
    }

    private static double ParsePositive(string text, string option)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v > 0) return v;
        throw new InputException($"{option} '{text}' is not a positive number.");
    }

    private static double ParseScale(string text)
    {
        if (Rational.TryParse(text.Trim(), out var r) && r.ToDouble() > 0 && double.IsFinite(r.ToDouble())) return r.ToDouble();
        throw new InputException($"--loss-scale '{text}' is not a positive number; write e.g. 1/2 or 1.");
    }

    private static int ParsePointCount(string text)
    {
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0 && v <= 1000) return v;
        throw new InputException($"--trajectory-points '{text}' is not a whole number between 0 and 1000.");
    }

    private static long ParseCount(string text, string option, long max = long.MaxValue)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0 && v <= max) return v;
        throw new InputException($"{option} '{text}' is not a whole number between 1 and {max}.");
    }
}
