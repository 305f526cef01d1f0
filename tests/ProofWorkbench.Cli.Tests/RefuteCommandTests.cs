using System.Text.Json.Nodes;
using ProofWorkbench.Cli.Commands;

namespace ProofWorkbench.Cli.Tests;

/// <summary>
/// <c>pwb refute</c> (issue 13): certificates for the G of the issue, the committed theorem files reproduced byte for byte,
/// exit 1 with the reason when the One-point route cannot apply, exit 2 on bad input.
/// </summary>
public class RefuteCommandTests
{
    private const string Sigmoid = "1/(1+exp(-u))", Softplus = "log(1+exp(u))";

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ProofWorkbench.sln"))) dir = dir.Parent;
        return dir!.FullName;
    }

    // RefuteCommand.Run directly (not through Console, which CliRunner serializes): options as name/value pairs.
    private static (int Exit, string Out, string Err, DirectoryInfo Dir) Refute(params string[] args)
    {
        var dir = Directory.CreateTempSubdirectory("pwb-refute-");
        string? Get(string name) { int i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        var output = new StringWriter();
        int exit;
        try
        {
            exit = RefuteCommand.Run(Get("--activation"), Get("--G")!, Get("--d") ?? "1", Get("--sense") ?? "weak", Get("--budget") ?? "60",
                dir.FullName, args.Contains("--json"), output, Get("--model") ?? "one-neuron", Get("--route") ?? "auto");
        }
        catch (InputException ex) { return (2, output.ToString(), ex.Message, dir); }
        return (exit, output.ToString(), "", dir);
    }

    [Fact]
    public void The_issue_example_writes_a_proved_certificate_by_the_reflect_variant()
    {
        var (exit, output, _, dir) = Refute("--activation", Sigmoid, "--G", "(w-w0)^2+(a-a0)^2");
        try
        {
            Assert.Equal(0, exit);
            Assert.Contains("∇_θG vanishes at θ = θ₀ for every θ₀", output); // the stationary variant cannot apply to this G
            var certificate = JsonNode.Parse(File.ReadAllText(Path.Combine(dir.FullName, "refute.certificates", "refutes-G.json")))!;
            Assert.Equal("proofworkbench-certificate", (string?)certificate["format"]);
            Assert.Equal("proved", (string?)certificate["verdict"]);
            Assert.Equal("one-point-reflect", (string?)certificate["claim"]!["parameters"]!["route"]);
            Assert.Equal("-1", (string?)certificate["setup"]!["points"]!["limit"]!["a"]);
            var facts = certificate["facts"]!.AsArray();
            Assert.All(facts, f => Assert.Equal("proves", (string?)f!["outcome"]));
            Assert.Contains(facts, f => ((string?)f!["label"])!.StartsWith("range condition", StringComparison.Ordinal));
            Assert.True(File.Exists(Path.Combine(dir.FullName, "refute.md")));
        }
        finally { dir.Delete(recursive: true); }
    }

    [Theory]
    [InlineData(Sigmoid, "sigmoid", "1", "norm2", "w^2+a^2")]
    [InlineData(Softplus, "softplus", "1", "dist4", "((w-w0)^2+(a-a0)^2)^2")]
    [InlineData(Sigmoid, "sigmoid", "2", "mirror", "(w1-w0_1)^2+(w2-w0_2)^2+(a+a0)^2")]
    [InlineData(Softplus, "softplus", "2", "weighted", "(w1-w0_1)^2+(w2-w0_2)^2+2*(a-a0)^2")]
    [InlineData(Softplus, "softplus", "2", "dist2", "(w1-w0_1)^2+(w2-w0_2)^2+(a-a0)^2")]
    public void The_committed_theorem_files_are_reproduced_byte_for_byte(string activation, string name, string d, string g, string expression)
    {
        var (exit, _, _, dir) = Refute("--activation", activation, "--G", expression, "--d", d);
        try
        {
            Assert.Equal(0, exit);
            var written = File.ReadAllText(Path.Combine(dir.FullName, "refute.yaml"));
            var committed = File.ReadAllText(Path.Combine(Root(), "theorems", "zhang2023", "refute", $"{name}-d{d}-{g}.yaml"));
            Assert.Equal(committed, written.Replace("id: refute\n", $"id: refute-{name}-d{d}-{g}\n"));
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void Certificates_are_byte_identical_across_runs()
    {
        var (_, _, _, a) = Refute("--activation", Softplus, "--G", "(w-w0)^2+2*(a-a0)^2");
        var (_, _, _, b) = Refute("--activation", Softplus, "--G", "(w-w0)^2+2*(a-a0)^2");
        try
        {
            Assert.Equal(File.ReadAllText(Path.Combine(a.FullName, "refute.certificates", "refutes-G.json")),
                File.ReadAllText(Path.Combine(b.FullName, "refute.certificates", "refutes-G.json")));
        }
        finally { a.Delete(recursive: true); b.Delete(recursive: true); }
    }

    [Fact]
    public void A_G_critical_at_both_one_point_limits_gets_a_direct_certificate()
    {
        // (w − w₀)² + (a² − a₀²)²: ∇_θG vanishes at θ₀ and at (w₀, −a₀) for every θ₀, so both One-point variants say so;
        // the direct route finds θ′ ∈ M_S with G(θ′) < G(θ*) at an enclosed limit (Definition 4.5).
        // The two-point route (third) would refute it too with the sigmoid and d = 1 (see the next test), so direct is forced.
        var (exit, output, _, dir) = Refute("--activation", Sigmoid, "--G", "(w-w0)^2+(a^2-a0^2)^2", "--json", "--route", "direct");
        try
        {
            Assert.Equal(0, exit);
            var o = JsonNode.Parse(output)!;
            Assert.True((bool)o["found"]!);
            Assert.Equal("direct", (string)o["route"]!);
            var outcomes = o["attempts"]!.AsArray().Select(a => (string)a!["outcome"]!).ToList();
            Assert.Single(outcomes); // --route direct: no other route tried
            var cert = File.ReadAllText(Path.Combine(dir.FullName, "refute.certificates", "refutes-G.json"));
            Assert.Equal(ProofWorkbench.Verifier.VerificationStatus.Verified, ProofWorkbench.Verifier.CertificateVerifier.Verify(cert).Status);
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void The_two_point_route_refutes_a_G_critical_at_both_one_point_limits_on_Figure_1s_overlap()
    {
        var (exit, output, _, dir) = Refute("--activation", Sigmoid, "--G", "(w-w0)^2+(a^2-a0^2)^2", "--json");
        try
        {
            Assert.Equal(0, exit);
            var o = JsonNode.Parse(output)!;
            Assert.Equal("two-point-trace-back", (string)o["route"]!);
            var cert = JsonNode.Parse(File.ReadAllText(Path.Combine(dir.FullName, "refute.certificates", "refutes-G.json")))!;
            Assert.Equal("proved", (string?)cert["verdict"]);
            Assert.Equal(ProofWorkbench.Verifier.VerificationStatus.Verified, ProofWorkbench.Verifier.CertificateVerifier.Verify(cert.ToJsonString()).Status);
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void The_two_point_route_forced_reproduces_the_committed_file_and_says_why_it_cannot_apply()
    {
        var (exit, _, _, dir) = Refute("--activation", Sigmoid, "--G", "(w-w0)^2+(a-a0)^2", "--route", "two-point");
        try
        {
            Assert.Equal(0, exit);
            var written = File.ReadAllText(Path.Combine(dir.FullName, "refute.yaml"));
            var committed = File.ReadAllText(Path.Combine(Root(), "theorems", "zhang2023", "refute", "sigmoid-d1-dist2-two-point.yaml"));
            Assert.StartsWith(written.Replace("id: refute\n", "id: refute-sigmoid-d1-dist2-two-point\n"), committed);
        }
        finally { dir.Delete(recursive: true); }
        var (exit2, output2, _, dir2) = Refute("--activation", Softplus, "--G", "(w-w0)^2+(a-a0)^2", "--route", "two-point");
        try
        {
            Assert.Equal(1, exit2);
            Assert.Contains("two-point (Lemma 5.1", output2);
            Assert.Contains("not applicable: no closed-form antiderivative", output2); // the softplus: H = ∫σ/σ′ has no closed form
            Assert.DoesNotContain("one-point", output2);
        }
        finally { dir2.Delete(recursive: true); }
        var (exit3, output3, _, dir3) = Refute("--activation", Sigmoid, "--G", "(w1-w0_1)^2+(w2-w0_2)^2+(a-a0)^2", "--d", "2", "--route", "two-point");
        try
        {
            Assert.Equal(1, exit3);
            Assert.Contains("built for d = 1", output3);
        }
        finally { dir3.Delete(recursive: true); }
        Assert.Equal(2, Refute("--activation", Sigmoid, "--G", "(w-w0)^2", "--route", "sideways").Exit);
    }

    [Fact]
    public void A_recipe_activation_file_gets_the_two_point_route_on_its_exact_overlap()
    {
        var recipe = Path.Combine(Root(), "theorems", "zhang2023", "refute", "recipe-two-point-c1-d1-asymmetric.yaml");
        var (exit, output, _, dir) = Refute("--activation", recipe, "--G", "(w-w0)^2+(a-a0)^2");
        try
        {
            Assert.Equal(0, exit);
            Assert.Contains("two-point (Lemma 5.1 on the recipe's exact overlap): certificate", output);
            var written = File.ReadAllText(Path.Combine(dir.FullName, "refute.yaml"));
            var committed = File.ReadAllText(Path.Combine(Root(), "theorems", "zhang2023", "refute", "recipe-c1-d1-dist2.yaml"));
            // The committed file was generated with the path relative to the repository root.
            Assert.StartsWith(written.Replace("id: refute\n", "id: refute-recipe-c1-d1-dist2\n").Replace(recipe, "theorems/zhang2023/refute/recipe-two-point-c1-d1-asymmetric.yaml"), committed);
            var cert = File.ReadAllText(Path.Combine(dir.FullName, "refute.certificates", "refutes-G.json"));
            Assert.Equal(ProofWorkbench.Verifier.VerificationStatus.Verified, ProofWorkbench.Verifier.CertificateVerifier.Verify(cert).Status);
        }
        finally { dir.Delete(recursive: true); }
        // The committed recipe's overlap ties ‖θ − θ₀‖² exactly: exit 1, saying so.
        var (exit2, output2, _, dir2) = Refute("--activation", Path.Combine(Root(), "theorems", "zhang2023", "recipe-two-point-c1-d1.yaml"), "--G", "(w-w0)^2+(a-a0)^2");
        try
        {
            Assert.Equal(1, exit2);
            Assert.Contains("G(θ₁*; θ₀) = G(θ₂*; θ₀) exactly", output2);
        }
        finally { dir2.Delete(recursive: true); }
        Assert.Equal(2, Refute("--activation", recipe, "--G", "(w-w0)^2", "--route", "direct").Exit);
        Assert.Equal(2, Refute("--activation", "no-such-recipe.yaml", "--G", "(w-w0)^2").Exit);
    }

    [Theory]
    [InlineData("a0^2+w0")]               // constant in θ: characterizes every flow in the weak sense (paper 000, after Def. 4.5)
    public void A_G_critical_at_both_limits_gets_no_certificate_and_exit_1(string g)
    {
        var (exit, output, _, dir) = Refute("--activation", Sigmoid, "--G", g, "--json");
        try
        {
            Assert.Equal(1, exit);
            var o = JsonNode.Parse(output)!;
            Assert.False((bool)o["found"]!);
            var outcomes = o["attempts"]!.AsArray().Select(a => (string)a!["outcome"]!).ToList();
            Assert.Contains(outcomes, s => s.Contains("vanishes at θ = θ₀ for every θ₀"));
            Assert.Contains(outcomes, s => s.Contains("vanishes at θ = (w₀, −a₀) for every θ₀"));
            Assert.False(Directory.Exists(Path.Combine(dir.FullName, "refute.certificates")));
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void The_reflect_variant_needs_the_range_condition_and_says_so()
    {
        // σ = exp(−e^{−u}): σ > 0, σ′ > 0 but H = e^u is bounded below, the counterexample to Lemma 6.1 as printed; the
        // range condition σ − cσ′ > 0 fails (σ/σ′ = e^u → 0), so the reflect variant must not certify anything.
        // The direct route, with labels of a₀'s sign (the flow never crosses a = 0), needs no range condition and refutes G.
        var (exit, output, _, dir) = Refute("--activation", "exp(-exp(-u))", "--G", "(w-w0)^2+(a-a0)^2");
        try
        {
            Assert.Equal(0, exit);
            Assert.Contains("one-point (reflect: θ* = (w₀, −a₀)): not applicable", output);
            Assert.Contains("range condition", output);
            // The two-point route (labels of a₀'s sign as well) comes before the direct one and refutes G here.
            Assert.Contains("two-point (Lemma 5.1", output);
        }
        finally { dir.Delete(recursive: true); }
        var (exitDirect, outputDirect, _, dirDirect) = Refute("--activation", "exp(-exp(-u))", "--G", "(w-w0)^2+(a-a0)^2", "--route", "direct");
        try
        {
            Assert.Equal(0, exitDirect);
            Assert.Contains("direct (Definition 4.5", outputDirect);
        }
        finally { dirDirect.Delete(recursive: true); }
    }

    [Theory]
    [InlineData("--G", "(w-w0)^2+b^2", "unknown variable b")]
    [InlineData("--G", "abs(w-w0)", "must be smooth")]
    [InlineData("--d", "0", "--d '0'")]
    [InlineData("--sense", "medium", "--sense 'medium'")]
    [InlineData("--budget", "-1", "--budget '-1'")]
    public void Bad_input_is_one_sentence_and_exit_2(string option, string value, string expected)
    {
        var args = new List<string> { "--activation", Sigmoid };
        if (option != "--G") args.AddRange(["--G", "(w-w0)^2+(a-a0)^2"]);
        args.AddRange([option, value]);
        var (exit, _, err, dir) = Refute([.. args]);
        try
        {
            Assert.Equal(2, exit);
            Assert.Contains(expected, err);
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void Linear_model_a_G_that_ignores_w0_is_refuted_by_an_exact_kkt_failure()
    {
        var (exit, output, _, dir) = Refute("--model", "linear", "--G", "w1^2+w2^2", "--d", "2", "--json");
        try
        {
            Assert.Equal(0, exit);
            Assert.Equal("direct-linear-kkt", (string?)JsonNode.Parse(output)!["route"]);
            var certificate = JsonNode.Parse(File.ReadAllText(Path.Combine(dir.FullName, "refute.certificates", "refutes-G.json")))!;
            Assert.Equal("refuted", (string?)certificate["verdict"]);
            Assert.Equal("kkt", (string?)certificate["claim"]!["kind"]);
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void Linear_model_the_characterizing_G_is_never_refuted()
    {
        // Section 4.1: ‖w − w₀‖² characterizes the flow of linear regression exactly; refute must find nothing and say so.
        var (exit, output, _, dir) = Refute("--model", "linear", "--G", "(w1-w0_1)^2+(w2-w0_2)^2+(w3-w0_3)^2", "--d", "3");
        try
        {
            Assert.Equal(1, exit);
            Assert.Contains("the exact limit is a KKT point", output);
            Assert.Contains("does not prove that G characterizes the flow", output);
            Assert.False(Directory.Exists(Path.Combine(dir.FullName, "refute.certificates")));
        }
        finally { dir.Delete(recursive: true); }
    }
}
