using ProofWorkbench.Numerics.Benchmarks;
using ProofWorkbench.Numerics.Ode;
using static ProofWorkbench.Numerics.Tests.TestProblems;

namespace ProofWorkbench.Numerics.Tests;

public class StiffTests
{
    [Fact]
    public void Radau5_solves_Robertson_to_the_published_values()
    {
        // Hairer & Wanner II, Sec. IV.10: y(40) = (0.7158271, 0.9185535e-5, 0.2841637).
        var s = OdeSolver.Solve(Robertson(40.0), new Radau5(), new OdeOptions { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-12 });
        Assert.Equal(OdeStatus.Success, s.Status);
        Assert.True(Math.Abs(s.YFinal[0] - 0.7158271) < 2e-7, $"y1 = {s.YFinal[0]:R}");
        Assert.True(Math.Abs(s.YFinal[1] - 0.9185535e-5) < 2e-11, $"y2 = {s.YFinal[1]:R}");
        Assert.True(Math.Abs(s.YFinal[2] - 0.2841637) < 2e-7, $"y3 = {s.YFinal[2]:R}");
        Assert.True(s.Statistics.AcceptedSteps < 300, $"{s.Statistics}");
        Assert.True(s.Statistics.LuDecompositions > 0 && s.Statistics.JacobianEvaluations > 0);
    }

    [Fact]
    public void Van_der_Pol_mu_1000_Radau5_and_auto_switching_agree_and_DOP853_flags_stiffness()
    {
        var p = VanDerPol(1000.0, 3000.0);
        var opt = Tol(1e-7);
        var radau = OdeSolver.Solve(p, new Radau5(), opt);
        Assert.Equal(OdeStatus.Success, radau.Status);
        Assert.True(radau.Statistics.AcceptedSteps < 3000, radau.Statistics.ToString());
        var tight = OdeSolver.Solve(p, new Radau5(), Tol(1e-10));

        var auto = OdeSolver.Solve(p, new AutoSwitching(), opt);
        Assert.Equal(OdeStatus.Success, auto.Status);
        // Stiff on the slow branches, non-stiff across the fast jumps: it must switch there and back again.
        Assert.True(auto.Statistics.MethodSwitches >= 3, $"switches: {auto.Statistics.MethodSwitches}");
        Assert.True(auto.Statistics.RhsEvaluations < 20_000, auto.Statistics.ToString());
        Assert.NotNull(auto.StiffnessDetectedAt);
        Assert.True(Math.Abs(auto.YFinal[0] - tight.YFinal[0]) < 1e-4, $"auto {auto.YFinal[0]:R} vs radau {tight.YFinal[0]:R}");
        Assert.True(Math.Abs(radau.YFinal[0] - tight.YFinal[0]) < 1e-4);

        var dop = OdeSolver.Solve(p, new Dop853(), opt with { StopOnStiffness = true });
        Assert.Equal(OdeStatus.ProbablyStiff, dop.Status);
        Assert.Contains("stiff", dop.Message);
        Assert.NotNull(dop.StiffnessDetectedAt);
        // The explicit method would need far more work than the switching one for the same interval.
        Assert.True(auto.Statistics.RhsEvaluations < dop.Statistics.RhsEvaluations * 10);
    }

    [Fact]
    public void Dop853_continues_on_stiff_problems_by_default_and_records_the_detection()
    {
        var s = OdeSolver.Solve(VanDerPol(1000.0, 1.0), new Dop853(), Tol(1e-6) with { StiffnessTestInterval = 10 });
        Assert.Equal(OdeStatus.Success, s.Status);
        Assert.NotNull(s.StiffnessDetectedAt);
    }

    [Fact]
    public void Auto_switching_stays_non_stiff_on_a_non_stiff_problem()
    {
        var s = OdeSolver.Solve(Oscillator(20.0), new AutoSwitching(), Tol(1e-10));
        Assert.Equal(OdeStatus.Success, s.Status);
        Assert.Equal(0, s.Statistics.MethodSwitches);
        Assert.Equal(0, s.Statistics.LuDecompositions);
    }

    [Fact]
    public void Radau5_with_finite_difference_Jacobian_matches_the_analytic_one()
    {
        var bp = BenchmarkProblems.All.Single(p => p.Name == "stiff_sigmoid_x25");
        var withJ = OdeSolver.Solve(bp.ToOdeProblem(), new Radau5(), Tol(1e-9));
        var p = new OdeProblem(bp.F, 0, bp.Y0, bp.TEnd);
        var fd = OdeSolver.Solve(p, new Radau5(), Tol(1e-9));
        Assert.Equal(OdeStatus.Success, fd.Status);
        Assert.True(MaxAbs(withJ.YFinal, fd.YFinal) < 1e-7);
        Assert.True(fd.Statistics.RhsEvaluations > withJ.Statistics.RhsEvaluations);
    }
}

public class FailureTests
{
    private static OdeProblem BlowUp(double tEnd = 2.0) => new(
        (t, y, d) => d[0] = y[0] * y[0], 0.0, [1.0], tEnd,
        (t, y, j) => j[0, 0] = 2 * y[0],
        (t, y, f) => f[0] = Jet.Square(y[0]));

