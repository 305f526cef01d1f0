namespace ProofWorkbench.Papers.Woodworth2020;

/// <summary>
/// The link β = g(Xᵀν) of the diagonal network's flow limit (paper 003, Woodworth et al.): for D = 2,
/// g(z) = 2α² sinh(z) (Appendix A, eqs. (17)–(18), with ν(∞) = −4∫r under the ½ loss); for D ≥ 3,
/// g(z) = α^D h_D(z), h_D(z) = (1 − z)^{−D/(D−2)} − (1 + z)^{−D/(D−2)} on (−1, 1) (Appendix C). g is odd, increasing,
/// and g′ is even and increasing in |z|, so g′ ≥ g′(0): 2α² (D = 2) and α^D·2D/(D−2) (D ≥ 3).
/// G is an antiderivative of g (the dual potential whose gradient in ν is X g(Xᵀν)).
/// </summary>
public sealed record KktLink(int Depth, double Alpha)
{
    /// <summary>The open domain bound of z: +∞ for D = 2, 1 for D ≥ 3.</summary>
    public double DomainBound => Depth == 2 ? double.PositiveInfinity : 1;

    private double Scale => Depth == 2 ? 2 * Alpha * Alpha : Math.Pow(Alpha, Depth);
    private double P => (double)Depth / (Depth - 2);

    /// <summary>g(z).</summary>
    public double G(double z) => Depth == 2 ? Scale * Math.Sinh(z) : Scale * (Math.Pow(1 - z, -P) - Math.Pow(1 + z, -P));

    /// <summary>g′(z).</summary>
    public double GPrime(double z) => Depth == 2 ? Scale * Math.Cosh(z) : Scale * P * (Math.Pow(1 - z, -P - 1) + Math.Pow(1 + z, -P - 1));

    /// <summary>An antiderivative of g: 2α² cosh z (D = 2); α^D (D−2)/2 [(1 − z)^{−2/(D−2)} + (1 + z)^{−2/(D−2)}] (D ≥ 3).</summary>
    public double Potential(double z) => Depth == 2 ? Scale * Math.Cosh(z)
        : Scale * (P - 1 == 0 ? 0 : 1 / (P - 1)) * (Math.Pow(1 - z, 1 - P) + Math.Pow(1 + z, 1 - P));

    /// <summary>min g′ over the domain, g′(0).</summary>
    public double MinSlope => GPrime(0);

    /// <summary>max g′ on [−a, a] (g′ is even and increasing in |z|); +∞ when a reaches the domain bound.</summary>
    public double MaxSlope(double a) => a >= DomainBound ? double.PositiveInfinity : GPrime(a);
}
