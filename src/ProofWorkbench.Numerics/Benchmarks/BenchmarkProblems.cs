using ProofWorkbench.Numerics.Ode;

namespace ProofWorkbench.Numerics.Benchmarks;

/// <summary>Activation functions of the one-neuron benchmark problems.</summary>
public enum OneNeuronActivation
{
    /// <summary>σ(u) = 1/(1 + e^(−u)).</summary>
    Sigmoid,
    /// <summary>σ(u) = log(1 + e^u).</summary>
    Softplus,
    /// <summary>σ(u) = e^u.</summary>
    Exp,
}

/// <summary>A named benchmark problem with its reference solution at the final time.</summary>
/// <param name="Name">Name (the same as in bench/dop853_reference.py).</param>
/// <param name="Description">What it is.</param>
/// <param name="F">Right-hand side.</param>
/// <param name="Y0">Initial value (t0 = 0).</param>
/// <param name="TEnd">Final time.</param>
/// <param name="Jacobian">Analytic Jacobian (or null).</param>
/// <param name="TaylorField">Jet right-hand side (or null).</param>
public sealed record BenchmarkProblem(string Name, string Description, VectorField F, double[] Y0, double TEnd,
    JacobianField? Jacobian, TaylorVectorField? TaylorField)
{
    /// <summary>The problem as an <see cref="OdeProblem"/> on [0, TEnd].</summary>
    /// <returns>The problem.</returns>
    public OdeProblem ToOdeProblem() => new(F, 0.0, Y0, TEnd, Jacobian, TaylorField);
}

/// <summary>
/// The ODE benchmark: one-neuron gradient flows f(θ; x) = a·σ(w·x), θ = (w, a), loss (f − y)², flow
/// ẇ = −2 r a σ'(w·x) x, ȧ = −2 r σ(w·x), r = a σ(w·x) − y (paper 000's convention, no ½), hand-written
/// (the workbench adds versions compiled from symbolic expressions). The same problems are in
/// bench/dop853_reference.py.
/// </summary>
public static class BenchmarkProblems
{
    /// <summary>The seven benchmark problems, in the order of bench/dop853_reference.py.</summary>
    public static IReadOnlyList<BenchmarkProblem> All { get; } =
    [
        OneNeuron("sigmoid_x1", OneNeuronActivation.Sigmoid, [0.922], 2.868, [1.0], 1.0, 50.0),
        OneNeuron("sigmoid_x12.307", OneNeuronActivation.Sigmoid, [0.922], 2.868, [12.307], 1.400, 50.0),
        OneNeuron("softplus_x0.6", OneNeuronActivation.Softplus, [0.3], 1.0, [0.6], -Sigma(OneNeuronActivation.Softplus, 0.3 * 0.6), 50.0),
        OneNeuron("softplus_x1.4", OneNeuronActivation.Softplus, [0.3], 1.0, [1.4], -Sigma(OneNeuronActivation.Softplus, 0.3 * 1.4), 50.0),
        OneNeuron("softplus_x1.8", OneNeuronActivation.Softplus, [0.3], 1.0, [1.8], -Sigma(OneNeuronActivation.Softplus, 0.3 * 1.8), 50.0),
        OneNeuron("exp_d3", OneNeuronActivation.Exp, [0.1, -0.2, 0.3], 0.5, [0.3, 0.2, -0.1], 1.2, 50.0),
        OneNeuron("stiff_sigmoid_x25", OneNeuronActivation.Sigmoid, [0.05], 0.5, [25.0], 0.9, 20.0),
    ];

    /// <summary>σ(u).</summary>
    /// <param name="act">Activation.</param>
    /// <param name="u">Argument.</param>
    /// <returns>σ(u).</returns>
    public static double Sigma(OneNeuronActivation act, double u) => act switch
    {
        OneNeuronActivation.Sigmoid => u >= 0 ? 1.0 / (1.0 + Math.Exp(-u)) : Math.Exp(u) / (1.0 + Math.Exp(u)),
        OneNeuronActivation.Softplus => Math.Max(u, 0.0) + Log1P(Math.Exp(-Math.Abs(u))),
        _ => Math.Exp(u),
    };

