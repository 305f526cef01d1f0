using ProofWorkbench.Numerics.Ode;
using static ProofWorkbench.Numerics.Tests.TestProblems;

namespace ProofWorkbench.Numerics.Tests;

public class DenseOutputTests
{
    /// <summary>Max error of the dense output over 7 interior points of every step.</summary>
    private static double DenseError(IOdeMethod m, double h)
    {
        var s = OdeSolver.Solve(Oscillator(4.0), m, Fixed(h));
        double worst = 0;
        for (int i = 0; i + 1 < s.Times.Count; i++)
        {
            double a = s.Times[i], b = s.Times[i + 1];
            for (int k = 1; k <= 7; k++)
            {
                double t = a + (b - a) * k / 8.0;
                worst = Math.Max(worst, MaxAbs(s.Evaluate(t), OscillatorExact(t)));
            }
        }
        return worst;
    }

    [Fact]
    public void Dop853_dense_output_has_order_7()
    {
        // Interpolation error of an order-7 dense output is O(h^8) locally; the global error of the
        // order-8 method is smaller, so halving h divides the dense error by about 2^8 (at least 2^7).
        double e1 = DenseError(new Dop853(), 0.4), e2 = DenseError(new Dop853(), 0.2);
        double order = Math.Log2(e1 / e2);
        Assert.True(order > 6.8, $"observed dense order {order:F2} ({e1:E2} → {e2:E2})");
    }

    [Fact]
    public void Radau5_collocation_polynomial_has_order_3_between_steps()
    {
        double e1 = DenseError(new Radau5(), 0.2), e2 = DenseError(new Radau5(), 0.1);
        double order = Math.Log2(e1 / e2);
        Assert.True(order > 3.5, $"observed dense order {order:F2}"); // local error O(h^4) of the degree-3 polynomial
    }

    [Fact]
    public void Taylor_dense_output_is_the_series()
    {
        var s = OdeSolver.Solve(Oscillator(10.0), new TaylorMethod(), Tol(1e-14));
        for (double t = 0; t <= 10; t += 0.123)
            Assert.True(MaxAbs(s.Evaluate(t), OscillatorExact(t)) < 1e-12, $"t={t}");
    }

    [Fact]
    public void Adaptive_dense_output_is_accurate_between_steps()
    {
        foreach (var m in new IOdeMethod[] { new Dop853(), new Radau5(), new AutoSwitching() })
        {
            var s = OdeSolver.Solve(Oscillator(10.0), m, Tol(1e-12));
            double worst = 0;
            for (double t = 0; t <= 10; t += 0.0371) worst = Math.Max(worst, MaxAbs(s.Evaluate(t), OscillatorExact(t)));
            double bound = m is Radau5 ? 1e-8 : 1e-10;
            Assert.True(worst < bound, $"{m.Name}: {worst:E2}");
        }
    }

    [Fact]
    public void Evaluate_outside_the_range_is_a_programming_error()
    {
        var s = OdeSolver.Solve(Oscillator(1.0), new Dop853());
        Assert.Throws<ArgumentOutOfRangeException>(() => s.Evaluate(1.5));
        var noDense = OdeSolver.Solve(Oscillator(1.0), new Dop853(), new OdeOptions { DenseOutput = false });
        Assert.False(noDense.HasDenseOutput);
        Assert.Throws<InvalidOperationException>(() => noDense.Evaluate(0.5));
    }
}
