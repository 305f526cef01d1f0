using System.Globalization;
using ProofWorkbench.Smt;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Numbers.ExactLinearAlgebra;

namespace ProofWorkbench.Papers.Zhang2023.Recipes;

/// <summary>
/// The constraints of the recipes of paper 000 (Zhang, Xu, Luo &amp; Zhang, TMLR 2023), Section 6, and the
/// hypothesis of Lemma 5.2, as named SMT checks over exact rationals. Each condition is an expression goal — a relation
/// over data variables (w0_1, w1star_1, x1_1, E1_lo, …) — with assumptions pinning every variable to its exact value;
/// <see cref="SmtProver.Prove"/> (the one SMT writer: the translator and <see cref="SmtScriptBuilder"/>) writes the
/// standalone SMT-LIB2 script with the negated goal and runs Z3; Z3's answer is cross-checked against exact rational
/// arithmetic in C#, and the <see cref="SmtCheckResult"/> cites the paper step and keeps goal and assumptions, so an
/// independent checker regenerates the query from them.
/// <para>Proved = the negated goal is unsat; Refuted = a model, confirmed exactly. The search "find x2" (only when no x2 is
/// given) picks x2 = λh exactly and proves the condition for it, or refutes the condition under which one exists.</para>
/// </summary>
public static class RecipeChecks
{
    private const string Paper = "paper 000";

    // ---- Two-point Recipe, Part A (Section 6.1) ----------------------------------------------

    /// <summary>
    /// All checks of the Two-point Recipe Part A that are decidable from the data: steps (a), (c), (d), (e)
    /// (and the search for an x2 satisfying (e)). Steps (b) and (f) are constructions (flow limits, σ), not
    /// conditions; the GF convergence in (a) and (f) is the numeric layer's to confirm.
    /// </summary>
    public static IReadOnlyList<SmtCheckResult> TwoPointPartA(TwoPointPartAInput input, SmtSolverOptions? options = null)
    {
        const string s = "Sec. 6.1";
        var certain = input.E1Certain ?? [RationalInterval.Hull(Dot(input.X1, input.W0), Dot(input.X1, input.W1Star))];
        var results = new List<SmtCheckResult>
        {
            NonzeroVector($"{s}(a) w0 ≠ 0", $"{Paper}, {s}, step (a)", "w0", input.W0, options),
            DistinctVectors($"{s}(a) w1* ≠ w0", $"{Paper}, {s}, step (a)", "w1*", input.W1Star, "w0", input.W0, options),
            NonzeroVector($"{s}(a) x1 ≠ 0", $"{Paper}, {s}, step (a)", "x1", input.X1, options),
            OutsideSetAndNonzero($"{s}(c) x1ᵀw2* ∉ E1 ∪ {{0}}", $"{Paper}, {s}, step (c)", "x1", input.X1, "w2*", input.W2Star, "E1", input.E1, certain, options),
            ProjectionNonzero($"{s}(c) P_h(w1*) ≠ 0", $"{Paper}, {s}, step (c)", input.W0, "w1*", input.W1Star, "w2*", input.W2Star, options),
            ProjectionOutsideSegment($"{s}(c) P_h(w1*) ∉ P_h(l)", $"{Paper}, {s}, step (c)", input.W0, "w1*", input.W1Star, "w2*", input.W2Star, options),
            ProductNonnegative($"{s}(d) a2*·a0 ≥ 0", $"{Paper}, {s}, step (d)", "a2*", input.A2Star, "a0", input.A0, options),
        };
        var scale = new ScaleData("x1", input.X1, "w0", input.W0, "w1*", input.W1Star, "w2*", input.W2Star, "E1", input.E1, certain);
        results.AddRange(input.X2 is not null
            ? ScaleCondition($"{s}(e) scale condition on x2", $"{Paper}, {s}, step (e)", scale, "x2", input.X2, options)
            : FindScaleVector($"{s}(e) find x2", $"{Paper}, {s}, step (e)", scale, "x2", options));
        return results;
    }

    // ---- Two-point Recipe, Part B (Section 6.2) ----------------------------------------------

