using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.OdeSolvers;

namespace ProofWorkbench.Numerics.Ode;

/// <summary>
/// Baseline for the benchmark: MathNet.Numerics' fixed-step classical Runge–Kutta method
/// (<c>MathNet.Numerics.OdeSolvers.RungeKutta.FourthOrder</c>) over [t0, tEnd] with no error control. The step is
/// <see cref="OdeOptions.FixedStepSize"/> if given, else h = rtol^(1/4) (so that the global error C·h⁴ tracks
/// the tolerance). MathNet integrates the whole interval at once; the stepper then hands out its grid points as
/// steps. RHS evaluations are counted through a wrapper (4 per step). Dense output, if requested, is the cubic
/// Hermite interpolant, which costs one more f-evaluation per step (counted).
/// </summary>
public sealed class Rk4Baseline : IOdeMethod
{
    /// <inheritdoc />
    public string Name => "RK4 (MathNet)";

    /// <summary>The step size used for a tolerance when no fixed step is given: rtol^(1/4).</summary>
    /// <param name="tolerance">Relative tolerance.</param>
    /// <returns>Step size.</returns>
    public static double StepSizeForTolerance(double tolerance) => Math.Pow(tolerance, 0.25);

    /// <inheritdoc />
    public OdeStepper CreateStepper(OdeProblem problem, OdeOptions options, OdeStatistics statistics)
    {
        if (problem.TEnd is null) throw new ArgumentException("The RK4 baseline needs a final time (OdeProblem.TEnd).", nameof(problem));
        return new Rk4Stepper(problem, options, statistics);
    }

    private sealed class Rk4Stepper(OdeProblem problem, OdeOptions options, OdeStatistics statistics)
        : OdeStepper(problem, options, statistics)
    {
        private Vector<double>[]? grid;
        private double t0, dt;
        private int index;
        private readonly double[] f0 = new double[problem.Dimension], f1 = new double[problem.Dimension], y0 = new double[problem.Dimension];
        private bool f1Valid, denseReady;

        public override IDenseInterpolator DenseInterpolator => HermiteInterpolator.Instance;

        public override int DenseCoefficientCount => 4 * N;

        public override void CopyDenseCoefficients(Span<double> destination)
        {
            y0.CopyTo(destination);
            y.CopyTo(destination[N..]);
            f0.CopyTo(destination[(2 * N)..]);
            f1.CopyTo(destination[(3 * N)..]);
        }

        public override ReadOnlySpan<double> CurrentDerivative()
        {
            if (!f1Valid) { Rhs(T, y, f1); f1Valid = true; }
            return f1;
        }

        public override void Interpolate(double t, Span<double> result)
        {
            if (!denseReady) throw new InvalidOperationException("No dense output was prepared for the last step.");
            Span<double> c = new double[4 * N];
            CopyDenseCoefficients(c);
            HermiteInterpolator.Instance.Evaluate(t, TPrevious, T, c, result);
        }

        public override OdeStatus Advance(double tEnd, bool needDense)
        {
            if (grid is null)
            {
                double h = Options.FixedStepSize ?? StepSizeForTolerance(Math.Max(Options.RelativeTolerance, 1e-16));
                long steps = Math.Max(1, (long)Math.Ceiling(Math.Abs(tEnd - T) / h - 1e-9));
                if (steps >= Options.MaxSteps) return FailMaxSteps();
                t0 = T;
                dt = (tEnd - T) / steps;
                var f = Problem.F;
                int n = N;
                var buffer = new double[n];
                grid = RungeKutta.FourthOrder(Vector<double>.Build.DenseOfArray(y.ToArray()), T, tEnd, (int)steps + 1, (t, v) =>
                {
                    Statistics.RhsEvaluations++;
                    f(t, v.AsArray() ?? v.ToArray(), buffer);
                    return Vector<double>.Build.DenseOfArray((double[])buffer.Clone());
                });
                index = 0;
            }
            if (index + 1 >= grid.Length) return FailMaxSteps();
            if (needDense)
            {
                if (index == 0 || !f1Valid) Rhs(T, y, f0); else f1.CopyTo(f0);
            }
            y.CopyTo(y0);
            index++;
            StepAttempts++;
            for (int i = 0; i < N; i++) y[i] = grid[index][i];
            TPrevious = T;
            T = index == grid.Length - 1 ? tEnd : t0 + index * dt;
            f1Valid = false;
            if (needDense) { Rhs(T, y, f1); f1Valid = true; }
            denseReady = needDense;
            CountAccepted();
            if (!AllFinite(y)) return FailNonFinite("the state");
            return OdeStatus.Running;
        }
    }

    private sealed class HermiteInterpolator : IDenseInterpolator
    {
        public static readonly HermiteInterpolator Instance = new();

        public void Evaluate(double t, double tStart, double tEnd, ReadOnlySpan<double> c, Span<double> y)
        {
            int n = y.Length;
            double h = tEnd - tStart, s = (t - tStart) / h;
            double h00 = (1 + 2 * s) * (1 - s) * (1 - s), h10 = s * (1 - s) * (1 - s), h01 = s * s * (3 - 2 * s), h11 = s * s * (s - 1);
            for (int i = 0; i < n; i++)
                y[i] = h00 * c[i] + h10 * h * c[2 * n + i] + h01 * c[n + i] + h11 * h * c[3 * n + i];
        }
    }
}
