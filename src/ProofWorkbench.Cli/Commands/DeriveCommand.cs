using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using ProofWorkbench.ConservedQuantities;
using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.Proposition61;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Parsing;
using ProofWorkbench.Symbolic.Simplification;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Cli.Commands;

/// <summary>
/// <c>pwb derive --activation EXPR [--x X] [--roots LO,HI] [--json]</c>: the symbolic derivations for the
/// one-hidden-neuron model f(w, a; x) = a·σ(w·x) with loss L = (f − y)² (paper 000, Definitions 3.2–3.3).
/// </summary>
public static class DeriveCommand
{
    /// <summary>The System.CommandLine definition of <c>pwb derive</c>.</summary>
    public static Command Create()
    {
        var command = new Command("derive", "Symbolic derivations for the one-hidden-neuron model f = a·σ(w·x), L = (f − y)^2.");
        var activation = new Option<string>("--activation") { Description = "The activation σ as an expression in one variable, e.g. 1/(1+exp(-u)).", Required = true };
        var x = new Option<string?>("--x") { Description = "A fixed input x (default: symbolic)." };
        var roots = new Option<string?>("--roots") { Description = "LO,HI: list every zero of Proposition 6.1's C(u) in [LO, HI]." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        command.Add(activation); command.Add(x); command.Add(roots); command.Add(json);
        command.SetAction(p => Run(p.GetValue(activation)!, p.GetValue(x), p.GetValue(roots), p.GetValue(json), Console.Out));
        return command;
    }

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(string activationText, string? xText, string? rootsText, bool json, TextWriter stdout)
    {
        var sigma = Activation.Parse(activationText);
        if (sigma.Variable is "w" or "a" or "x" or "y")
            throw new InputException($"--activation '{activationText}' uses '{sigma.Variable}', a name of the model (w, a, x, y); write the activation in another variable, e.g. u.");
        Expr x = xText is null ? Sym("x") : ParseNumber(xText, "--x");
        if (x is Number { Value.IsZero: true }) throw new InputException("--x must be nonzero: h′(w) = σ(xw)/(xσ′(xw)) divides by x.");
        (double Lo, double Hi)? roots = rootsText is null ? null : ParseInterval(rootsText);

        var model = new OneNeuronModel(sigma, 1);
        var sample = new Sample([x], Sym("y"));
        var gradient = model.Gradient([sample]).Select(Simplifier.Simplify).ToArray();
        var field = gradient.Select(g => Simplifier.Simplify(Neg(g))).ToArray();
        var conserved = ConservedQuantity.Derive(model, sample);
        var prop61 = Proposition61Condition.Derive(sigma);
        // Without --roots nothing is refused for σ's zeros (issue 9, item 7): the derivations are printed and the parts that
        // need σ ≠ 0 are named. With --roots, σ ≠ 0 is decided on the interval by proof before the zeros of C are listed.
        var isolation = roots is { } r ? prop61.Roots(r.Lo, r.Hi) : null;
        var sign = sigma.IsAbstract ? ProvenSign.Unknown : SignAnalysis.Of(sigma.Definition);
        string signNote = sign switch
        {
            ProvenSign.Positive => "σ > 0 on ℝ (proved by structure), so every formula below holds wherever σ′ ≠ 0 as well.",
            ProvenSign.Negative => "σ < 0 on ℝ (proved by structure), so every formula below holds wherever σ′ ≠ 0 as well.",
            _ when roots is { } iv0 => $"σ ≠ 0 on [{Format(iv0.Lo)}, {Format(iv0.Hi)}] (proved; --roots).",
            _ => "h′ = σ/(xσ′) needs σ′(xw) ≠ 0, and C (σ̃ = 1/σ) needs σ ≠ 0: the formulas hold where these do; pass --roots LO,HI to decide σ ≠ 0 on an interval and list the zeros of C there.",
        };

        if (json)
        {
            var o = new JsonObject
            {
                ["activation"] = sigma.Definition.ToString(),
                ["variable"] = sigma.Variable,
                ["gradient"] = new JsonObject { ["w"] = gradient[0].ToString(), ["a"] = gradient[1].ToString() },
                ["flow"] = new JsonObject { ["w"] = field[0].ToString(), ["a"] = field[1].ToString() },
                ["h_prime"] = conserved.HPrime.ToString(),
                ["h"] = conserved.H?.ToString() ?? "quadrature",
                ["h_closed_form"] = conserved.HasClosedForm,
                ["conserved"] = conserved.Quantity.ToString(),
                ["conserved_lie_derivative"] = conserved.LieDerivative.ToString(),
                ["conserved_proved"] = conserved.Proved,
                ["prop61"] = prop61.Condition.ToString(),
                ["prop61_identically_zero"] = prop61.IdenticallyZero,
                ["prop61_roots"] = isolation is null ? null : new JsonArray(isolation.Roots.Select(z => (JsonNode)JsonValue.Create(z.Root)!).ToArray()),
                ["prop61_roots_complete"] = isolation?.Complete,
                ["sigma_nonzero"] = sign is ProvenSign.Positive or ProvenSign.Negative ? "proved on ℝ" : roots is not null ? "proved on --roots" : "not decided (pass --roots)",
                ["prop61_unresolved"] = isolation is null ? null
                    : new JsonArray(isolation.Unresolved.Select(u => (JsonNode)new JsonArray(JsonValue.Create(u.Lo), JsonValue.Create(u.Hi))).ToArray()),
            };
            stdout.WriteLine(Json.Write(o));
            return 0;
        }

        var v = sigma.Variable;
        stdout.WriteLine($"Model        f(w, a; x) = a·σ(x·w),  σ({v}) = {sigma.Definition}   (paper 000, Def. 3.2)");
        stdout.WriteLine($"Loss         L = (f − y)^2 with x = {x}   (paper 000, Def. 3.3)");
        stdout.WriteLine();
        stdout.WriteLine("Gradient of L");
        stdout.WriteLine($"  ∂L/∂w = {gradient[0]}");
        stdout.WriteLine($"  ∂L/∂a = {gradient[1]}");
        stdout.WriteLine("Gradient flow θ̇ = −∇L");
        stdout.WriteLine($"  ẇ = {field[0]}");
        stdout.WriteLine($"  ȧ = {field[1]}");
        stdout.WriteLine();
        stdout.WriteLine("Conserved quantity (paper 000, Lemma A.3, eq. 20)");
        stdout.WriteLine($"  h'(w) = σ(xw)/(xσ'(xw)) = {conserved.HPrime}");
        stdout.WriteLine(conserved.H is null
            ? "  h(w)  = no closed form found; callers integrate h' by quadrature"
            : $"  h(w)  = {conserved.H}   (verified: dh/dw − h' simplifies to 0)");
        stdout.WriteLine($"  Q     = {conserved.Quantity}");
        stdout.WriteLine($"  L_F Q = (∂Q/∂w)·ẇ + (∂Q/∂a)·ȧ simplifies to {conserved.LieDerivative}: "
            + (conserved.Proved ? "proved conserved (exact)." : "NOT proved conserved."));
        stdout.WriteLine();
        stdout.WriteLine($"Proposition 6.1 condition, (6)·w in u = x0·w with σ̃ = 1/σ (paper 000, eq. 6)");
        stdout.WriteLine($"  C({v}) = 1 − {v}·(σ̃'/σ̃ − σ̃''/σ̃') = {prop61.Condition}");
        if (!sigma.IsAbstract) stdout.WriteLine($"  Where σ ≠ 0: {signNote}");
        if (prop61.IdenticallyZero)
            stdout.WriteLine("  C vanishes identically (where σ ≠ 0): Proposition 6.1 gives nothing for this σ (cf. Corollary 6.1(a), power functions).");
        if (isolation is not null && roots is { } iv)
        {
            if (prop61.IdenticallyZero) { }
            else if (isolation.Roots.Count == 0 && isolation.Complete)
                stdout.WriteLine($"  C has no zero in [{Format(iv.Lo)}, {Format(iv.Hi)}] (interval-arithmetic exclusion).");
            else
            {
                stdout.WriteLine($"  Zeros of C in [{Format(iv.Lo)}, {Format(iv.Hi)}] (each proved unique in its enclosure):");
                foreach (var z in isolation.Roots)
                    stdout.WriteLine($"    {v} = {z.Root.ToString("R", CultureInfo.InvariantCulture)}   enclosure [{Format(z.Lo)}, {Format(z.Hi)}]");
                foreach (var u in isolation.Unresolved)
                    stdout.WriteLine($"    undecided: [{Format(u.Lo)}, {Format(u.Hi)}] may hold a zero (e.g. a double zero)");
            }
        }
        return 0;
    }

    private static string Format(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Parses an exact number option (e.g. "12.307", "-3/4").</summary>
    public static Expr ParseNumber(string text, string option)
    {
        if (Rational.TryParse(text, out var r)) return Num(r);
        throw new InputException($"{option} '{text}' is not a number; write a decimal or a fraction such as 12.307 or 3/4.");
    }

    /// <summary>Parses "LO,HI" with LO &lt; HI.</summary>
    public static (double Lo, double Hi) ParseInterval(string text)
    {
        var parts = text.Split(',');
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lo)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var hi)
            || !double.IsFinite(lo) || !double.IsFinite(hi))
            throw new InputException($"--roots '{text}' is not an interval; write LO,HI such as -10,10.");
        if (!(lo < hi)) throw new InputException($"--roots '{text}': LO must be less than HI.");
        return (lo, hi);
    }
}
