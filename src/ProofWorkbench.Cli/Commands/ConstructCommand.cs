using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.Constructions;
using ProofWorkbench.Smt;
using ProofWorkbench.Papers.Zhang2023.Recipes;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Cli.Commands;

/// <summary>
/// <c>pwb construct two-point --activation EXPR --theta0 W;A --s1 X;Y [--x2 LO,HI] [--out FILE.yaml] [--json]</c>:
/// the trace-back of paper 000, Section 5.2, for a given activation (<see cref="TwoPointTraceBack"/>). Lists every
/// certified sign change of the mismatch F(x₂) with its interval, writes a theorem file whose overlap-exists claims
/// <c>pwb check</c> proves, and exits 0 when at least one overlap was proved to exist, 1 when none was, 2 on bad input.
/// </summary>
public static class ConstructCommand
{
    /// <summary>The default x₂ ranges: both signs, five decades.</summary>
    public static readonly IReadOnlyList<(double Lo, double Hi)> DefaultRanges = [(0.01, 1000), (-1000, -0.01)];

    /// <summary>The System.CommandLine definition of <c>pwb construct</c>.</summary>
    public static Command Create()
    {
        var command = new Command("construct", "Constructions that generate theorem files (paper 000, Section 5).");
        var twoPoint = new Command("two-point", "Trace back a two-point overlap (Lemma 5.1) for a given activation: search x₂ for exact overlaps and prove their existence.");
        var activation = new Option<string>("--activation") { Description = "σ as an expression in one variable, with σ > 0 and σ′ > 0, e.g. 1/(1+exp(-u)).", Required = true };
        var theta0 = new Option<string>("--theta0") { Description = "θ₀ = (w₀, a₀) as W;A, e.g. \"0.922;2.868\" (d = 1).", Required = true };
        var s1 = new Option<string>("--s1") { Description = "S₁ = (x₁, y₁) as X;Y, e.g. \"1;1\".", Required = true };
        var x2 = new Option<string?>("--x2") { Description = "LO,HI: the x₂ range to search, of one sign (default both signs, 0.01 … 1000 in magnitude)." };
        var output = new Option<string?>("--out") { Description = "The theorem file to write (default two-point-construction.yaml)." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        foreach (var o in new Option[] { activation, theta0, s1, x2, output, json }) twoPoint.Add(o);
        twoPoint.SetAction(p => RunTwoPoint(p.GetValue(activation)!, p.GetValue(theta0)!, p.GetValue(s1)!, p.GetValue(x2),
            p.GetValue(output) ?? "two-point-construction.yaml", p.GetValue(json), Console.Out, Console.Error));
        command.Add(twoPoint);
        return command;
    }

    /// <summary>Runs <c>construct two-point</c>; returns the exit code.</summary>
    public static int RunTwoPoint(string activationText, string theta0Text, string s1Text, string? x2Text, string outPath, bool json,
        TextWriter stdout, TextWriter stderr)
    {
        var sigma = Activation.Parse(activationText);
        var (w0, a0) = PointArgument.ParseTheta(theta0Text, "--theta0");
        var (x1, y1) = PointArgument.ParseSample(s1Text, "--s1");
        if (w0.Count != 1 || x1.Count != 1)
            throw new InputException("--theta0/--s1: construct two-point searches x₂ on a line for d = 1 only; give one weight and one input (W;A and X;Y).");
        var ranges = x2Text is null ? DefaultRanges : [PointArgument.ParseRange(x2Text, "--x2")];

        // Lemma A.3's hypotheses, by Z3: the enclosure of every limit rests on them.
        foreach (var (check, what) in new[] { (RecipeChecks.ActivationPositive(sigma.Definition, sigma.Variable), "σ > 0"), (RecipeChecks.ActivationIncreasing(sigma.Definition, sigma.Variable), "σ′ > 0") })
            if (check.Verdict != SmtVerdict.Proved)
                throw new InputException($"--activation '{activationText}': {what} on ℝ is not proved ({check.Explanation}); the trace-back encloses limits through Lemma A.3, which needs σ > 0 and σ′ > 0.");

        var traceBack = TwoPointTraceBack.Create(new TraceBackInput(sigma, w0[0], a0, x1[0], y1));
        var result = traceBack.Search(ranges);
        var commandLine = $"pwb construct two-point --activation \"{activationText}\" --theta0 \"{theta0Text}\" --s1 \"{s1Text}\"" + (x2Text is null ? "" : $" --x2 {x2Text}");
        var text = TwoPointTheoremFile.Write(traceBack, result, commandLine);
        GeneratedFile.Write(outPath, text);
        bool any = result.Overlaps.Any(o => o.Existence == Existence.Proved);
        if (json)
        {
            var o = new JsonObject
            {
                ["theta1"] = new JsonObject { ["w"] = result.Theta1W, ["a"] = result.Theta1A },
                ["theta1_enclosure"] = new JsonObject
                {
                    ["w"] = new JsonArray(result.Theta1.W.Lo, result.Theta1.W.Hi),
                    ["a"] = new JsonArray(result.Theta1.A.Lo, result.Theta1.A.Hi),
                },
                ["overlaps"] = new JsonArray(result.Overlaps.Select(v => (JsonNode)new JsonObject
                {
                    ["x2"] = new JsonArray(v.Lo.ToDouble(), v.Hi.ToDouble()),
                    ["x2_exact"] = new JsonArray(ExactText.Of(v.Lo), ExactText.Of(v.Hi)),
                    ["theta2"] = new JsonObject { ["w"] = v.Theta2W, ["a"] = v.Theta2A },
                    ["existence"] = v.Existence == Existence.Proved ? "proved" : "inconclusive",
                    ["reason"] = v.Reason,
                }).ToArray()),
                ["searched"] = new JsonArray(result.Searched.Select(r => (JsonNode)new JsonObject { ["lo"] = r.Lo, ["hi"] = r.Hi, ["points"] = r.Points }).ToArray()),
                ["notes"] = new JsonArray(result.Notes.Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()),
                ["file"] = outPath,
            };
            stdout.WriteLine(Json.Write(o));
            return any ? 0 : 1;
        }
        stdout.WriteLine($"Trace-back (paper 000, Sec. 5.2) for σ({sigma.Variable}) = {sigma.Definition}, θ₀ = ({ExactText.Of(w0[0])}, {ExactText.Of(a0)}), S₁ = ({ExactText.Of(x1[0])}, {ExactText.Of(y1)})");
        stdout.WriteLine($"θ₁* = ({G(result.Theta1W)}, {G(result.Theta1A)}), enclosed: w ∈ {result.Theta1.W}, a ∈ {result.Theta1.A}");
        stdout.WriteLine($"H(u) = ∫σ/σ′ = {traceBack.Limit.H}   (conserved quantity a²/2 − H(xw)/x², Lemma A.3)");
        stdout.WriteLine($"searched x₂ in {string.Join(", ", result.Searched.Select(r => $"[{G(r.Lo)}, {G(r.Hi)}] ({r.Points} points)"))}");
        foreach (var v in result.Overlaps)
            stdout.WriteLine($"  x₂ ∈ [{ExactText.Of(v.Lo)}, {ExactText.Of(v.Hi)}]: existence {(v.Existence == Existence.Proved ? "PROVED" : "inconclusive")}; θ₂* ≈ ({G(v.Theta2W)}, {G(v.Theta2A)})\n    {v.Reason}");
        foreach (var n in result.Notes) stdout.WriteLine($"  note: {n}");
        if (!any) stdout.WriteLine("No overlap was proved to exist in the searched ranges (see the notes for where F could not be evaluated).");
        stdout.WriteLine($"wrote {outPath} (check it with: ./pwb check {outPath})");
        return any ? 0 : 1;
    }

    private static string G(double x) => x.ToString("G12", CultureInfo.InvariantCulture);
}

/// <summary>Parsing of the generators' point, sample and range arguments ("W;A", "X;Y", "LO,HI"), exact.</summary>
public static class PointArgument
{
    /// <summary>"W;A" with W a comma-separated list: θ = (w, a).</summary>
    public static (IReadOnlyList<Rational> W, Rational A) ParseTheta(string text, string option)
    {
        var parts = text.Split(';');
        if (parts.Length != 2) throw new InputException($"{option} '{text}' is not a point; write W;A such as \"0.922;2.868\" or \"1/2,-1/4;1\".");
        return (List(parts[0], option, text), Number(parts[1], option, text));
    }

