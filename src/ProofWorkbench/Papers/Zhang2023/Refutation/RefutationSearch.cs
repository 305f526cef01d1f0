using System.Diagnostics;
using ProofWorkbench.Evidence;
using ProofWorkbench.Models;
using ProofWorkbench.Smt;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Simplification;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Papers.Zhang2023.Refutation;

/// <summary>One route or variant that was tried, and what came of it.</summary>
/// <param name="Route">The route, e.g. "one-point (stationary)".</param>
/// <param name="Outcome">Why it gave no certificate, or what it found.</param>
public sealed record RefutationAttempt(string Route, string Outcome);

/// <summary>A certificate found by the One-point route: everything needed to write and re-check it.</summary>
/// <param name="Variant">Stationary or reflect.</param>
/// <param name="W0">w₀.</param>
/// <param name="A0">a₀ ≠ 0.</param>
/// <param name="Data">The two one-sample datasets (x, y).</param>
/// <param name="Facts">The facts, every one proving its part.</param>
public sealed record OnePointCertificate(OnePointVariant Variant, IReadOnlyList<Rational> W0, Rational A0,
    IReadOnlyList<(IReadOnlyList<Rational> X, Expr Y)> Data, IReadOnlyList<Fact> Facts)
{
    /// <summary>θ* = (w₀, s·a₀).</summary>
    public Rational LimitA => OnePointRefutation.Sign(Variant) * A0;
}

/// <summary>The result of <see cref="RefutationSearch.Run"/>: the certificate (or null) and every attempt, in order.</summary>
public sealed record RefutationResult(OnePointCertificate? Certificate, IReadOnlyList<RefutationAttempt> Attempts)
{
    /// <summary>The certificate of the direct route, when that route found one (then <see cref="Certificate"/> is null).</summary>
    public DirectCertificate? Direct { get; init; }

    /// <summary>The certificate of the two-point route, when that route found one.</summary>
    public TwoPointCertificate? TwoPoint { get; init; }

    /// <summary>True when some route found a certificate.</summary>
    public bool Found => Certificate is not null || Direct is not null || TwoPoint is not null;

    /// <summary>The route name of the certificate found (as written in the claim), or "none".</summary>
    public string RouteName => Certificate is { } c ? RefutationTheoremFile.RouteName(c.Variant) : Direct is not null ? DirectRefutation.RouteName
        : TwoPoint is not null ? TwoPointRefutation.RouteName : "none";
}

/// <summary>
/// <c>pwb refute</c>'s search (paper 000, Definitions 4.4–4.5): the One-point route of <see cref="OnePointRefutation"/>,
/// stationary variant first (it needs no hypothesis on σ), then the reflect variant (Lemma 6.2), then the two-point route of
/// <see cref="TwoPointRefutation"/> (Lemma 5.1), then the direct route of <see cref="DirectRefutation"/> (Definition 4.5), over
/// fixed, deterministic lists of θ₀, inputs and labels, stopping at the first certificate or when the budget is spent.
/// <c>--route</c> restricts the search to one route.
/// </summary>
public static class RefutationSearch
{
    /// <summary>The values of <c>--route</c>.</summary>
    public static readonly IReadOnlyList<string> Routes = ["auto", "stationary", "reflect", "two-point", "direct"];

