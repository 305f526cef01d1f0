using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;
using static ProofWorkbench.Symbolic.Numbers.ExactLinearAlgebra;

namespace ProofWorkbench.Papers.Zhang2023.Constructions;

/// <summary>A piece of σ fixed by the recipe on a set the construction needs: C·e^{βu} on an interval, or a constant at a point.</summary>
/// <param name="Lo">Left end of the set (exact).</param>
/// <param name="Hi">Right end (= Lo for a point).</param>
/// <param name="Function">σ there, in the variable u.</param>
/// <param name="Role">What the piece is for (step of the recipe).</param>
public sealed record Anchor(Rational Lo, Rational Hi, Expr Function, string Role);

/// <summary>The result of the Two-point Recipe, Part A: σ, the data and the limits, all exact.</summary>
public sealed record PartAInstance(
    IReadOnlyList<Rational> W0, Rational A0,
    IReadOnlyList<Rational> W1, Rational A1,
    IReadOnlyList<Rational> W2, Rational A2,
    IReadOnlyList<Rational> X1, Expr Y1, Rational Beta1,
    IReadOnlyList<Rational> X2, Expr Y2, Rational Beta2,
    int Smoothness, IReadOnlyList<Anchor> Anchors, IReadOnlyList<Rational> Breakpoints, IReadOnlyList<Expr> Pieces, Expr Sigma)
{
    /// <summary>"∞" for the C^∞ joins (<see cref="SmoothStep"/>), else k.</summary>
    public string SmoothnessText => TwoPointRecipe.OrderText(Smoothness);
}

