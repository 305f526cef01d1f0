using System.Text;
using ProofWorkbench.Evidence;
using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.Constructions;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Simplification;
using ProofWorkbench.Theorems.Checkers;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.Zhang2023.Refutation;

/// <summary>One flow of a Two-point Recipe: the one-sample dataset (its setup name, x exact, y), the limit's setup name and
/// value, and σ = C·e^{βu} around the visited set (Proposition A.1).</summary>
/// <param name="Dataset">The dataset's name in the setup.</param>
/// <param name="X">The input x.</param>
/// <param name="Y">The label y.</param>
/// <param name="LimitName">The limit's name in the setup.</param>
/// <param name="Limit">θ* exactly.</param>
/// <param name="Scale">C.</param>
/// <param name="Exponent">β.</param>
public sealed record RecipeFlow(string Dataset, IReadOnlyList<Rational> X, Expr Y, string LimitName, Theta Limit, Rational Scale, Rational Exponent);

/// <summary>A generated recipe activation with its exact overlap (<c>pwb recipe two-point</c>): σ, θ₀ and the two flows.</summary>
/// <param name="Sigma">σ, a piecewise activation.</param>
/// <param name="Theta0Name">θ₀'s name in the setup.</param>
/// <param name="Theta0">θ₀.</param>
/// <param name="Flows">The flows on S₁ and S₂.</param>
/// <param name="Source">The file it was read from (for the generated file's statement).</param>
public sealed record RecipeOverlap(Activation Sigma, string Theta0Name, Theta Theta0, IReadOnlyList<RecipeFlow> Flows, string Source);

/// <summary>A certificate of the two-point route on a recipe activation: the overlap and the facts, every one proving.</summary>
/// <param name="Overlap">The recipe's overlap.</param>
/// <param name="Facts">The facts.</param>
public sealed record RecipeTwoPointCertificate(RecipeOverlap Overlap, IReadOnlyList<Fact> Facts);

/// <summary>
/// The two-point route of <c>pwb refute</c> on a generated recipe activation (paper 000, Lemma 5.1; Section 6.1, Corollary A.1,
/// Proposition A.1 with the corrected eq. (15)). The overlap is exact: the flows from θ₀ on S₁ and S₂ end exactly at θ₁* and θ₂*
/// (<see cref="ParabolaLimitChecker.Evaluate"/>: the parabola (14), σ = C·e^{βu} on the visited set, θ* ∈ M_S), θ₂* ∈ M_S₁ and
/// θ₁* ∈ M_S₂ (exact residuals on the piece of σ that holds). A G characterizing the flow in the weak sense would have
/// G(θ₁*; θ₀) = G(θ₂*; θ₀); the route shows G(θ₁*; θ₀) − G(θ₂*; θ₀) ≠ 0 exactly (a nonzero rational) or by an enclosure that
/// excludes 0. (The difference being nonzero also shows θ₁* ≠ θ₂*.) A G constant in θ gives exactly 0 and is never refuted.
/// </summary>
public static class TwoPointRecipeRefutation
{
    /// <summary>The route name written in the claim.</summary>
    public const string RouteName = "two-point-recipe";

    /// <summary>
    /// Reads a recipe theorem file (written by <c>pwb recipe two-point</c>): its activation and its two <c>parabola-limit</c>
    /// claims (dataset, from, to, scale, exponent), which must share θ₀. Throws <see cref="InputException"/> naming what is missing.
    /// </summary>
    public static RecipeOverlap Read(TheoremFile file)
    {
        var context = new TheoremContext(file);
        var limits = file.Claims.Where(c => c.Kind == "parabola-limit").ToList();
        if (limits.Count != 2)
            throw new InputException($"--activation {file.Path}: a recipe theorem file (pwb recipe two-point) has two parabola-limit claims (the flows on S₁ and S₂); this one has {limits.Count}.");
        var flows = new List<RecipeFlow>();
        Theta? theta0 = null;
        string? theta0Name = null;
        Activation? sigma = null;
        foreach (var claim in limits)
        {
            var read = OneSampleLimitClaim.Read(claim, context, "Proposition A.1");
            sigma ??= read.Sigma;
            var fromNode = claim.Node.Required("from");
            if (theta0 is not null && (read.From != theta0 && !(read.From.W.SequenceEqual(theta0.W) && read.From.A == theta0.A)))
                throw fromNode.Error("the two parabola-limit claims of a recipe start from the same θ₀.");
            theta0 ??= read.From;
            theta0Name ??= fromNode.Text();
            foreach (var key in new[] { "dataset", "to", "from" })
                if (claim.Node.Required(key).IsMapping || claim.Node.Required(key).IsSequence)
                    throw claim.Node.Required(key).Error($"the recipe route refers to setup names; write {key} as a name.");
            flows.Add(new RecipeFlow(claim.Node.Required("dataset").Text(), read.X, read.Y, claim.Node.Required("to").Text(), read.To,
                claim.Node.Required("scale").Rational(), claim.Node.Required("exponent").Rational()));
        }
        return new RecipeOverlap(sigma!, theta0Name!, theta0!, flows, file.Path);
    }