    /// <summary>The checks of step n of the Two-point Recipe Part B: (a), (b), (c) and the search for x_n.</summary>
    public static IReadOnlyList<SmtCheckResult> TwoPointPartB(TwoPointPartBInput input, SmtSolverOptions? options = null)
    {
        if (input.N < 2 || input.K < 1 || input.K >= input.N) throw new ArgumentException("Part B needs n ≥ 2 and 1 ≤ k ≤ n − 1.");
        const string s = "Sec. 6.2";
        int n = input.N, k = input.K;
        string wk = $"w{k}*", wn = $"w{n}*", xk = $"x{k}", e = $"E{n - 1}", xn = $"x{n}", an = $"a{n}*";
        var certain = input.ECertain ?? [];
        var results = new List<SmtCheckResult>
        {
            OutsideSetAndNonzero($"{s}(a) {xk}ᵀ{wn} ∉ {e} ∪ {{0}} (n = {n}, k = {k})", $"{Paper}, {s}, step (a)", xk, input.XK, wn, input.WNStar, e, input.E, certain, options),
            ProjectionNonzero($"{s}(a) P_h({wk}) ≠ 0 (n = {n})", $"{Paper}, {s}, step (a)", input.W0, wk, input.WKStar, wn, input.WNStar, options),
            ProjectionOutsideSegment($"{s}(a) P_h({wk}) ∉ P_h(l) (n = {n})", $"{Paper}, {s}, step (a)", input.W0, wk, input.WKStar, wn, input.WNStar, options),
            ProductNonnegative($"{s}(b) {an}·a0 ≥ 0 (n = {n})", $"{Paper}, {s}, step (b)", an, input.ANStar, "a0", input.A0, options),
        };
        var scale = new ScaleData(xk, input.XK, "w0", input.W0, wk, input.WKStar, wn, input.WNStar, e, input.E, certain);
        results.AddRange(input.XN is not null
            ? ScaleCondition($"{s}(c) scale condition on {xn}", $"{Paper}, {s}, step (c)", scale, xn, input.XN, options)
            : FindScaleVector($"{s}(c) find {xn}", $"{Paper}, {s}, step (c)", scale, xn, options));
        return results;
    }

    // ---- building blocks ---------------------------------------------------------------------
    //
    // Every condition is an expression goal: a relation over named data variables (w0_1, w1star_1, x1_1, E1_lo, …) that must
    // hold for all values satisfying the assumptions, which pin each variable to its exact rational value. The one SMT writer
    // (SmtProver: the translator and SmtScriptBuilder) turns goal and assumptions into the SMT-LIB2 script; the result keeps
    // both, so an independent checker regenerates the query from them (issue 10 item 5: SMT-LIB2 is produced one way).

    /// <summary>v ≠ 0 (some component nonzero): the goal Σ vᵢ² &gt; 0.</summary>
    public static SmtCheckResult NonzeroVector(string name, string citation, string label, IReadOnlyList<Rational> v, SmtSolverOptions? options = null)
    {
        var d = new Data();
        var vs = d.Vector(label, v);
        var goal = new Relation(SumOfSquares(vs), RelationOperator.Greater, Expr.Zero);
        bool holds = v.Any(x => !x.IsZero);
        return Decide(name, citation, goal, d, holds, options,
            $"{label} = {Show(v)} ≠ 0 ({citation})",
            $"{label} = 0, but {citation} requires {label} ≠ 0");
    }

    /// <summary>u ≠ v: the goal Σ (uᵢ − vᵢ)² &gt; 0.</summary>
    public static SmtCheckResult DistinctVectors(string name, string citation, string labelU, IReadOnlyList<Rational> u, string labelV, IReadOnlyList<Rational> v, SmtSolverOptions? options = null)
    {
        Same(u, v);
        var d = new Data();
        var a = d.Vector(labelU, u);
        var b = d.Vector(labelV, v);
        var goal = new Relation(SumOfSquares(a.Select((x, i) => Expr.Sub(x, b[i]))), RelationOperator.Greater, Expr.Zero);
        bool holds = u.Where((x, i) => x != v[i]).Any();
        return Decide(name, citation, goal, d, holds, options,
            $"{labelU} = {Show(u)} ≠ {labelV} = {Show(v)} ({citation})",
            $"{labelU} = {labelV} = {Show(u)}, but {citation} requires them to differ");
    }

