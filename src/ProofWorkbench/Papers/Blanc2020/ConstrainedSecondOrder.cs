using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using ProofWorkbench.Symbolic.Simplification;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.Blanc2020;

/// <summary>
/// The second-order test of a stationary point of the implicit regularizer R on the zero-loss manifold {h = y} of one
/// sample (Blanc et al. 2020, Theorem 3: "which stationary points are stable"). All quantities are exact constants at the
/// point, obtained by differentiating symbolically and then substituting the point (the <c>at</c> function of the constructor, which may
/// replace tanh(wᵢ) by its exact value — tanh′ = 1 − tanh², so every derivative is a polynomial in tanh):
/// <list type="bullet">
/// <item>the Lagrange multiplier λ = (∇R·g)/(g·g), g = ∇h, and the residuals ∂ⱼR − λgⱼ (all 0 at a stationary point);</item>
/// <item>the Hessian of the Lagrangian H = ∇²R − λ∇²h;</item>
/// <item>the bordered Hessian [[0, gᵀ], [g, H]] with the variables reordered so that the first has gₚ ≠ 0, and its
/// leading principal minors of orders 3, …, n + 1 — the bordered-Hessian test for one equality constraint (Debreu 1952,
/// "Definite and semidefinite quadratic forms", Econometrica 20, 295–300): with the tangent basis below, the minor of order
/// k + 2 equals −gₚ^(2−2k)·D_k (D_k the k-th leading minor of the reduced matrix M), so by Sylvester's criterion H is
/// positive definite on the tangent space {v : g·v = 0} iff every minor is &lt; 0, and the point is then a strict local
/// minimum of R on the manifold (second-order sufficient condition, Nocedal &amp; Wright, Numerical Optimization, 2nd ed.,
/// Theorem 12.6). A strictly positive minor gives D_k &lt; 0: M (H on the tangent space) is not positive semidefinite and
/// the point is not a local minimum (second-order necessary condition, ibid. Theorem 12.5; ∇h ≠ 0, so LICQ holds);</item>
/// <item>the tangent basis bⱼ = gₚeⱼ − gⱼeₚ (j ≠ p), the reduced matrix M = BᵀHB with its leading minors D₁, D₂, …, and
/// candidate tangent directions: each bⱼ (curvature M_jj) and, for k ≥ 2, v = Σ uₐbₐ with u = (−adj(M_{k−1})m_k, D_{k−1}, 0, …)
/// (m_k the k-th column above the diagonal), whose curvature is vᵀHv = D_{k−1}·D_k (the pivots of a symmetric elimination;
/// by Sylvester's law of inertia they take both signs when M is indefinite and its leading minors are nonzero). A tangent v
/// with vᵀHv &lt; 0 and one with vᵀHv &gt; 0 show the point is a saddle of R on the manifold.</item>
/// </list>
/// </summary>
public sealed class ConstrainedSecondOrder
{
    /// <summary>Builds the test for R and h of <paramref name="r"/> (one sample), evaluated by <paramref name="at"/>.</summary>
    public ConstrainedSecondOrder(ImplicitRegularizer r, Func<Expr, Expr> at)
    {
        if (r.Outputs.Count != 1) throw new InvalidOperationException("one sample only");
        var names = r.Parameters;
        int n = names.Count;
        Gradient = r.Gradients[0].Select(at).ToArray();
        var dR = r.RegularizerGradient.Select(at).ToArray();
        var gg = Simplifier.Simplify(Add(Gradient.Select(gj => Pow(gj, Two))));
        Lambda = Simplifier.Simplify(Div(Add(Gradient.Select((gj, j) => Mul(gj, dR[j]))), gg));
        Residuals = dR.Select((d, j) => Simplifier.Simplify(Sub(d, Mul(Lambda, Gradient[j])))).ToArray();
        var hr = Differentiator.Hessian(r.Regularizer, names);
        var hh = Differentiator.Hessian(r.Outputs[0], names);
        var hl = new Expr[n][];
        for (int i = 0; i < n; i++)
        {
            hl[i] = new Expr[n];
            for (int j = 0; j < n; j++) hl[i][j] = Simplifier.Simplify(Sub(at(hr[i, j]), Mul(Lambda, at(hh[i, j]))));
        }
        Hessian = hl;
        int p = Enumerable.Range(0, n).FirstOrDefault(j => SignOf(Gradient[j]).Sign is 1 or -1, -1);
        Pivot = p;
        if (p < 0) return;
        var order = new[] { p }.Concat(Enumerable.Range(0, n).Where(j => j != p)).ToArray();
        Order = order;
        var bordered = new Expr[n + 1][];
        bordered[0] = [Zero, .. order.Select(j => Gradient[j])];
        for (int i = 0; i < n; i++) bordered[i + 1] = [Gradient[order[i]], .. order.Select(j => hl[order[i]][j])];
        BorderedMinors = Enumerable.Range(3, n - 1).Select(k => Determinant(bordered.Take(k).Select(row => row.Take(k).ToArray()).ToArray())).ToArray();
        // Tangent basis b_j = g_p e_j − g_j e_p (j ≠ p, in order): g·b_j = g_j g_p − g_p g_j = 0.
        var basis = order.Skip(1).Select(j =>
        {
            var b = Enumerable.Repeat(Zero, n).ToArray();
            b[j] = Gradient[p];
            b[p] = Simplifier.Simplify(Neg(Gradient[j]));
            return b;
        }).ToArray();
        int t = basis.Length;
        var m = new Expr[t][];
        for (int a = 0; a < t; a++) m[a] = Enumerable.Range(0, t).Select(b => Curvature(basis[a], basis[b])).ToArray();
        Reduced = m;
        ReducedMinors = Enumerable.Range(1, t).Select(k => Determinant(m.Take(k).Select(row => row.Take(k).ToArray()).ToArray())).ToArray();
        var candidates = new List<Direction>();
        for (int a = 0; a < t; a++) candidates.Add(Make($"b_{names[order[a + 1]]}", basis[a]));
        for (int k = 2; k <= t; k++)
        {
            var lead = m.Take(k - 1).Select(row => row.Take(k - 1).ToArray()).ToArray();
            var column = Enumerable.Range(0, k - 1).Select(a => m[a][k - 1]).ToArray();
            var adj = Adjugate(lead);
            var u = Enumerable.Range(0, k - 1).Select(a => Simplifier.Simplify(Neg(Add(Enumerable.Range(0, k - 1).Select(b => Mul(adj[a][b], column[b])))))).ToList();
            u.Add(k - 1 == 0 ? One : ReducedMinors[k - 2]);
            var v = Enumerable.Range(0, n).Select(i => Simplifier.Simplify(Add(u.Select((ua, a) => Mul(ua, basis[a][i]))))).ToArray();
            candidates.Add(Make($"the pivot direction for D{k} (curvature D{k - 1}·D{k})", v));
        }
        Candidates = candidates;

        Direction Make(string name, Expr[] v) => new(name, v,
            Simplifier.Simplify(Add(v.Select((vi, i) => Mul(Gradient[i], vi)))), Curvature(v, v));
    }

