using ProofWorkbench.Symbolic;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Simplification;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.Blanc2020;

/// <summary>One data point's activation of one unit before and for small ε &gt; 0 after the perturbation.</summary>
/// <param name="Unit">The unit (1-based).</param>
/// <param name="X">The data point xⱼ.</param>
/// <param name="Before">aᵢxⱼ + bᵢ at θ.</param>
/// <param name="After">ãᵢ(ε)xⱼ + b̃ᵢ(ε), affine in ε.</param>
/// <param name="ActiveBefore">I_{aᵢxⱼ+bᵢ &gt; 0}.</param>
/// <param name="ActiveAfter">I_{ãᵢxⱼ+b̃ᵢ &gt; 0} on 0 &lt; ε &lt; ε₀.</param>
/// <param name="RegularizerChange">R̃ᵢⱼ − Rᵢⱼ on 0 &lt; ε &lt; ε₀ (unit i's (aᵢ, bᵢ, cᵢ)-part of ‖∇_θf(xⱼ)‖²), a polynomial in ε.</param>
public sealed record ReluActivation(int Unit, Rational X, Expr Before, Expr After, bool ActiveBefore, bool ActiveAfter, Expr RegularizerChange);

/// <summary>
/// A perturbation θ̃(ε) of a two-layer ReLU network on 1-D data, evaluated exactly (Blanc et al. 2020, Appendix B, proof of
/// Theorem 2). The perturbed parameters are given as expressions (as the paper prints them) in ε (<c>eps</c>), the pivot
/// <c>x0</c>, the original parameters (a1, b1, c1, …, a, b) and the perturbed ones (ta1, tb1, tc1, …, ta, tb; a parameter
/// not given is unchanged). With rational data and parameters and θ̃ affine in ε, every preactivation ãᵢxⱼ + b̃ᵢ is affine
/// in ε, so on 0 &lt; ε &lt; ε₀ (ε₀ the first ε at which one of them changes sign, capped by <c>epsMax</c>) the activation
/// pattern is fixed, f̃(xⱼ) is a polynomial in ε and so is R(θ̃(ε)): everything below is exact.
/// </summary>
public sealed class ReluPerturbation
{
    /// <summary>The symbol ε.</summary>
    public const string Epsilon = "eps";

