using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary><c>equals</c>: one fact deciding derived − stated ≡ 0 (<see cref="Identity"/>: an exact identity, or Z3 on the written domain). lhs/rhs: lhs − rhs. Objects of the
/// one-neuron model on one sample (d = 1): gradient.w/a and flow.w/a of L = (aσ(xw) − y)²; h_prime = σ(xw)/(xσ′(xw))
/// (Lemma A.3); slope26 = σ(xw)/(a x σ′(xw)) (eq. 26); prop61 = C(u) of Proposition 6.1(b). For h and the conserved quantity
/// a²/2 − h(w), whose h the verifier does not integrate, the expression's derivatives are checked instead:
/// ∂/∂w(expression) = ±(h′ − ∂/∂w stated) (and ∂/∂a for the conserved quantity), i.e. the identity up to a constant.</summary>
internal sealed class EqualsBinding : IClaimBinding
{
    public string Kind => "equals";

    public string Bind(ClaimView c)
    {
        var fact = Identity.Facts(c, 1)[0];
        if (c.Param("lhs") is not null)
        {
            Identity.Bind(fact, Sub(c.Expr("lhs"), c.Expr("rhs")), "lhs − rhs", Identity.Written(c.Param("lhs"), c.Param("rhs")));
            return "lhs − rhs ≡ 0";
        }
        var what = c.Param("object")?.Str() ?? throw new RejectException("$.claim.parameters: neither lhs/rhs nor object");
        var stated = c.Expr("value");
        var m = OneNeuron.Of(c);
        Expr w = Sym("w"), a = Sym("a"), x = m.X[0];
        var hPrime = Div(c.SigmaAt(Mul(x, w)), Mul(x, c.SigmaPrimeAt(Mul(x, w))));
        Expr? derived = what switch
        {
            "gradient.w" => Neg(m.Field[0]),
            "gradient.a" => Neg(m.Field[1]),
            "flow.w" => m.Field[0],
            "flow.a" => m.Field[1],
            "h_prime" => hPrime,
            "slope26" => Div(c.SigmaAt(Mul(x, w)), Mul(a, x, c.SigmaPrimeAt(Mul(x, w)))),
            "prop61" => Prop61Binding.Condition(c),
            _ => null,
        };
        if (derived is not null)
        {
            Identity.Bind(fact, Sub(derived, stated), $"{what} − stated", Identity.Written(c.Param("value")));
            return $"derived {what} − stated ≡ 0";
        }
        if (fact["kind"].Str() != "exact-identity") throw new RejectException($"{fact.Path}: the claim needs an exact-identity fact here");
        var e = fact["expression"].Expr();
        if (what == "h")
        {
            ClaimView.Same(Differentiator.Derivative(e, "w"), fact["expression"].Path,
                Sub(hPrime, Differentiator.Derivative(stated, "w")), "h′ − (stated h)′");
            return "d/dw(derived h − stated h) ≡ 0 (h up to a constant)";
        }
        if (what == "conserved")
        {
            ClaimView.Same(Differentiator.Derivative(e, "w"), fact["expression"].Path,
                Sub(Neg(hPrime), Differentiator.Derivative(stated, "w")), "∂/∂w of the conserved quantity − stated");
            ClaimView.Same(Differentiator.Derivative(e, "a"), fact["expression"].Path,
                Sub(a, Differentiator.Derivative(stated, "a")), "∂/∂a of the conserved quantity − stated");
            return "the gradient of (a²/2 − h − stated) ≡ 0";
        }
        throw new RejectException($"$.claim.parameters.object: unknown object '{what}'");
    }
}
