namespace ProofWorkbench.Symbolic.Intervals;

/// <summary>
/// A truncated Taylor series with interval coefficients, x(s) = Σ_{k=0}^{p} x_k s^k, for validated numerics. When the
/// independent variable's jet is (X, 1, 0, …) with X an interval, each coefficient of the jet of f encloses
/// f^(k)(ξ)/k! for every ξ ∈ X: the recurrences below (Griewank &amp; Walther, <i>Evaluating Derivatives</i>, 2nd ed.,
/// Ch. 13, Tables 13.1–13.2; Moore, Kearfott &amp; Cloud, <i>Introduction to Interval Analysis</i>, Ch. 9) hold at every
/// point ξ, and interval arithmetic with outward rounding encloses their value at every ξ at once. So the coefficient of
/// order n over a subinterval bounds the Lagrange remainder of the Taylor expansion there, which is what
/// <see cref="ValidatedQuadrature"/> needs. Immutable.
/// </summary>
public sealed class IntervalJet
{
    private readonly Interval[] c;

    private IntervalJet(Interval[] owned) => c = owned;

    /// <summary>Order p (p + 1 coefficients).</summary>
    public int Order => c.Length - 1;

    /// <summary>The coefficient of s^k: an enclosure of f^(k)(ξ)/k!.</summary>
    public Interval this[int k] => c[k];

    /// <summary>The constant term: an enclosure of f(ξ).</summary>
    public Interval Value => c[0];

    /// <summary>The constant jet (v, 0, …, 0).</summary>
    public static IntervalJet Constant(Interval v, int order)
    {
        var r = new Interval[order + 1];
        Array.Fill(r, Interval.Point(0));
        r[0] = v;
        return new IntervalJet(r);
    }

    /// <summary>The independent variable (x, 1, 0, …, 0).</summary>
    public static IntervalJet Variable(Interval x, int order)
    {
        var r = Constant(x, order).c;
        if (order >= 1) r[1] = Interval.Point(1);
        return new IntervalJet(r);
    }

    /// <summary>The jet with these coefficients (copied).</summary>
    public static IntervalJet FromCoefficients(IReadOnlyList<Interval> coefficients) => new(coefficients.ToArray());

    private static IntervalJet Build(int order, Func<int, Interval[], Interval> coefficient)
    {
        var r = new Interval[order + 1];
        for (int k = 0; k <= order; k++) r[k] = coefficient(k, r);
        return new IntervalJet(r);
    }

    private static int Min(IntervalJet a, IntervalJet b) => Math.Min(a.Order, b.Order);

    /// <summary>Sum.</summary>
    public static IntervalJet operator +(IntervalJet a, IntervalJet b) => Build(Min(a, b), (k, _) => a.c[k] + b.c[k]);
    /// <summary>Difference.</summary>
    public static IntervalJet operator -(IntervalJet a, IntervalJet b) => Build(Min(a, b), (k, _) => a.c[k] - b.c[k]);
    /// <summary>Negation.</summary>
    public static IntervalJet operator -(IntervalJet a) => Build(a.Order, (k, _) => -a.c[k]);

    /// <summary>Product (Cauchy product of the coefficients).</summary>
    public static IntervalJet operator *(IntervalJet a, IntervalJet b) => Build(Min(a, b), (k, _) =>
    {
        var s = Interval.Point(0);
        for (int j = 0; j <= k; j++) s += a.c[j] * b.c[k - j];
        return s;
    });

    /// <summary>Quotient q = a/b: q_k = (a_k − Σ_{j&lt;k} q_j b_{k−j}) / b_0; every coefficient is the whole line when 0 ∈ b_0.</summary>
    public static IntervalJet operator /(IntervalJet a, IntervalJet b) => Build(Min(a, b), (k, q) =>
    {
        var s = a.c[k];
        for (int j = 0; j < k; j++) s -= q[j] * b.c[k - j];
        return s / b.c[0];
    });