    /// <summary>
    /// The facts: the parabola-limit facts of both flows, θ₂* ∈ M_S₁ and θ₁* ∈ M_S₂ (one exact residual fact each), and the
    /// gap G(θ₁*; θ₀) − G(θ₂*; θ₀) with a strict sign. Null with the reason when a premise of the overlap does not hold exactly
    /// (then nothing is certified); a gap that is 0 or not separated from 0 is an undecided, unsigned enclosure.
    /// </summary>
    public static IReadOnlyList<Fact>? Certify(RecipeOverlap r, Regularizer g, out string reason)
    {
        reason = "";
        if (r.Theta0.W.Count != g.Dimension) { reason = $"G is written for d = {g.Dimension}, the recipe has d = {r.Theta0.W.Count}"; return null; }
        var facts = new List<Fact>();
        PiecewiseActivation pw;
        try { pw = PiecewiseActivation.Of(r.Sigma); }
        catch (InputException ex) { reason = ex.Message; return null; }
        foreach (var f in r.Flows)
        {
            var (pf, _, why) = ParabolaLimitChecker.Evaluate(r.Sigma, f.X, f.Y, r.Theta0, f.Limit, f.Scale, f.Exponent);
            if (!why.StartsWith("Proved", StringComparison.Ordinal)) { reason = $"the flow on {f.Dataset}: {why}"; return null; }
            facts.AddRange(pf.Select(x => x with { Label = $"flow from θ₀ on {f.Dataset} to {f.LimitName} (Proposition A.1): {x.Label}" }));
        }
        for (int k = 0; k < 2; k++)
        {
            var (on, point) = (r.Flows[k], r.Flows[1 - k].Limit);
            var u = on.X.Select((x, i) => x * point.W[i]).Aggregate(Rational.Zero, (a, v) => a + v);
            var residual = ExactMembershipChecker.ResidualFacts($"θ{2 - k}* ∈ M_{on.Dataset}: a·σ(xᵀw) − y = 0 at xᵀw = {ExactText.Of(u)} (piece {pw.IndexAt(u) + 1} of σ)",
                pw.Pieces[pw.IndexAt(u)], pw.Variable, u, point.A, on.Y);
            if (residual.Count != 1 || residual[0].Outcome != FactOutcome.Proves) { reason = $"θ{2 - k}* ∈ M_{on.Dataset} is not shown exactly"; return null; }
            facts.AddRange(residual);
        }
        var gap = Gap(g, r);
        var value = Simplifier.Simplify(gap);
        const string label = "G(θ₁*; θ₀) − G(θ₂*; θ₀) ≠ 0 (θ₁*, θ₂*, θ₀ exact)";
        if (value is Number n)
        {
            facts.Add(new IntervalEnclosure(n.Value.IsZero ? label + " (not shown: it is exactly 0)" : label, gap, [], ExactInterval.Point(n.Value), null,
                n.Value.IsZero ? FactOutcome.Undecided : FactOutcome.Proves) { RequiredSign = n.Value.Sign });
            if (n.Value.IsZero) reason = "G(θ₁*; θ₀) = G(θ₂*; θ₀) exactly";
            return facts;
        }
        Interval e;
        try { e = IntervalEvaluator.Evaluate(gap, new Dictionary<string, Interval>()); }
        catch (InputException) { e = Interval.Entire; }
        int sign = e.Lo > 0 ? 1 : e.Hi < 0 ? -1 : 0;
        if (sign != 0 && double.IsFinite(e.Lo) && double.IsFinite(e.Hi)) facts.Add(IntervalEnclosure.Signed(label, gap, [], e, sign));
        else
        {
            facts.Add(new IntervalEnclosure(label + " (not shown: the enclosure contains 0)", gap, [], double.IsFinite(e.Lo) && double.IsFinite(e.Hi) ? ExactInterval.Of(e) : ExactInterval.Point(Rational.Zero), null, FactOutcome.Undecided));
            reason = "the enclosure of G(θ₁*; θ₀) − G(θ₂*; θ₀) contains 0";
        }
        return facts;
    }

    /// <summary>G(θ₁*; θ₀) − G(θ₂*; θ₀) with every number exact.</summary>
    public static Expr Gap(Regularizer g, RecipeOverlap r) =>
        Sub(Substitution.Substitute(g.G, g.At(r.Flows[0].Limit.W, r.Flows[0].Limit.A, r.Theta0.W, r.Theta0.A)),
            Substitution.Substitute(g.G, g.At(r.Flows[1].Limit.W, r.Flows[1].Limit.A, r.Theta0.W, r.Theta0.A)));

