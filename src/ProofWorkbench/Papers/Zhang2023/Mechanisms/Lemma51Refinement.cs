using MathNet.Numerics.RootFinding;
using ProofWorkbench.ConservedQuantities;
using ProofWorkbench.Dynamics;
using ProofWorkbench.Models;
using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Theorems.Checking;

namespace ProofWorkbench.Papers.Zhang2023.Mechanisms;

/// <summary>
/// Lemma 5.1 of paper 000 (two-point overlap) needs {θ₁*, θ₂*} ⊆ M_S₁ ∩ M_S₂. Printed data are rounded, so the
/// overlap holds only approximately; this refinement keeps θ₀ and S₁ = (x₁, y₁) and adjusts the second one-sample
/// dataset S₂ = (x₂, y₂), d = 1: y₂ = a₁*σ(x₂w₁*) puts θ₁* in M_S₂ for every x₂, and x₂ is chosen near its printed
/// value so that θ₂*(x₂) ∈ M_S₁, a 1-D root find in which each θ₂* comes from the conserved-quantity route of
/// Lemma A.3. The result is numeric (floating point); the caller checks the refined dataset.
/// </summary>
public static class Lemma51Refinement
{
    private static double Value(Expr e) => Evaluator.Evaluate(e, new Dictionary<string, double>());

    /// <summary>
    /// Solves a₂*(x)σ(x₁w₂*(x)) = y₁ for x near the printed x₂, with y₂(x) = a₁*σ(x w₁*); returns the refined
    /// dataset (named S₂′) and a note on the method, or null and the reason.
    /// </summary>
    public static (Dataset? Refined, string Note) RefineSecondDataset(Activation sigma, Dataset s1, Dataset s2, Theta theta0, FlowResult r1)
    {
        double w1 = r1.Theta[0], a1 = r1.Theta[1];
        double x1 = Value(s1.Samples[0].X[0]), y1 = Value(s1.Samples[0].Y), x2 = Value(s2.Samples[0].X[0]);
        var sig = Compiler.Compile(sigma.Definition, [sigma.Variable]);
        var model = new OneNeuronModel(sigma, 1);
        var w0 = theta0.W.Select(r => r.ToDouble()).ToArray();
        double a0 = theta0.A.ToDouble();
        string? failure = null;
        double Mismatch(double x)
        {
            if (failure is not null) return double.NaN;
            double y = a1 * sig([x * w1]);
            var sample = new Sample([Expr.Num(Rational.FromDouble(x))], Expr.Num(Rational.FromDouble(y)));
            var h = FirstIntegralH.Create(model, sample, ConservedQuantity.Derive(model, sample), w0);
            var route = ConservedRouteSolver.Solve(h, sigma, w0, a0, y);
            if (route.Limit is not { } lim) { failure = route.Reason; return double.NaN; }
            return lim.A * sig([x1 * lim.W[0]]) - y1;
        }
        double f0 = Mismatch(x2);
        for (double delta = 1e-3 * Math.Max(1, Math.Abs(x2)); delta < Math.Abs(x2) && failure is null; delta *= 2)
        {
            double lo = x2 - delta, hi = x2 + delta;
            double flo = Mismatch(lo), fhi = Mismatch(hi);
            if (!double.IsFinite(flo) || !double.IsFinite(fhi)) break;
            double a = lo, b = hi;
            if (Math.Sign(flo) == Math.Sign(f0) && Math.Sign(fhi) == Math.Sign(f0)) continue;
            if (Math.Sign(flo) != Math.Sign(f0)) { a = lo; b = x2; } else { a = x2; b = hi; }
            if (!Brent.TryFindRoot(Mismatch, a, b, 1e-14, 200, out var root) || failure is not null) break;
            double y = a1 * sig([root * w1]);
            var refined = new Dataset($"{s2.Name}′", [new Sample([Expr.Num(Rational.FromDouble(root))], Expr.Num(Rational.FromDouble(y)))]);
            return (refined, $"Brent on x₂ ∈ [{Format.Value(a)}, {Format.Value(b)}], each step a Lemma A.3 limit ({(failure ?? "closed-form or quadrature h")})");
        }
        return (null, failure is not null ? $"the conserved-quantity route failed: {failure}" : "no sign change of the mismatch was found near the printed x₂");
    }
}