    /// <summary>Searches; <paramref name="budget"/> bounds the wall-clock time (each Z3 call has its own time limit);
    /// <paramref name="route"/> is one of <see cref="Routes"/> (auto: all, in order).</summary>
    public static RefutationResult Run(Activation sigma, Regularizer g, TimeSpan budget, string route = "auto")
    {
        if (!Routes.Contains(route)) throw new InputException($"--route '{route}' is not one of {string.Join(", ", Routes)}.");
        bool Use(string r) => route == "auto" || route == r;
        var clock = Stopwatch.StartNew();
        var attempts = new List<RefutationAttempt>();
        if (sigma.IsAbstract) throw new InputException($"--activation '{sigma.Text}': refute needs a concrete σ, not an abstract function.");
        foreach (var variant in new[] { OnePointVariant.Stationary, OnePointVariant.Reflect }.Where(v => Use(v == OnePointVariant.Stationary ? "stationary" : "reflect")))
        {
            string name = $"one-point ({(variant == OnePointVariant.Stationary ? "stationary: θ* = θ₀" : "reflect: θ* = (w₀, −a₀)")})";
            var image = g.GradientAtImage(OnePointRefutation.Sign(variant));
            var tests = image.Select(Simplifier.ZeroTest).ToList();
            string at = variant == OnePointVariant.Stationary ? "θ₀" : "(w₀, −a₀)";
            if (tests.All(t => t == ZeroTestResult.Zero))
            {
                attempts.Add(new(name, $"∇_θG vanishes at θ = {at} for every θ₀ (exact zero test of each component), so Lemma 5.2 gives no contradiction there."));
                continue;
            }
            IReadOnlyList<SmtCheck> hypotheses = [];
            if (variant == OnePointVariant.Reflect)
            {
                hypotheses = OnePointRefutation.ReflectHypotheses(sigma);
                var open = hypotheses.FirstOrDefault(h => h.Answer != SmtVerdict.Proved);
                if (open is not null || hypotheses.Count < 3)
                {
                    attempts.Add(new(name, $"not applicable: {open?.Label ?? "a hypothesis"} was not proved ({open?.Explanation ?? "not reached"}); Lemma 6.2 needs σ > 0, σ′ > 0 and the range condition."));
                    continue;
                }
            }
            int tried = 0;
            foreach (var (w0, a0) in Theta0Candidates(g.Dimension))
            {
                if (clock.Elapsed > budget) { attempts.Add(new(name, $"budget of {budget.TotalSeconds:0.#} s spent after {tried} θ₀.")); return new(null, attempts); }
                tried++;
                var box0 = new Dictionary<string, Interval>();
                for (int i = 0; i < g.Dimension; i++) box0[g.Theta0[i]] = new Evidence.ExactInterval(w0[i], w0[i]).ToInterval();
                box0["a0"] = new Evidence.ExactInterval(a0, a0).ToInterval();
                if (!image.Any(c => OnePointRefutation.NonzeroOutcome(IntervalEvaluator.Evaluate(c, box0)) == FactOutcome.Proves)) continue;
                foreach (var (x1, x2) in InputPairs(g.Dimension))
                {
                    IReadOnlyList<(IReadOnlyList<Rational>, Expr)> data =
                        [(x1, OnePointRefutation.Label(sigma, variant, w0, a0, x1)), (x2, OnePointRefutation.Label(sigma, variant, w0, a0, x2))];
                    var facts = OnePointRefutation.Certify(sigma, g, variant, w0, a0, data, hypotheses);
                    if (VerdictRule.Decide(facts) == Verdict.Proved)
                    {
                        attempts.Add(new(name, $"certificate at θ₀ = ({string.Join(", ", w0)}; {a0}) with inputs x₁ = ({string.Join(", ", x1)}), x₂ = ({string.Join(", ", x2)})."));
                        return new(new OnePointCertificate(variant, w0, a0, data, facts), attempts);
                    }
                }
            }
            attempts.Add(new(name, $"no certificate: at none of the {tried} candidate θ₀ were a nonzero component of ∇_θG at {at}, independent normals and the exact limit certified together."));
        }
        if (Use("two-point") && TwoPointRefutation.Search(sigma, g, clock, budget, attempts) is { } two) return new(null, attempts) { TwoPoint = two };
        if (Use("direct") && DirectRefutation.Search(sigma, g, clock, budget, attempts) is { } direct) return new(null, attempts) { Direct = direct };
        return new(null, attempts);
    }

    /// <summary>θ₀ candidates, in order: simple rationals with a₀ ≠ 0, components varied so that generic G are nonzero.</summary>
    public static IEnumerable<(IReadOnlyList<Rational> W0, Rational A0)> Theta0Candidates(int d)
    {
        IReadOnlyList<Rational> Vec(Func<int, Rational> f) => Enumerable.Range(0, d).Select(f).ToList();
        yield return (Vec(i => new Rational(1, 2)), 1);
        yield return (Vec(i => new Rational(i + 1, 3)), new Rational(3, 2));
        yield return (Vec(_ => 0), 1);
        yield return (Vec(i => -1), -2);
        yield return (Vec(i => i % 2 == 0 ? 1 : -1), new Rational(1, 2));
        yield return (Vec(i => new Rational(2 + i, 5)), -1);
        yield return (Vec(i => 2), 3);
        yield return (Vec(i => new Rational(-1, 3 + i)), new Rational(-3, 4));
    }

    /// <summary>Input pairs, in order, from (1, …, 1) + e_k, −(1, …, 1), alternating signs and (1, 2, …, d).</summary>
    public static IEnumerable<(IReadOnlyList<Rational>, IReadOnlyList<Rational>)> InputPairs(int d)
    {
        var inputs = Inputs(d);
        for (int i = 0; i < inputs.Count; i++)
            for (int j = i + 1; j < inputs.Count; j++)
                if (!inputs[i].SequenceEqual(inputs[j])) yield return (inputs[i], inputs[j]);
    }

    /// <summary>The inputs, in order: (1, …, 1) + e_k, −(1, …, 1), alternating signs, (1, 2, …, d).</summary>
    public static IReadOnlyList<IReadOnlyList<Rational>> Inputs(int d)
    {
        var inputs = new List<IReadOnlyList<Rational>>();
        for (int k = 0; k < d; k++) inputs.Add(Enumerable.Range(0, d).Select(i => (Rational)(i == k ? 2 : 1)).ToList());
        inputs.Add(Enumerable.Repeat((Rational)(-1), d).ToList());
        inputs.Add(Enumerable.Range(0, d).Select(i => (Rational)(i % 2 == 0 ? 1 : -1)).ToList());
        inputs.Add(Enumerable.Range(0, d).Select(i => (Rational)(i + 1)).ToList());
        return inputs.Where((x, i) => inputs.FindIndex(y => y.SequenceEqual(x)) == i).ToList();
    }
}