    /// <summary>g = ∇h at the point.</summary>
    public IReadOnlyList<Expr> Gradient { get; }
    /// <summary>λ = (∇R·g)/(g·g) at the point.</summary>
    public Expr Lambda { get; }
    /// <summary>∂ⱼR − λgⱼ at the point (all 0 exactly when the point is stationary).</summary>
    public IReadOnlyList<Expr> Residuals { get; }
    /// <summary>H = ∇²R − λ∇²h at the point.</summary>
    public IReadOnlyList<IReadOnlyList<Expr>> Hessian { get; }
    /// <summary>The first index p with gₚ nonzero (an enclosure away from 0), or −1 (∇h = 0 or undecided: no test).</summary>
    public int Pivot { get; }
    /// <summary>The variable order of the bordered Hessian: p first, then the others in order.</summary>
    public IReadOnlyList<int> Order { get; } = [];
    /// <summary>The bordered Hessian's leading principal minors of orders 3, …, n + 1.</summary>
    public IReadOnlyList<Expr> BorderedMinors { get; } = [];
    /// <summary>M = BᵀHB over the tangent basis bⱼ = gₚeⱼ − gⱼeₚ.</summary>
    public IReadOnlyList<IReadOnlyList<Expr>> Reduced { get; } = [];
    /// <summary>M's leading principal minors D₁, …, D_{n−1}.</summary>
    public IReadOnlyList<Expr> ReducedMinors { get; } = [];
    /// <summary>The candidate tangent directions (in parameter coordinates), in the order tried.</summary>
    public IReadOnlyList<Direction> Candidates { get; } = [];