/// <summary>
/// The Two-point Overlapping Recipe, Part A (paper 000, Section 6.1, steps (a)–(f)), as a generator, following
/// Corollary A.1 and Proposition A.1 with the corrected eq. (15) (denominator a*² − a₀²). σ is C₁e^{β₁u} on E₁ (the
/// pre-activations of the flow on S₁) and e^{β₂u} on E₂ (those of the flow on S₂), so both flows run on the parabolas (14)
/// and end exactly at θ₁*, θ₂*; σ is constant near t₁ = x₁ᵀw₂* (step (d): a₂*σ(t₁) = y₁) and near t₂ = x₂ᵀw₁* (step (f)(ii):
/// a₁*σ(t₂) = y₂); the gaps between these sets are filled by Hermite polynomials of degree 2k + 1 that match all
/// derivatives up to order k at both ends, so σ ∈ C^k. Every number is exact.
/// </summary>
public static class TwoPointRecipe
{
    /// <summary>Builds the instance; throws <see cref="InputException"/> naming the step an input violates.</summary>
    public static PartAInstance Build(IReadOnlyList<Rational> w0, Rational a0, IReadOnlyList<Rational> w1, Rational a1,
        IReadOnlyList<Rational> w2, Rational a2, IReadOnlyList<Rational>? x1Given, int k)
    {
        int d = w0.Count;
        if (w1.Count != d || w2.Count != d || (x1Given is not null && x1Given.Count != d))
            throw new InputException($"--theta0, --theta1, --theta2 and --x1 must have the same number of weights (d = {d}).");
        if (k != SmoothStep.Infinite && (k < 1 || k > 8)) throw new InputException("--smoothness must be an integer k with 1 ≤ k ≤ 8 (σ ∈ C^k), or inf (σ ∈ C^∞).");
        if (w0.All(v => v.IsZero)) throw new InputException("step (a): w₀ must be nonzero.");
        if (w1.SequenceEqual(w0)) throw new InputException("step (a): w₁* must differ from w₀ (and so θ₁* ≠ θ₀).");
        var den1 = a1 * a1 - a0 * a0;
        if (den1.IsZero) throw new InputException("step (a): a₁*² = a₀², so no exponential dataset reaches θ₁* (corrected eq. (15) divides by a₁*² − a₀²; on the parabola (14) w could not move).");
        if (a1.IsZero) throw new InputException("step (f)(ii): a₁* must be nonzero (a₁*σ(x₂ᵀw₁*) = y₂ ≠ 0 fixes σ at x₂ᵀw₁*).");
        var dw1 = Subtract(w1, w0);
        // (a) with corrected (15): w₁* − w₀ = β₁(a₁*² − a₀²)/2 · x₁.
        IReadOnlyList<Rational> x1;
        Rational beta1;
        if (x1Given is null) { x1 = dw1.Select(v => 2 * v / den1).ToArray(); beta1 = Rational.One; }
        else
        {
            x1 = x1Given;
            if (x1.All(v => v.IsZero)) throw new InputException("step (a): x₁ must be nonzero.");
            int i0 = Enumerable.Range(0, d).First(i => !x1[i].IsZero);
            beta1 = 2 * dw1[i0] / (den1 * x1[i0]);
            if (beta1.IsZero || Enumerable.Range(0, d).Any(i => dw1[i] != beta1 * den1 / 2 * x1[i]))
                throw new InputException("step (a): x₁ must be a multiple of w₁* − w₀ (the flow moves w only along x₁, eq. (14)).");
        }
        var y1 = Mul(Num(a1), Exp(beta1 * Dot(x1, w1)));
        var e1 = PathSet(Dot(x1, w0), Dot(x1, w1), a0, a1);

        // (c): t₁ = x₁ᵀw₂* ∉ E₁ ∪ {0}; 0 ≠ P_h(w₁*) ∉ P_h(l), h = w₂* − w₀.
        var t1 = Dot(x1, w2);
        if (t1.IsZero || (e1.Lo <= t1 && t1 <= e1.Hi))
            throw new InputException($"step (c): x₁ᵀw₂* = {ExactText.Of(t1)} must lie outside E₁ = [{ExactText.Of(e1.Lo)}, {ExactText.Of(e1.Hi)}] ∪ {{0}}.");
        var h = Subtract(w2, w0);
        var hh = Dot(h, h);
        if (hh.IsZero) throw new InputException("step (c): w₂* must differ from w₀.");
        if (Dot(h, w1).IsZero) throw new InputException("step (c): P_h(w₁*) must be nonzero (hᵀw₁* = 0 for h = w₂* − w₀).");
        var s = (Dot(h, w1) - Dot(h, w0)) / hh;
        if (s.Sign >= 0 && s <= Rational.One) throw new InputException($"step (c): P_h(w₁*) must lie outside P_h(l) for the segment l from w₀ to w₂* (it meets it at s = {ExactText.Of(s)}).");
        // (d): a₂*·a₀ ≥ 0, a₂* ≠ 0 (σ(t₁) = y₁/a₂*), a₂*² ≠ a₀² (corrected (15) for S₂).
        if ((a2 * a0).Sign < 0) throw new InputException("step (d): a₂*·a₀ ≥ 0 is required.");
        if (a2.IsZero) throw new InputException("step (d): a₂* must be nonzero (a₂*σ(x₁ᵀw₂*) = y₁ ≠ 0).");
        var den2 = a2 * a2 - a0 * a0;
        if (den2.IsZero) throw new InputException("step (f)(iii): a₂*² = a₀², so no exponential dataset reaches θ₂* (corrected eq. (15)).");
        // (e): x₂ = λh with sup{|z| : z ∈ Ẽ₁}/|x₂| < min |P_h(v)|, i.e. |λ|·min|hᵀv| > max|z|; λ the least integer ≥ 1 with a factor 2 to spare.
        var zmax = new[] { e1.Lo.Abs(), e1.Hi.Abs(), t1.Abs() }.Max();
        var m = new[] { Dot(h, w1).Abs(), Dot(h, w0).Abs(), Dot(h, w2).Abs() }.Min();
        if (m.IsZero) throw new InputException("step (e): some P_h(v), v ∈ {w₁*, w₀, w₂*}, is 0, so no x₂ satisfies the scale condition.");
        var bound = 2 * zmax / m;
        var lambda = (Rational)System.Numerics.BigInteger.Max(System.Numerics.BigInteger.One, System.Numerics.BigInteger.Divide(bound.Numerator, bound.Denominator) + 1);
        var x2 = h.Select(v => lambda * v).ToArray();
        // (f): σ = e^{β₂u} on E₂ with w₂* − w₀ = β₂(a₂*² − a₀²)/2·x₂, y₂ = a₂*e^{β₂x₂ᵀw₂*}; σ(t₂) = y₂/a₁*.
        var beta2 = 2 / (lambda * den2);
        var y2 = Mul(Num(a2), Exp(beta2 * Dot(x2, w2)));
        var e2 = PathSet(Dot(x2, w0), Dot(x2, w2), a0, a2);
        var t2 = Dot(x2, w1);

        var anchors = new List<Anchor>
        {
            new(e1.Lo, e1.Hi, Exp(beta1, "u"), "E₁: σ = e^{β₁u}, the flow on S₁ (steps (a)–(b))"),
            new(e2.Lo, e2.Hi, Exp(beta2, "u"), "E₂: σ = e^{β₂u}, the flow on S₂ (step (f)(iii))"),
            new(t1, t1, Div(y1, Num(a2)), "t₁ = x₁ᵀw₂*: a₂*σ(t₁) = y₁ (step (d))"),
            new(t2, t2, Div(y2, Num(a1)), "t₂ = x₂ᵀw₁*: a₁*σ(t₂) = y₂ (step (f)(ii))"),
        };
        anchors.Sort((p, q) => p.Lo.CompareTo(q.Lo));
        for (int i = 0; i + 1 < anchors.Count; i++)
            if (!(anchors[i].Hi < anchors[i + 1].Lo))
                throw new InputException($"step (f)(i): the sets on which σ is fixed overlap ({anchors[i].Role} and {anchors[i + 1].Role}); with x₂ = {ExactText.List(x2)} the segment x₂ᵀl meets Ẽ₁ — choose θ₂* with w₀ and w₂* on the same side of the hyperplane hᵀw = 0.");

        var (breakpoints, pieces) = Assemble(anchors, k);
        var sigma = PiecewiseOf(breakpoints, pieces, k);
        return new PartAInstance(w0, a0, w1, a1, w2, a2, x1, y1, beta1, x2, y2, beta2, k, anchors, breakpoints, pieces, sigma);
    }