    /// <summary>
    /// xᵀw ∉ E ∪ {0}, with E given by an outer enclosure (a union of intervals [lo_j, hi_j]): the goal
    /// min(t², (t − lo_1)(t − hi_1), …) &gt; 0 with t = xᵀw (t ∉ [lo, hi] iff (t − lo)(t − hi) &gt; 0). A refutation is rigorous
    /// only when it holds for <paramref name="certain"/> (intervals certainly inside E) too; otherwise the verdict is unknown.
    /// </summary>
    public static SmtCheckResult OutsideSetAndNonzero(string name, string citation, string labelX, IReadOnlyList<Rational> x,
        string labelW, IReadOnlyList<Rational> w, string labelE, IReadOnlyList<RationalInterval> e, IReadOnlyList<RationalInterval> certain,
        SmtSolverOptions? options = null)
    {
        Same(x, w);
        (Relation, Data) Build(IReadOnlyList<RationalInterval> set)
        {
            var d = new Data();
            var t = DotE(d.Vector(labelX, x), d.Vector(labelW, w));
            var parts = new List<Expr> { Expr.Pow(t, Expr.Two) };
            for (int j = 0; j < set.Count; j++)
            {
                var (lo, hi) = d.Interval(labelE, set.Count == 1 ? null : j + 1, set[j]);
                parts.Add(Expr.Mul(Expr.Sub(t, lo), Expr.Sub(t, hi)));
            }
            return (new Relation(Min(parts), RelationOperator.Greater, Expr.Zero), d);
        }
        var tv = Dot(x, w);
        bool holds = !tv.IsZero && !e.Any(iv => iv.Contains(tv));
        bool certainFailure = tv.IsZero || certain.Any(iv => iv.Contains(tv));
        string where = tv.IsZero ? "t = 0" : certain.FirstOrDefault(iv => iv.Contains(tv)) is { } c
            ? $"t ∈ {c}, which lies inside {labelE} for certain"
            : "";
        var (goal, data) = Build(e);
        var result = Decide(name, citation, goal, data, holds, options,
            $"{labelX}ᵀ{labelW} = {Show(tv)} is nonzero and outside {labelE} ⊆ {string.Join(" ∪ ", e)} ({citation})",
            $"{labelX}ᵀ{labelW} = {Show(tv)}: {where}, so the condition of {citation} fails");
        return result.Verdict != SmtVerdict.Refuted || SameSets(e, certain) ? result
            : RefuteOnCertainPart(name, citation, Build(certain), certainFailure, options, result.Explanation,
                $"{labelX}ᵀ{labelW} = {Show(tv)} lies in the outer enclosure of {labelE} but not in its certain part; refine the enclosure of {labelE} ({citation})");
    }

    /// <summary>P_h(w_k*) ≠ 0 with h = w_n* − w0 and P_h the orthogonal projection onto span{h}: the goal hᵀh·(hᵀw_k*)² &gt; 0
    /// (P_h(v) = (hᵀv/hᵀh)·h for h ≠ 0 and P_h = 0 for h = 0).</summary>
    public static SmtCheckResult ProjectionNonzero(string name, string citation, IReadOnlyList<Rational> w0, string labelK, IReadOnlyList<Rational> wk,
        string labelN, IReadOnlyList<Rational> wn, SmtSolverOptions? options = null)
    {
        Same(w0, wk); Same(w0, wn);
        var d = new Data();
        var a = d.Vector("w0", w0);
        var k = d.Vector(labelK, wk);
        var n = d.Vector(labelN, wn);
        var h = n.Select((ni, i) => Expr.Sub(ni, a[i])).ToArray();
        var goal = new Relation(Expr.Mul(DotE(h, h), Expr.Pow(DotE(h, k), Expr.Two)), RelationOperator.Greater, Expr.Zero);
        var hv = Subtract(wn, w0);
        var hhv = Dot(hv, hv);
        var hkv = Dot(hv, wk);
        bool holds = !hhv.IsZero && !hkv.IsZero;
        return Decide(name, citation, goal, d, holds, options,
            $"P_h({labelK}) = {(hhv.IsZero ? "0" : Show(hkv / hhv))}·h ≠ 0 with h = {labelN} − w0 = {Show(hv)} ({citation})"
            + (hv.Length == 1 ? "; in d = 1, P_h is the identity, so this says " + labelK + " ≠ 0" : ""),
            hhv.IsZero ? $"h = {labelN} − w0 = 0, so P_h = 0 and P_h({labelK}) = 0 ({citation})" : $"hᵀ{labelK} = 0, so P_h({labelK}) = 0 ({citation})");
    }

    /// <summary>
    /// P_h(w_k*) ∉ P_h(l) with l the segment from w0 to w_n*, h = w_n* − w0. P_h(w_k*) = P_h(w0 + s·h) exactly at
    /// s = (hᵀw_k* − hᵀw0)/hᵀh, so the condition is s ∉ [0, 1], i.e. the goal (hᵀw_k* − hᵀw0)(hᵀw_k* − hᵀw0 − hᵀh) &gt; 0
    /// (multiplied by (hᵀh)² &gt; 0; for h = 0 the product is 0 and every projection is 0, so the goal fails as it must).
    /// </summary>
    public static SmtCheckResult ProjectionOutsideSegment(string name, string citation, IReadOnlyList<Rational> w0, string labelK, IReadOnlyList<Rational> wk,
        string labelN, IReadOnlyList<Rational> wn, SmtSolverOptions? options = null)
    {
        Same(w0, wk); Same(w0, wn);
        var d = new Data();
        var a = d.Vector("w0", w0);
        var k = d.Vector(labelK, wk);
        var n = d.Vector(labelN, wn);
        var h = n.Select((ni, i) => Expr.Sub(ni, a[i])).ToArray();
        var diff = Expr.Sub(DotE(h, k), DotE(h, a));
        var goal = new Relation(Expr.Mul(diff, Expr.Sub(diff, DotE(h, h))), RelationOperator.Greater, Expr.Zero);
        var hv = Subtract(wn, w0);
        var hhv = Dot(hv, hv);
        Rational? sv = hhv.IsZero ? null : (Dot(hv, wk) - Dot(hv, w0)) / hhv;
        bool holds = sv is { } x && (x.Sign < 0 || x > Rational.One);
        string d1 = hv.Length == 1 ? $"; in d = 1, P_h is the identity and P_h(l) = l, so this says {labelK} ∉ segment[w0, {labelN}]" : "";
        string sText = sv is { } sx ? Show(sx) : "none";
        return Decide(name, citation, goal, d, holds, options,
            $"P_h({labelK}) = P_h(l(s)) only at s = {sText} ∉ [0, 1] ({citation}){d1}",
            sv is null ? $"h = {labelN} − w0 = 0, so all projections are 0 ({citation})"
                       : $"P_h({labelK}) = P_h(l(s)) at s = {sText} ∈ [0, 1] ({citation}){d1}");
    }

