using ProofWorkbench.Models;
using ProofWorkbench.Numerics.RootFinding;
using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Simplification;

namespace ProofWorkbench.Dynamics;

/// <summary>
/// The limit of one-sample gradient flow without integrating it (paper 000, proof of Lemma A.3, eqs. (20)–(23)):
/// along the trajectory a²/2 − h(ξ) stays at its initial value, so ξ = h⁻¹(h(ξ0) + s²/2 − a0²/2) is a function
/// of s = a, and the limit is the unique zero s* of φ(s) = s·σ(u(ξ(s))) − y (φ′ &gt; 0 when σ &gt; 0 and σ′ &gt; 0).
/// Both the zero of φ and the inversion of h are found by bracketing and Brent's method to machine precision;
/// h comes from <see cref="FirstIntegralH"/> (closed form or quadrature). The zero lies on the side of a0
/// given by −sign r(θ0): a moves monotonically, since ȧ = −2rσ and r keeps its sign along the flow.
/// </summary>
public static class ConservedRouteSolver
{
    private const int MaxBracketDoublings = 80;

    /// <summary>
    /// The reason the route does not apply to <paramref name="model"/> with <paramref name="data"/>, or null when
    /// it does: one sample, x ≠ 0, and σ &gt; 0, σ′ &gt; 0 on ℝ proved by <see cref="SignAnalysis"/> (Lemma A.3's hypotheses).
    /// </summary>
    public static string? Inapplicable(OneNeuronModel model, IReadOnlyList<Sample> data)
    {
        if (data.Count != 1) return "the conserved-quantity route needs exactly one sample (Lemma A.3)";
        var x = data[0].X.Select(c => Evaluator.Evaluate(c, new Dictionary<string, double>())).ToArray();
        if (x.All(c => c == 0)) return "x = 0: the flow does not move w, and Lemma A.3 needs x ≠ 0";
        var sigma = model.Activation;
        if (!IsPositive(sigma.Definition) || !IsPositive(sigma.Derivative(1)))
            return "σ > 0 and σ′ > 0 on ℝ could not be proved, so Lemma A.3 does not apply";
        return null;
    }

    private static bool IsPositive(Expr e)
    {
        if (SignAnalysis.Of(e) == ProvenSign.Positive) return true;
        try
        {
            return SignAnalysis.Of(Simplifier.Simplify(e)) == ProvenSign.Positive
                || SignAnalysis.Of(Simplifier.Together(e)) == ProvenSign.Positive;
        }
        catch (SymbolicException) { return false; }
    }

    /// <summary>
    /// Solves for the limit from θ0 = (<paramref name="w0"/>, <paramref name="a0"/>) with label <paramref name="y"/>;
    /// the caller has checked <see cref="Inapplicable"/>. Failures (h not reaching a level, no sign change of φ)
    /// come back as a <see cref="ConservedRoute"/> with a reason.
    /// </summary>
    public static ConservedRoute Solve(FirstIntegralH h, Activation sigma, IReadOnlyList<double> w0, double a0, double y)
    {
        var sigmaAt = Compiler.Compile(sigma.Definition, [sigma.Variable]);
        double xi0 = h.InitialCoordinate;
        double quadratureError = 0;
        string? failure = null;

        // ξ(s): the zero of h(ξ) − h(ξ0) − (s² − a0²)/2, on the side sign(level)·sign(h′(ξ0)) of ξ0.
        double Xi(double s)
        {
            double level = 0.5 * (s - a0) * (s + a0);
            if (level == 0) return xi0;
            double slope = h.HPrime(xi0);
            if (!(slope != 0) || !double.IsFinite(slope)) { failure ??= $"h′ vanishes or is not finite at the initial coordinate {xi0:R}"; return double.NaN; }
            double direction = Math.Sign(level) * Math.Sign(slope);
            double G(double xi) => h.Difference(xi0, xi).Value - level;
            var bracket = Bracket(G, xi0, -level, direction, Math.Max(1.0, Math.Abs(xi0)) * 0.125);
            if (bracket is not { } b) { failure ??= $"h does not reach the level h(ξ0) + {level:R} (the level set of a²/2 − h leaves the range of h)"; return double.NaN; }
            double root = BrentRoot.FindRoot(G, b.Lo, b.Hi, b.FLo, b.FHi);
            quadratureError = h.Difference(xi0, root).Error;
            return root;
        }

        double Phi(double s)
        {
            double xi = Xi(s);
            return double.IsNaN(xi) ? double.NaN : s * sigmaAt([h.PreActivation(xi)]) - y;
        }

        double r0 = Phi(a0);
        if (!double.IsFinite(r0)) return new ConservedRoute(null, $"the residual a0σ(w0ᵀx) − y is not finite ({r0:R})");
        double sStar;
        if (r0 == 0) sStar = a0;
        else
        {
            var bracket = Bracket(Phi, a0, r0, r0 > 0 ? -1 : 1, Math.Max(1.0, Math.Abs(a0)) * 0.125);
            if (bracket is not { } b)
                return new ConservedRoute(null, failure ?? "φ(s) = sσ(u(s)) − y does not change sign: no limit on the level set");
            sStar = BrentRoot.FindRoot(Phi, b.Lo, b.Hi, b.FLo, b.FHi);
        }
        double xiStar = Xi(sStar);
        if (double.IsNaN(xiStar)) return new ConservedRoute(null, failure ?? "the inversion of h failed at the root");
        double residual = Math.Abs(sStar * sigmaAt([h.PreActivation(xiStar)]) - y);
        return new ConservedRoute(new ConservedLimit(h.WeightsAt(xiStar), sStar, h.Evaluation, quadratureError, residual), null);
    }

    /// <summary>
    /// Walks from <paramref name="start"/> (where f = <paramref name="fStart"/> ≠ 0) in <paramref name="direction"/>
    /// with doubling steps until f changes sign; null when it never does (or f stops being finite).
    /// </summary>
    private static (double Lo, double Hi, double FLo, double FHi)? Bracket(Func<double, double> f, double start, double fStart,
        double direction, double step)
    {
        double previous = start, fPrevious = fStart;
        for (int k = 0; k < MaxBracketDoublings; k++)
        {
            double next = start + direction * step;
            double fNext = f(next);
            if (!double.IsFinite(fNext)) return null;
            if (fNext == 0 || (fNext > 0) != (fPrevious > 0))
                return previous < next ? (previous, next, fPrevious, fNext) : (next, previous, fNext, fPrevious);
            previous = next; fPrevious = fNext;
            step *= 2;
        }
        return null;
    }
}
