using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Symbolic.Simplification;

/// <summary>A monomial Π k_i^{e_i} over kernel indices, e_i ≥ 1, sorted by index.</summary>
internal sealed class Monomial : IEquatable<Monomial>
{
    public static readonly Monomial One = new([]);
    private readonly (int Kernel, int Exponent)[] powers;
    private readonly int hash;

    public Monomial((int Kernel, int Exponent)[] powers)
    {
        this.powers = powers;
        var h = new HashCode();
        foreach (var p in powers) h.Add(p);
        hash = h.ToHashCode();
    }

    public IReadOnlyList<(int Kernel, int Exponent)> Powers => powers;
    public int Degree => powers.Sum(p => p.Exponent);

    public static Monomial Of(int kernel, int exponent) => exponent == 0 ? One : new([(kernel, exponent)]);

    public Monomial Times(Monomial other)
    {
        var map = new SortedDictionary<int, int>();
        foreach (var (k, e) in powers) map[k] = e;
        foreach (var (k, e) in other.powers) map[k] = map.GetValueOrDefault(k) + e;
        return new Monomial(map.Where(kv => kv.Value != 0).Select(kv => (kv.Key, kv.Value)).ToArray());
    }

    public int ExponentOf(int kernel)
    {
        foreach (var (k, e) in powers) if (k == kernel) return e;
        return 0;
    }

    public Monomial DivideBy(Monomial other) =>
        new(powers.Select(p => (p.Kernel, p.Exponent - other.ExponentOf(p.Kernel))).Where(p => p.Item2 != 0).ToArray());

    public bool Equals(Monomial? other) => other is not null && other.hash == hash && other.powers.AsSpan().SequenceEqual(powers);
    public override bool Equals(object? obj) => obj is Monomial m && Equals(m);
    public override int GetHashCode() => hash;
}

/// <summary>A multivariate polynomial over ℚ in kernel indices (sparse: monomial → nonzero coefficient).</summary>
internal sealed class Polynomial : IEquatable<Polynomial>
{
    private readonly Dictionary<Monomial, Rational> terms;
    private int hash;

    public Polynomial(Dictionary<Monomial, Rational> terms) => this.terms = terms;

    public static Polynomial Constant(Rational c) =>
        new(c.IsZero ? [] : new Dictionary<Monomial, Rational> { [Monomial.One] = c });

    public static Polynomial Kernel(int index) => new(new() { [Monomial.Of(index, 1)] = Rational.One });

    public IReadOnlyDictionary<Monomial, Rational> Terms => terms;
    public bool IsZero => terms.Count == 0;

    public Polynomial Plus(Polynomial other)
    {
        var result = new Dictionary<Monomial, Rational>(terms);
        foreach (var (m, c) in other.terms)
        {
            var s = result.GetValueOrDefault(m) + c;
            if (s.IsZero) result.Remove(m); else result[m] = s;
        }
        return new Polynomial(result);
    }

    public Polynomial Times(Polynomial other, NormalizationBudget budget)
    {
        budget.Spend((long)terms.Count * other.terms.Count);
        var result = new Dictionary<Monomial, Rational>();
        foreach (var (m1, c1) in terms)
            foreach (var (m2, c2) in other.terms)
            {
                var m = m1.Times(m2);
                var s = result.GetValueOrDefault(m) + c1 * c2;
                if (s.IsZero) result.Remove(m); else result[m] = s;
            }
        return new Polynomial(result);
    }

    public Polynomial Scale(Rational c) =>
        c.IsZero ? new([]) : new(terms.ToDictionary(kv => kv.Key, kv => kv.Value * c));

    public Polynomial DivideByMonomial(Monomial m) => new(terms.ToDictionary(kv => kv.Key.DivideBy(m), kv => kv.Value));

    public Polynomial Power(int n, NormalizationBudget budget)
    {
        var result = Constant(Rational.One);
        for (int i = 0; i < n; i++) result = result.Times(this, budget);
        return result;
    }

    /// <summary>The largest monomial dividing every term.</summary>
    public Monomial Content()
    {
        Monomial? content = null;
        foreach (var m in terms.Keys)
        {
            if (content is null) { content = m; continue; }
            content = new Monomial(content.Powers
                .Select(p => (p.Kernel, Math.Min(p.Exponent, m.ExponentOf(p.Kernel))))
                .Where(p => p.Item2 > 0).ToArray());
        }
        return content ?? Monomial.One;
    }

    public bool Equals(Polynomial? other)
    {
        if (other is null || other.terms.Count != terms.Count) return false;
        foreach (var (m, c) in terms)
            if (!other.terms.TryGetValue(m, out var d) || d != c) return false;
        return true;
    }

    public override bool Equals(object? obj) => obj is Polynomial p && Equals(p);

    public override int GetHashCode()
    {
        if (hash != 0) return hash;
        int h = 0;
        foreach (var (m, c) in terms) h ^= HashCode.Combine(m, c); // order-independent
        return hash = h == 0 ? 1 : h;
    }
}

/// <summary>
/// The work allowed for one normalization (<see cref="KernelTable.Convert"/>): term products of polynomial
/// multiplication, at most <see cref="Limits.ExpressionLimits.MaxPolynomialProducts"/> in all. Exceeding it is a
/// <see cref="Expressions.SymbolicException"/>, so a huge input ends with a message instead of running for hours.
/// </summary>
internal sealed class NormalizationBudget
{
    private long spent;

    /// <summary>Records <paramref name="products"/> term products; throws when the budget is exceeded.</summary>
    public void Spend(long products)
    {
        spent += products;
        if (spent > Limits.ExpressionLimits.MaxPolynomialProducts)
            throw new Expressions.SymbolicException(
                $"the expression is too large to normalize exactly: multiplying it out needs more than {Limits.ExpressionLimits.MaxPolynomialProducts} term products (the engine's limit)");
    }
}