    /// <summary>a·b ≥ 0.</summary>
    public static SmtCheckResult ProductNonnegative(string name, string citation, string labelA, Rational a, string labelB, Rational b, SmtSolverOptions? options = null)
    {
        var d = new Data();
        var goal = new Relation(Expr.Mul(d.Scalar(labelA, a), d.Scalar(labelB, b)), RelationOperator.GreaterOrEqual, Expr.Zero);
        bool holds = (a * b).Sign >= 0;
        return Decide(name, citation, goal, d, holds, options,
            $"{labelA}·{labelB} = {Show(a * b)} ≥ 0 ({citation})",
            $"{labelA}·{labelB} = {Show(a * b)} < 0 ({citation})");
    }

    /// <summary>The data of the scale condition (Sec. 6.1 (e), Sec. 6.2 (c)).</summary>
    private sealed record ScaleData(string LabelXK, IReadOnlyList<Rational> XK, string LabelW0, IReadOnlyList<Rational> W0,
        string LabelWK, IReadOnlyList<Rational> WK, string LabelWN, IReadOnlyList<Rational> WN,
        string LabelE, IReadOnlyList<RationalInterval> E, IReadOnlyList<RationalInterval> ECertain)
    {
        public Rational[] H => Subtract(WN, W0);
        public Rational T => Dot(XK, WN);
        /// <summary>The values whose absolute values bound sup{|z| : z ∈ Ẽ} (Ẽ = E ∪ {t}): the enclosure's ends and t.</summary>
        public IEnumerable<Rational> Ends(bool certain) => (certain ? ECertain : E).SelectMany(i => new[] { i.Lo, i.Hi }).Append(T);
        public IEnumerable<(string Label, IReadOnlyList<Rational> V)> Projected => [(LabelWK, WK), (LabelW0, W0), (LabelWN, WN)];
    }

    /// <summary>
    /// The scale condition on a given x: x ∈ span{h} ∖ {0} and sup{|x|⁻¹|z| : z ∈ Ẽ} &lt; min{|P_h(w_k*)|, |P_h(w0)|, |P_h(w_n*)|},
    /// Ẽ = E ∪ {x_kᵀw_n*}. The sup over Ẽ of |z| is attained at an end of E's enclosure or at t, and |P_h(v)| = |hᵀv|/|h|;
    /// squared and multiplied by |x|²·hᵀh: the goal max(z²)·hᵀh &lt; |x|²·min((hᵀv)²) (it fails for x = 0 or h = 0). For d &gt; 1 a
    /// second goal states x ∈ span{h}: (xᵀh)² = |x|²·hᵀh (equality in Cauchy–Schwarz).
    /// </summary>
    private static IEnumerable<SmtCheckResult> ScaleCondition(string name, string citation, ScaleData s, string labelX, IReadOnlyList<Rational> x,
        SmtSolverOptions? options, string? found = null)
    {
        Same(s.W0, x);
        var (holds, detail) = ScaleHolds(s, x, certain: false);
        (Relation, Data) Build(IReadOnlyList<RationalInterval> set)
        {
            var d = new Data();
            var (h, hh, ends, proj) = ScaleTerms(d, s, set);
            var xs = d.Vector(labelX, x);
            return (new Relation(Expr.Mul(Max(ends.Select(z => Expr.Pow(z, Expr.Two))), hh), RelationOperator.Less,
                Expr.Mul(SumOfSquares(xs), Min(proj.Select(p => Expr.Pow(p, Expr.Two))))), d);
        }
        var (goal, data) = Build(s.E);
        var prefix = found is null ? "" : $"found {labelX} = {found}: ";
        var result = Decide(name, citation, goal, data, holds, options, prefix + $"{detail} ({citation})", $"{detail} ({citation})");
        if (result.Verdict == SmtVerdict.Refuted && !SameSets(s.E, s.ECertain))
        {
            // The certain part of Ẽ (its certain intervals and t itself) bounds the sup from below, so failing there is rigorous.
            var (holdsCertain, _) = ScaleHolds(s, x, certain: true);
            result = RefuteOnCertainPart(name, citation, Build(s.ECertain), !holdsCertain, options, result.Explanation,
                $"{detail}, but only for the outer enclosure of {s.LabelE}; refine it ({citation})");
        }
        yield return result;
        if (x.Count > 1)
        {
            var d = new Data();
            var w0v = d.Vector(s.LabelW0, s.W0);
            var h = d.Vector(s.LabelWN, s.WN).Select((n, i) => Expr.Sub(n, w0v[i])).ToArray();
            var xs = d.Vector(labelX, x);
            var span = new Relation(Expr.Pow(DotE(xs, h), Expr.Two), RelationOperator.Equal, Expr.Mul(SumOfSquares(xs), SumOfSquares(h)));
            var hv = s.H;
            bool inSpan = Dot(x, hv) * Dot(x, hv) == Dot(x, x) * Dot(hv, hv);
            yield return Decide(name.Replace("scale condition on", "span condition on").Replace("find", "span condition on"), citation, span, d, inSpan, options,
                $"{labelX} = {Show(x)} is a multiple of h = {s.LabelWN} − w0 = {Show(hv)}: (xᵀh)² = |x|²·hᵀh ({citation})",
                $"{labelX} = {Show(x)} is not a multiple of h = {s.LabelWN} − w0 = {Show(hv)} ({citation})");
        }
    }

