using ProofWorkbench.Numerics.Ode;

namespace ProofWorkbench.Numerics.Tests;

public class JetTests
{
    private const int P = 12;
    private static readonly Jet S = Jet.Variable(0.0, P); // the variable s

    private static void Coeffs(Jet j, Func<int, double> expected, double tol = 1e-13)
    {
        for (int k = 0; k <= j.Order; k++)
            Assert.True(Math.Abs(j[k] - expected(k)) <= tol * Math.Max(1, Math.Abs(expected(k))),
                $"coefficient {k}: {j[k]:R} vs {expected(k):R}");
    }

    private static double Fact(int k) { double f = 1; for (int i = 2; i <= k; i++) f *= i; return f; }

    [Fact]
    public void Exp_of_s_has_coefficients_one_over_k_factorial() => Coeffs(Jet.Exp(S), k => 1 / Fact(k));

    [Fact]
    public void Log_of_one_plus_s_is_alternating_harmonic() => Coeffs(Jet.Log(1.0 + S), k => k == 0 ? 0 : (k % 2 == 1 ? 1.0 : -1.0) / k);

    [Fact]
    public void Sin_and_cos_of_s() 
    {
        var (sn, cs) = Jet.SinCos(S);
        Coeffs(sn, k => k % 2 == 0 ? 0 : ((k / 2) % 2 == 0 ? 1 : -1) / Fact(k));
        Coeffs(cs, k => k % 2 == 1 ? 0 : ((k / 2) % 2 == 0 ? 1 : -1) / Fact(k));
    }

    [Fact]
    public void Division_gives_geometric_series() => Coeffs(1.0 / (1.0 - S), _ => 1.0);

    [Fact]
    public void Real_power_gives_binomial_series()
    {
        double r = 0.37;
        double Binom(int k) { double b = 1; for (int i = 0; i < k; i++) b *= (r - i) / (i + 1); return b; }
        Coeffs(Jet.Pow(1.0 + S, r), Binom);
        Coeffs(Jet.Sqrt(1.0 + S), k => { double b = 1; for (int i = 0; i < k; i++) b *= (0.5 - i) / (i + 1); return b; });
    }

    [Fact]
    public void Integer_power_of_a_jet_with_zero_constant_term() =>
        Coeffs(Jet.Pow(S, 3), k => k == 3 ? 1 : 0);

    [Fact]
    public void Negative_integer_power() => Coeffs(Jet.Pow(1.0 + S, -2), k => (k % 2 == 0 ? 1 : -1) * (k + 1.0));

    [Fact]
    public void Atan_of_s() => Coeffs(Jet.Atan(S), k => k % 2 == 0 ? 0 : ((k / 2) % 2 == 0 ? 1.0 : -1.0) / k);

    [Fact]
    public void Tanh_matches_its_exponential_formula()
    {
        var u = 0.3 + 0.7 * S + Jet.Square(S);
        var e2 = Jet.Exp(2.0 * u);
        var expected = (e2 - 1.0) / (e2 + 1.0);
        var t = Jet.Tanh(u);
        Coeffs(t, k => expected[k], 1e-12);
    }

    [Fact]
    public void Mixed_orders_truncate_to_the_smaller_order()
    {
        var a = Jet.Variable(1, 5);
        var b = Jet.Variable(2, 3);
        Assert.Equal(3, (a * b).Order);
        Assert.Equal(3, (a + b).Order);
    }

    [Fact]
    public void Evaluate_sums_the_series() => Assert.Equal(Math.Exp(0.1), Jet.Exp(Jet.Variable(0, 20)).Evaluate(0.1), 15);

    /// <summary>Deterministic random jets (seeded) for the identity checks below.</summary>
    private static IEnumerable<double[]> RandomJets(int seed, int count = 200)
    {
        var rng = new Random(seed);
        for (int n = 0; n < count; n++)
        {
            var c = new double[P + 1];
            for (int k = 0; k <= P; k++) c[k] = rng.NextDouble() * 4 - 2;
            yield return c;
        }
    }

    [Fact]
    public void Property_exp_log_roundtrip()
    {
        foreach (var c in RandomJets(1))
        {
            c[0] = Math.Abs(c[0]) + 0.5;
            var a = new Jet(c);
            var back = Jet.Exp(Jet.Log(a));
            for (int k = 0; k <= P; k++) Assert.True(Math.Abs(back[k] - a[k]) <= 1e-9 * Math.Pow(8, k), $"k={k}: {back[k]} vs {a[k]}");
        }
    }

    [Fact]
    public void Property_sin_squared_plus_cos_squared_is_one()
    {
        foreach (var c in RandomJets(2))
        {
            var (s, co) = Jet.SinCos(new Jet(c));
            var one = Jet.Square(s) + Jet.Square(co);
            Assert.Equal(1.0, one[0], 12);
            for (int k = 1; k <= P; k++) Assert.True(Math.Abs(one[k]) <= 1e-9 * Math.Pow(8, k), $"k={k}: {one[k]}");
        }
    }

    [Fact]
    public void Property_product_then_quotient_is_identity()
    {
        var other = RandomJets(4).GetEnumerator();
        foreach (var ca in RandomJets(3))
        {
            other.MoveNext();
            var cb = other.Current;
            cb[0] = Math.Abs(cb[0]) + 1.0;
            var a = new Jet(ca);
            var b = new Jet(cb);
            var q = a * b / b;
            for (int k = 0; k <= P; k++) Assert.True(Math.Abs(q[k] - a[k]) <= 1e-9 * Math.Pow(8, k), $"k={k}");
        }
    }

    [Fact]
    public void Sqrt_squared_and_power_identities()
    {
        foreach (var c in RandomJets(5, 50))
        {
            c[0] = Math.Abs(c[0]) + 0.5;
            var a = new Jet(c);
            var sq = Jet.Square(Jet.Sqrt(a));
            var p3 = Jet.Pow(a, 3) / (a * a * a);
            var pr = Jet.Pow(a, 2.5) / (Jet.Square(a) * Jet.Sqrt(a));
            for (int k = 0; k <= P; k++)
            {
                Assert.True(Math.Abs(sq[k] - a[k]) <= 1e-9 * Math.Pow(8, k), $"sqrt k={k}");
                Assert.True(Math.Abs(p3[k] - (k == 0 ? 1 : 0)) <= 1e-9 * Math.Pow(8, k), $"pow3 k={k}");
                Assert.True(Math.Abs(pr[k] - (k == 0 ? 1 : 0)) <= 1e-9 * Math.Pow(8, k), $"pow2.5 k={k}");
            }
        }
    }
}
