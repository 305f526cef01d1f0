using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.VardiShamir2021;

/// <summary>
/// The limit of the last phase of a ReLU-neuron flow as an exact affine function of that phase's start point p: on a
/// fixed active set A the flow is linear least squares, ẇ = −2c·X_Aᵀ(X_A w − y_A), which stays in p + row(X_A) and
/// converges to the point of it with X_A w = y_A (paper 002, Theorem 3.1's argument with σ = identity; Appendix A.2.2,
/// eq. (12)): ℓ(p) = G p + h with G = I − X_Bᵀ(X_B X_Bᵀ)⁻¹X_B and h = X_Bᵀ(X_B X_Bᵀ)⁻¹y_B, B a maximal independent set of
/// active rows (exact over ℚ). Only p is numeric: it is known to lie in the box <see cref="Center"/> ± <see cref="Radius"/>,
/// so everything said about ℓ over the box is exact.
/// </summary>
public sealed class AffineLimit
{
    private AffineLimit(Rational[][] g, Rational[] h, Rational[] center, Rational radius)
    {
        G = g;
        H = h;
        Center = center;
        Radius = radius;
    }

    /// <summary>G (d × d).</summary>
    public IReadOnlyList<IReadOnlyList<Rational>> G { get; }
    /// <summary>h.</summary>
    public IReadOnlyList<Rational> H { get; }
    /// <summary>The center of the box of p (the closed form's start point of the last phase, exactly as a double).</summary>
    public IReadOnlyList<Rational> Center { get; }
    /// <summary>The half-width of the box of p (max norm).</summary>
    public Rational Radius { get; }
    /// <summary>The names of p's coordinates in <see cref="Components"/>.</summary>
    public IReadOnlyList<string> Variables => Enumerable.Range(1, Center.Count).Select(i => $"p{i}").ToList();

    /// <summary>
    /// The affine limit of the last phase of <paramref name="solution"/>, or null when the labels of the active rows are not
    /// rational or the active rows cannot be fitted (inconsistent). A stationary solution gives ℓ(p) = p with radius 0.
    /// </summary>
    public static AffineLimit? Of(NeuronInstance instance, ReluPiecewiseSolution solution, Rational radius)
    {
        int d = instance.Dimension;
        var identity = Enumerable.Range(0, d).Select(k => Enumerable.Range(0, d).Select(l => k == l ? Rational.One : Rational.Zero).ToArray()).ToArray();
        if (solution.Stationary) return new AffineLimit(identity, new Rational[d].Select(_ => Rational.Zero).ToArray(), [.. instance.ExactW0], Rational.Zero);
        if (instance.ExactY is not { } y || solution.Phases.Count == 0) return null;
        var last = solution.Phases[^1];
        var center = last.StartPoint.Select(Rational.FromDouble).ToArray();
        if (solution.Phases.Count == 1) { center = [.. instance.ExactW0]; radius = Rational.Zero; } // starts at w₀: exact
        // A maximal independent set B of the active rows.
        var rows = new List<IReadOnlyList<Rational>>();
        var labels = new List<Rational>();
        for (int i = 0; i < instance.ExactX.Count; i++)
        {
            if (!last.Active[i]) continue;
            var candidate = rows.Append(instance.ExactX[i]).ToList();
            if (ExactLinearAlgebra.Rank(candidate) == candidate.Count) { rows.Add(instance.ExactX[i]); labels.Add(y[i]); }
        }
        int m = rows.Count;
        if (m == 0) return new AffineLimit(identity, new Rational[d].Select(_ => Rational.Zero).ToArray(), center, radius);
        var gram = rows.Select(a => (IReadOnlyList<Rational>)rows.Select(b => ExactLinearAlgebra.Dot(a, b)).ToArray()).ToArray();
        // (X_B X_Bᵀ)⁻¹ column by column.
        var inverse = new Rational[m][];
        for (int k = 0; k < m; k++)
        {
            var e = Enumerable.Range(0, m).Select(i => i == k ? Rational.One : Rational.Zero).ToArray();
            inverse[k] = ExactLinearAlgebra.Solve(gram, e) ?? throw new InvalidOperationException("independent rows have a singular Gram matrix");
        }
        // P = X_Bᵀ M⁻¹ (d × m); G = I − P X_B; h = P y_B.
        var p = new Rational[d][];
        for (int l = 0; l < d; l++)
        {
            p[l] = new Rational[m];
            for (int k = 0; k < m; k++)
            {
                var s = Rational.Zero;
                for (int i = 0; i < m; i++) s += rows[i][l] * inverse[k][i];
                p[l][k] = s;
            }
        }
        var g = new Rational[d][];
        var h = new Rational[d];
        for (int l = 0; l < d; l++)
        {
            g[l] = new Rational[d];
            for (int j = 0; j < d; j++)
            {
                var s = l == j ? Rational.One : Rational.Zero;
                for (int k = 0; k < m; k++) s -= p[l][k] * rows[k][j];
                g[l][j] = s;
            }
            h[l] = Enumerable.Range(0, m).Aggregate(Rational.Zero, (acc, k) => acc + p[l][k] * labels[k]);
        }
        return new AffineLimit(g, h, center, radius);
    }

    /// <summary>ℓ_l(p) = Σ_j G_lj p_j + h_l as expressions in p1…pd.</summary>
    public IReadOnlyList<Expr> Components() => G.Select((row, l) =>
        Add(row.Select((c, j) => Mul(Num(c), Sym($"p{j + 1}"))).Append(Num(H[l])).ToArray())).ToList();

    /// <summary>ℓ at the box's center, exactly.</summary>
    public IReadOnlyList<Rational> AtCenter() => G.Select((row, l) => row.Select((c, j) => c * Center[j]).Aggregate(H[l], (a, b) => a + b)).ToList();

    /// <summary>The exact range of each ℓ_l over the box: center value ± Radius·Σ_j |G_lj|.</summary>
    public IReadOnlyList<(Rational Lo, Rational Hi)> Ranges()
    {
        var mid = AtCenter();
        return G.Select((row, l) =>
        {
            var spread = Radius * row.Aggregate(Rational.Zero, (a, c) => a + c.Abs());
            return (mid[l] - spread, mid[l] + spread);
        }).ToList();
    }

    /// <summary>The box as assumptions |p_j − center_j| ≤ radius.</summary>
    public IReadOnlyList<Relation> BoxAssumptions() => Center.SelectMany((c, j) => new[]
    {
        new Relation(Sym($"p{j + 1}"), RelationOperator.GreaterOrEqual, Num(c - Radius)),
        new Relation(Sym($"p{j + 1}"), RelationOperator.LessOrEqual, Num(c + Radius)),
    }).ToList();

    /// <summary>The exact range of ‖ℓ − v‖² over the box (interval squares of the coordinate ranges).</summary>
    public (Rational Lo, Rational Hi) SquaredDistanceRange(IReadOnlyList<Rational> v)
    {
        Rational lo = Rational.Zero, hi = Rational.Zero;
        foreach (var ((a, b), vl) in Ranges().Zip(v))
        {
            var (x, y) = (a - vl, b - vl);
            var big = x.Abs() > y.Abs() ? x.Abs() : y.Abs();
            var small = x.Sign <= 0 && y.Sign >= 0 ? Rational.Zero : (x.Abs() < y.Abs() ? x.Abs() : y.Abs());
            lo += small * small;
            hi += big * big;
        }
        return (lo, hi);
    }
}