    /// <summary>log(1 + x) accurate for small x (Goldberg's trick: log(u)·x/(u − 1) with u = 1 + x rounded).</summary>
    /// <param name="x">Argument &gt; −1.</param>
    /// <returns>log(1 + x).</returns>
    public static double Log1P(double x)
    {
        double u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>σ'(u).</summary>
    /// <param name="act">Activation.</param>
    /// <param name="u">Argument.</param>
    /// <returns>σ'(u).</returns>
    public static double SigmaPrime(OneNeuronActivation act, double u) => act switch
    {
        OneNeuronActivation.Sigmoid => Sigma(act, u) * (1.0 - Sigma(act, u)),
        OneNeuronActivation.Softplus => Sigma(OneNeuronActivation.Sigmoid, u),
        _ => Math.Exp(u),
    };

    /// <summary>σ''(u).</summary>
    /// <param name="act">Activation.</param>
    /// <param name="u">Argument.</param>
    /// <returns>σ''(u).</returns>
    public static double SigmaSecond(OneNeuronActivation act, double u)
    {
        switch (act)
        {
            case OneNeuronActivation.Sigmoid:
                {
                    double s = Sigma(act, u);
                    return s * (1 - s) * (1 - 2 * s);
                }
            case OneNeuronActivation.Softplus:
                {
                    double s = Sigma(OneNeuronActivation.Sigmoid, u);
                    return s * (1 - s);
                }
            default: return Math.Exp(u);
        }
    }

    private static (Jet S, Jet S1) SigmaJet(OneNeuronActivation act, Jet u)
    {
        switch (act)
        {
            case OneNeuronActivation.Sigmoid:
                {
                    var s = 1.0 / (1.0 + Jet.Exp(-u));
                    return (s, s * (1.0 - s));
                }
            case OneNeuronActivation.Softplus:
                {
                    var e = Jet.Exp(u);
                    return (Jet.Log(1.0 + e), e / (1.0 + e));
                }
            default:
                {
                    var e = Jet.Exp(u);
                    return (e, e);
                }
        }
    }

    /// <summary>The gradient flow of one sample (x, y) for f = a·σ(w·x), θ = (w_1..w_d, a), with Jacobian and jet field.</summary>
    /// <param name="name">Name.</param>
    /// <param name="act">Activation.</param>
    /// <param name="w0">Initial w.</param>
    /// <param name="a0">Initial a.</param>
    /// <param name="x">Sample input.</param>
    /// <param name="y">Sample label.</param>
    /// <param name="tEnd">Final time.</param>
    /// <returns>The problem (no reference solution attached; see <see cref="WorkPrecision.ReferenceSolution"/>).</returns>
    public static BenchmarkProblem OneNeuron(string name, OneNeuronActivation act, double[] w0, double a0, double[] x, double y, double tEnd)
    {
        if (w0.Length != x.Length) throw new ArgumentException("w0 and x must have the same length.");
        int d = x.Length;
        var xs = (double[])x.Clone();
        void F(double t, ReadOnlySpan<double> th, Span<double> dth)
        {
            double a = th[d], u = 0;
            for (int i = 0; i < d; i++) u += th[i] * xs[i];
            double s = Sigma(act, u), s1 = SigmaPrime(act, u);
            double r = a * s - y;
            double g = -2.0 * r * a * s1;
            for (int i = 0; i < d; i++) dth[i] = g * xs[i];
            dth[d] = -2.0 * r * s;
        }
        void J(double t, ReadOnlySpan<double> th, double[,] jac)
        {
            double a = th[d], u = 0;
            for (int i = 0; i < d; i++) u += th[i] * xs[i];
            double s = Sigma(act, u), s1 = SigmaPrime(act, u), s2 = SigmaSecond(act, u);
            double r = a * s - y;
            double ww = -2.0 * a * (a * s1 * s1 + r * s2), wa = -2.0 * s1 * (a * s + r);
            for (int i = 0; i < d; i++)
            {
                for (int j = 0; j < d; j++) jac[i, j] = ww * xs[i] * xs[j];
                jac[i, d] = wa * xs[i];
                jac[d, i] = wa * xs[i];
            }
            jac[d, d] = -2.0 * s * s;
        }
        void TF(Jet t, Jet[] th, Jet[] f)
        {
            Jet a = th[d];
            Jet u = th[0] * xs[0];
            for (int i = 1; i < d; i++) u += th[i] * xs[i];
            var (s, s1) = SigmaJet(act, u);
            var r = a * s - y;
            var g = -2.0 * r * a * s1;
            for (int i = 0; i < d; i++) f[i] = g * xs[i];
            f[d] = -2.0 * r * s;
        }
        var y0 = new double[d + 1];
        w0.CopyTo(y0, 0);
        y0[d] = a0;
        string desc = $"{act} one-neuron gradient flow, w0=({string.Join(", ", w0)}), a0={a0}, x=({string.Join(", ", x)}), y={y:R}, t in [0, {tEnd}]";
        return new BenchmarkProblem(name, desc, F, y0, tEnd, J, TF);
    }
}
