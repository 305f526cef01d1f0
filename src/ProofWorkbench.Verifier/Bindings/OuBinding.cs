using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Simplification;
using ProofWorkbench.Verifier.Facts;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary><c>ou-linearized</c> (paper 001, Section 3.2–3.3, Lemma 7): the second moment of the linearized label-noise
/// process obeys v ← A·v + B with A = (1 − 2ηγ)², B = 4η²γ·s2, rebuilt by the verifier. Stationary variance, exact:
/// v* − stated ≡ 0 with v* = B/(1 − A); leading order: (v* − stated)/η = N/D brought together, N(0) ≡ 0 and D(0) ≢ 0.
/// Relaxation time T = −1/ln A: c₀ = ln A at η = 0 ≡ 0, and with lim ηT = −1/c₁ (c₁ = d/dη ln A at 0) the ratio
/// (lim ηT)/stated is constant: d/dγ ≡ 0 — or, where the zero test cannot decide that, its values at γ = 1 and γ = 4
/// differ (which refutes; equal values at two points prove nothing, so such a fact cannot prove).</summary>
internal sealed class OuBinding : IClaimBinding
{
    public string Kind => "ou-linearized";

    public string Bind(ClaimView c)
    {
        Expr eta = Sym("eta"), gamma = Sym("gamma");
        var A = Pow(Sub(One, Mul(Two, eta, gamma)), Two);
        var stated = c.Expr("stated");
        Expr AtZero(Expr e) => Substitution.Substitute(e, "eta", Zero);
        if (c.Param("quantity")?.Str() == "stationary-variance")
        {
            var v = Div(Mul(Num(4), Pow(eta, Two), gamma, Sym("s2")), Sub(One, A));
            if ((c.Param("order")?.Str() ?? "exact") == "exact")
            {
                Identity.BindAll(c, (Sub(v, stated), "v* − stated", null));
                return "v* − stated ≡ 0";
            }
            var together = Simplifier.Together(Div(Sub(v, stated), eta));
            var factors = together is Product p ? p.Factors : [together];
            var denominator = Mul(factors.OfType<Power>().Where(f => f.Exponent is Number { Value.Sign: < 0 }).Select(f => Pow(f.Base, Neg(f.Exponent))).ToArray());
            var facts = Identity.Facts(c, 2);
            Identity.Bind(facts[0], AtZero(Simplifier.Together(Mul(together, denominator))), "the numerator of (v* − stated)/η at η = 0");
            Identity.Bind(facts[1], AtZero(denominator), "the denominator of (v* − stated)/η at η = 0", nonzero: true);
            return "(v* − stated)/η → 0: its numerator vanishes at η = 0, its denominator does not";
        }
        if (c.Param("quantity")?.Str() != "relaxation-time") throw new RejectException($"$.claim.parameters.quantity: unknown quantity '{c.Param("quantity")?.Str()}'");
        var logA = Call("log", A);
        var ratio = Div(Div(MinusOne, AtZero(Differentiator.Derivative(logA, "eta"))), stated);
        var two = Identity.Facts(c, 2);
        Identity.Bind(two[0], AtZero(logA), "ln A at η = 0");
        if (two[1]["kind"].Str() == "exact-identity" && two[1]["outcome"].Str() == Outcomes.Refutes && !Exact.IsZero(Sub(two[1]["expression"].Expr(), Differentiator.Derivative(ratio, "gamma"))))
            Identity.Bind(two[1], Sub(Substitution.Substitute(ratio, "gamma", One), Substitution.Substitute(ratio, "gamma", Num(4))), "ratio(γ = 1) − ratio(γ = 4)");
        else Identity.Bind(two[1], Differentiator.Derivative(ratio, "gamma"), "d/dγ of (lim ηT)/stated");
        return "ln A(0) = 0 and the constancy of (lim ηT)/stated";
    }
}