    /// <summary>
    /// Finds x ∈ span{h} ∖ {0} satisfying the scale condition: it depends on |x| only, so x = λ·h with the least integer λ ≥ 1
    /// with λ²·min (hᵀv)² &gt; max z² (exact), which is then proved like a given x. When some hᵀv is 0 or h = 0 no x exists: the
    /// goal hᵀh·(hᵀw_k*)²·(hᵀw0)²·(hᵀw_n*)² &gt; 0 (necessary, and sufficient for some λ) is then refuted.
    /// </summary>
    private static IEnumerable<SmtCheckResult> FindScaleVector(string name, string citation, ScaleData s, string labelX, SmtSolverOptions? options)
    {
        var hv = s.H;
        var hh = Dot(hv, hv);
        var p2 = s.Projected.Select(p => Dot(hv, p.V) * Dot(hv, p.V)).ToList();
        if (hh.IsZero || p2.Any(p => p.IsZero))
        {
            var d = new Data();
            var (_, hhE, _, proj) = ScaleTerms(d, s, []);
            var goal = new Relation(Expr.Mul(proj.Select(p => Expr.Pow(p, Expr.Two)).Prepend(hhE)), RelationOperator.Greater, Expr.Zero);
            var r = Decide(name, citation, goal, d, false, options, "", $"some P_h(v) is 0 or h = 0, so no {labelX} can satisfy the condition ({citation})");
            yield return r.Verdict == SmtVerdict.Refuted ? r with { Explanation = $"none exists: some P_h(v) is 0 or h = 0, so no {labelX} can satisfy the condition ({citation})" } : r;
            yield break;
        }
        var zmax = s.Ends(certain: false).Select(z => z * z).Max();
        var pmin = p2.Min();
        var lambda = Rational.One;
        while (lambda * lambda * pmin <= zmax) lambda += Rational.One;
        var x = hv.Select(v => lambda * v).ToArray();
        foreach (var r in ScaleCondition(name, citation, s, labelX, x, options, found: Show(x))) yield return r;
    }

    /// <summary>The terms of the scale condition over the variables of <paramref name="d"/>: h, hᵀh, the ends z of Ẽ (the
    /// ends of <paramref name="set"/> and t = x_kᵀw_n*) and the projections hᵀw_k*, hᵀw0, hᵀw_n*.</summary>
    private static (Expr[] H, Expr HH, List<Expr> Ends, List<Expr> Proj) ScaleTerms(Data d, ScaleData s, IReadOnlyList<RationalInterval> set)
    {
        var a = d.Vector(s.LabelW0, s.W0);
        var k = d.Vector(s.LabelWK, s.WK);
        var n = d.Vector(s.LabelWN, s.WN);
        var xk = d.Vector(s.LabelXK, s.XK);
        var h = n.Select((ni, i) => Expr.Sub(ni, a[i])).ToArray();
        var ends = new List<Expr>();
        for (int j = 0; j < set.Count; j++)
        {
            var (lo, hi) = d.Interval(s.LabelE, set.Count == 1 ? null : j + 1, set[j]);
            ends.Add(lo); ends.Add(hi);
        }
        ends.Add(DotE(xk, n));
        return (h, DotE(h, h), ends, [DotE(h, k), DotE(h, a), DotE(h, n)]);
    }