    /// <summary>
    /// The pre-activations x ᵀw(a) = u₀ + (u* − u₀)(a² − a₀²)/(a*² − a₀²) visited while a runs from a₀ to a* on the
    /// parabola (14): the hull of the ends, and of the turning point a = 0 when a crosses it.
    /// </summary>
    public static (Rational Lo, Rational Hi) PathSet(Rational u0, Rational uStar, Rational a0, Rational aStar)
    {
        var ends = new List<Rational> { u0, uStar };
        if (a0.Sign * aStar.Sign <= 0) ends.Add(u0 + (uStar - u0) * (-(a0 * a0)) / (aStar * aStar - a0 * a0));
        return (ends.Min(), ends.Max());
    }

    /// <summary>"∞" for <see cref="SmoothStep.Infinite"/>, else the integer.</summary>
    public static string OrderText(int k) => k == SmoothStep.Infinite ? "∞" : k.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// σ = piecewise(u &lt; b₁, f₁, …): with Hermite joins every condition is u &lt; b; with C^∞ joins an anchor holds up to
    /// and including its breakpoint p (u ≤ p), because the join f + (g − f)·S((u − p)/(q − p)) is defined only for u &gt; p.
    /// </summary>
    public static Expr PiecewiseOf(IReadOnlyList<Rational> breakpoints, IReadOnlyList<Expr> pieces, int k) =>
        new Piecewise(breakpoints.Select((b, i) => (new Relation(Sym("u"),
            k == SmoothStep.Infinite && i % 2 == 0 ? RelationOperator.LessOrEqual : RelationOperator.Less, Num(b)), pieces[i])).ToList(), pieces[^1]);

