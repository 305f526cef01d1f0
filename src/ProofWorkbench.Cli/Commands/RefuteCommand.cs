using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using ProofWorkbench.Certificates;
using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.Constructions;
using ProofWorkbench.Papers.Zhang2023.Refutation;
using ProofWorkbench.Reports;
using ProofWorkbench.Theorems.Checkers;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Cli.Commands;

/// <summary>
/// <c>pwb refute --activation EXPR|FILE.yaml --G EXPR [--d D] [--route auto|stationary|reflect|two-point|direct] [--sense weak|strong]
/// [--budget SECONDS] [--out DIR] [--json]</c> (with FILE.yaml a theorem file of <c>pwb recipe two-point</c>: only the two-point
/// route on its exact overlap, <see cref="TwoPointRecipeRefutation"/>):
/// searches for a certificate that the data-independent G(θ, θ₀) does not characterize gradient flow of the
/// one-hidden-neuron model (paper 000, Definitions 4.4–4.5) — <see cref="RefutationSearch"/> — and when one is found writes
/// DIR/refute.yaml (a theorem file with one <c>refutes-G</c> claim), DIR/refute.md (its report) and
/// DIR/refute.certificates/refutes-G.json (the certificate, for <c>pwb verify</c>). Exit 0 when a certificate was written,
/// 1 when none was found within the budget (the attempts are listed), 2 on bad input.
/// </summary>
public static class RefuteCommand
{
    /// <summary>The System.CommandLine definition of <c>pwb refute</c>.</summary>
    public static Command Create()
    {
        var command = new Command("refute", "Search for a certificate that a data-independent G(θ, θ₀) does not characterize gradient flow (paper 000, Defs. 4.4–4.5).");
        var activation = new Option<string>("--activation") { Description = "σ, an expression in u, e.g. \"1/(1+exp(-u))\", or a theorem file written by pwb recipe two-point (FILE.yaml).", Required = true };
        var g = new Option<string>("--G") { Description = "G(θ, θ₀) in w (or w1..wd), a, w0 (or w0_1..w0_d), a0, e.g. \"(w-w0)^2+(a-a0)^2\".", Required = true };
        var d = new Option<string>("--d") { Description = "The input dimension d (default 1)." };
        var sense = new Option<string>("--sense") { Description = "weak (Definition 4.5, default) or strong (Definition 4.4); a weak-sense refutation refutes both." };
        var budget = new Option<string>("--budget") { Description = "Wall-clock budget of the search in seconds (default 60)." };
        var output = new Option<string?>("--out") { Description = "The folder for refute.yaml, refute.md and refute.certificates/ (default refute-out)." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var route = new Option<string>("--route") { Description = "auto (default: stationary, reflect, two-point, direct in this order), stationary, reflect, two-point or direct." };
        var model = new Option<string>("--model") { Description = "one-neuron (default, f = aσ(xᵀw)) or linear (f = wᵀx, Section 4.1; --activation is then ignored)." };
        activation.Required = false;
        foreach (var o in new Option[] { activation, g, d, sense, budget, output, json, model, route }) command.Add(o);
        command.SetAction(p => Run(p.GetValue(activation), p.GetValue(g)!, p.GetValue(d) ?? "1", p.GetValue(sense) ?? "weak",
            p.GetValue(budget) ?? "60", p.GetValue(output) ?? "refute-out", p.GetValue(json), Console.Out, p.GetValue(model) ?? "one-neuron", p.GetValue(route) ?? "auto"));
        return command;
    }

    /// <summary>Runs <c>pwb refute</c>; returns the exit code.</summary>
    public static int Run(string? activationText, string gText, string dText, string senseText, string budgetText, string outDir, bool json, TextWriter stdout, string modelName = "one-neuron", string routeChoice = "auto")
    {
        if (modelName is not ("one-neuron" or "linear")) throw new InputException($"--model '{modelName}' is not one-neuron or linear.");
        if (!int.TryParse(dText, NumberStyles.None, CultureInfo.InvariantCulture, out int d) || d < 1 || d > 16)
            throw new InputException($"--d '{dText}' is not an integer between 1 and 16.");
        if (senseText is not ("weak" or "strong")) throw new InputException($"--sense '{senseText}' is not weak or strong.");
        if (!double.TryParse(budgetText, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || !(seconds > 0) || !double.IsFinite(seconds))
            throw new InputException($"--budget '{budgetText}' is not a positive number of seconds.");
        bool linear = modelName == "linear";
        if (!linear && activationText is null) throw new InputException("--activation is required for the one-neuron model (e.g. --activation \"1/(1+exp(-u))\").");
        if (!RefutationSearch.Routes.Contains(routeChoice)) throw new InputException($"--route '{routeChoice}' is not one of {string.Join(", ", RefutationSearch.Routes)}.");
        var regularizer = Regularizer.Parse(gText, d);
        var budgetSpan = TimeSpan.FromSeconds(seconds);
        string commandLine = (linear ? $"pwb refute --model linear --G \"{gText}\"" : $"pwb refute --activation \"{activationText}\" --G \"{gText}\"") + (d == 1 ? "" : $" --d {d}") + (routeChoice == "auto" ? "" : $" --route {routeChoice}");
        // A theorem file written by `pwb recipe two-point` (Section 6.1): its activation and its exact overlap (two-point route only).
        bool recipe = !linear && (activationText!.EndsWith(".yaml", StringComparison.Ordinal) || activationText.EndsWith(".yml", StringComparison.Ordinal));
        RecipeOverlap? overlap = null;
        if (recipe)
        {
            if (!File.Exists(activationText)) throw new InputException($"--activation '{activationText}': no such theorem file.");
            if (routeChoice is not ("auto" or "two-point")) throw new InputException($"--route {routeChoice}: with a recipe theorem file as --activation only the two-point route applies (its σ is a piecewise C^k activation built for that overlap).");
            var loaded = TheoremLoader.Load(activationText!, File.ReadAllText(activationText!), new TheoremChecker(ClaimCheckers.All()).Kinds);
            overlap = TwoPointRecipeRefutation.Read(loaded);
            if (overlap.Theta0.W.Count != d) throw new InputException($"--d {d}: the recipe {activationText} has d = {overlap.Theta0.W.Count}.");
        }
        Activation? sigma = linear ? null : recipe ? overlap!.Sigma : Activation.Parse(activationText!);
        FoundFile? found;
        IReadOnlyList<RefutationAttempt> attempts;
        string? routeName = null;
        if (linear)
        {
            var list = new List<RefutationAttempt>();
            found = LinearDirectRoute.Run(regularizer, gText, commandLine, budgetSpan, list);
            attempts = list;
            if (found is not null) routeName = "direct-linear-kkt";
        }
        else if (recipe)
        {
            var list = new List<RefutationAttempt> { new("one-point and direct routes", "not tried: σ is a recipe activation (a piecewise C^k function built for its exact overlap), and the two-point route uses that overlap.") };
            var rc = TwoPointRecipeRefutation.Search(overlap!, regularizer, list);
            attempts = list;
            found = rc is null ? null : new FoundFile(TwoPointRecipeRefutation.Write("refute", gText, rc, commandLine), "");
            if (rc is not null) routeName = TwoPointRecipeRefutation.RouteName;
        }
        else
        {
            var result = RefutationSearch.Run(sigma!, regularizer, budgetSpan, routeChoice);
            attempts = result.Attempts;
            found = result.Certificate is { } c ? new FoundFile(RefutationTheoremFile.Write("refute", sigma!, gText, c, commandLine), "")
                : result.Direct is { } dc ? new FoundFile(RefutationTheoremFile.Write("refute", sigma!, gText, dc, commandLine), "")
                : result.TwoPoint is { } tc ? new FoundFile(RefutationTheoremFile.Write("refute", sigma!, gText, tc, commandLine), "") : null;
            if (result.Found) routeName = result.RouteName;
        }

        JsonObject? written = null;
        ClaimResult? checkedClaim = null;
        if (found is not null)
        {
            ReportOutput.Prepare(outDir);
            var text = found.Text;
            var yamlPath = Path.Combine(outDir, "refute.yaml");
            ReportOutput.Write(outDir, outDir, "refute.yaml", text);
            // The certificate is the re-check of the written file, so what is certified is what the file says.
            var checker = new TheoremChecker(ClaimCheckers.All());
            var file = TheoremLoader.Load(yamlPath, text, checker.Kinds);
            checker.Validate(file);
            var theorem = checker.Check(file);
            checkedClaim = theorem.Claims[0];
            var report = MarkdownReport.Render(theorem, "refute");
            ReportOutput.Write(outDir, outDir, report.FileName, report.Text);
            foreach (var a in report.Attachments) ReportOutput.Write(outDir, outDir, a.FileName, a.Content);
            written = Certificate.Of(file, checkedClaim);
            ReportOutput.Write(outDir, Path.Combine(outDir, "refute.certificates"), Certificate.FileName(checkedClaim.Claim), Certificate.Write(written));
        }
        // A certificate counts when its claim got its expected, decided verdict (proved for refutes-G, refuted for a kkt claim).
        bool ok = checkedClaim is { AsExpected: true } && checkedClaim.Verdict is Verdict.Proved or Verdict.Refuted;
        string certificatePath = Path.Combine(outDir, "refute.certificates", "refutes-G.json");
        if (json)
        {
            var o = new JsonObject
            {
                ["model"] = modelName,
                ["activation"] = recipe ? activationText : sigma?.Text,
                ["G"] = gText,
                ["d"] = d,
                ["sense"] = senseText,
                ["found"] = ok,
                ["attempts"] = new JsonArray(attempts.Select(a => (JsonNode)new JsonObject { ["route"] = a.Route, ["outcome"] = a.Outcome }).ToArray()),
            };
            if (checkedClaim is not null)
            {
                o["route"] = routeName;
                o["verdict"] = VerdictText.Of(checkedClaim!.Verdict);
                o["theorem_file"] = Path.Combine(outDir, "refute.yaml");
                o["report"] = Path.Combine(outDir, "refute.md");
                o["certificate"] = certificatePath;
            }
            stdout.WriteLine(Json.Write(o));
            return ok ? 0 : 1;
        }
        stdout.WriteLine($"pwb refute: G = {gText}, {(sigma is null ? "linear model f = wᵀx" : recipe ? $"σ = the recipe activation of {activationText}" : $"σ({sigma.Variable}) = {sigma.Text}")}, d = {d} ({senseText} sense; paper 000, Definitions 4.4–4.5)");
        foreach (var a in attempts) stdout.WriteLine($"  {a.Route}: {a.Outcome}");
        if (ok)
        {
            stdout.WriteLine($"G does not characterize gradient flow, even in the weak sense (so in neither sense): certificate {certificatePath}");
            stdout.WriteLine($"  theorem file {Path.Combine(outDir, "refute.yaml")} (./pwb check it), report {Path.Combine(outDir, "refute.md")}; re-check the certificate with ./pwb verify {certificatePath}");
            return 0;
        }
        stdout.WriteLine(found is null
            ? "no certificate found within the budget: G was not refuted (this does not prove that G characterizes the flow)."
            : $"a candidate certificate was found but its re-check gave '{VerdictText.Of(checkedClaim!.Verdict)}': {checkedClaim.Explanation}");
        return 1;
    }
}