    /// <summary>"X;Y": one sample (x, y).</summary>
    public static (IReadOnlyList<Rational> X, Rational Y) ParseSample(string text, string option)
    {
        var parts = text.Split(';');
        if (parts.Length != 2) throw new InputException($"{option} '{text}' is not a sample; write X;Y such as \"1;1\".");
        return (List(parts[0], option, text), Number(parts[1], option, text));
    }

    /// <summary>"LO,HI" of one sign, LO &lt; HI.</summary>
    public static (double Lo, double Hi) ParseRange(string text, string option)
    {
        var parts = text.Split(',');
        if (parts.Length != 2 || !Rational.TryParse(parts[0].Trim(), out var lo) || !Rational.TryParse(parts[1].Trim(), out var hi))
            throw new InputException($"{option} '{text}' is not a range; write LO,HI such as 5,50.");
        if (!(lo < hi)) throw new InputException($"{option} '{text}': LO must be less than HI.");
        if (lo.Sign <= 0 && hi.Sign >= 0) throw new InputException($"{option} '{text}' contains 0; give a range of one sign, e.g. 0.01,100 or -100,-0.01 (x₂ = 0 leaves w fixed).");
        return (lo.ToDouble(), hi.ToDouble());
    }

    private static IReadOnlyList<Rational> List(string text, string option, string whole) =>
        text.Split(',').Select(t => Number(t, option, whole)).ToList();

    private static Rational Number(string text, string option, string whole) =>
        Rational.TryParse(text.Trim(), out var r) ? r
            : throw new InputException($"{option} '{whole}': '{text.Trim()}' is not a number; write a decimal or a fraction such as 0.922 or 3/4.");
}
