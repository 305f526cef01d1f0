using ProofWorkbench.Symbolic.Calculus;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary><c>conserved</c>: one exact identity whose expression is the Lie derivative of the claim's quantity along the
/// one-sample flow field −∇L of the one-neuron model, which the verifier differentiates itself (paper 000, Lemma 6.1/A.3).</summary>
internal sealed class ConservedBinding : IClaimBinding
{
    public string Kind => "conserved";

    public string Bind(ClaimView c)
    {
        var fact = c.Expect("exact-identity", 1)[0];
        var m = OneNeuron.Of(c);
        var lie = Differentiator.LieDerivative(c.Expr("quantity"), m.Field, m.Parameters);
        ClaimView.Same(fact["expression"], lie, "Lie derivative of the quantity along −∇L");
        return "the Lie derivative along −∇L";
    }
}
