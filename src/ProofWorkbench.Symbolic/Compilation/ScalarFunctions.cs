namespace ProofWorkbench.Symbolic.Compilation;

/// <summary>Double implementations of the activations and step functions, called by compiled delegates.</summary>
public static class ScalarFunctions
{
    /// <summary>1/(1 + e^{−u}), evaluated without overflow.</summary>
    public static double Sigmoid(double u) => u >= 0 ? 1.0 / (1.0 + Math.Exp(-u)) : Math.Exp(u) / (1.0 + Math.Exp(u));
    /// <summary>log(1 + e^u), evaluated without overflow.</summary>
    public static double Softplus(double u) => u > 0 ? u + Math.Log(1 + Math.Exp(-u)) : Math.Log(1 + Math.Exp(u));
    /// <summary>e^{−u²}.</summary>
    public static double Gaussian(double u) => Math.Exp(-u * u);
    /// <summary>max(u, 0).</summary>
    public static double Relu(double u) => u > 0 ? u : 0;
    /// <summary>1 for u ≥ 0, else 0 (relu′(0) = 1, paper 002's convention).</summary>
    public static double Heaviside(double u) => u >= 0 ? 1 : 0;
    /// <summary>−1, 0 or 1.</summary>
    public static double Sign(double u) => Math.Sign(u);
    /// <summary>max(a, b).</summary>
    public static double Max(double a, double b) => Math.Max(a, b);
}