    /// <summary>The scale inequality alone (the span condition is a separate check), exactly.</summary>
    private static (bool Holds, string Detail) ScaleHolds(ScaleData s, IReadOnlyList<Rational> x, bool certain)
    {
        var h = s.H;
        var hh = Dot(h, h);
        if (hh.IsZero) return (false, "h = 0");
        var xx = Dot(x, x);
        if (xx.IsZero) return (false, "x = 0");
        var zmax = s.Ends(certain).Select(z => z * z).Max();
        var projections = s.Projected.Select(p => (p.Label, P2: Dot(h, p.V) * Dot(h, p.V))).ToList();
        bool holds = projections.All(p => zmax * hh < xx * p.P2);
        var minP = projections.MinBy(p => p.P2);
        double lhs = Math.Sqrt(zmax.ToDouble() / xx.ToDouble()), rhs = Math.Sqrt(minP.P2.ToDouble() / hh.ToDouble());
        return (holds, $"sup{{|x|⁻¹|z| : z ∈ Ẽ}} ≈ {F(lhs)} {(holds ? "<" : "≥")} min |P_h(v)| = |P_h({minP.Label})| ≈ {F(rhs)} (compared exactly in squared form)");
    }

    // ---- deciding a goal -----------------------------------------------------------------------

    /// <summary>
    /// The data of a check: named variables, each pinned to its exact value by an assumption "name = value". Names come
    /// from the paper's labels: w1* → w1star_1, …; scalars keep the label (a0, a2star); an interval of E1 is E1_lo, E1_hi.
    /// </summary>
    private sealed class Data
    {
        private readonly List<Relation> assumptions = [];
        private readonly Dictionary<string, Rational> values = new(StringComparer.Ordinal);

        public IReadOnlyList<Relation> Assumptions => assumptions;

        private Expr Pin(string name, Rational value)
        {
            if (values.TryGetValue(name, out var old))
                return old == value ? Expr.Sym(name) : throw new ArgumentException($"The variable {name} is given two values, {old} and {value}.");
            values[name] = value;
            assumptions.Add(new Relation(Expr.Sym(name), RelationOperator.Equal, Expr.Num(value)));
            return Expr.Sym(name);
        }

        public Expr[] Vector(string label, IReadOnlyList<Rational> v) => v.Select((x, i) => Pin($"{VariableName(label)}_{i + 1}", x)).ToArray();
        public Expr Scalar(string label, Rational v) => Pin(VariableName(label), v);
        public (Expr Lo, Expr Hi) Interval(string label, int? index, RationalInterval iv) =>
            (Pin($"{VariableName(label)}_lo{index}", iv.Lo), Pin($"{VariableName(label)}_hi{index}", iv.Hi));
    }

    /// <summary>The variable name of a paper label: w1* → w1star, x_(n,1) → x_n_1.</summary>
    public static string VariableName(string label) =>
        label.Replace("*", "star").Replace("(", "").Replace(")", "").Replace(",", "_");

    /// <summary>
    /// Decides "goal for all values under the data's assumptions" with <see cref="SmtProver.Prove"/> (the one SMT writer), and
    /// cross-checks Z3's answer against the exact rational computation <paramref name="holds"/>. The result keeps the goal and
    /// the assumptions, so the query can be regenerated; a disagreement (never seen) is reported as unknown, without a goal.
    /// </summary>
    private static SmtCheckResult Decide(string name, string citation, Relation goal, Data data, bool holds, SmtSolverOptions? options,
        string proved, string refuted)
    {
        var r = SmtProver.Prove(goal, data.Assumptions, options, name: $"{name}\nsource: {citation}") with
        {
            Name = name, Goal = goal, Assumptions = data.Assumptions,
        };
        return (r.Verdict, holds) switch
        {
            (SmtVerdict.Proved, true) => r with { Explanation = "proved: " + proved },
            (SmtVerdict.Refuted, false) => r with { Explanation = "refuted: " + refuted },
            (SmtVerdict.Unknown, _) => r with { Explanation = $"Z3 could not decide: {r.Explanation} ({citation})" },
            _ => r with
            {
                Verdict = SmtVerdict.Unknown, ReasonUnknown = "disagreement", Goal = null, Assumptions = [],
                Explanation = $"Z3 answered {r.Verdict.ToString().ToLowerInvariant()} but exact rational arithmetic says the condition {(holds ? "holds" : "fails")}; please report this ({citation})",
            },
        };
    }

