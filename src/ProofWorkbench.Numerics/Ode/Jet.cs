namespace ProofWorkbench.Numerics.Ode;

/// <summary>
/// A truncated Taylor series (jet) x(s) = Σ_{k=0}^{p} x_k s^k of fixed order p, with arithmetic on the
/// coefficients by the standard recurrences of automatic differentiation (Griewank &amp; Walther,
/// <i>Evaluating Derivatives</i>, 2nd ed., Ch. 13, Table 13.1–13.2; Jorba &amp; Zou, <i>Experimental
/// Mathematics</i> 14 (2005), Sec. 2). Each operation costs O(p²) (O(p) for linear ones) and returns a
/// new jet; the coefficient of s^k of a result depends only on the coefficients 0..k of the operands.
/// Operands of different orders give a result of the smaller order. Jets are immutable once built
/// (operators never modify their operands).
/// </summary>
public sealed class Jet
{
    private readonly double[] c;

    /// <summary>A zero jet of the given order.</summary>
    /// <param name="order">Order p ≥ 0 (p + 1 coefficients).</param>
    public Jet(int order)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        c = new double[order + 1];
    }

    /// <summary>A jet with the given coefficients (copied); the order is length − 1.</summary>
    /// <param name="coefficients">x_0, x_1, …, x_p.</param>
    public Jet(ReadOnlySpan<double> coefficients)
    {
        if (coefficients.Length == 0) throw new ArgumentException("A jet needs at least one coefficient.", nameof(coefficients));
        c = coefficients.ToArray();
    }

    private Jet(double[] owned, bool _) => c = owned;

    /// <summary>Order p (the highest power kept).</summary>
    public int Order => c.Length - 1;

    /// <summary>The constant term x_0 (the value at s = 0).</summary>
    public double Value => c[0];

    /// <summary>The coefficient of s^k (0 ≤ k ≤ p).</summary>
    /// <param name="k">Power.</param>
    public double this[int k] => c[k];

    /// <summary>All coefficients x_0..x_p.</summary>
    public ReadOnlySpan<double> Coefficients => c;

    /// <summary>The constant v (higher coefficients 0).</summary>
    /// <param name="v">Value.</param>
    /// <param name="order">Order.</param>
    /// <returns>The jet v.</returns>
    public static Jet Constant(double v, int order)
    {
        var r = new double[order + 1];
        r[0] = v;
        return new Jet(r, true);
    }

    /// <summary>The independent variable v + s.</summary>
    /// <param name="v">Value at s = 0.</param>
    /// <param name="order">Order (≥ 1 for the s-term to be kept).</param>
    /// <returns>The jet v + s.</returns>
    public static Jet Variable(double v, int order)
    {
        var r = new double[order + 1];
        r[0] = v;
        if (order >= 1) r[1] = 1.0;
        return new Jet(r, true);
    }

    /// <summary>Evaluates the polynomial at s (Horner).</summary>
    /// <param name="s">Point.</param>
    /// <returns>Σ x_k s^k.</returns>
    public double Evaluate(double s)
    {
        double r = c[^1];
        for (int k = c.Length - 2; k >= 0; k--) r = r * s + c[k];
        return r;
    }

    /// <summary>The k-th derivative at s = 0, k!·x_k.</summary>
    /// <param name="k">Order of the derivative.</param>
    /// <returns>The derivative.</returns>
    public double Derivative(int k)
    {
        double f = 1;
        for (int i = 2; i <= k; i++) f *= i;
        return f * c[k];
    }

    /// <summary>The same jet truncated (or zero-padded) to another order.</summary>
    /// <param name="order">New order.</param>
    /// <returns>A new jet.</returns>
    public Jet WithOrder(int order)
    {
        var r = new double[order + 1];
        Array.Copy(c, r, Math.Min(c.Length, r.Length));
        return new Jet(r, true);
    }

    private static int Len(Jet a, Jet b) => Math.Min(a.c.Length, b.c.Length);

    /// <summary>Sum.</summary>
    public static Jet operator +(Jet a, Jet b)
    {
        int m = Len(a, b);
        var r = new double[m];
        for (int k = 0; k < m; k++) r[k] = a.c[k] + b.c[k];
        return new Jet(r, true);
    }

    /// <summary>Sum with a constant.</summary>
    public static Jet operator +(Jet a, double b)
    {
        var r = (double[])a.c.Clone();
        r[0] += b;
        return new Jet(r, true);
    }

    /// <summary>Sum with a constant.</summary>
    public static Jet operator +(double a, Jet b) => b + a;

    /// <summary>Difference.</summary>
    public static Jet operator -(Jet a, Jet b)
    {
        int m = Len(a, b);
        var r = new double[m];
        for (int k = 0; k < m; k++) r[k] = a.c[k] - b.c[k];
        return new Jet(r, true);
    }

    /// <summary>Difference with a constant.</summary>
    public static Jet operator -(Jet a, double b) => a + (-b);

    /// <summary>Constant minus jet.</summary>
    public static Jet operator -(double a, Jet b)
    {
        var r = new double[b.c.Length];
        for (int k = 0; k < r.Length; k++) r[k] = -b.c[k];
        r[0] += a;
        return new Jet(r, true);
    }

    /// <summary>Negation.</summary>
    public static Jet operator -(Jet a) => a * -1.0;

    /// <summary>Product: (ab)_k = Σ_{j=0}^{k} a_j b_{k−j}.</summary>
    public static Jet operator *(Jet a, Jet b)
    {
        int m = Len(a, b);
        var r = new double[m];
        for (int k = 0; k < m; k++)
        {
            double s = 0;
            for (int j = 0; j <= k; j++) s += a.c[j] * b.c[k - j];
            r[k] = s;
        }
        return new Jet(r, true);
    }

    /// <summary>Product with a constant.</summary>
    public static Jet operator *(Jet a, double b)
    {
        var r = new double[a.c.Length];
        for (int k = 0; k < r.Length; k++) r[k] = a.c[k] * b;
        return new Jet(r, true);
    }

    /// <summary>Product with a constant.</summary>
    public static Jet operator *(double a, Jet b) => b * a;

    /// <summary>Quotient: q_k = (a_k − Σ_{j=1}^{k} b_j q_{k−j}) / b_0.</summary>
    public static Jet operator /(Jet a, Jet b)
    {
        int m = Len(a, b);
        var q = new double[m];
        double b0 = b.c[0];
        for (int k = 0; k < m; k++)
        {
            double s = a.c[k];
            for (int j = 1; j <= k; j++) s -= b.c[j] * q[k - j];
            q[k] = s / b0;
        }
        return new Jet(q, true);
    }

    /// <summary>Quotient by a constant.</summary>
    public static Jet operator /(Jet a, double b) => a * (1.0 / b);

    /// <summary>Constant divided by a jet.</summary>
    public static Jet operator /(double a, Jet b) => Constant(a, b.Order) / b;

    /// <summary>Square (symmetric product, about half the work of a·a).</summary>
    /// <param name="a">Operand.</param>
    /// <returns>a².</returns>
    public static Jet Square(Jet a)
    {
        int m = a.c.Length;
        var r = new double[m];
        for (int k = 0; k < m; k++)
        {
            double s = 0;
            for (int j = 0; 2 * j < k; j++) s += a.c[j] * a.c[k - j];
            s *= 2;
            if (k % 2 == 0) s += a.c[k / 2] * a.c[k / 2];
            r[k] = s;
        }
        return new Jet(r, true);
    }

    /// <summary>Exponential: e_0 = exp(a_0), e_k = (1/k) Σ_{j=1}^{k} j a_j e_{k−j}.</summary>
    /// <param name="a">Operand.</param>
    /// <returns>exp(a).</returns>
    public static Jet Exp(Jet a)
    {
        int m = a.c.Length;
        var e = new double[m];
        e[0] = Math.Exp(a.c[0]);
        for (int k = 1; k < m; k++)
        {
            double s = 0;
            for (int j = 1; j <= k; j++) s += j * a.c[j] * e[k - j];
            e[k] = s / k;
        }
        return new Jet(e, true);
    }

    /// <summary>Natural logarithm: l_0 = log a_0, l_k = (a_k − (1/k) Σ_{j=1}^{k−1} j l_j a_{k−j}) / a_0.</summary>
    /// <param name="a">Operand (a_0 &gt; 0 for a real result).</param>
    /// <returns>log(a).</returns>
    public static Jet Log(Jet a)
    {
        int m = a.c.Length;
        var l = new double[m];
        double a0 = a.c[0];
        l[0] = Math.Log(a0);
        for (int k = 1; k < m; k++)
        {
            double s = 0;
            for (int j = 1; j < k; j++) s += j * l[j] * a.c[k - j];
            l[k] = (a.c[k] - s / k) / a0;
        }
        return new Jet(l, true);
    }

    /// <summary>Square root: r_0 = √a_0, r_k = (a_k − Σ_{j=1}^{k−1} r_j r_{k−j}) / (2 r_0).</summary>
    /// <param name="a">Operand (a_0 &gt; 0 for finite higher coefficients).</param>
    /// <returns>√a.</returns>
    public static Jet Sqrt(Jet a)
    {
        int m = a.c.Length;
        var r = new double[m];
        r[0] = Math.Sqrt(a.c[0]);
        for (int k = 1; k < m; k++)
        {
            double s = 0;
            for (int j = 1; j < k; j++) s += r[j] * r[k - j];
            r[k] = (a.c[k] - s) / (2 * r[0]);
        }
        return new Jet(r, true);
    }

    /// <summary>Sine and cosine together: s_k = (1/k) Σ j a_j c_{k−j}, c_k = −(1/k) Σ j a_j s_{k−j}.</summary>
    /// <param name="a">Operand.</param>
    /// <returns>(sin a, cos a).</returns>
    public static (Jet Sin, Jet Cos) SinCos(Jet a)
    {
        int m = a.c.Length;
        var s = new double[m];
        var co = new double[m];
        (s[0], co[0]) = Math.SinCos(a.c[0]);
        for (int k = 1; k < m; k++)
        {
            double ss = 0, cc = 0;
            for (int j = 1; j <= k; j++)
            {
                double ja = j * a.c[j];
                ss += ja * co[k - j];
                cc += ja * s[k - j];
            }
            s[k] = ss / k;
            co[k] = -cc / k;
        }
        return (new Jet(s, true), new Jet(co, true));
    }

    /// <summary>Sine.</summary>
    /// <param name="a">Operand.</param>
    /// <returns>sin(a).</returns>
    public static Jet Sin(Jet a) => SinCos(a).Sin;

    /// <summary>Cosine.</summary>
    /// <param name="a">Operand.</param>
    /// <returns>cos(a).</returns>
    public static Jet Cos(Jet a) => SinCos(a).Cos;

    /// <summary>Hyperbolic tangent from t' = (1 − t²) a': with u = 1 − t², t_k = (1/k) Σ_{j=1}^{k} j a_j u_{k−j}.</summary>
    /// <param name="a">Operand.</param>
    /// <returns>tanh(a).</returns>
    public static Jet Tanh(Jet a)
    {
        int m = a.c.Length;
        var t = new double[m];
        var u = new double[m];
        t[0] = Math.Tanh(a.c[0]);
        u[0] = 1.0 - t[0] * t[0];
        for (int k = 1; k < m; k++)
        {
            double s = 0;
            for (int j = 1; j <= k; j++) s += j * a.c[j] * u[k - j];
            t[k] = s / k;
            double sq = 0;
            for (int j = 0; j <= k; j++) sq += t[j] * t[k - j];
            u[k] = -sq;
        }
        return new Jet(t, true);
    }

    /// <summary>Arc tangent from (1 + a²) t' = a': t_k = (k a_k − Σ_{j=1}^{k−1} j t_j d_{k−j}) / (k d_0), d = 1 + a².</summary>
    /// <param name="a">Operand.</param>
    /// <returns>atan(a).</returns>
    public static Jet Atan(Jet a)
    {
        int m = a.c.Length;
        var d = Square(a).c;
        d[0] += 1.0;
        var t = new double[m];
        t[0] = Math.Atan(a.c[0]);
        for (int k = 1; k < m; k++)
        {
            double s = k * a.c[k];
            for (int j = 1; j < k; j++) s -= j * t[j] * d[k - j];
            t[k] = s / (k * d[0]);
        }
        return new Jet(t, true);
    }

    /// <summary>Real power a^r for a_0 ≠ 0: p_0 = a_0^r, p_k = (1/(k a_0)) Σ_{j=0}^{k−1} (r(k − j) − j) a_{k−j} p_j.
    /// For a_0 = 0 only non-negative integer r is defined (then computed by products); otherwise NaN.</summary>
    /// <param name="a">Base.</param>
    /// <param name="r">Exponent.</param>
    /// <returns>a^r.</returns>
    public static Jet Pow(Jet a, double r)
    {
        if (r == Math.Floor(r) && Math.Abs(r) <= int.MaxValue) return Pow(a, (int)r);
        return PowRecurrence(a, r);
    }

    private static Jet PowRecurrence(Jet a, double r)
    {
        int m = a.c.Length;
        var p = new double[m];
        double a0 = a.c[0];
        p[0] = Math.Pow(a0, r);
        for (int k = 1; k < m; k++)
        {
            double s = 0;
            for (int j = 0; j < k; j++) s += (r * (k - j) - j) * a.c[k - j] * p[j];
            p[k] = s / (k * a0);
        }
        return new Jet(p, true);
    }

    /// <summary>Integer power (exact products when a_0 = 0, the recurrence otherwise).</summary>
    /// <param name="a">Base.</param>
    /// <param name="n">Exponent.</param>
    /// <returns>a^n.</returns>
    public static Jet Pow(Jet a, int n)
    {
        if (n == 0) return Constant(1.0, a.Order);
        if (n == 1) return a.WithOrder(a.Order);
        if (n == 2) return Square(a);
        if (n < 0) return 1.0 / Pow(a, -n);
        if (a.c[0] != 0.0) return PowRecurrence(a, n);
        Jet result = Constant(1.0, a.Order), b = a;
        int e = n;
        while (e > 0)
        {
            if ((e & 1) != 0) result *= b;
            e >>= 1;
            if (e > 0) b = Square(b);
        }
        return result;
    }

    /// <inheritdoc />
    public override string ToString() => "Jet[" + string.Join(", ", c.Select(v => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture))) + "]";
}
