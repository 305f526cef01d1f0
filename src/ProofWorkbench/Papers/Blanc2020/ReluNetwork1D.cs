using ProofWorkbench.Symbolic;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Simplification;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.Blanc2020;

/// <summary>
/// The two-layer ReLU network on 1-D data of Blanc, Gupta, Valiant &amp; Valiant (COLT 2020), Appendix B:
/// f_θ(x) = Σᵢ cᵢσ(aᵢx + bᵢ) + ax + b, σ = ReLU, θ = ({aᵢ}, {bᵢ}, {cᵢ}, a, b) (parameters named a1, b1, c1, …, a, b),
/// and its implicit regularizer R(θ) = Σⱼ ‖∇_θ f_θ(xⱼ)‖² (eq. (16); Appendix B sums over the data without eq. (1)'s 1/n).
/// The gradient is derived symbolically (σ′ = heaviside); it is evaluated with Theorem 2's convention that the
/// derivative of a ReLU at its kink is 0, i.e. σ′(u) = I_{u&gt;0} (the engine's heaviside has H(0) = 1, paper 002's
/// convention, so the kink is decided here, before any number reaches a heaviside).
/// </summary>
public sealed class ReluNetwork1D
{
    /// <summary>The network of <paramref name="width"/> ReLU units plus the linear and bias units.</summary>
    public ReluNetwork1D(int width)
    {
        if (width < 1) throw new InputException("a ReLU network needs at least one unit.");
        Width = width;
        var names = new List<string>();
        var terms = new List<Expr>();
        for (int i = 1; i <= width; i++)
        {
            names.AddRange([$"a{i}", $"b{i}", $"c{i}"]);
            terms.Add(Mul(Sym($"c{i}"), Call(KnownFunctions.Relu, Add(Mul(Sym($"a{i}"), X), Sym($"b{i}")))));
        }
        names.AddRange(["a", "b"]);
        terms.Add(Mul(Sym("a"), X));
        terms.Add(Sym("b"));
        Parameters = names;
        Output = Add(terms);
        Gradient = Differentiator.Gradient(Output, names);
    }

    /// <summary>The input symbol x.</summary>
    public static readonly Expr X = Sym("x");

    /// <summary>The number of ReLU units.</summary>
    public int Width { get; }
    /// <summary>θ's names: a1, b1, c1, …, a, b.</summary>
    public IReadOnlyList<string> Parameters { get; }
    /// <summary>f_θ(x).</summary>
    public Expr Output { get; }
    /// <summary>∇_θ f_θ(x), derived (σ′ = heaviside; see <see cref="OnBranch"/> for the kink).</summary>
    public IReadOnlyList<Expr> Gradient { get; }

    /// <summary>The preactivation aᵢx + bᵢ of unit <paramref name="unit"/> (1-based).</summary>
    public static Expr Preactivation(int unit) => Add(Mul(Sym($"a{unit}"), X), Sym($"b{unit}"));

    /// <summary>The indices into <see cref="Parameters"/> of unit <paramref name="unit"/>'s (aᵢ, bᵢ, cᵢ).</summary>
    public static IReadOnlyList<int> UnitParameterIndices(int unit) => [3 * (unit - 1), 3 * (unit - 1) + 1, 3 * (unit - 1) + 2];

    /// <summary>
    /// Removes every relu and heaviside from <paramref name="e"/> on a fixed activation pattern: <paramref name="sign"/>
    /// gives the sign of an argument u (an expression in θ and x); relu(u) becomes u when it is positive and 0 otherwise,
    /// heaviside(u) becomes 1 when u is positive and 0 otherwise — the derivative of a ReLU at its kink is 0 (Theorem 2's
    /// proviso). Arguments are still symbolic when decided, so no heaviside(0) is ever folded to 1.
    /// </summary>
    public static Expr OnBranch(Expr e, Func<Expr, int> sign) => e.Map(n => n switch
    {
        FunctionCall { Function.Name: "relu" } f => sign(f.Argument) > 0 ? f.Argument : Zero,
        FunctionCall { Function.Name: "heaviside" } f => sign(f.Argument) > 0 ? One : Zero,
        FunctionCall { Function.Name: "max" or "abs" or "sign" } f => throw new InvalidOperationException($"unexpected {f.Function.Name} in a ReLU network"),
        _ => n,
    });

    /// <summary>R's contribution Σ over θ of (∂f/∂θ)² at the data point, on a branch (see <see cref="OnBranch"/>), for
    /// the parameter indices <paramref name="indices"/> (all when null).</summary>
    public Expr SquaredGradient(Func<Expr, int> sign, IEnumerable<int>? indices = null) =>
        Add((indices ?? Enumerable.Range(0, Parameters.Count)).Select(k => Pow(OnBranch(Gradient[k], sign), Num(2))));

    /// <summary>The value of an expression that simplifies to a rational number, else null.</summary>
    public static Rational? AsRational(Expr e) => Simplifier.Simplify(e) is Number n ? n.Value : null;
}
