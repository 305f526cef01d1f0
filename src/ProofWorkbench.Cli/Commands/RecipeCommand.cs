using System.CommandLine;
using System.Text.Json.Nodes;
using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.Constructions;
using ProofWorkbench.Smt;

namespace ProofWorkbench.Cli.Commands;

/// <summary>
/// <c>pwb recipe one-point --activation EXPR --theta0 W;A [--out FILE.yaml] [--json]</c>: the One-point Overlapping Recipe
/// of paper 000, Section 6.3, as a generator (<see cref="OnePointRecipe"/>): it proves steps (a)–(b), chooses the
/// datasets, and writes a theorem file whose claims <c>pwb check</c> proves (Lemma 6.2, Lemma 5.2's directions, Theorem
/// 6.2(a) by the corrected argument). Exit 0 on success, 2 when a step cannot be satisfied (named in the message).
/// </summary>
public static class RecipeCommand
{
    /// <summary>The System.CommandLine definition of <c>pwb recipe</c>.</summary>
    public static Command Create()
    {
        var command = new Command("recipe", "The recipes of paper 000, Section 6, as generators of theorem files.");
        var onePoint = new Command("one-point", "The One-point Overlapping Recipe (Section 6.3): Lemma 6.2 and Theorem 6.2(a) for a given σ and θ₀.");
        var activation = new Option<string>("--activation") { Description = "σ with σ > 0 and σ′ > 0 on ℝ, e.g. log(1+exp(u)).", Required = true };
        var theta0 = new Option<string>("--theta0") { Description = "θ₀ = (w₀, a₀) as W;A with W comma-separated (d = its length), e.g. \"1/2,-1/4,1/3;2\".", Required = true };
        var output = new Option<string?>("--out") { Description = "The theorem file to write (default one-point-recipe.yaml)." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        foreach (var o in new Option[] { activation, theta0, output, json }) onePoint.Add(o);
        onePoint.SetAction(p => RunOnePoint(p.GetValue(activation)!, p.GetValue(theta0)!, p.GetValue(output) ?? "one-point-recipe.yaml", p.GetValue(json), Console.Out));
        command.Add(onePoint);

        var twoPoint = new Command("two-point", "The Two-point Overlapping Recipe, Part A (Section 6.1): a C^k activation with an exact two-point overlap.");
        var t0 = new Option<string>("--theta0") { Description = "θ₀ = (w₀, a₀) as W;A, e.g. \"1;1\" or \"1,1/2;1\".", Required = true };
        var t1 = new Option<string>("--theta1") { Description = "θ₁* as W;A.", Required = true };
        var t2 = new Option<string>("--theta2") { Description = "θ₂* as W;A (a₂*·a₀ ≥ 0, step (d)).", Required = true };
        var x1 = new Option<string?>("--x1") { Description = "S₁'s input x₁, a multiple of w₁* − w₀ (default from the corrected eq. (15) with σ = e^u on E₁)." };
        var k = new Option<string>("--smoothness") { Description = "k: σ ∈ C^k, 1 ≤ k ≤ 8; or inf: σ ∈ C^∞ (smooth-step joins).", Required = true };
        var out2 = new Option<string?>("--out") { Description = "The theorem file to write (default two-point-recipe.yaml)." };
        var json2 = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        foreach (var o in new Option[] { t0, t1, t2, x1, k, out2, json2 }) twoPoint.Add(o);
        twoPoint.SetAction(p => RunTwoPoint(p.GetValue(t0)!, p.GetValue(t1)!, p.GetValue(t2)!, p.GetValue(x1), p.GetValue(k)!,
            p.GetValue(out2) ?? "two-point-recipe.yaml", p.GetValue(json2), Console.Out));
        command.Add(twoPoint);

        var chain = new Command("chain", "The Two-point Overlapping Recipe, Part B (Section 6.2): N datasets whose limits any weakly characterizing G must treat alike (eq. (5)).");
        var c0 = new Option<string>("--theta0") { Description = "θ₀ = (w₀, a₀) as W;A (d = 1), e.g. \"1;1\".", Required = true };
        var steps = new Option<string>("--steps") { Description = "N, the number of datasets (2 ≤ N ≤ 200).", Required = true };
        var seed = new Option<string?>("--seed") { Description = "Seed for the choice of k and a_n* (default 1)." };
        var ck = new Option<string?>("--smoothness") { Description = "k: σ ∈ C^k (default 1)." };
        var out3 = new Option<string?>("--out") { Description = "The theorem file to write (default chain-recipe.yaml)." };
        var json3 = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        foreach (var o in new Option[] { c0, steps, seed, ck, out3, json3 }) chain.Add(o);
        chain.SetAction(p => RunChain(p.GetValue(c0)!, p.GetValue(steps)!, p.GetValue(seed) ?? "1", p.GetValue(ck) ?? "1",
            p.GetValue(out3) ?? "chain-recipe.yaml", p.GetValue(json3), Console.Out));
        command.Add(chain);
        return command;
    }

    /// <summary>Runs <c>recipe one-point</c>; returns the exit code.</summary>
    public static int RunOnePoint(string activationText, string theta0Text, string outPath, bool json, TextWriter stdout)
    {
        var sigma = Activation.Parse(activationText);
        var (w0, a0) = PointArgument.ParseTheta(theta0Text, "--theta0");
        var instance = OnePointRecipe.Build(sigma, w0, a0);
        var commandLine = $"pwb recipe one-point --activation \"{activationText}\" --theta0 \"{theta0Text}\"";
        GeneratedFile.Write(outPath, OnePointRecipe.TheoremFile(instance, commandLine));
        if (json)
        {
            var o = new JsonObject
            {
                ["d"] = w0.Count,
                ["theta0"] = new JsonObject { ["w"] = new JsonArray(w0.Select(v => (JsonNode)ExactText.Of(v)).ToArray()), ["a"] = ExactText.Of(a0) },
                ["limit"] = new JsonObject { ["w"] = new JsonArray(w0.Select(v => (JsonNode)ExactText.Of(v)).ToArray()), ["a"] = ExactText.Of(-a0) },
                ["reflect_inputs"] = Inputs(instance.Reflect),
                ["stay_inputs"] = Inputs(instance.Stay),
                ["checks"] = new JsonArray(instance.Checks.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["verdict"] = c.Verdict.ToString().ToLowerInvariant() }).ToArray()),
                ["file"] = outPath,
            };
            stdout.WriteLine(Json.Write(o));
            return 0;
        }
        stdout.WriteLine($"One-point Overlapping Recipe (paper 000, Sec. 6.3) for σ({sigma.Variable}) = {sigma.Definition}, θ₀ = ({string.Join(", ", w0.Select(ExactText.Of))}; {ExactText.Of(a0)}), d = {w0.Count}");
        foreach (var c in instance.Checks) stdout.WriteLine($"  {c.Name}: {c.Verdict.ToString().ToLowerInvariant()}");
        for (int k = 0; k < instance.Reflect.Count; k++)
            stdout.WriteLine($"  S{k + 1} = (x = {ExactText.List(instance.Reflect[k])}, y = −a₀σ(xᵀw₀)): the flow from θ₀ ends at (w₀, −a₀) = ({string.Join(", ", w0.Select(ExactText.Of))}; {ExactText.Of(-a0)})");
        for (int k = 0; k < instance.Stay.Count; k++)
            stdout.WriteLine($"  T{k + 1} = (x = {ExactText.List(instance.Stay[k])}, y = a₀σ(xᵀw₀)): θ₀ ∈ M_T{k + 1}, the flow stays at θ₀");
        stdout.WriteLine($"wrote {outPath} (check it with: ./pwb check {outPath})");
        return instance.Checks.All(c => c.Verdict == SmtVerdict.Proved) ? 0 : 1;
    }

    /// <summary>Runs <c>recipe two-point</c>; returns the exit code.</summary>
    public static int RunTwoPoint(string theta0Text, string theta1Text, string theta2Text, string? x1Text, string smoothnessText, string outPath, bool json, TextWriter stdout)
    {
        var (w0, a0) = PointArgument.ParseTheta(theta0Text, "--theta0");
        var (w1, a1) = PointArgument.ParseTheta(theta1Text, "--theta1");
        var (w2, a2) = PointArgument.ParseTheta(theta2Text, "--theta2");
        IReadOnlyList<Symbolic.Numbers.Rational>? x1 = x1Text is null ? null : PointArgument.ParseTheta(x1Text + ";0", "--x1").W;
        // inf: C^∞ joins by the smooth step S(t) = ψ(t)/(ψ(t) + ψ(1 − t)), ψ(t) = e^{−1/t} (SmoothStep).
        int k;
        if (smoothnessText.Trim().ToLowerInvariant() is "inf" or "infinity" or "∞") k = Papers.Zhang2023.Constructions.SmoothStep.Infinite;
        else if (!int.TryParse(smoothnessText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out k))
            throw new InputException($"--smoothness '{smoothnessText}' is neither an integer k ≥ 1 nor inf.");
        var instance = TwoPointRecipe.Build(w0, a0, w1, a1, w2, a2, x1, k);
        var commandLine = $"pwb recipe two-point --theta0 \"{theta0Text}\" --theta1 \"{theta1Text}\" --theta2 \"{theta2Text}\"" + (x1Text is null ? "" : $" --x1 \"{x1Text}\"") + $" --smoothness {(k == Papers.Zhang2023.Constructions.SmoothStep.Infinite ? "inf" : k)}";
        GeneratedFile.Write(outPath, TwoPointRecipeFile.Write(instance, commandLine));
        if (json)
        {
            var o = new JsonObject
            {
                ["activation"] = instance.Sigma.ToString(),
                ["breakpoints"] = new JsonArray(instance.Breakpoints.Select(b => (JsonNode)ExactText.Of(b)).ToArray()),
                ["pieces"] = new JsonArray(instance.Anchors.Select(a => (JsonNode)new JsonObject { ["role"] = a.Role, ["lo"] = ExactText.Of(a.Lo), ["hi"] = ExactText.Of(a.Hi), ["function"] = a.Function.ToString() }).ToArray()),
                ["S1"] = new JsonObject { ["x"] = new JsonArray(instance.X1.Select(v => (JsonNode)ExactText.Of(v)).ToArray()), ["y"] = instance.Y1.ToString() },
                ["S2"] = new JsonObject { ["x"] = new JsonArray(instance.X2.Select(v => (JsonNode)ExactText.Of(v)).ToArray()), ["y"] = instance.Y2.ToString() },
                ["beta1"] = ExactText.Of(instance.Beta1),
                ["beta2"] = ExactText.Of(instance.Beta2),
                ["smoothness"] = k == Papers.Zhang2023.Constructions.SmoothStep.Infinite ? (JsonNode)"inf" : k,
                ["file"] = outPath,
            };
            stdout.WriteLine(Json.Write(o));
            return 0;
        }
        stdout.WriteLine($"Two-point Overlapping Recipe, Part A (paper 000, Sec. 6.1), σ ∈ C^{instance.SmoothnessText}, d = {w0.Count}");
        stdout.WriteLine($"  S₁ = (x₁ = {ExactText.List(instance.X1)}, y₁ = {instance.Y1}),  σ = exp({ExactText.Of(instance.Beta1)}·u) on E₁");
        stdout.WriteLine($"  S₂ = (x₂ = {ExactText.List(instance.X2)}, y₂ = {instance.Y2}),  σ = exp({ExactText.Of(instance.Beta2)}·u) on E₂");
        foreach (var a in instance.Anchors) stdout.WriteLine($"  [{ExactText.Of(a.Lo)}, {ExactText.Of(a.Hi)}]: {a.Role}");
        stdout.WriteLine($"  σ has {instance.Pieces.Count} pieces, breakpoints {string.Join(", ", instance.Breakpoints.Select(ExactText.Of))}");
        stdout.WriteLine($"wrote {outPath} (check it with: ./pwb check {outPath})");
        return 0;
    }

    /// <summary>Runs <c>recipe chain</c>; returns the exit code.</summary>
    public static int RunChain(string theta0Text, string stepsText, string seedText, string smoothnessText, string outPath, bool json, TextWriter stdout)
    {
        var (w0, a0) = PointArgument.ParseTheta(theta0Text, "--theta0");
        if (w0.Count != 1) throw new InputException("--theta0: recipe chain builds d = 1 chains; give one weight (W;A).");
        int Int(string text, string option) => int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int v)
            ? v : throw new InputException($"{option} '{text}' is not an integer.");
        int n = Int(stepsText, "--steps"), seed = Int(seedText, "--seed"), k = Int(smoothnessText, "--smoothness");
        var instance = ChainRecipe.Build(w0[0], a0, n, seed, k);
        var commandLine = $"pwb recipe chain --theta0 \"{theta0Text}\" --steps {n} --seed {seed}" + (k == 1 ? "" : $" --smoothness {k}");
        GeneratedFile.Write(outPath, ChainRecipe.TheoremFile(instance, commandLine));
        if (json)
        {
            var o = new JsonObject
            {
                ["steps"] = new JsonArray(instance.Stages.Select(s => (JsonNode)new JsonObject
                {
                    ["n"] = s.N, ["k"] = s.K == 0 ? null : s.K,
                    ["theta"] = new JsonObject { ["w"] = ExactText.Of(s.W), ["a"] = ExactText.Of(s.A) },
                    ["x"] = ExactText.Of(s.X), ["y"] = s.Y.ToString(), ["beta"] = ExactText.Of(s.Beta),
                }).ToArray()),
                ["breakpoints"] = instance.Breakpoints.Count,
                ["smoothness"] = k,
                ["file"] = outPath,
            };
            stdout.WriteLine(Json.Write(o));
            return 0;
        }
        stdout.WriteLine($"Two-point Overlapping Recipe, Part B (paper 000, Sec. 6.2): {n} datasets, σ ∈ C^{k} with {instance.Breakpoints.Count} breakpoints, seed {seed}");
        foreach (var s in instance.Stages.Take(5)) stdout.WriteLine($"  θ{s.N}* = ({ExactText.Of(s.W)}, {ExactText.Of(s.A)}), S{s.N} = (x = {ExactText.Of(s.X)}, y = {s.Y})" + (s.K == 0 ? "" : $", overlaps with stage k = {s.K}"));
        if (n > 5) stdout.WriteLine($"  … {n - 5} more stages");
        stdout.WriteLine($"wrote {outPath} (check it with: ./pwb check {outPath})");
        return 0;
    }

    private static JsonArray Inputs(IEnumerable<IReadOnlyList<Symbolic.Numbers.Rational>> xs) =>
        new(xs.Select(x => (JsonNode)new JsonArray(x.Select(v => (JsonNode)ExactText.Of(v)).ToArray())).ToArray());
}

/// <summary>Writes a generated theorem file, creating its folder; I/O failures become one-sentence input errors.</summary>
public static class GeneratedFile
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, string text)
    {
        try
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir is not null) Directory.CreateDirectory(dir);
            File.WriteAllText(path, text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"--out '{path}': the theorem file cannot be written ({ex.Message}).");
        }
    }
}