    /// <summary>
    /// A condition refuted on an outer enclosure is refuted for certain only when it fails on the enclosure's certain part
    /// too: that goal is decided; when it holds there the result is unknown (no goal: nothing certain was shown).
    /// </summary>
    private static SmtCheckResult RefuteOnCertainPart(string name, string citation, (Relation Goal, Data Data) onCertain, bool failsOnCertain,
        SmtSolverOptions? options, string refuted, string uncertain)
    {
        var r = Decide(name, citation, onCertain.Goal, onCertain.Data, !failsOnCertain, options, uncertain, refuted.StartsWith("refuted: ", StringComparison.Ordinal) ? refuted["refuted: ".Length..] : refuted);
        return r.Verdict == SmtVerdict.Proved
            ? r with { Verdict = SmtVerdict.Unknown, ReasonUnknown = "enclosure too coarse", Goal = null, Assumptions = [], Explanation = uncertain }
            : r;
    }

    private static bool SameSets(IReadOnlyList<RationalInterval> a, IReadOnlyList<RationalInterval> b) => a.SequenceEqual(b);

    private static Expr DotE(IReadOnlyList<Expr> a, IReadOnlyList<Expr> b) => Expr.Add(a.Select((x, i) => Expr.Mul(x, b[i])));
    private static Expr SumOfSquares(IEnumerable<Expr> v) => Expr.Add(v.Select(x => Expr.Pow(x, Expr.Two)));
    private static Expr Min(IEnumerable<Expr> terms) => Expr.Neg(Max(terms.Select(Expr.Neg))); // min = −max(−·): max is the function the SMT writer knows
    private static Expr Max(IEnumerable<Expr> terms) => terms.Aggregate((a, b) => Expr.Call("max", a, b));

    // ---- One-point Recipe (Section 6.3) and Lemma 5.2 ----------------------------------------

    /// <summary>All checks of the One-point Recipe for one θ_n: σ &gt; 0 and σ′ &gt; 0 (step (a)) and the independence of step (b).</summary>
    public static IReadOnlyList<SmtCheckResult> OnePoint(OnePointInput input, SmtSolverOptions? options = null) =>
    [
        ActivationPositive(input.Activation, input.Variable, options),
        ActivationIncreasing(input.Activation, input.Variable, options),
        OnePointDirectionsIndependent(input, options),
    ];

    /// <summary>Sec. 6.3 (a) and Lemma 6.1: σ &gt; 0 on ℝ, proved through the SMT translation.</summary>
    public static SmtCheckResult ActivationPositive(Expr sigma, string variable = "u", SmtSolverOptions? options = null)
    {
        var r = SmtProver.ProveSign(sigma, RelationOperator.Greater, [], options, name: $"Sec. 6.3(a) σ > 0 for σ({variable}) = {sigma}");
        return r with { Explanation = $"σ({variable}) = {sigma} > 0 for all real {variable}: {r.Explanation} ({Paper}, Sec. 6.3, step (a); Lemma 6.1)" };
    }

    /// <summary>Sec. 6.3 (a) and Lemma 6.1: σ′ &gt; 0 on ℝ (σ′ from the symbolic differentiator), proved through the SMT translation.</summary>
    public static SmtCheckResult ActivationIncreasing(Expr sigma, string variable = "u", SmtSolverOptions? options = null)
    {
        var derivative = Differentiator.Derivative(sigma, variable);
        var r = SmtProver.ProveSign(derivative, RelationOperator.Greater, [], options, name: $"Sec. 6.3(a) σ′ > 0 for σ({variable}) = {sigma}");
        return r with { Explanation = $"σ′({variable}) = {derivative} > 0 for all real {variable}: {r.Explanation} ({Paper}, Sec. 6.3, step (a); Lemma 6.1)" };
    }

