namespace ProofWorkbench.Numerics.Ode;

/// <summary>
/// Constants of RADAU5, the 3-stage Radau IIA method of order 5, copied from Hairer's radau5.f
/// (routine RADCOR, version of 2002/2009) and described in Hairer &amp; Wanner, <i>Solving Ordinary
/// Differential Equations II</i>, 2nd ed., Sec. IV.8 (Table 5.6 of Sec. IV.5 for the method).
/// c1, c2, c3 = 1 are the collocation nodes (4 ∓ √6)/10, 1. The eigenvalues of A⁻¹ are
/// γ = 1/U1 (real) and α ± iβ; T transforms A⁻¹ to block-diagonal form T⁻¹A⁻¹T = diag(γ, [[α, −β], [β, α]])
/// (eq. (8.15)). DD1–DD3 are the coefficients of the embedded error estimate (eq. (8.19)–(8.20)).
/// The tests check T·T⁻¹ = I and the block structure numerically.
/// </summary>
public static class Radau5Tableau
{
#pragma warning disable CS1591 // the names are those of radau5.f; documented as a group above
    public static readonly double Sq6 = Math.Sqrt(6.0);
    public static readonly double C1 = (4.0 - Sq6) / 10.0;
    public static readonly double C2 = (4.0 + Sq6) / 10.0;
    public static readonly double C1M1 = C1 - 1.0;
    public static readonly double C2M1 = C2 - 1.0;
    public static readonly double C1MC2 = C1 - C2;
    public static readonly double DD1 = -(13.0 + 7.0 * Sq6) / 3.0;
    public static readonly double DD2 = (-13.0 + 7.0 * Sq6) / 3.0;
    public const double DD3 = -1.0 / 3.0;

    /// <summary>γ = 1/u1 with u1 = (6 + 81^(1/3) − 9^(1/3))/30 (radau5.f inverts U1).</summary>
    public static readonly double U1 = 30.0 / (6.0 + Math.Cbrt(81.0) - Math.Cbrt(9.0));
    private static readonly double AlphRaw = (12.0 - Math.Cbrt(81.0) + Math.Cbrt(9.0)) / 60.0;
    private static readonly double BetaRaw = (Math.Cbrt(81.0) + Math.Cbrt(9.0)) * Math.Sqrt(3.0) / 60.0;
    private static readonly double Cno = AlphRaw * AlphRaw + BetaRaw * BetaRaw;
    public static readonly double Alph = AlphRaw / Cno;
    public static readonly double Beta = BetaRaw / Cno;

    public const double T11 = 9.1232394870892942792e-02;
    public const double T12 = -0.14125529502095420843;
    public const double T13 = -3.0029194105147424492e-02;
    public const double T21 = 0.24171793270710701896;
    public const double T22 = 0.20412935229379993199;
    public const double T23 = 0.38294211275726193779;
    public const double T31 = 0.96604818261509293619;
    public const double T32 = 1.0;
    public const double T33 = 0.0;
    public const double TI11 = 4.3255798900631553510;
    public const double TI12 = 0.33919925181580986954;
    public const double TI13 = 0.54177053993587487119;
    public const double TI21 = -4.1787185915519047273;
    public const double TI22 = -0.32768282076106238708;
    public const double TI23 = 0.47662355450055045196;
    public const double TI31 = -0.50287263494578687595;
    public const double TI32 = 2.5719269498556054292;
    public const double TI33 = -0.59603920482822492497;
#pragma warning restore CS1591
}
