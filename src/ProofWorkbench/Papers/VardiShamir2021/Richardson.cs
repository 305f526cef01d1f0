namespace ProofWorkbench.Papers.VardiShamir2021;

/// <summary>
/// Richardson extrapolation to ε → 0 of values f(ε_j) at halving ε (ε_j = ε₀/2ʲ), assuming f(ε) = L + a₁ε^p + a₂ε^{2p} + …:
/// the table R_{j,k} = R_{j,k−1} + (R_{j,k−1} − R_{j−1,k−1})/(2^{pk} − 1). The estimate is the last diagonal entry; its
/// error estimate is the distance between the last two diagonal entries plus the propagated error of the inputs (the sum
/// of the absolute weights of the last entry, times the largest input error). The observed orders
/// log₂(|f_{j−1} − f_{j−2}| / |f_j − f_{j−1}|) show whether the assumed p holds.
/// </summary>
/// <param name="Estimate">The extrapolated L.</param>
/// <param name="Error">Its error estimate.</param>
/// <param name="ObservedOrders">The observed orders, one per consecutive triple.</param>
/// <param name="Diagonal">R_{j,j}, j = 0…m.</param>
public sealed record Richardson(double Estimate, double Error, IReadOnlyList<double> ObservedOrders, IReadOnlyList<double> Diagonal)
{
    /// <summary>Extrapolates <paramref name="values"/> (at halving ε) with order <paramref name="p"/>; <paramref name="inputError"/> bounds each value's error.</summary>
    public static Richardson Of(IReadOnlyList<double> values, int p, double inputError)
    {
        int m = values.Count;
        if (m < 2) throw new ArgumentException("Richardson extrapolation needs at least two values.", nameof(values));
        var r = new double[m][];
        // weights[j][k][i]: the coefficient of values[i] in R_{j,k} (to propagate the inputs' error).
        var weights = new double[m][][];
        for (int j = 0; j < m; j++)
        {
            r[j] = new double[j + 1];
            weights[j] = new double[j + 1][];
            r[j][0] = values[j];
            weights[j][0] = new double[m];
            weights[j][0][j] = 1;
            for (int k = 1; k <= j; k++)
            {
                double f = 1 / (Math.Pow(2, p * k) - 1);
                r[j][k] = r[j][k - 1] + (r[j][k - 1] - r[j - 1][k - 1]) * f;
                weights[j][k] = new double[m];
                for (int i = 0; i < m; i++) weights[j][k][i] = (1 + f) * weights[j][k - 1][i] - f * weights[j - 1][k - 1][i];
            }
        }
        var diagonal = Enumerable.Range(0, m).Select(j => r[j][j]).ToList();
        double truncation = Math.Abs(diagonal[^1] - diagonal[^2]);
        double propagated = weights[m - 1][m - 1].Sum(Math.Abs) * inputError;
        var orders = new List<double>();
        for (int j = 2; j < m; j++)
            orders.Add(Math.Log2(Math.Abs(values[j - 1] - values[j - 2]) / Math.Abs(values[j] - values[j - 1])));
        return new Richardson(diagonal[^1], truncation + propagated, orders, diagonal);
    }
}
