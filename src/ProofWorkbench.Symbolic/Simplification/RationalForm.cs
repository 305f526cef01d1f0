using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Symbolic.Simplification;

/// <summary>
/// The factored rational normal form: c · Π P_i^{m_i}, with P_i normalized polynomials over ℚ in
/// <em>kernels</em> (symbols, exp of monomials, and opaque terms such as log(1 + e^u) or σ′(u)) and
/// integer multiplicities m_i of either sign. Sums are formed over the common factors, so equal
/// factors cancel exactly; the activations are expanded into exp/log first.
/// <para>Soundness: the value is zero iff the expanded numerator is the zero polynomial in the kernels
/// treated as independent variables. A zero polynomial is zero for every value of the kernels, so a
/// "zero" answer is always right. A nonzero polynomial proves a nonzero function only when the kernels
/// are algebraically independent, which holds for symbols and exponentials of distinct nonconstant
/// monomials (Ax–Lindemann); see <see cref="Simplifier.ZeroTest"/>.</para>
/// </summary>
internal sealed class RationalForm
{
    public Rational Coefficient { get; }
    public IReadOnlyDictionary<Polynomial, int> Factors { get; }

    private RationalForm(Rational coefficient, Dictionary<Polynomial, int> factors)
    {
        Coefficient = coefficient;
        Factors = coefficient.IsZero ? new Dictionary<Polynomial, int>() : factors;
    }

    public bool IsZero => Coefficient.IsZero;

    public static RationalForm Constant(Rational c) => new(c, []);

    public static RationalForm OfPolynomial(Polynomial p)
    {
        if (p.IsZero) return Constant(Rational.Zero);
        var content = p.Content();
        var rest = p.DivideByMonomial(content);
        var factors = new Dictionary<Polynomial, int>();
        foreach (var (k, e) in content.Powers) factors[Polynomial.Kernel(k)] = e;
        if (rest.Terms.Count == 1) return new(rest.Terms.Values.First(), factors); // rest is a constant
        var lead = rest.Terms.Keys.OrderByDescending(m => m.Degree).ThenBy(m => m, MonomialOrder.Instance).First();
        var c = rest.Terms[lead];
        factors[rest.Scale(Rational.One / c)] = 1;
        return new(c, factors);
    }

    public RationalForm Times(RationalForm other)
    {
        if (IsZero || other.IsZero) return Constant(Rational.Zero);
        var f = new Dictionary<Polynomial, int>(Factors);
        foreach (var (p, m) in other.Factors)
        {
            int s = f.GetValueOrDefault(p) + m;
            if (s == 0) f.Remove(p); else f[p] = s;
        }
        return new(Coefficient * other.Coefficient, f);
    }

    public RationalForm Power(int n)
    {
        if (n == 0) return Constant(Rational.One);
        if (IsZero)
        {
            if (n < 0) throw new SymbolicException("Division by zero.");
            return this;
        }
        return new(Coefficient.Pow(n), Factors.ToDictionary(kv => kv.Key, kv => kv.Value * n));
    }

    public RationalForm Plus(RationalForm other, NormalizationBudget budget)
    {
        if (IsZero) return other;
        if (other.IsZero) return this;
        var common = new Dictionary<Polynomial, int>();
        foreach (var p in Factors.Keys.Union(other.Factors.Keys))
        {
            int m = Math.Min(Factors.GetValueOrDefault(p), other.Factors.GetValueOrDefault(p));
            if (m != 0) common[p] = m;
        }
        var sum = Expand(this, common, budget).Plus(Expand(other, common, budget));
        return new RationalForm(Rational.One, common).Times(OfPolynomial(sum));
    }

    private static Polynomial Expand(RationalForm r, Dictionary<Polynomial, int> common, NormalizationBudget budget)
    {
        var result = Polynomial.Constant(r.Coefficient);
        foreach (var (p, m) in r.Factors)
        {
            int k = m - common.GetValueOrDefault(p);
            if (k > 0) result = result.Times(p.Power(k, budget), budget);
        }
        foreach (var (p, m) in common)
            if (!r.Factors.ContainsKey(p) && -m > 0) result = result.Times(p.Power(-m, budget), budget);
        return result;
    }

    /// <summary>The numerator polynomial over the product of all denominator factors (for zero tests).</summary>
    public Expr ToExpr(KernelTable kernels)
    {
        var factors = new List<Expr> { Num(Coefficient) };
        foreach (var (p, m) in Factors.OrderBy(kv => kernels.PolynomialToExpr(kv.Key), ExprOrder.Comparer))
            factors.Add(Pow(kernels.PolynomialToExpr(p), Num(m)));
        return Mul(factors);
    }

    private sealed class MonomialOrder : IComparer<Monomial>
    {
        public static readonly MonomialOrder Instance = new();
        public int Compare(Monomial? x, Monomial? y)
        {
            var a = x!.Powers; var b = y!.Powers;
            for (int i = 0; i < Math.Min(a.Count, b.Count); i++)
            {
                int c = a[i].Kernel.CompareTo(b[i].Kernel);
                if (c != 0) return c;
                c = b[i].Exponent.CompareTo(a[i].Exponent);
                if (c != 0) return c;
            }
            return b.Count.CompareTo(a.Count);
        }
    }
}