    [Theory]
    [InlineData("DOP853")]
    [InlineData("Radau5")]
    [InlineData("Taylor")]
    [InlineData("AutoSwitching")]
    public void Blow_up_at_t_1_is_reported_not_thrown(string method)
    {
        IOdeMethod m = method switch
        {
            "DOP853" => new Dop853(), "Radau5" => new Radau5(), "Taylor" => new TaylorMethod(), _ => new AutoSwitching(),
        };
        var s = OdeSolver.Solve(BlowUp(), m, Tol(1e-8) with { MaxSteps = 200_000 });
        Assert.NotEqual(OdeStatus.Success, s.Status);
        Assert.Contains(s.Status, new[] { OdeStatus.StepSizeTooSmall, OdeStatus.NonFinite, OdeStatus.MaxStepsReached });
        Assert.True(s.TFinal < 1.0 + 1e-6 && s.TFinal > 0.99, $"{method} stopped at {s.TFinal:R}: {s.Message}");
        Assert.False(string.IsNullOrWhiteSpace(s.Message));
        Assert.Contains("t = ", s.Message);
    }

    [Fact]
    public void NaN_from_the_right_hand_side_gives_NonFinite()
    {
        var p = new OdeProblem((t, y, d) => d[0] = t > 0.5 ? double.NaN : -y[0], 0.0, [1.0], 2.0);
        foreach (var m in new IOdeMethod[] { new Dop853(), new Radau5() })
        {
            var s = OdeSolver.Solve(p, m);
            Assert.Equal(OdeStatus.NonFinite, s.Status);
            Assert.Contains("NaN", s.Message);
            Assert.True(s.TFinal <= 0.5 + 1e-9);
        }
        var bad = new OdeProblem((t, y, d) => d[0] = double.PositiveInfinity, 0.0, [1.0], 1.0);
        Assert.Equal(OdeStatus.NonFinite, OdeSolver.Solve(bad, new Dop853()).Status);
    }

    [Fact]
    public void Max_steps_reached_is_reported()
    {
        foreach (var m in TestProblems.AdaptiveMethods)
        {
            var s = OdeSolver.Solve(TestProblems.Oscillator(1000.0), m, Tol(1e-10) with { MaxSteps = 20 });
            Assert.Equal(OdeStatus.MaxStepsReached, s.Status);
            Assert.Contains("maximal number of steps (20)", s.Message);
            Assert.True(s.TFinal < 1000.0);
        }
    }

    [Fact]
    public void Programming_errors_throw_ArgumentException()
    {
        var p = TestProblems.Oscillator();
        Assert.Throws<ArgumentException>(() => OdeSolver.Solve(p, new Dop853(), new OdeOptions { RelativeTolerance = -1 }));
        Assert.Throws<ArgumentException>(() => OdeSolver.Solve(p, new Dop853(), new OdeOptions { AbsoluteTolerance = double.NaN }));
        Assert.Throws<ArgumentException>(() => p.WithInitialValue(0, [1.0, 2.0, 3.0]));
        Assert.Throws<ArgumentException>(() => new OdeProblem((t, y, d) => { }, 0, [], 1));
        var noJets = new OdeProblem((t, y, d) => d[0] = 1, 0, [0.0], 1);
        Assert.Throws<ArgumentException>(() => OdeSolver.Solve(noJets, new TaylorMethod()));
    }
}

public class IntegratorTests
{
    [Fact]
    public void Stepping_to_infinity_with_a_caller_stop_rule_reaches_the_limit()
    {
        // Integrate the exp-activation flow with no final time until ‖f‖∞ < 1e-12.
        var it = new OdeIntegrator(TestProblems.ExpFlow(tEnd: null), new Dop853(), Tol(1e-12) with { DenseOutput = false });
        int steps = 0;
        while (true)
        {
            var r = it.Step();
            Assert.True(r.IsRunning, it.Message);
            Assert.True(r.TEnd > r.TStart);
            steps++;
            double fnorm = 0;
            foreach (var v in it.Derivative) fnorm = Math.Max(fnorm, Math.Abs(v));
            if (fnorm < 1e-12) break;
            Assert.True(steps < 10_000);
        }
        var th = it.Y;
        double u = th[0] * TestProblems.ExpX[0] + th[1] * TestProblems.ExpX[1] + th[2] * TestProblems.ExpX[2];
        Assert.True(Math.Abs(th[3] * Math.Exp(u) - TestProblems.ExpY) < 1e-10);
        Assert.True(TestProblems.ParabolaResidual(th) < 1e-10);
        it.Stop("‖f‖ < 1e-12");
        var sol = it.ToSolution();
        Assert.Equal(OdeStatus.StoppedByCaller, sol.Status);
        Assert.Equal(steps + 1, sol.Times.Count);
    }