    /// <summary>
    /// Sec. 6.3 (b): the d vectors −σ(x_kᵀw)/(a σ′(x_kᵀw))·(1/(x_k)_1, …, 1/(x_k)_d), k = 1…d, are linearly
    /// independent. Row k is c_k·r_k with c_k = −σ(x_kᵀw)/(a σ′(x_kᵀw)) and r_k = (1/(x_k)_1, …, 1/(x_k)_d);
    /// c_k ≠ 0 because a ≠ 0 (checked) and σ, σ′ &gt; 0 (the checks <see cref="ActivationPositive"/> and
    /// <see cref="ActivationIncreasing"/>), and scaling rows by nonzero numbers keeps them independent. So the
    /// condition is: a ≠ 0, every (x_k)_i ≠ 0, and the exact rational matrix (r_k) is nonsingular — the goal
    /// a²·det(1/(x_k)_i)² &gt; 0, cross-checked by an exact determinant in C#. When a = 0 or some (x_k)_i = 0 the rows are not
    /// defined, and the goal a²·Π(x_k)_i² &gt; 0 is refuted instead.
    /// </summary>
    public static SmtCheckResult OnePointDirectionsIndependent(OnePointInput input, SmtSolverOptions? options = null)
    {
        int d = input.W.Count;
        if (input.X.Count != d || input.X.Any(x => x.Count != d)) throw new ArgumentException($"Step (b) needs d = {d} vectors x_(n,k) in ℝ^{d}.");
        const string citation = "paper 000, Sec. 6.3, step (b)";
        const string name = "Sec. 6.3(b) direction vectors linearly independent";
        var data = new Data();
        var a = data.Scalar("a", input.A);
        var xs = input.X.Select((x, k) => data.Vector($"x{k + 1}", x)).ToList();
        bool inputsOk = !input.A.IsZero && input.X.All(x => x.All(v => !v.IsZero));
        if (!inputsOk)
        {
            var defined = new Relation(Expr.Mul(xs.SelectMany(x => x).Select(v => Expr.Pow(v, Expr.Two)).Prepend(Expr.Pow(a, Expr.Two))), RelationOperator.Greater, Expr.Zero);
            return Decide(name, citation, defined, data, false, options, "", $"a = 0 or some (x_k)_i = 0: the step-(b) vectors are not defined ({citation})");
        }
        var rows = xs.Select(x => (IReadOnlyList<Expr>)x.Select(v => Expr.Div(Expr.One, v)).ToList()).ToList();
        var goal = new Relation(Expr.Mul(Expr.Pow(a, Expr.Two), Expr.Pow(DeterminantE(rows), Expr.Two)), RelationOperator.Greater, Expr.Zero);
        Rational det = Determinant(input.X.Select(x => (IReadOnlyList<Rational>)x.Select(v => Rational.One / v).ToList()).ToList());
        return Decide(name, citation, goal, data, !det.IsZero, options,
            $"a = {Show(input.A)} ≠ 0, all (x_k)_i ≠ 0, det(1/(x_k)_i) = {Show(det)} ≠ 0 (exact), so the step-(b) vectors are independent given σ, σ′ > 0 ({citation})",
            $"det(1/(x_k)_i) = 0 (exact): the step-(b) vectors are linearly dependent ({citation})");
    }

    /// <summary>
    /// Lemma 5.2's hypothesis: the given direction vectors (limits of γ̇_i/|γ̇_i|, as rationals) are linearly
    /// independent: the goal det(Gram) &gt; 0 with Gram_ij = v_iᵀv_j (positive exactly when the vectors are independent),
    /// cross-checked by the exact rank in C#.
    /// </summary>
    public static SmtCheckResult LinearlyIndependent(IReadOnlyList<IReadOnlyList<Rational>> vectors, string name = "Lemma 5.2: directions linearly independent",
        string citation = "paper 000, Lemma 5.2", SmtSolverOptions? options = null)
    {
        if (vectors.Count == 0) throw new ArgumentException("No vectors.", nameof(vectors));
        int m = vectors[0].Count;
        if (vectors.Any(v => v.Count != m)) throw new ArgumentException("All vectors must have the same length.", nameof(vectors));
        var data = new Data();
        var vs = vectors.Select((v, i) => data.Vector($"v{i + 1}", v)).ToList();
        var gram = vs.Select(vi => (IReadOnlyList<Expr>)vs.Select(vj => DotE(vi, vj)).ToList()).ToList();
        var goal = new Relation(DeterminantE(gram), RelationOperator.Greater, Expr.Zero);
        int rank = Rank(vectors);
        bool holds = rank == vectors.Count;
        string det = vectors.Count == m ? $", det = {Show(Determinant(vectors))}" : "";
        return Decide(name, citation, goal, data, holds, options,
            $"rank = {rank} = number of vectors{det} (exact) ({citation})",
            $"rank = {rank} < {vectors.Count}{det} (exact): the vectors are dependent ({citation})");
    }

    /// <summary>The determinant of a square matrix of expressions, by expansion along the first row.</summary>
    private static Expr DeterminantE(IReadOnlyList<IReadOnlyList<Expr>> rows)
    {
        int n = rows.Count;
        if (n == 1) return rows[0][0];
        var terms = new List<Expr>();
        for (int j = 0; j < n; j++)
        {
            var minor = rows.Skip(1).Select(r => (IReadOnlyList<Expr>)r.Where((_, c) => c != j).ToList()).ToList();
            var term = Expr.Mul(rows[0][j], DeterminantE(minor));
            terms.Add(j % 2 == 0 ? term : Expr.Neg(term));
        }
        return Expr.Add(terms);
    }

    private static string Show(Rational r) => NumberText.Show(r);
    private static string Show(IReadOnlyList<Rational> v) => NumberText.Show(v);
    private static string F(double x) => x.ToString("G10", CultureInfo.InvariantCulture);

    private static void Same(IReadOnlyList<Rational> a, IReadOnlyList<Rational> b)
    {
        if (a.Count != b.Count) throw new ArgumentException($"Vectors of different dimensions ({a.Count} and {b.Count}).");
    }
}
