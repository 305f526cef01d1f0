using ProofWorkbench.Numerics.Ode;
using static ProofWorkbench.Numerics.Tests.TestProblems;

namespace ProofWorkbench.Numerics.Tests;

public class AdaptiveTests
{
    public static TheoryData<string> MethodNames() => new() { "DOP853", "Radau5", "Taylor", "AutoSwitching" };

    private static IOdeMethod Make(string name) => name switch
    {
        "DOP853" => new Dop853(),
        "Radau5" => new Radau5(),
        "Taylor" => new TaylorMethod(),
        _ => new AutoSwitching(),
    };

    [Theory]
    [MemberData(nameof(MethodNames))]
    public void Error_follows_the_tolerance_on_problems_with_known_solutions(string method)
    {
        foreach (var tol in new[] { 1e-6, 1e-9, 1e-12 })
        {
            var m = Make(method);
            var s1 = OdeSolver.Solve(Riccati(10.0), m, Tol(tol));
            Assert.Equal(OdeStatus.Success, s1.Status);
            Assert.True(Math.Abs(s1.YFinal[0] - RiccatiExact(10.0)) < 100 * tol, $"{method} riccati tol={tol}: {Math.Abs(s1.YFinal[0] - RiccatiExact(10.0))}");
            var s2 = OdeSolver.Solve(Oscillator(10.0), m, Tol(tol));
            Assert.Equal(OdeStatus.Success, s2.Status);
            Assert.True(MaxAbs(s2.YFinal, OscillatorExact(10.0)) < 100 * tol, $"{method} oscillator tol={tol}: {MaxAbs(s2.YFinal, OscillatorExact(10.0))}");
            var s3 = OdeSolver.Solve(Linear(5.0), m, Tol(tol));
            Assert.True(Math.Abs(s3.YFinal[0] - LinearExact(5.0)) < 100 * tol, $"{method} linear tol={tol}");
        }
    }

    [Theory]
    [MemberData(nameof(MethodNames))]
    public void Exp_activation_flow_stays_on_the_parabola_of_eq_14(string method)
    {
        // Paper 000, eq. (14): along the exp-activation flow of one sample, w(t) = w0 + (a(t)² − a0²)/2 · x.
        var s = OdeSolver.Solve(ExpFlow(50.0), Make(method), Tol(1e-11));
        Assert.Equal(OdeStatus.Success, s.Status);
        double worst = 0;
        for (int i = 0; i < s.Times.Count; i++) worst = Math.Max(worst, ParabolaResidual(s.StateAt(i)));
        for (double t = 0; t <= 50; t += 0.37) worst = Math.Max(worst, ParabolaResidual(s.Evaluate(t)));
        Assert.True(worst < 1e-9, $"{method}: parabola residual {worst:E2}");
        // And the flow reaches a global minimum: a e^{w·x} = y.
        var th = s.YFinal;
        double u = th[0] * ExpX[0] + th[1] * ExpX[1] + th[2] * ExpX[2];
        Assert.True(Math.Abs(th[3] * Math.Exp(u) - ExpY) < 1e-8);
    }

    [Fact]
    public void Parabola_residual_detects_a_wrong_trajectory()
    {
        // Guard against a vacuous check: a perturbed state violates eq. (14).
        var s = OdeSolver.Solve(ExpFlow(5.0), new Dop853(), Tol(1e-10));
        var th = s.YFinal.ToArray();
        th[0] += 1e-6;
        Assert.True(ParabolaResidual(th) > 5e-7);
    }

    [Fact]
    public void Dop853_reproduces_Hairers_dop853_f_step_by_step()
    {
        // Golden values from Hairer's Fortran dop853.f through scipy 1.10.1 (bench/dop853_reference.py):
        // NFCN, NACCPT and y(tEnd) printed with repr (round trip). Identical step sequences give identical bits.
        var cases = new (string Problem, double Tol, long Nfcn, long Naccpt, double[] Y)[]
        {
            ("sigmoid_x1", 1e-6, 228, 17, [0.0824641687399064, 1.9208444353276588]),
            ("sigmoid_x1", 1e-13, 889, 73, [0.0824640984329657, 1.9208444970237994]),
            ("sigmoid_x12.307", 1e-10, 492, 39, [0.9215436264956001, 1.4000166189568553]),
            ("exp_d3", 1e-6, 369, 26, [0.2633945243699361, -0.09107031708670929, 0.24553515854335464, 1.1572799892537982]),
            ("exp_d3", 1e-13, 850, 67, [0.263393989045487, -0.09107067396967536, 0.24553533698483768, 1.1572783849633184]),
            ("stiff_sigmoid_x25", 1e-10, 504, 40, [0.20714151212245588, 0.905072617508886]),
        };
        foreach (var c in cases)
        {
            var bp = Benchmarks.BenchmarkProblems.All.Single(p => p.Name == c.Problem);
            var s = OdeSolver.Solve(bp.ToOdeProblem(), new Dop853(), Tol(c.Tol) with { DenseOutput = false });
            Assert.Equal(c.Nfcn, s.Statistics.RhsEvaluations);
            Assert.Equal(c.Naccpt, s.Statistics.AcceptedSteps);
            Assert.True(MaxAbs(s.YFinal, c.Y) <= 1e-15, $"{c.Problem} {c.Tol}: {MaxAbs(s.YFinal, c.Y):E2}");
        }
    }

    [Fact]
    public void Taylor_method_chooses_its_order_from_the_tolerance()
    {
        var it = new OdeIntegrator(Oscillator(10.0), new TaylorMethod(), Tol(1e-16));
        it.Step();
        Assert.Equal(TaylorMethod.OrderForTolerance(1e-16), ((TaylorStepper)it.Stepper).LastOrder);
        Assert.Equal(20, TaylorMethod.OrderForTolerance(1e-16));
        var loose = new OdeIntegrator(Oscillator(10.0), new TaylorMethod(), Tol(1e-4));
        loose.Step();
        Assert.Equal(10, ((TaylorStepper)loose.Stepper).LastOrder); // clamped to MinOrder
    }

    [Fact]
    public void Backward_integration_works()
    {
        var p = new OdeProblem((t, y, d) => d[0] = -y[0] * y[0], 2.0, [1.0 / 3.0], 0.0);
        foreach (var m in new IOdeMethod[] { new Dop853(), new Radau5() })
        {
            var s = OdeSolver.Solve(p, m, Tol(1e-10));
            Assert.Equal(OdeStatus.Success, s.Status);
            Assert.Equal(0.0, s.TFinal);
            Assert.True(Math.Abs(s.YFinal[0] - 1.0) < 1e-8, $"{m.Name}: {s.YFinal[0]}");
            Assert.True(Math.Abs(s.Evaluate(1.0)[0] - 0.5) < 1e-7, $"{m.Name} dense");
        }
    }
}
