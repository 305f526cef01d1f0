namespace ProofWorkbench.Papers.Woodworth2020;

/// <summary>
/// The thresholds of paper 003, Theorem 2 and its proof (Appendix B), as printed — one place for each formula.
/// </summary>
public static class Theorem2Thresholds
{
    /// <summary>Theorem 2, ℓ1 part: α₁(ε) = min{(2(1+ε)‖β*_L1‖₁)^{−(2+ε)/(2ε)}, exp(−d/(ε‖β*_L1‖₁))}.</summary>
    public static double TheoremL1(double eps, double l1Norm, int d) =>
        Math.Min(Math.Pow(2 * (1 + eps) * l1Norm, -(2 + eps) / (2 * eps)), Math.Exp(-d / (eps * l1Norm)));

    /// <summary>Theorem 2, ℓ2 part: α₂(ε) = √(2(1+ε)(1+2/ε)‖β*_L2‖₂).</summary>
    public static double TheoremL2(double eps, double l2Norm) => Math.Sqrt(2 * (1 + eps) * (1 + 2 / eps) * l2Norm);

    /// <summary>Lemma 1 (Appendix B): α₁(ε, ‖β‖₁, d) = min{1, √‖β‖₁, (2‖β‖₁)^{−1/(2ε)}, exp(−d/(2ε‖β‖₁))}.</summary>
    public static double Lemma1(double eps, double l1Norm, int d) =>
        new[] { 1, Math.Sqrt(l1Norm), Math.Pow(2 * l1Norm, -1 / (2 * eps)), Math.Exp(-d / (2 * eps * l1Norm)) }.Min();

    /// <summary>Lemma 3 (Appendix B): α₂(ε, ‖β‖₂) = √‖β‖₂ (1 + ε^{−1/4}).</summary>
    public static double Lemma3(double eps, double l2Norm) => Math.Sqrt(l2Norm) * (1 + Math.Pow(eps, -0.25));

    /// <summary>What the proof of Theorem 2 (ℓ1 part) requires: α ≤ α₁(ε/(2+ε), (1+2ε)‖β*_L1‖₁, d).</summary>
    public static double ProofL1(double eps, double l1Norm, int d) => Lemma1(eps / (2 + eps), (1 + 2 * eps) * l1Norm, d);

    /// <summary>What the proof of Theorem 2 (ℓ2 part) requires: α ≥ α₂(ε/(2+ε), (1+2ε)‖β*_L2‖₂).</summary>
    public static double ProofL2(double eps, double l2Norm) => Lemma3(eps / (2 + eps), (1 + 2 * eps) * l2Norm);

    /// <summary>q(z) = 2 − √(4 + z²) + z·asinh(z/2) (paper 003, Theorem 1).</summary>
    public static double Q(double z) => 2 - Math.Sqrt(4 + z * z) + z * Math.Asinh(z / 2);
}
