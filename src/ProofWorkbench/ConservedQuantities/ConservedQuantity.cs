using ProofWorkbench.Models;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Simplification;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.ConservedQuantities;

/// <summary>
/// The first integral of one-sample gradient flow for f = a·σ(wᵀx) (paper 000, Lemma A.3, eq. (20)):
/// Q(θ) = a²/2 − H(wᵀx) with H′(u) = σ(u)/(|x|²σ′(u)); for d = 1 this is a²/2 − h(w) with
/// h′(w) = σ(xw)/(xσ′(xw)). <see cref="Proved"/> records that the Lie derivative of Q along the flow
/// simplifies to 0 exactly — a proof that needs only h′, so it holds even when h has no closed form.
/// </summary>
public sealed record ConservedQuantity(
    Expr HPrime,
    Expr? H,
    Expr Quantity,
    Expr LieDerivative,
    bool Proved,
    string Parameter)
{
    /// <summary>True when h (or H) came out in closed form; otherwise callers integrate h′ by quadrature.</summary>
    public bool HasClosedForm => H is not null;

    /// <summary>Derives Q for <paramref name="model"/> on the single sample <paramref name="sample"/>.</summary>
    public static ConservedQuantity Derive(OneNeuronModel model, Sample sample)
    {
        var sigma = model.Activation;
        var field = model.FlowField([sample]);
        var u = model.PreActivation(sample.X);
        Expr hPrime;
        string parameter;
        Expr? h;
        if (model.Dimension == 1)
        {
            // h′(w) = σ(xw)/(xσ′(xw)), integrated in w (paper 000, Lemma A.3).
            var x = sample.X[0];
            hPrime = Simplifier.Simplify(Div(sigma.At(u), Mul(x, sigma.DerivativeAt(1, u))));
            parameter = "w";
            h = sigma.IsAbstract ? null : Integrator.Integrate(hPrime, "w");
        }
        else
        {
            // H′(u) = σ(u)/(|x|²σ′(u)), integrated in σ's own variable, then composed with u = wᵀx.
            var norm2 = Add(sample.X.Select(c => Pow(c, Two)));
            var v = Sym(sigma.Variable);
            hPrime = Simplifier.Simplify(Div(sigma.At(v), Mul(norm2, sigma.DerivativeAt(1, v))));
            parameter = sigma.Variable;
            var hv = sigma.IsAbstract ? null : Integrator.Integrate(hPrime, sigma.Variable);
            h = hv is null ? null : Substitution.Substitute(hv, sigma.Variable, u);
        }

        // ∇Q = (−H′(wᵀx)·x, a); L_F Q = ∇Q · F.
        var hPrimeAtU = model.Dimension == 1 ? hPrime : Substitution.Substitute(hPrime, sigma.Variable, u);
        var gradQ = model.Dimension == 1
            ? new[] { Neg(hPrimeAtU), Sym("a") }
            : sample.X.Select(c => Neg(Mul(c, hPrimeAtU))).Append(Sym("a")).ToArray();
        var lie = Add(gradQ.Select((g, i) => Mul(g, field[i])));
        var simplified = Simplifier.Simplify(lie);
        bool proved = Simplifier.ZeroTest(lie) == ZeroTestResult.Zero;
        var hSymbol = h ?? new AbstractCall("h", 0, model.Dimension == 1 ? Sym("w") : u);
        var q = Sub(Div(Pow(Sym("a"), Two), Two), h is null ? hSymbol : Simplifier.Simplify(h));
        return new ConservedQuantity(hPrime, h is null ? null : Simplifier.Simplify(h), q, simplified, proved, parameter);
    }
}
