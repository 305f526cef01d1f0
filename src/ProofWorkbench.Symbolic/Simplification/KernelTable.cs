using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Symbolic.Simplification;

/// <summary>
/// Converts expressions to <see cref="RationalForm"/> over a table of kernels, and back.
/// A kernel is a symbol, π, exp(m) for a monomial m with integer multiples collected
/// (exp(−2u) = exp(u)^−2), or any other non-rational subterm with its arguments normalized.
/// </summary>
internal sealed class KernelTable
{
    private readonly List<Expr> kernels = [];
    private readonly Dictionary<Expr, int> index = [];
    // Per monomial m: the gcd g of every coefficient c in an exp(c·m) of the expression, so that all of them
    // become integer powers of the one kernel exp(g·m). Filled by a first pass (see Convert).
    private readonly Dictionary<Expr, Rational> expDenominators;
    private readonly bool recording;
    private readonly NormalizationBudget budget;
    // Per symbol u: the lcm L of the denominators of fractional powers u^(p/q) in the expression. Then u = (u^(1/L))^L
    // and u^(p/q) = (u^(1/L))^(pL/q) are integer powers of one kernel, so √u·√u = u cancels (valid where u ≥ 0,
    // the domain of the real fractional powers). Filled by the first pass, like the exp coefficients.
    private readonly Dictionary<string, System.Numerics.BigInteger> rootDenominators = new(StringComparer.Ordinal);

    private KernelTable(Dictionary<Expr, Rational> denominators, bool recording, NormalizationBudget budget)
    {
        this.budget = budget;
        expDenominators = denominators;
        this.recording = recording;
    }

    /// <summary>Converts <paramref name="e"/> in two passes: one to learn the exp denominators, one to convert.</summary>
    public static (KernelTable Table, RationalForm Form) Convert(Expr e)
    {
        var budget = new NormalizationBudget();
        var scan = new KernelTable([], recording: true, budget);
        scan.From(e);
        var table = new KernelTable(scan.expDenominators, recording: false, budget);
        foreach (var (name, l) in scan.rootDenominators) table.rootDenominators[name] = l;
        return (table, table.From(e));
    }

    public IReadOnlyList<Expr> Kernels => kernels;

    private int KernelIndex(Expr k)
    {
        if (index.TryGetValue(k, out var i)) return i;
        kernels.Add(k);
        return index[k] = kernels.Count - 1;
    }

    private RationalForm Kernel(Expr k) => RationalForm.OfPolynomial(Polynomial.Kernel(KernelIndex(k)));

    public Expr PolynomialToExpr(Polynomial p) =>
        Add(p.Terms.Select(t => Mul(t.Key.Powers.Select(q => Pow(kernels[q.Kernel], Num(q.Exponent))).Prepend(Num(t.Value)))));

    /// <summary>Expands activations (sigmoid, softplus, gaussian, tanh) into exp and log.</summary>
    public static Expr ExpandActivations(Expr e) =>
        e.Map(n => n is FunctionCall { Function.Expansion: { } expand } f ? ExpandActivations(expand(f.Arguments.ToArray())) : n);

    public RationalForm From(Expr e)
    {
        switch (e)
        {
            case Number n: return RationalForm.Constant(n.Value);
            case Symbol sym when rootDenominators.TryGetValue(sym.Name, out var l) && l > 1:
                return Kernel(Pow(e, Num(new Rational(1, l)))).Power((int)l);
            case Symbol or NamedConstant { Name: "pi" }: return Kernel(e);
            case Power { Base: Symbol b, Exponent: Number k } when !k.Value.IsInteger && k.Value.Denominator <= 64:
            {
                var l = rootDenominators.GetValueOrDefault(b.Name, System.Numerics.BigInteger.One);
                if (recording || l % k.Value.Denominator != 0)
                {
                    l = l / System.Numerics.BigInteger.GreatestCommonDivisor(l, k.Value.Denominator) * k.Value.Denominator;
                    rootDenominators[b.Name] = l;
                }
                var power = k.Value * new Rational(l);
                return Kernel(Pow(b, Num(new Rational(1, l)))).Power((int)power.Numerator);
            }
            case NamedConstant: return ExpOf(One);
            case Sum s:
            {
                var r = RationalForm.Constant(Rational.Zero);
                foreach (var t in s.Terms) r = r.Plus(From(t), budget);
                return r;
            }
            case Product p:
            {
                var r = RationalForm.Constant(Rational.One);
                foreach (var f in p.Factors) r = r.Times(From(f));
                return r;
            }
            case Power { Exponent: Number k } pw when k.Value.IsInteger:
                return From(pw.Base).Power((int)k.Value.Numerator);
            case Power { Exponent: Number k } pw:
            {
                var root = Pow(Normalize(pw.Base), Num(new Rational(1, k.Value.Denominator)));
                return root is Power ? Kernel(root).Power((int)k.Value.Numerator) : From(Pow(root, Num(k.Value.Numerator)));
            }
            case Power pw: return Kernel(Pow(Normalize(pw.Base), Normalize(pw.Exponent)));
            case FunctionCall { Function.Expansion: { } expand } f: return From(expand(f.Arguments.ToArray()));
            case FunctionCall { Function.Name: "exp" } f: return ExpOf(f.Argument);
            case FunctionCall f: return Kernel(Call(f.Function, f.Arguments.Select(Normalize).ToArray()));
            case AbstractCall a: return Kernel(new AbstractCall(a.Name, a.Order, Normalize(a.Argument)));
            default: return Kernel(e);
        }
    }

    private Expr Normalize(Expr e) => From(e).ToExpr(this);

    /// <summary>exp(Σ c_j m_j) = Π exp(m_j)^{c_j} for integer c_j; other exponents stay whole kernels.</summary>
    private RationalForm ExpOf(Expr argument)
    {
        var arg = From(argument);
        if (arg.IsZero) return RationalForm.Constant(Rational.One);
        if (arg.Factors.Values.Any(m => m < 0)) return Kernel(Call(KnownFunctions.Exp, arg.ToExpr(this)));
        var poly = Polynomial.Constant(arg.Coefficient);
        foreach (var (p, m) in arg.Factors) poly = poly.Times(p.Power(m, budget), budget);
        var result = RationalForm.Constant(Rational.One);
        foreach (var (mono, c) in poly.Terms)
        {
            var monomial = Mul(mono.Powers.Select(q => Pow(kernels[q.Kernel], Num(q.Exponent))));
            // exp(c·m) = exp(g·m)^(c/g) with g the gcd of all coefficients seen for m, so that exp(−u/3),
            // exp(2u/9) and exp(u) share the kernel exp(u/9), and exp(12.307w) stays one kernel.
            var g = expDenominators.GetValueOrDefault(monomial, c.Abs());
            if (recording || !(c / g).IsInteger)
            {
                g = Rational.Gcd(g, c);
                expDenominators[monomial] = g;
            }
            var power = c / g;
            var kernel = Call(KnownFunctions.Exp, Mul(Num(g), monomial));
            if (kernel is not FunctionCall { Function.Name: "exp" })
                result = result.Times(From(Pow(kernel, Num(power)))); // exp(log z) = z and the like
            else if (power.Numerator.GetBitLength() < 16)
                result = result.Times(Kernel(kernel).Power((int)power.Numerator));
            else
                result = result.Times(Kernel(Call(KnownFunctions.Exp, Mul(Num(c), monomial))));
        }
        return result;
    }
}
