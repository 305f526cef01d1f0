using System.Globalization;
using ProofWorkbench.Smt;
using ProofWorkbench.Smt.Translation;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Printing;
using static ProofWorkbench.Symbolic.Numbers.ExactLinearAlgebra;

namespace ProofWorkbench.Papers.Zhang2023.Recipes;

/// <summary>
/// The constraints of the recipes of paper 000 (Zhang, Xu, Luo &amp; Zhang, TMLR 2023), Section 6, and the
/// hypothesis of Lemma 5.2, as named SMT checks over exact rationals. Each check writes a standalone
/// SMT-LIB2 script (inputs asserted as exact constants, derived quantities defined, the negation of the
/// condition — or, for a search, the condition itself — asserted; then <c>(check-sat)</c> and
/// <c>(get-model)</c>), runs it through Z3, cross-checks Z3's answer against exact rational arithmetic
/// in C#, and returns a <see cref="SmtCheckResult"/> citing the paper step.
/// <para>Universal conditions ("x ∉ E"): Proved = the negation is unsat; Refuted = a model, confirmed
/// exactly. Searches ("find x2"): Proved = a witness found and checked exactly; Refuted = Z3 shows none exists.</para>
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
        if (input.X2 is not null)
            results.Add(ScaleCondition($"{s}(e) scale condition on x2", $"{Paper}, {s}, step (e)", scale, "x2", input.X2, options));
        results.Add(FindScaleVector($"{s}(e) find x2", $"{Paper}, {s}, step (e)", scale, "x2", options));
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
        if (input.XN is not null)
            results.Add(ScaleCondition($"{s}(c) scale condition on {xn}", $"{Paper}, {s}, step (c)", scale, xn, input.XN, options));
        results.Add(FindScaleVector($"{s}(c) find {xn}", $"{Paper}, {s}, step (c)", scale, xn, options));
        return results;
    }

    // ---- building blocks ---------------------------------------------------------------------

    /// <summary>v ≠ 0 (some component nonzero).</summary>
    public static SmtCheckResult NonzeroVector(string name, string citation, string label, IReadOnlyList<Rational> v, SmtSolverOptions? options = null)
    {
        var d = new DataScript(name, citation, $"{label} ≠ 0");
        var names = d.Vector(Smt(label), label, v, witness: true);
        d.Negation(And(names.Select(x => $"(= {x} 0.0)")), $"negation: {label} = 0 (every component is zero)");
        bool holds = v.Any(x => !x.IsZero);
        return d.Decide(holds, options,
            $"{label} = {Show(v)} ≠ 0 ({citation})",
            $"{label} = 0, but {citation} requires {label} ≠ 0");
    }

    /// <summary>u ≠ v.</summary>
    public static SmtCheckResult DistinctVectors(string name, string citation, string labelU, IReadOnlyList<Rational> u, string labelV, IReadOnlyList<Rational> v, SmtSolverOptions? options = null)
    {
        Same(u, v);
        var d = new DataScript(name, citation, $"{labelU} ≠ {labelV}");
        var a = d.Vector(Smt(labelU), labelU, u);
        var b = d.Vector(Smt(labelV), labelV, v);
        d.Negation(And(a.Select((x, i) => $"(= {x} {b[i]})")), $"negation: {labelU} = {labelV}");
        bool holds = u.Where((x, i) => x != v[i]).Any();
        return d.Decide(holds, options,
            $"{labelU} = {Show(u)} ≠ {labelV} = {Show(v)} ({citation})",
            $"{labelU} = {labelV} = {Show(u)}, but {citation} requires them to differ");
    }

    /// <summary>
    /// xᵀw ∉ E ∪ {0}, with E given by an outer enclosure (a union of intervals). A refutation is rigorous
    /// only when xᵀw = 0 or xᵀw lies in <paramref name="certain"/> (intervals certainly inside E); otherwise
    /// the verdict is unknown.
    /// </summary>
    public static SmtCheckResult OutsideSetAndNonzero(string name, string citation, string labelX, IReadOnlyList<Rational> x,
        string labelW, IReadOnlyList<Rational> w, string labelE, IReadOnlyList<RationalInterval> e, IReadOnlyList<RationalInterval> certain,
        SmtSolverOptions? options = null)
    {
        Same(x, w);
        var d = new DataScript(name, citation, $"{labelX}ᵀ{labelW} ∉ {labelE} ∪ {{0}}, with {labelE} ⊆ {string.Join(" ∪ ", e)} (outer enclosure from the numeric layer)");
        var xs = d.Vector(Smt(labelX), labelX, x);
        var ws = d.Vector(Smt(labelW), labelW, w);
        var t = d.Derived("t", Sum(xs.Select((xi, i) => $"(* {xi} {ws[i]})")), $"t = {labelX}ᵀ{labelW}", "t");
        var inE = e.Select(iv => $"(and (<= {Lit(iv.Lo)} {t}) (<= {t} {Lit(iv.Hi)}))");
        d.Negation(Or(inE.Prepend($"(= {t} 0.0)")), $"negation: t = 0 or t lies in the enclosure of {labelE}");
        var tv = Dot(x, w);
        bool holds = !tv.IsZero && !e.Any(iv => iv.Contains(tv));
        bool certainFailure = tv.IsZero || certain.Any(iv => iv.Contains(tv));
        string where = tv.IsZero ? "t = 0" : certain.FirstOrDefault(iv => iv.Contains(tv)) is { } c
            ? $"t ∈ {c}, which lies inside {labelE} for certain"
            : "";
        return d.Decide(holds, options,
            $"{labelX}ᵀ{labelW} = {Show(tv)} is nonzero and outside {labelE} ⊆ {string.Join(" ∪ ", e)} ({citation})",
            $"{labelX}ᵀ{labelW} = {Show(tv)}: {where}, so the condition of {citation} fails",
            refutationCertain: certainFailure,
            uncertain: $"{labelX}ᵀ{labelW} = {Show(tv)} lies in the outer enclosure of {labelE} but not in its certain part; refine the enclosure of {labelE} ({citation})");
    }

    /// <summary>P_h(w_k*) ≠ 0 with h = w_n* − w0 and P_h the orthogonal projection onto span{h}.</summary>
    public static SmtCheckResult ProjectionNonzero(string name, string citation, IReadOnlyList<Rational> w0, string labelK, IReadOnlyList<Rational> wk,
        string labelN, IReadOnlyList<Rational> wn, SmtSolverOptions? options = null)
    {
        Same(w0, wk); Same(w0, wn);
        var d = new DataScript(name, citation, $"0 ≠ P_h({labelK}) with h = {labelN} − w0, P_h(v) = (hᵀv/hᵀh)·h");
        var a = d.Vector("w0", "w0", w0);
        var k = d.Vector(Smt(labelK), labelK, wk);
        var n = d.Vector(Smt(labelN), labelN, wn);
        var h = n.Select((ni, i) => d.Derived($"h_{i + 1}", $"(- {ni} {a[i]})", i == 0 ? $"h = {labelN} − w0" : null)).ToArray();
        var hh = d.Derived("hh", Sum(h.Select(x => $"(* {x} {x})")), "hh = hᵀh", "hh");
        var hk = d.Derived("hk", Sum(h.Select((x, i) => $"(* {x} {k[i]})")), $"hk = hᵀ{labelK}", "hk");
        d.Comment("P_h(v) = (hᵀv/hᵀh)·h for h ≠ 0, and P_h = 0 for h = 0; so P_h(" + labelK + ") = 0 iff hᵀh = 0 or every (hk/hh)·h_i = 0");
        d.Negation(Or([$"(= {hh} 0.0)", And(h.Select(hi => $"(= (* (/ {hk} {hh}) {hi}) 0.0)"))]), $"negation: P_h({labelK}) = 0");
        var hv = Subtract(wn, w0);
        var hhv = Dot(hv, hv);
        var hkv = Dot(hv, wk);
        bool holds = !hhv.IsZero && !hkv.IsZero;
        return d.Decide(holds, options,
            $"P_h({labelK}) = {(hhv.IsZero ? "0" : Show(hkv / hhv))}·h ≠ 0 with h = {labelN} − w0 = {Show(hv)} ({citation})"
            + (hv.Length == 1 ? "; in d = 1, P_h is the identity, so this says " + labelK + " ≠ 0" : ""),
            hhv.IsZero ? $"h = {labelN} − w0 = 0, so P_h = 0 and P_h({labelK}) = 0 ({citation})" : $"hᵀ{labelK} = 0, so P_h({labelK}) = 0 ({citation})");
    }

    /// <summary>
    /// P_h(w_k*) ∉ P_h(l) with l the segment from w0 to w_n*, h = w_n* − w0: decided with the segment
    /// parameter s ∈ [0, 1] as an SMT variable (a model gives the s where the projections meet).
    /// </summary>
    public static SmtCheckResult ProjectionOutsideSegment(string name, string citation, IReadOnlyList<Rational> w0, string labelK, IReadOnlyList<Rational> wk,
        string labelN, IReadOnlyList<Rational> wn, SmtSolverOptions? options = null)
    {
        Same(w0, wk); Same(w0, wn);
        var d = new DataScript(name, citation, $"P_h({labelK}) ∉ P_h(l), l = {{w0 + s·h : s ∈ [0, 1]}}, h = {labelN} − w0");
        var a = d.Vector("w0", "w0", w0);
        var k = d.Vector(Smt(labelK), labelK, wk);
        var n = d.Vector(Smt(labelN), labelN, wn);
        var h = n.Select((ni, i) => d.Derived($"h_{i + 1}", $"(- {ni} {a[i]})", i == 0 ? $"h = {labelN} − w0" : null)).ToArray();
        var hh = d.Derived("hh", Sum(h.Select(x => $"(* {x} {x})")), "hh = hᵀh", null);
        var hk = d.Derived("hk", Sum(h.Select((x, i) => $"(* {x} {k[i]})")), $"hk = hᵀ{labelK}", null);
        var h0 = d.Derived("h0", Sum(h.Select((x, i) => $"(* {x} {a[i]})")), "h0 = hᵀw0", null);
        d.Declare("s", "s", "the segment parameter: l(s) = w0 + s·h");
        d.Comment("P_h(v) = (hᵀv/hᵀh)·h; P_h(l(s)) = ((hᵀw0 + s·hᵀh)/hᵀh)·h. For h = 0 every projection is 0, so P_h(" + labelK + ") ∈ P_h(l).");
        var meet = And(h.Select(hi => $"(= (* (/ {hk} {hh}) {hi}) (* (/ (+ {h0} (* s {hh})) {hh}) {hi}))"));
        d.Negation(Or([$"(= {hh} 0.0)", $"(and (not (= {hh} 0.0)) (<= 0.0 s) (<= s 1.0) {meet})"]), $"negation: P_h({labelK}) = P_h(l(s)) for some s ∈ [0, 1]");
        var hv = Subtract(wn, w0);
        var hhv = Dot(hv, hv);
        Rational? sv = hhv.IsZero ? null : (Dot(hv, wk) - Dot(hv, w0)) / hhv;
        bool holds = sv is { } x && (x.Sign < 0 || x > Rational.One);
        string d1 = hv.Length == 1 ? $"; in d = 1, P_h is the identity and P_h(l) = l, so this says {labelK} ∉ segment[w0, {labelN}]" : "";
        string sText = sv is { } sx ? Show(sx) : "none";
        return d.Decide(holds, options,
            $"P_h({labelK}) = P_h(l(s)) only at s = {sText} ∉ [0, 1] ({citation}){d1}",
            sv is null ? $"h = {labelN} − w0 = 0, so all projections are 0 ({citation})"
                       : $"P_h({labelK}) = P_h(l(s)) at s = {sText} ∈ [0, 1] ({citation}){d1}");
    }

    /// <summary>a·b ≥ 0.</summary>
    public static SmtCheckResult ProductNonnegative(string name, string citation, string labelA, Rational a, string labelB, Rational b, SmtSolverOptions? options = null)
    {
        var d = new DataScript(name, citation, $"{labelA}·{labelB} ≥ 0");
        var x = d.Scalar(Smt(labelA), labelA, a);
        var y = d.Scalar(Smt(labelB), labelB, b);
        var p = d.Derived("p", $"(* {x} {y})", $"p = {labelA}·{labelB}", "p");
        d.Negation($"(< {p} 0.0)", $"negation: {labelA}·{labelB} < 0");
        bool holds = (a * b).Sign >= 0;
        return d.Decide(holds, options,
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
    /// Ẽ = E ∪ {x_kᵀw_n*}. Norms are compared squared, multiplied through by |x|²·hᵀh &gt; 0:
    /// z²·hᵀh &lt; |x|²·(hᵀv)² for every end z of the enclosure of Ẽ and v ∈ {w_k*, w0, w_n*}.
    /// </summary>
    private static SmtCheckResult ScaleCondition(string name, string citation, ScaleData s, string labelX, IReadOnlyList<Rational> x, SmtSolverOptions? options)
    {
        Same(s.W0, x);
        var d = new DataScript(name, citation,
            $"{labelX} ∈ span{{h}} ∖ {{0}} and sup{{|{labelX}|⁻¹|z| : z ∈ Ẽ}} < min{{|P_h({s.LabelWK})|, |P_h(w0)|, |P_h({s.LabelWN})|}}, h = {s.LabelWN} − w0, Ẽ = {s.LabelE} ∪ {{{s.LabelXK}ᵀ{s.LabelWN}}}");
        var (h, hh, ends, proj) = ScaleDerived(d, s);
        var xs = d.Vector(Smt(labelX), labelX, x);
        var xx = d.Derived("xx", Sum(xs.Select(v => $"(* {v} {v})")), $"xx = |{labelX}|²", null);
        d.Comment("sup over Ẽ of |z| is attained at an end of the enclosure or at t; |P_h(v)| = |hᵀv|/|h|.\nThe condition, squared and multiplied by |x|²·hᵀh > 0: z²·hᵀh < |x|²·(hᵀv)² for every end z and v.");
        var fails = new List<string> { $"(= {hh} 0.0)", $"(= {xx} 0.0)" };
        for (int i = 0; i < xs.Length; i++)
            for (int j = i + 1; j < xs.Length; j++)
                fails.Add($"(not (= (* {xs[i]} {h[j]}) (* {xs[j]} {h[i]})))");
        foreach (var z in ends) foreach (var p in proj) fails.Add($"(>= (* {z} {z} {hh}) (* {xx} {p} {p}))");
        d.Negation(Or(fails), $"negation: h = 0, {labelX} = 0, {labelX} ∉ span{{h}}, or some z²·hᵀh ≥ |{labelX}|²·(hᵀv)²");

        var (holds, detail) = ScaleHolds(s, x, certain: false);
        // The certain part of Ẽ (its certain intervals and t itself) bounds the sup from below, so failing there is rigorous.
        var (holdsCertain, _) = ScaleHolds(s, x, certain: true);
        return d.Decide(holds, options,
            $"{detail} ({citation})",
            $"{detail} ({citation})",
            refutationCertain: !holdsCertain,
            uncertain: $"{detail}, but only for the outer enclosure of {s.LabelE}; refine it ({citation})");
    }

    /// <summary>
    /// Searches for x ∈ span{h} ∖ {0} satisfying the scale condition: x = λ·h with λ &gt; 0 an SMT variable
    /// (the condition depends on |x| only). Sat: the model gives x, checked exactly. Unsat: no such x exists.
    /// </summary>
    private static SmtCheckResult FindScaleVector(string name, string citation, ScaleData s, string labelX, SmtSolverOptions? options)
    {
        var d = new DataScript(name, citation,
            $"find {labelX} ∈ span{{h}} ∖ {{0}} with sup{{|{labelX}|⁻¹|z| : z ∈ Ẽ}} < min{{|P_h({s.LabelWK})|, |P_h(w0)|, |P_h({s.LabelWN})|}}", search: true);
        var (h, hh, ends, proj) = ScaleDerived(d, s);
        d.Declare("lambda", "lambda", $"{labelX} = lambda·h; lambda > 0 loses nothing (the condition depends on |{labelX}| only)");
        var xs = h.Select((hi, i) => d.Declare($"{Smt(labelX)}_{i + 1}", $"{labelX}_{i + 1}", null)).ToArray();
        for (int i = 0; i < xs.Length; i++) d.Condition($"(= {xs[i]} (* lambda {h[i]}))", i == 0 ? $"{labelX} = lambda·h" : null);
        d.Condition("(> lambda 0.0)", "lambda > 0");
        d.Condition($"(not (= {hh} 0.0))", "h ≠ 0 (else span{h} ∖ {0} is empty)");
        var xx = $"(+ {string.Join(" ", xs.Select(v => $"(* {v} {v})"))} 0.0)";
        d.Comment("the condition, squared and multiplied by |x|²·hᵀh > 0: z²·hᵀh < |x|²·(hᵀv)² for every end z of Ẽ's enclosure and v");
        foreach (var z in ends) foreach (var p in proj) d.Condition($"(< (* {z} {z} {hh}) (* {xx} {p} {p}))", null);

        var hv = s.H;
        bool exists = !Dot(hv, hv).IsZero && s.Projected.All(p => !Dot(hv, p.V).IsZero);
        return d.DecideSearch(exists, options, w =>
            {
                var found = Enumerable.Range(1, hv.Length).Select(i => w[$"{labelX}_{i}"].Exact).ToList();
                if (found.Any(v => v is null)) return (false, $"Z3's {labelX} is not rational: {w}");
                var vec = found.Select(v => v!.Value).ToArray();
                var (ok, detail) = ScaleHolds(s, vec, certain: false);
                return (ok, $"{labelX} = {Show(vec)} (exact check: {detail})");
            },
            $"some P_h(v) is 0 or h = 0, so no {labelX} can satisfy the condition ({citation})", citation);
    }

    private static (string[] H, string HH, List<string> Ends, List<string> Proj) ScaleDerived(DataScript d, ScaleData s)
    {
        var a = d.Vector("w0", "w0", s.W0);
        var k = d.Vector(Smt(s.LabelWK), s.LabelWK, s.WK);
        var n = d.Vector(Smt(s.LabelWN), s.LabelWN, s.WN);
        var xk = d.Vector(Smt(s.LabelXK), s.LabelXK, s.XK);
        var h = n.Select((ni, i) => d.Derived($"h_{i + 1}", $"(- {ni} {a[i]})", i == 0 ? $"h = {s.LabelWN} − w0" : null)).ToArray();
        var hh = d.Derived("hh", Sum(h.Select(x => $"(* {x} {x})")), "hh = hᵀh", null);
        var t = d.Derived("t", Sum(xk.Select((x, i) => $"(* {x} {n[i]})")), $"t = {s.LabelXK}ᵀ{s.LabelWN} (the point added to {s.LabelE})", null);
        var ends = new List<string>();
        int e = 0;
        foreach (var iv in s.E)
        {
            ends.Add(d.Derived($"z_{++e}", Lit(iv.Lo), $"end of the enclosure {iv} of {s.LabelE}", null));
            ends.Add(d.Derived($"z_{++e}", Lit(iv.Hi), null, null));
        }
        ends.Add(t);
        var proj = new List<string>
        {
            d.Derived("hk", Sum(h.Select((x, i) => $"(* {x} {k[i]})")), $"hk = hᵀ{s.LabelWK}, |P_h({s.LabelWK})| = |hk|/|h|", null),
            d.Derived("h0", Sum(h.Select((x, i) => $"(* {x} {a[i]})")), "h0 = hᵀw0", null),
            d.Derived("hn", Sum(h.Select((x, i) => $"(* {x} {n[i]})")), $"hn = hᵀ{s.LabelWN}", null),
        };
        return (h, hh, ends, proj);
    }

    private static bool InSpanNonzero(Rational[] h, IReadOnlyList<Rational> x)
    {
        if (x.All(v => v.IsZero) || h.All(v => v.IsZero)) return false;
        for (int i = 0; i < x.Count; i++)
            for (int j = i + 1; j < x.Count; j++)
                if (x[i] * h[j] != x[j] * h[i]) return false;
        return true;
    }

    private static (bool Holds, string Detail) ScaleHolds(ScaleData s, IReadOnlyList<Rational> x, bool certain)
    {
        var h = s.H;
        var hh = Dot(h, h);
        if (hh.IsZero) return (false, "h = 0");
        if (!InSpanNonzero(h, x)) return (false, $"x = {Show(x)} is not a nonzero multiple of h = {Show(h)}");
        var xx = Dot(x, x);
        var zmax = s.Ends(certain).Select(z => z * z).Max();
        var projections = s.Projected.Select(p => (p.Label, P2: Dot(h, p.V) * Dot(h, p.V))).ToList();
        bool holds = projections.All(p => zmax * hh < xx * p.P2);
        var minP = projections.MinBy(p => p.P2);
        double lhs = Math.Sqrt(zmax.ToDouble() / xx.ToDouble()), rhs = Math.Sqrt(minP.P2.ToDouble() / hh.ToDouble());
        return (holds, $"sup{{|x|⁻¹|z| : z ∈ Ẽ}} ≈ {F(lhs)} {(holds ? "<" : "≥")} min |P_h(v)| = |P_h({minP.Label})| ≈ {F(rhs)} (compared exactly in squared form)");
    }

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
    /// condition is: a ≠ 0, every (x_k)_i ≠ 0, and the exact rational matrix (r_k) is nonsingular —
    /// decided by an exact determinant in C# and stated to Z3 as "no nonzero c with Σ c_k r_k = 0".
    /// </summary>
    public static SmtCheckResult OnePointDirectionsIndependent(OnePointInput input, SmtSolverOptions? options = null)
    {
        int d = input.W.Count;
        if (input.X.Count != d || input.X.Any(x => x.Count != d)) throw new ArgumentException($"Step (b) needs d = {d} vectors x_(n,k) in ℝ^{d}.");
        const string citation = "paper 000, Sec. 6.3, step (b)";
        var ds = new DataScript("Sec. 6.3(b) direction vectors linearly independent", citation,
            "the vectors −σ(x_kᵀw)/(a·σ′(x_kᵀw))·(1/(x_k)_1, …, 1/(x_k)_d), k = 1…d, are linearly independent");
        ds.Comment($"σ(u) = {input.Activation}; row k is c_k·r_k with c_k = −σ(x_kᵀw)/(a·σ′(x_kᵀw)) and r_k = (1/(x_k)_1, …, 1/(x_k)_d).\n"
            + "c_k ≠ 0 since a ≠ 0 and σ, σ′ > 0 (Sec. 6.3(a), proved separately); scaling rows by nonzero factors preserves independence,\n"
            + "so it suffices that a ≠ 0, every (x_k)_i ≠ 0, and r_1, …, r_d are independent.");
        var a = ds.Scalar("a", "a_n", input.A);
        var xs = input.X.Select((x, k) => ds.Vector($"x{k + 1}", $"x_(n,{k + 1})", x)).ToList();
        var cs = Enumerable.Range(1, d).Select(k => ds.Declare($"c_{k}", $"c_{k}", k == 1 ? "coefficients of a would-be dependency Σ c_k r_k = 0" : null)).ToList();
        var zeroInput = new List<string> { $"(= {a} 0.0)" };
        foreach (var x in xs) zeroInput.AddRange(x.Select(v => $"(= {v} 0.0)"));
        var dependency = Enumerable.Range(0, d).Select(i => $"(= {Sum(Enumerable.Range(0, d).Select(k => $"(* {cs[k]} (/ 1.0 {xs[k][i]}))"))} 0.0)").ToList();
        dependency.Add(Or(cs.Select(c => $"(not (= {c} 0.0))")));
        ds.Negation(Or([.. zeroInput, $"(and {string.Join(" ", zeroInput.Select(z => $"(not {z})"))} {And(dependency)})"]),
            "negation: a = 0, some (x_k)_i = 0, or a nonzero c with Σ c_k r_k = 0");
        bool inputsOk = !input.A.IsZero && input.X.All(x => x.All(v => !v.IsZero));
        Rational det = inputsOk ? Determinant(input.X.Select(x => (IReadOnlyList<Rational>)x.Select(v => Rational.One / v).ToList()).ToList()) : Rational.Zero;
        bool holds = inputsOk && !det.IsZero;
        return ds.Decide(holds, options,
            $"a = {Show(input.A)} ≠ 0, all (x_k)_i ≠ 0, det(1/(x_k)_i) = {Show(det)} ≠ 0 (exact), so the step-(b) vectors are independent given σ, σ′ > 0 ({citation})",
            inputsOk ? $"det(1/(x_k)_i) = 0 (exact): the step-(b) vectors are linearly dependent ({citation})"
                     : $"a = 0 or some (x_k)_i = 0: the step-(b) vectors are not defined ({citation})");
    }

    /// <summary>
    /// Lemma 5.2's hypothesis: the given direction vectors (limits of γ̇_i/|γ̇_i|, as rationals) are linearly
    /// independent. Exact rank in C#; stated to Z3 as "no nonzero c with Σ c_i v_i = 0" (a model is a dependency).
    /// </summary>
    public static SmtCheckResult LinearlyIndependent(IReadOnlyList<IReadOnlyList<Rational>> vectors, string name = "Lemma 5.2: directions linearly independent",
        string citation = "paper 000, Lemma 5.2", SmtSolverOptions? options = null)
    {
        if (vectors.Count == 0) throw new ArgumentException("No vectors.", nameof(vectors));
        int m = vectors[0].Count;
        if (vectors.Any(v => v.Count != m)) throw new ArgumentException("All vectors must have the same length.", nameof(vectors));
        var d = new DataScript(name, citation, $"the {vectors.Count} vectors v_1, …, v_{vectors.Count} in ℝ^{m} are linearly independent");
        var vs = vectors.Select((v, i) => d.Vector($"v{i + 1}", $"v_{i + 1}", v)).ToList();
        var cs = Enumerable.Range(1, vectors.Count).Select(i => d.Declare($"c_{i}", $"c_{i}", i == 1 ? "coefficients of a would-be dependency Σ c_i v_i = 0" : null)).ToList();
        var eqs = Enumerable.Range(0, m).Select(j => $"(= {Sum(vs.Select((v, i) => $"(* {cs[i]} {v[j]})"))} 0.0)").ToList();
        eqs.Add(Or(cs.Select(c => $"(not (= {c} 0.0))")));
        d.Negation(And(eqs), "negation: some nonzero c has Σ c_i v_i = 0");
        int rank = Rank(vectors);
        bool holds = rank == vectors.Count;
        string det = vectors.Count == m ? $", det = {Show(Determinant(vectors))}" : "";
        return d.Decide(holds, options,
            $"rank = {rank} = number of vectors{det} (exact) ({citation})",
            $"rank = {rank} < {vectors.Count}{det} (exact): the vectors are dependent ({citation})");
    }

    // ---- script assembly ----------------------------------------------------------------------

    private sealed class DataScript
    {
        private const string Inputs = "inputs (exact rationals)", Derivations = "derived quantities", Notes = "notes";
        private readonly string claimSection;
        private readonly string name, citation;
        public SmtScriptBuilder B { get; }

        public DataScript(string name, string citation, string claim, bool search = false)
        {
            this.name = name; this.citation = citation;
            claimSection = search ? "the condition sought (sat = found; the model is the witness)" : "negation of the condition (unsat = the condition holds)";
            B = new SmtScriptBuilder($"ProofWorkbench recipe check: {name}\nsource: {citation}\ncondition: {claim}\n"
                + (search ? "method: the condition is asserted with the unknown as variables; a model is a witness, unsat shows none exists"
                          : "method: the negation is asserted; unsat proves the condition, a model refutes it"));
            B.DeclareSection(Inputs); B.DeclareSection(Derivations); B.DeclareSection(Notes); B.DeclareSection(claimSection);
        }

        public string[] Vector(string smtBase, string label, IReadOnlyList<Rational> v, bool witness = false)
        {
            var names = new string[v.Count];
            for (int i = 0; i < v.Count; i++)
            {
                names[i] = $"{smtBase}_{i + 1}";
                if (B.IsDeclared(names[i])) continue;
                B.DeclareReal(names[i], witness ? $"{label}_{i + 1}" : null);
                B.Assert(Inputs, $"(= {names[i]} {Lit(v[i])})", i == 0 ? $"{label} = {Show(v)}" : null);
            }
            return names;
        }

        public string Scalar(string smtName, string label, Rational v)
        {
            B.DeclareReal(smtName);
            B.Assert(Inputs, $"(= {smtName} {Lit(v)})", $"{label} = {Show(v)}");
            return smtName;
        }

        public string Derived(string smtName, string term, string? comment, string? display = null)
        {
            if (B.IsDeclared(smtName)) return smtName;
            B.DeclareReal(smtName, display);
            B.Assert(Derivations, $"(= {smtName} {term})", comment);
            return smtName;
        }

        public string Declare(string smtName, string display, string? comment)
        {
            B.DeclareReal(smtName, display, comment);
            return smtName;
        }

        public void Comment(string text) => B.Comment(Notes, text);
        public void Negation(string term, string comment) => B.Assert(claimSection, term, comment);
        public void Condition(string term, string? comment) => B.Assert(claimSection, term, comment);

        /// <summary>A universal condition: unsat of the negation proves it; the exact C# verdict must agree.</summary>
        public SmtCheckResult Decide(bool holds, SmtSolverOptions? options, string proved, string refuted,
            bool refutationCertain = true, string? uncertain = null)
        {
            var script = B.Build(options);
            var outcome = SmtSolver.Solve(script, options);
            var r = new SmtCheckResult(name, SmtVerdict.Unknown, outcome.Certificate, outcome.Witness, "") { Answer = outcome.Answer, Elapsed = outcome.Elapsed };
            return (outcome.Answer, holds) switch
            {
                (SatAnswer.Unsat, true) => r with { Verdict = SmtVerdict.Proved, Explanation = "proved: " + proved },
                (SatAnswer.Sat, false) when refutationCertain => r with
                {
                    Verdict = SmtVerdict.Refuted, Explanation = "refuted: " + refuted,
                    WitnessCheck = new WitnessCheck(WitnessCheckMethod.Exact, true, "the exact rational computation agrees"),
                },
                (SatAnswer.Sat, false) => r with { Verdict = SmtVerdict.Unknown, ReasonUnknown = "enclosure too coarse", Explanation = uncertain ?? refuted },
                (SatAnswer.Unknown, _) => r with { Verdict = SmtVerdict.Unknown, ReasonUnknown = outcome.ReasonUnknown, Explanation = $"Z3 could not decide: {outcome.ReasonUnknown} ({citation})" },
                _ => r with
                {
                    Verdict = SmtVerdict.Unknown, ReasonUnknown = "disagreement",
                    Explanation = $"Z3 answered {outcome.Answer.ToString().ToLowerInvariant()} but exact rational arithmetic says the condition {(holds ? "holds" : "fails")}; please report this ({citation})",
                },
            };
        }

        /// <summary>A search: a model is checked exactly by <paramref name="check"/>; unsat shows no witness exists.</summary>
        public SmtCheckResult DecideSearch(bool exists, SmtSolverOptions? options, Func<Witness, (bool Ok, string Detail)> check, string none, string citation)
        {
            var script = B.Build(options);
            var outcome = SmtSolver.Solve(script, options);
            var r = new SmtCheckResult(name, SmtVerdict.Unknown, outcome.Certificate, outcome.Witness, "") { Answer = outcome.Answer, Elapsed = outcome.Elapsed };
            switch (outcome.Answer)
            {
                case SatAnswer.Sat:
                {
                    var (ok, detail) = check(outcome.Witness!);
                    return ok
                        ? r with { Verdict = SmtVerdict.Proved, Explanation = $"found: {detail} ({citation})", WitnessCheck = new WitnessCheck(WitnessCheckMethod.Exact, true, detail) }
                        : r with { Verdict = SmtVerdict.Unknown, ReasonUnknown = "witness failed the exact check", Explanation = $"Z3's witness failed the exact check: {detail}; please report this ({citation})", WitnessCheck = new WitnessCheck(WitnessCheckMethod.Exact, false, detail) };
                }
                case SatAnswer.Unsat when !exists:
                    return r with { Verdict = SmtVerdict.Refuted, Explanation = $"none exists: {none}" };
                case SatAnswer.Unsat:
                    return r with { Verdict = SmtVerdict.Unknown, ReasonUnknown = "disagreement", Explanation = $"Z3 found no witness although exact arithmetic says one exists; please report this ({citation})" };
                default:
                    return r with { Verdict = SmtVerdict.Unknown, ReasonUnknown = outcome.ReasonUnknown, Explanation = $"Z3 could not decide: {outcome.ReasonUnknown} ({citation})" };
            }
        }
    }

    private static string Lit(Rational r) => SmtLibPrinter.Literal(r);
    private static string Sum(IEnumerable<string> terms) { var t = terms.ToList(); return t.Count == 0 ? "0.0" : t.Count == 1 ? t[0] : $"(+ {string.Join(" ", t)})"; }
    private static string And(IEnumerable<string> terms) { var t = terms.ToList(); return t.Count == 0 ? "true" : t.Count == 1 ? t[0] : $"(and {string.Join(" ", t)})"; }
    private static string Or(IEnumerable<string> terms) { var t = terms.ToList(); return t.Count == 0 ? "false" : t.Count == 1 ? t[0] : $"(or {string.Join(" ", t)})"; }
    private static string Smt(string label) => label.Replace("*", "s").Replace("(", "").Replace(")", "").Replace(",", "_");
    private static string Show(Rational r) => NumberText.Show(r);
    private static string Show(IReadOnlyList<Rational> v) => NumberText.Show(v);
    private static string F(double x) => x.ToString("G10", CultureInfo.InvariantCulture);

    private static void Same(IReadOnlyList<Rational> a, IReadOnlyList<Rational> b)
    {
        if (a.Count != b.Count) throw new ArgumentException($"Vectors of different dimensions ({a.Count} and {b.Count}).");
    }
}