    /// <summary>A tangent direction candidate: its name, its components, g·v (0 exactly) and its curvature vᵀHv.</summary>
    public sealed record Direction(string Name, IReadOnlyList<Expr> Vector, Expr Tangency, Expr Curvature);

    /// <summary>uᵀHv, simplified.</summary>
    public Expr Curvature(IReadOnlyList<Expr> u, IReadOnlyList<Expr> v) =>
        Simplifier.Simplify(Add(Enumerable.Range(0, u.Count).SelectMany(i => Enumerable.Range(0, v.Count).Select(j => Mul(Mul(u[i], Hessian[i][j]), v[j])))));

    /// <summary>The strict sign of a constant: 0 when the zero test says it is exactly 0, ±1 when it is exactly nonzero and an
    /// outward-rounded enclosure lies on that side of 0, null otherwise; with the enclosure.</summary>
    public static (int? Sign, Interval Enclosure) SignOf(Expr constant)
    {
        var enclosure = IntervalEvaluator.Evaluate(constant, new Dictionary<string, Interval>());
        if (Simplifier.ZeroTest(constant) == ZeroTestResult.Zero) return (0, enclosure);
        if (double.IsFinite(enclosure.Lo) && enclosure.Lo > 0) return (1, enclosure);
        if (double.IsFinite(enclosure.Hi) && enclosure.Hi < 0) return (-1, enclosure);
        return (null, enclosure);
    }

    /// <summary>The determinant by Laplace expansion along the first row (entries exact constants), simplified.</summary>
    public static Expr Determinant(IReadOnlyList<IReadOnlyList<Expr>> rows)
    {
        int n = rows.Count;
        if (n == 0) return One;
        if (n == 1) return rows[0][0];
        var terms = new List<Expr>();
        for (int j = 0; j < n; j++)
        {
            if (rows[0][j] is Number { Value.IsZero: true }) continue;
            var minor = rows.Skip(1).Select(row => (IReadOnlyList<Expr>)row.Where((_, c) => c != j).ToArray()).ToArray();
            var term = Mul(rows[0][j], Determinant(minor));
            terms.Add(j % 2 == 0 ? term : Neg(term));
        }
        return Simplifier.Simplify(Add(terms));
    }

    /// <summary>The adjugate (transposed cofactor matrix) of a square matrix of constants.</summary>
    public static Expr[][] Adjugate(IReadOnlyList<IReadOnlyList<Expr>> a)
    {
        int n = a.Count;
        var adj = new Expr[n][];
        for (int i = 0; i < n; i++)
        {
            adj[i] = new Expr[n];
            for (int j = 0; j < n; j++)
            {
                if (n == 1) { adj[i][j] = One; continue; }
                // adj[i][j] = (−1)^(i+j) det(a without row j and column i).
                var minor = a.Where((_, r) => r != j).Select(row => (IReadOnlyList<Expr>)row.Where((_, c) => c != i).ToArray()).ToArray();
                var d = Determinant(minor);
                adj[i][j] = (i + j) % 2 == 0 ? d : Simplifier.Simplify(Neg(d));
            }
        }
        return adj;
    }
}