    /// <summary>Evaluates the perturbation.</summary>
    /// <param name="network">The network.</param>
    /// <param name="theta">θ: every parameter's rational value.</param>
    /// <param name="data">The inputs x₁ &lt; … &lt; xₙ.</param>
    /// <param name="x0">The pivot x₀ of the perturbation.</param>
    /// <param name="perturbation">Perturbed parameter name (ta1, …) → its printed expression.</param>
    /// <param name="epsMax">An upper bound on ε (the perturbation is infinitesimal; the paper needs 0 &lt; ε &lt; 1).</param>
    public ReluPerturbation(ReluNetwork1D network, IReadOnlyDictionary<string, Rational> theta, IReadOnlyList<Rational> data,
        Rational x0, IReadOnlyDictionary<string, Expr> perturbation, Rational epsMax)
    {
        Network = network;
        Data = data;
        var originals = network.Parameters.ToDictionary(p => p, p => Num(theta[p]));
        var known = new Dictionary<string, Expr>(originals) { ["x0"] = Num(x0) };
        foreach (var key in perturbation.Keys)
            if (!key.StartsWith('t') || !network.Parameters.Contains(key[1..]))
                throw new InputException($"'{key}' is not a perturbed parameter: write t followed by one of {string.Join(", ", network.Parameters)}.");
        // θ̃(ε): resolve the printed expressions, which may use other perturbed parameters (ã₂ uses ã₁).
        var resolved = new Dictionary<string, Expr>();
        Expr Resolve(string p, HashSet<string> visiting)
        {
            if (resolved.TryGetValue(p, out var done)) return done;
            if (!perturbation.TryGetValue("t" + p, out var printed)) return resolved[p] = originals[p];
            if (!visiting.Add(p)) throw new InputException($"the perturbed parameter t{p} is defined in terms of itself.");
            var map = new Dictionary<string, Expr>(known);
            foreach (var s in printed.FreeSymbols())
            {
                if (s == Epsilon || known.ContainsKey(s)) continue;
                if (s.StartsWith('t') && network.Parameters.Contains(s[1..])) map[s] = Resolve(s[1..], visiting);
                else throw new InputException($"the perturbation of t{p} uses '{s}', which is neither eps, x0, a parameter nor a perturbed parameter.");
            }
            visiting.Remove(p);
            var value = Simplifier.Simplify(Substitution.Substitute(printed, map));
            if (value.FreeSymbols().Any(s => s != Epsilon))
                throw new InputException($"the perturbation of t{p} does not reduce to a function of eps.");
            if (Simplifier.ZeroTest(Differentiator.Derivative(value, Epsilon, 2)) != ZeroTestResult.Zero)
                throw new InputException($"the perturbation of t{p} is not affine in eps ({value}); the exact check needs affine perturbations (all of Appendix B's are).");
            return resolved[p] = value;
        }
        Perturbed = network.Parameters.ToDictionary(p => p, p => Resolve(p, []));

        // Preactivations before (rational) and after (affine in ε); ε₀ = the first sign change, capped by epsMax.
        var eps0 = epsMax;
        var pre = new Dictionary<(int, int), (Rational Before, Rational Slope)>();
        for (int i = 1; i <= network.Width; i++)
            for (int j = 0; j < data.Count; j++)
            {
                var u = Simplifier.Simplify(Substitution.Substitute(ReluNetwork1D.Preactivation(i), At(j, Perturbed)));
                var u0 = ReluNetwork1D.AsRational(Substitution.Substitute(u, Epsilon, Zero))!.Value;
                var u1 = ReluNetwork1D.AsRational(Substitution.Substitute(Differentiator.Derivative(u, Epsilon), Epsilon, Zero))!.Value;
                pre[(i, j)] = (u0, u1);
                if (u0.Sign != 0 && u1.Sign != 0 && u0.Sign != u1.Sign) { var root = -u0 / u1; if (root < eps0) eps0 = root; }
            }
        EpsilonMax = eps0;

        // The branch deciders: the sign of an argument u(θ, x) at data point j, before (ε = 0) and for 0 < ε < ε₀.
        Func<Expr, int> SignBefore(int j) => u => ReluNetwork1D.AsRational(Substitution.Substitute(u, At(j, originals)))!.Value.Sign;
        Func<Expr, int> SignAfter(int j) => u =>
        {
            var v = Simplifier.Simplify(Substitution.Substitute(u, At(j, Perturbed)));
            var v0 = ReluNetwork1D.AsRational(Substitution.Substitute(v, Epsilon, Zero))!.Value;
            return v0.Sign != 0 ? v0.Sign : ReluNetwork1D.AsRational(Substitution.Substitute(Differentiator.Derivative(v, Epsilon), Epsilon, Zero))!.Value.Sign;
        };
        Expr Before(Expr onBranch, int j) => Simplifier.Simplify(Substitution.Substitute(onBranch, At(j, originals)));
        Expr After(Expr onBranch, int j) => Simplifier.Simplify(Substitution.Substitute(onBranch, At(j, Perturbed)));

        var outputChanges = new List<Expr>();
        var activations = new List<ReluActivation>();
        Expr r0 = Zero, r1 = Zero;
        for (int j = 0; j < data.Count; j++)
        {
            var before = Before(ReluNetwork1D.OnBranch(network.Output, SignBefore(j)), j);
            var after = After(ReluNetwork1D.OnBranch(network.Output, SignAfter(j)), j);
            outputChanges.Add(Simplifier.Simplify(Sub(after, before)));
            r0 = Add(r0, Before(network.SquaredGradient(SignBefore(j)), j));
            r1 = Add(r1, After(network.SquaredGradient(SignAfter(j)), j));
            for (int i = 1; i <= network.Width; i++)
            {
                var idx = ReluNetwork1D.UnitParameterIndices(i);
                var change = Simplifier.Simplify(Sub(After(network.SquaredGradient(SignAfter(j), idx), j), Before(network.SquaredGradient(SignBefore(j), idx), j)));
                var (u0, u1) = pre[(i, j)];
                activations.Add(new ReluActivation(i, data[j], Num(u0), Simplifier.Simplify(Add(Num(u0), Mul(Num(u1), Sym(Epsilon)))),
                    u0.Sign > 0, u0.Sign > 0 || (u0.Sign == 0 && u1.Sign > 0), change));
            }
        }
        OutputChanges = outputChanges;
        Activations = activations;
        RegularizerBefore = ReluNetwork1D.AsRational(r0)!.Value;
        RegularizerChange = Simplifier.Simplify(Sub(r1, Num(RegularizerBefore)));
        FirstOrderChange = ReluNetwork1D.AsRational(Substitution.Substitute(Differentiator.Derivative(RegularizerChange, Epsilon), Epsilon, Zero))!.Value;
        JumpAtZero = ReluNetwork1D.AsRational(Substitution.Substitute(RegularizerChange, Epsilon, Zero))!.Value;

        Dictionary<string, Expr> At(int j, IReadOnlyDictionary<string, Expr> values) => new(values) { ["x"] = Num(data[j]) };
    }

    /// <summary>The network.</summary>
    public ReluNetwork1D Network { get; }
    /// <summary>The data inputs.</summary>
    public IReadOnlyList<Rational> Data { get; }
    /// <summary>θ̃(ε): every parameter (by its unperturbed name) as an affine function of ε.</summary>
    public IReadOnlyDictionary<string, Expr> Perturbed { get; }
    /// <summary>ε₀: on 0 &lt; ε &lt; ε₀ no preactivation at a data point changes sign.</summary>
    public Rational EpsilonMax { get; }
    /// <summary>f_θ̃(ε)(xⱼ) − f_θ(xⱼ) on 0 &lt; ε &lt; ε₀, per data point: polynomials in ε.</summary>
    public IReadOnlyList<Expr> OutputChanges { get; }
    /// <summary>Per unit and data point: the activations and R̃ᵢⱼ − Rᵢⱼ.</summary>
    public IReadOnlyList<ReluActivation> Activations { get; }
    /// <summary>R(θ).</summary>
    public Rational RegularizerBefore { get; }
    /// <summary>R(θ̃(ε)) − R(θ) on 0 &lt; ε &lt; ε₀: a polynomial in ε.</summary>
    public Expr RegularizerChange { get; }
    /// <summary>d/dε [R(θ̃(ε)) − R(θ)] at ε = 0⁺.</summary>
    public Rational FirstOrderChange { get; }
    /// <summary>lim_{ε→0⁺} R(θ̃(ε)) − R(θ): nonzero only when an indicator jumps (a kink leaving a data point).</summary>
    public Rational JumpAtZero { get; }
}