    [Fact]
    public void StopWhen_option_stops_with_status_StoppedByCaller()
    {
        var opts = Tol(1e-10) with
        {
            StopWhen = (t, y, f) => Math.Abs(f[0]) + Math.Abs(f[1]) + Math.Abs(f[2]) + Math.Abs(f[3]) < 1e-8,
        };
        var s = OdeSolver.Solve(TestProblems.ExpFlow(tEnd: null), new Radau5(), opts);
        Assert.Equal(OdeStatus.StoppedByCaller, s.Status);
        Assert.Contains("stop rule", s.Message);
    }

    [Fact]
    public void Statistics_are_counted()
    {
        var s = OdeSolver.Solve(TestProblems.Oscillator(10.0), new Dop853(), Tol(1e-8) with { DenseOutput = false });
        var st = s.Statistics;
        // Hairer's NFCN: 2 + 12 per accepted step + 11 per rejected one.
        Assert.Equal(2 + 12 * st.AcceptedSteps + 11 * st.RejectedSteps, st.RhsEvaluations);
        var dense = OdeSolver.Solve(TestProblems.Oscillator(10.0), new Dop853(), Tol(1e-8));
        Assert.Equal(2 + 15 * dense.Statistics.AcceptedSteps + 11 * dense.Statistics.RejectedSteps, dense.Statistics.RhsEvaluations);
        Assert.Equal(dense.Statistics.AcceptedSteps + 1, dense.Times.Count);
    }

    [Fact]
    public void Rk4_baseline_counts_four_evaluations_per_step()
    {
        var s = OdeSolver.Solve(TestProblems.Oscillator(1.0), new Rk4Baseline(), new OdeOptions { FixedStepSize = 0.01, DenseOutput = false });
        Assert.Equal(OdeStatus.Success, s.Status);
        Assert.Equal(100, s.Statistics.AcceptedSteps);
        Assert.Equal(400, s.Statistics.RhsEvaluations);
        Assert.True(TestProblems.MaxAbs(s.YFinal, TestProblems.OscillatorExact(1.0)) < 1e-9);
    }
}

public class BenchmarkHarnessTests
{
    [Fact]
    public void Reference_solutions_are_far_more_accurate_than_the_tightest_tolerance()
    {
        foreach (var bp in BenchmarkProblems.All)
        {
            var r = WorkPrecision.ReferenceSolution(bp);
            Assert.True(r.ErrorEstimate < 1e-14, $"{bp.Name}: {r.ErrorEstimate:E2}");
        }
    }

    [Fact]
    public void Work_precision_rows_show_error_decreasing_with_tolerance()
    {
        var problems = BenchmarkProblems.All.Where(p => p.Name is "sigmoid_x1" or "exp_d3").ToArray();
        var rows = WorkPrecision.Run(problems, [new Dop853(), new Radau5(), new TaylorMethod(), new Rk4Baseline()], [1e-6, 1e-10], repetitions: 1);
        Assert.Equal(2 * 4 * 2, rows.Count);
        foreach (var g in rows.GroupBy(r => (r.Problem, r.Method)))
        {
            var loose = g.Single(r => r.Tolerance == 1e-6);
            var tight = g.Single(r => r.Tolerance == 1e-10);
            Assert.Equal(OdeStatus.Success, tight.Status);
            Assert.True(tight.Error < loose.Error, $"{g.Key}: {tight.Error:E2} !< {loose.Error:E2}");
            Assert.True(tight.RhsEvals > loose.RhsEvals);
            Assert.True(tight.Error < 1e-7, $"{g.Key}: error {tight.Error:E2} at tol 1e-10");
        }
    }

    [Fact]
    public void Benchmark_jacobians_match_finite_differences()
    {
        foreach (var bp in BenchmarkProblems.All)
        {
            int n = bp.Y0.Length;
            var jac = new double[n, n];
            var y = bp.Y0.Select((v, i) => v + 0.01 * (i + 1)).ToArray();
            bp.Jacobian!(0, y, jac);
            var f0 = new double[n];
            var f1 = new double[n];
            for (int j = 0; j < n; j++)
            {
                var yp = (double[])y.Clone(); yp[j] += 1e-6;
                var ym = (double[])y.Clone(); ym[j] -= 1e-6;
                bp.F(0, yp, f1);
                bp.F(0, ym, f0);
                for (int i = 0; i < n; i++)
                {
                    double fdv = (f1[i] - f0[i]) / 2e-6;
                    Assert.True(Math.Abs(fdv - jac[i, j]) < 1e-6 * (1 + Math.Abs(fdv)), $"{bp.Name} J[{i},{j}] = {jac[i, j]} vs {fdv}");
                }
            }
        }
    }

    [Fact]
    public void Benchmark_taylor_fields_match_the_vector_fields()
    {
        foreach (var bp in BenchmarkProblems.All)
        {
            int n = bp.Y0.Length;
            var f = new double[n];
            bp.F(0, bp.Y0, f);
            var jets = bp.Y0.Select(v => Jet.Constant(v, 0)).ToArray();
            var fj = new Jet[n];
            bp.TaylorField!(Jet.Variable(0, 0), jets, fj);
            for (int i = 0; i < n; i++) Assert.Equal(f[i], fj[i].Value, 14);
        }
    }
}