    /// <summary>
    /// Pieces: each anchor's function on its set widened by a quarter of the neighbouring gaps (the first and last extend
    /// to ∓∞), and in the middle half of each gap the Hermite polynomial of degree 2k + 1 matching derivatives 0…k, or for
    /// k = <see cref="SmoothStep.Infinite"/> the C^∞ join <see cref="SmoothStep.Join"/>.
    /// </summary>
    public static (List<Rational> Breakpoints, List<Expr> Pieces) Assemble(IReadOnlyList<Anchor> anchors, int k)
    {
        var breakpoints = new List<Rational>();
        var pieces = new List<Expr>();
        for (int i = 0; i < anchors.Count; i++)
        {
            pieces.Add(anchors[i].Function);
            if (i + 1 == anchors.Count) break;
            var gap = anchors[i + 1].Lo - anchors[i].Hi;
            Rational p = anchors[i].Hi + gap / 4, q = anchors[i + 1].Lo - gap / 4;
            breakpoints.Add(p);
            pieces.Add(k == SmoothStep.Infinite ? SmoothStep.Join(anchors[i].Function, anchors[i + 1].Function, p, q, "u")
                : Hermite(anchors[i].Function, anchors[i + 1].Function, p, q, k));
            breakpoints.Add(q);
        }
        return (breakpoints, pieces);
    }

    /// <summary>
    /// The polynomial P of degree 2k + 1 in (u − p) with P^{(j)}(p) = f^{(j)}(p) and P^{(j)}(q) = g^{(j)}(q), j = 0…k:
    /// the first k + 1 coefficients are f's Taylor coefficients at p; the rest solve an exact rational linear system.
    /// </summary>
    public static Expr Hermite(Expr f, Expr g, Rational p, Rational q, int k)
    {
        var u = "u";
        var fd = Derivatives(f, u, p, k);
        var gd = Derivatives(g, u, q, k);
        var dq = q - p;
        var c = new Expr[2 * k + 2];
        for (int j = 0; j <= k; j++) c[j] = Div(fd[j], Num(Factorial(j)));
        // Row j: Σ_{i=k+1}^{2k+1} c_i·i!/(i−j)!·D^{i−j} = g^{(j)}(q) − Σ_{i=j}^{k} c_i·i!/(i−j)!·D^{i−j}.
        var matrix = Enumerable.Range(0, k + 1).Select(j => (IReadOnlyList<Rational>)Enumerable.Range(k + 1, k + 1)
            .Select(i => Falling(i, j) * dq.Pow(i - j)).ToList()).ToList();
        var rhs = Enumerable.Range(0, k + 1).Select(j => Sub(gd[j], Add(Enumerable.Range(j, k + 1 - j).Select(i => Mul(c[i], Num(Falling(i, j) * dq.Pow(i - j))))))).ToList();
        var inverseColumns = Enumerable.Range(0, k + 1).Select(col =>
            Solve(matrix, Enumerable.Range(0, k + 1).Select(r => r == col ? Rational.One : Rational.Zero).ToList())
            ?? throw new InvalidOperationException("The Hermite system is singular, which cannot happen for p ≠ q.")).ToList();
        for (int r = 0; r <= k; r++)
            c[k + 1 + r] = Add(Enumerable.Range(0, k + 1).Select(col => Mul(Num(inverseColumns[col][r]), rhs[col])));
        var shifted = Sub(Sym(u), Num(p));
        return Add(c.Select((ci, i) => Mul(ci, Pow(shifted, Num(i)))));
    }

    private static Expr[] Derivatives(Expr f, string u, Rational at, int k)
    {
        var result = new Expr[k + 1];
        var current = f;
        for (int j = 0; j <= k; j++)
        {
            result[j] = Symbolic.Calculus.Substitution.Substitute(current, u, Num(at));
            current = Symbolic.Calculus.Differentiator.Derivative(current, u);
        }
        return result;
    }

    private static Rational Factorial(int n) => Enumerable.Range(1, Math.Max(0, n)).Aggregate(Rational.One, (a, b) => a * b);
    private static Rational Falling(int i, int j) => Enumerable.Range(i - j + 1, j).Aggregate(Rational.One, (a, b) => a * b);
    private static Expr Exp(Rational c) => Call("exp", Num(c));
    private static Expr Exp(Rational beta, string u) => Call("exp", Mul(Num(beta), Sym(u)));
}