    /// <summary>x^n for an integer n (repeated multiplication; a reciprocal for n &lt; 0).</summary>
    public IntervalJet Pow(int n)
    {
        if (n == 0) return Constant(Interval.Point(1), Order);
        if (n < 0) return Constant(Interval.Point(1), Order) / Pow(-n);
        IntervalJet result = Constant(Interval.Point(1), Order), power = this;
        for (int m = n; m > 0; m >>= 1)
        {
            if ((m & 1) == 1) result *= power;
            if (m > 1) power *= power;
        }
        return result;
    }

    /// <summary>
    /// x^p for a real p with x_0 &gt; 0: y_0 = x_0^p, y_k = Σ_{j&lt;k} (p(k − j) − j) x_{k−j} y_j / (k x_0)
    /// (from x·y′ = p·x′·y).
    /// </summary>
    public IntervalJet RealPow(Interval p)
    {
        var x0 = c[0];
        return Build(Order, (k, y) =>
        {
            if (k == 0) return x0.Lo <= 0 ? Interval.Entire : IntervalFunctions.Exp(p * IntervalFunctions.Log(x0));
            var s = Interval.Point(0);
            for (int j = 0; j < k; j++) s += (p * Interval.Point(k - j) - Interval.Point(j)) * c[k - j] * y[j];
            return s / (Interval.Point(k) * x0);
        });
    }

    /// <summary>exp: e_0 = exp x_0, e_k = Σ_{j=1}^{k} j x_j e_{k−j} / k (from e′ = x′e).</summary>
    public IntervalJet Exp() => Build(Order, (k, e) =>
    {
        if (k == 0) return IntervalFunctions.Exp(c[0]);
        var s = Interval.Point(0);
        for (int j = 1; j <= k; j++) s += Interval.Point(j) * c[j] * e[k - j];
        return s / Interval.Point(k);
    });

    /// <summary>log (x_0 &gt; 0): l_k = (x_k − Σ_{j=1}^{k−1} j l_j x_{k−j} / k) / x_0 (from x·l′ = x′).</summary>
    public IntervalJet Log() => Build(Order, (k, l) =>
    {
        if (k == 0) return IntervalFunctions.Log(c[0]);
        var s = Interval.Point(0);
        for (int j = 1; j < k; j++) s += Interval.Point(j) * l[j] * c[k - j];
        return (c[k] - s / Interval.Point(k)) / c[0];
    });

    /// <summary>
    /// The jet of F(x) from F′(x) = g: F_k = Σ_{j=1}^{k} j x_j g_{k−j} / k, where <paramref name="derivative"/> builds
    /// the jet of g from the coefficients of F known so far (F_0..F_{k−1}; g_{k−1} may use only those).
    /// This is the rule for functions that satisfy a differential equation (sigmoid, tanh, …).
    /// </summary>
    public IntervalJet Integrate(Interval value, Func<IntervalJet, IntervalJet> derivative)
    {
        var f = new Interval[Order + 1];
        Array.Fill(f, Interval.Point(0));
        f[0] = value;
        for (int k = 1; k <= Order; k++)
        {
            // g = F′∘x depends on F_0..F_{k−1} for its coefficient k − 1 (F_k is still 0 here and does not enter it).
            var g = derivative(new IntervalJet((Interval[])f.Clone()));
            var s = Interval.Point(0);
            for (int j = 1; j <= k; j++) s += Interval.Point(j) * c[j] * g.c[k - j];
            f[k] = s / Interval.Point(k);
        }
        return new IntervalJet(f);
    }

    /// <summary>Evaluates Σ x_k s^k in interval arithmetic (Horner).</summary>
    public Interval Evaluate(Interval s)
    {
        var r = c[^1];
        for (int k = c.Length - 2; k >= 0; k--) r = r * s + c[k];
        return r;
    }
}
