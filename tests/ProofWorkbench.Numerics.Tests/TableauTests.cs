using MathNet.Numerics.LinearAlgebra;
using ProofWorkbench.Numerics.Ode;
using static ProofWorkbench.Numerics.Ode.Dop853Tableau;

namespace ProofWorkbench.Numerics.Tests;

public class TableauTests
{
    // DOP853 stages 1..12 (index 0..11), stage 13 = f(x+h, y_new), stages 14..16 for dense output.
    private static readonly double[] C = [0, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, 1.0];
    private static readonly double[] B = [B1, 0, 0, 0, 0, B6, B7, B8, B9, B10, B11, B12];

    private static double[][] A() =>
    [
        [],
        [A21],
        [A31, A32],
        [A41, 0, A43],
        [A51, 0, A53, A54],
        [A61, 0, 0, A64, A65],
        [A71, 0, 0, A74, A75, A76],
        [A81, 0, 0, A84, A85, A86, A87],
        [A91, 0, 0, A94, A95, A96, A97, A98],
        [A101, 0, 0, A104, A105, A106, A107, A108, A109],
        [A111, 0, 0, A114, A115, A116, A117, A118, A119, A1110],
        [A121, 0, 0, A124, A125, A126, A127, A128, A129, A1210, A1211],
    ];

    [Fact]
    public void Dop853_weights_satisfy_the_quadrature_conditions_up_to_order_8()
    {
        for (int q = 1; q <= 8; q++)
        {
            double s = 0;
            for (int i = 0; i < 12; i++) s += B[i] * Math.Pow(C[i], q - 1);
            Assert.True(Math.Abs(s - 1.0 / q) < 1e-14, $"sum b c^{q - 1} = {s:R}, expected 1/{q}");
        }
    }

    [Fact]
    public void Dop853_rows_sum_to_the_nodes()
    {
        var a = A();
        for (int i = 1; i < 12; i++) Assert.True(Math.Abs(a[i].Sum() - C[i]) < 1e-14, $"row {i + 1}");
        // Dense-output stages (stage 13 is f at the new point, c = 1).
        Assert.True(Math.Abs(A141 + A147 + A148 + A149 + A1410 + A1411 + A1412 + A1413 - C14) < 1e-14);
        Assert.True(Math.Abs(A151 + A156 + A157 + A158 + A1511 + A1512 + A1513 + A1514 - C15) < 1e-14);
        Assert.True(Math.Abs(A161 + A166 + A167 + A168 + A169 + A1613 + A1614 + A1615 - C16) < 1e-14);
    }

    [Fact]
    public void Dop853_satisfies_some_tree_conditions()
    {
        var a = A();
        double Bac(int power)
        {
            double s = 0;
            for (int i = 0; i < 12; i++)
            {
                double inner = 0;
                for (int j = 0; j < a[i].Length; j++) inner += a[i][j] * Math.Pow(C[j], power);
                s += B[i] * inner;
            }
            return s;
        }
        // Σ b_i a_ij c_j^k = 1/((k+1)(k+2)).
        for (int k = 0; k <= 6; k++) Assert.True(Math.Abs(Bac(k) - 1.0 / ((k + 1) * (k + 2))) < 1e-13, $"k={k}");
    }

    [Fact]
    public void Dop853_embedded_weights_are_consistent()
    {
        // The 3rd-order formula bhh uses stages 1, 9, 12 and must integrate constants exactly.
        Assert.True(Math.Abs(Bhh1 + Bhh2 + Bhh3 - 1.0) < 1e-14);
        // The 5th-order error weights sum to zero (difference of two consistent formulas).
        Assert.True(Math.Abs(Er1 + Er6 + Er7 + Er8 + Er9 + Er10 + Er11 + Er12) < 1e-13);
    }

    private static Matrix<double> RadauA()
    {
        double s6 = Math.Sqrt(6);
        return Matrix<double>.Build.DenseOfArray(new[,]
        {
            { (88 - 7 * s6) / 360, (296 - 169 * s6) / 1800, (-2 + 3 * s6) / 225 },
            { (296 + 169 * s6) / 1800, (88 + 7 * s6) / 360, (-2 - 3 * s6) / 225 },
            { (16 - s6) / 36, (16 + s6) / 36, 1.0 / 9 },
        });
    }

    [Fact]
    public void Radau5_T_and_T_inverse_are_inverse()
    {
        var t = Matrix<double>.Build.DenseOfArray(new[,]
        {
            { Radau5Tableau.T11, Radau5Tableau.T12, Radau5Tableau.T13 },
            { Radau5Tableau.T21, Radau5Tableau.T22, Radau5Tableau.T23 },
            { Radau5Tableau.T31, Radau5Tableau.T32, Radau5Tableau.T33 },
        });
        var ti = Matrix<double>.Build.DenseOfArray(new[,]
        {
            { Radau5Tableau.TI11, Radau5Tableau.TI12, Radau5Tableau.TI13 },
            { Radau5Tableau.TI21, Radau5Tableau.TI22, Radau5Tableau.TI23 },
            { Radau5Tableau.TI31, Radau5Tableau.TI32, Radau5Tableau.TI33 },
        });
        var id = ti * t;
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                Assert.True(Math.Abs(id[i, j] - (i == j ? 1 : 0)) < 1e-14, $"(T⁻¹T)[{i},{j}] = {id[i, j]}");

        // T⁻¹ A⁻¹ T = diag(γ, [[α, −β], [β, α]]) (Solving ODEs II, eq. (8.15)).
        var d = ti * RadauA().Inverse() * t;
        Assert.True(Math.Abs(d[0, 0] - Radau5Tableau.U1) < 1e-12, $"γ: {d[0, 0]} vs {Radau5Tableau.U1}");
        Assert.True(Math.Abs(d[1, 1] - Radau5Tableau.Alph) < 1e-12 && Math.Abs(d[2, 2] - Radau5Tableau.Alph) < 1e-12, "α");
        Assert.True(Math.Abs(Math.Abs(d[1, 2]) - Radau5Tableau.Beta) < 1e-12 && Math.Abs(d[1, 2] + d[2, 1]) < 1e-12, "β");
        Assert.True(Math.Abs(d[0, 1]) + Math.Abs(d[0, 2]) + Math.Abs(d[1, 0]) + Math.Abs(d[2, 0]) < 1e-12, "block structure");
    }

    [Fact]
    public void Radau5_nodes_are_the_Radau_points()
    {
        var a = RadauA();
        Assert.Equal(Radau5Tableau.C1, a.Row(0).Sum(), 14);
        Assert.Equal(Radau5Tableau.C2, a.Row(1).Sum(), 14);
        Assert.Equal(1.0, a.Row(2).Sum(), 14);
    }
}
