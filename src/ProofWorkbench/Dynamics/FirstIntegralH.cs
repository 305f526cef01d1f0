using MathNet.Numerics.Integration;
using ProofWorkbench.ConservedQuantities;
using ProofWorkbench.Models;
using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Expressions;

namespace ProofWorkbench.Dynamics;

/// <summary>
/// The function h of the first integral a²/2 − h of one-sample gradient flow (paper 000, Lemma A.3, eq. (20)),
/// as a function of one reduced coordinate ξ: ξ = w when d = 1 (h′(w) = σ(xw)/(xσ′(xw))), and ξ = u = wᵀx when
/// d ≥ 2 (H′(u) = σ(u)/(|x|²σ′(u))). For d ≥ 2 the flow moves w only along x — ẇ = −2 r a σ′(wᵀx)·x — so
/// w(t) = w0 + (u(t) − u0)/|x|²·x, and the problem reduces to the line through w0 spanned by x (paper 000,
/// proof of Lemma A.4(b), eq. (31)). Differences h(ξ₂) − h(ξ₁) come from the closed form when
/// <see cref="ConservedQuantity.Derive"/> found one, otherwise from adaptive Gauss–Kronrod quadrature of h′.
/// </summary>
public sealed class FirstIntegralH
{
    /// <summary>Requested relative accuracy of the quadrature of h′.</summary>
    private const double QuadratureRelativeError = 1e-14;

    private readonly Func<double[], double> hPrime;
    private readonly Func<double[], double>? closedForm;
    private readonly double[] x;
    private readonly double norm2;
    private readonly double[] w0;
    private readonly double xi0;

    private FirstIntegralH(ConservedQuantity quantity, Func<double[], double> hPrime, Func<double[], double>? closedForm,
        double[] x, double[] w0)
    {
        Quantity = quantity;
        this.hPrime = hPrime;
        this.closedForm = closedForm;
        this.x = x;
        this.w0 = w0;
        norm2 = x.Sum(c => c * c);
        xi0 = Coordinate(w0);
    }

    /// <summary>The symbolic first integral this function belongs to.</summary>
    public ConservedQuantity Quantity { get; }

    /// <summary>True when h is evaluated in closed form.</summary>
    public bool HasClosedForm => closedForm is not null;

    /// <summary>"closed form" or "quadrature of h'".</summary>
    public string Evaluation => HasClosedForm ? "closed form" : "quadrature of h'";

    /// <summary>ξ at the initial weights.</summary>
    public double InitialCoordinate => xi0;

    /// <summary>Prepares h for <paramref name="model"/> on the single <paramref name="sample"/>, starting at weights <paramref name="w0"/>.</summary>
    public static FirstIntegralH Create(OneNeuronModel model, Sample sample, ConservedQuantity quantity, IReadOnlyList<double> w0)
    {
        var x = sample.X.Select(c => Evaluator.Evaluate(c, new Dictionary<string, double>())).ToArray();
        var hp = Compiler.Compile(quantity.HPrime, [quantity.Parameter]);
        // For d = 1, H is a function of w; for d ≥ 2 it is H(wᵀx), a function of the weights.
        var closed = quantity.H is { } h ? Compiler.Compile(h, model.Dimension == 1 ? ["w"] : model.WeightNames) : null;
        return new FirstIntegralH(quantity, hp, closed, x, w0.ToArray());
    }

    /// <summary>ξ(w): w itself for d = 1, wᵀx for d ≥ 2.</summary>
    public double Coordinate(ReadOnlySpan<double> w)
    {
        if (x.Length == 1) return w[0];
        double u = 0;
        for (int i = 0; i < x.Length; i++) u += w[i] * x[i];
        return u;
    }

    /// <summary>The weights at coordinate ξ on the line w0 + span{x} the flow moves on.</summary>
    public double[] WeightsAt(double xi)
    {
        if (x.Length == 1) return [xi];
        var w = new double[x.Length];
        double s = (xi - xi0) / norm2;
        for (int i = 0; i < x.Length; i++) w[i] = w0[i] + s * x[i];
        return w;
    }

    /// <summary>‖∂ξ/∂w‖: 1 for d = 1 (ξ = w), |x| for d ≥ 2 (ξ = wᵀx).</summary>
    public double CoordinateGradientNorm => x.Length == 1 ? 1 : Math.Sqrt(norm2);

    /// <summary>The pre-activation wᵀx at coordinate ξ.</summary>
    public double PreActivation(double xi) => x.Length == 1 ? x[0] * xi : xi;

    /// <summary>h′(ξ).</summary>
    public double HPrime(double xi) => hPrime([xi]);

    /// <summary>h(ξ) in closed form, or null when h is only known through quadrature (then h(ξ0) is taken as 0).</summary>
    public double? ValueAt(double xi) => closedForm?.Invoke(x.Length == 1 ? [xi] : WeightsAt(xi));

    /// <summary>h(to) − h(from), with an error estimate (0 for the closed form).</summary>
    public (double Value, double Error) Difference(double from, double to)
    {
        if (from == to) return (0, 0);
        if (closedForm is not null)
        {
            return (ValueAt(to)!.Value - ValueAt(from)!.Value, 0);
        }
        double value = GaussKronrodRule.Integrate(xi => hPrime([xi]), Math.Min(from, to), Math.Max(from, to),
            out double error, out _, QuadratureRelativeError, 20, 15);
        return from < to ? (value, error) : (-value, error);
    }
}