    /// <summary>The route on <paramref name="r"/>: the certificate, or null with the reason in <paramref name="attempts"/>.</summary>
    public static RecipeTwoPointCertificate? Search(RecipeOverlap r, Regularizer g, List<RefutationAttempt> attempts)
    {
        const string route = "two-point (Lemma 5.1 on the recipe's exact overlap)";
        if (g.Gradient.All(c => Simplifier.ZeroTest(c) == ZeroTestResult.Zero))
        {
            attempts.Add(new(route, "no certificate: ∇_θG ≡ 0 (exact zero test), so G does not depend on θ and G(θ₁*; θ₀) = G(θ₂*; θ₀): Lemma 5.1 gives no contradiction."));
            return null;
        }
        var facts = Certify(r, g, out var reason);
        if (facts is not null && VerdictRule.Decide(facts) == Verdict.Proved)
        {
            attempts.Add(new(route, $"certificate: θ₁* = {Show(r.Flows[0].Limit)} and θ₂* = {Show(r.Flows[1].Limit)} are the exact limits from θ₀ = {Show(r.Theta0)} on {r.Flows[0].Dataset} and {r.Flows[1].Dataset}, each on the other's M_S, and G(θ₁*; θ₀) ≠ G(θ₂*; θ₀)."));
            return new RecipeTwoPointCertificate(r, facts);
        }
        attempts.Add(new(route, $"no certificate: {reason}."));
        return null;
    }

    private static string Show(Theta t) => $"({string.Join(", ", t.W.Select(ExactText.Of))}; {ExactText.Of(t.A)})";

    /// <summary>The theorem file for the recipe certificate <paramref name="c"/> of G (<paramref name="gText"/>).</summary>
    public static string Write(string id, string gText, RecipeTwoPointCertificate c, string command)
    {
        var r = c.Overlap;
        var sb = new StringBuilder();
        string Esc(string s) => s.Replace("\\", "\\\\").Replace("\"", "\\\"");
        string Point(Theta t) => $"{{ w: {ExactText.List(t.W)}, a: {ExactText.Of(t.A)} }}";
        int d = r.Theta0.W.Count;
        sb.Append($"id: {id}\n");
        sb.Append($"title: \"pwb refute: G = {Esc(gText)} does not characterize gradient flow for the recipe activation of {Esc(Path.GetFileName(r.Source))}, d = {d} (two-point route)\"\n");
        sb.Append($"source: \"generated by `{Esc(command)}`; paper 000, Definitions 4.4–4.5, Lemma 5.1, Section 6.1 (Two-point Overlapping Recipe), Proposition A.1 (corrected eq. (15))\"\n");
        sb.Append("statement: |\n");
        sb.Append($"  σ is the Two-point Recipe activation of {Path.GetFileName(r.Source)}. The flows from θ₀ on {r.Flows[0].Dataset} and {r.Flows[1].Dataset} end exactly at\n");
        sb.Append($"  θ₁* = {Show(r.Flows[0].Limit)} and θ₂* = {Show(r.Flows[1].Limit)} (Proposition A.1: the parabola (14), σ = C·e^{{βu}} on the visited\n");
        sb.Append("  set), and θ₂* ∈ M_S₁, θ₁* ∈ M_S₂ exactly. A G characterizing the flow in the weak sense would give G(θ₁*; θ₀) ≤ G(θ₂*; θ₀)\n");
        sb.Append("  and G(θ₂*; θ₀) ≤ G(θ₁*; θ₀), so equal values (Lemma 5.1); here they differ, so G does not characterize the flow in the\n");
        sb.Append("  weak sense, nor (Definition 4.4 implies 4.5) in the strong sense.\n");
        sb.Append("setup:\n");
        sb.Append($"  activation: \"{Esc(r.Sigma.Text)}\"\n");
        sb.Append("  points:\n");
        sb.Append($"    {r.Theta0Name}: {Point(r.Theta0)}\n");
        foreach (var f in r.Flows) sb.Append($"    {f.LimitName}: {Point(f.Limit)}\n");
        sb.Append("  datasets:\n");
        foreach (var f in r.Flows) sb.Append($"    {f.Dataset}: [ {{ x: {ExactText.List(f.X)}, y: \"{Esc(f.Y.ToString())}\" }} ]\n");
        sb.Append("claims:\n");
        sb.Append("  - id: refutes-G\n    kind: refutes-G\n");
        sb.Append($"    statement: \"G = {Esc(gText)} does not characterize gradient flow, even in the weak sense: two exact limits from θ₀, each on the other's M_S, have different values of G.\"\n");
        sb.Append("    source: \"paper 000, Lemma 5.1, Definition 4.5; Section 6.1, Proposition A.1 (corrected eq. (15))\"\n");
        sb.Append($"    regularizer: \"{Esc(gText)}\"\n");
        sb.Append($"    route: {RouteName}\n");
        sb.Append($"    from: {r.Theta0Name}\n");
        sb.Append($"    limits: [{r.Flows[0].LimitName}, {r.Flows[1].LimitName}]\n");
        sb.Append($"    datasets: [{r.Flows[0].Dataset}, {r.Flows[1].Dataset}]\n");
        sb.Append($"    scales: [{ExactText.Of(r.Flows[0].Scale)}, {ExactText.Of(r.Flows[1].Scale)}]\n");
        sb.Append($"    exponents: [{ExactText.Of(r.Flows[0].Exponent)}, {ExactText.Of(r.Flows[1].Exponent)}]\n");
        sb.Append("    expect: proved\n");
        return sb.ToString();
    }
}
