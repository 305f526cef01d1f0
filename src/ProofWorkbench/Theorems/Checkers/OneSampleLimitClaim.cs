using ProofWorkbench.Models;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// The parameters shared by the claims about the exact limit of a one-sample flow (<c>conserved-limit</c>,
/// <c>parabola-limit</c>): the activation, a one-sample <c>dataset</c> with exact inputs, θ₀ (<c>from</c>) and the stated
/// limit θ* (<c>to</c>), read and checked with positioned errors.
/// </summary>
/// <param name="Sigma">The activation.</param>
/// <param name="Data">The one-sample dataset.</param>
/// <param name="From">θ₀.</param>
/// <param name="To">The stated limit θ*.</param>
/// <param name="X">The sample's input, exact.</param>
/// <param name="Y">The sample's label.</param>
public sealed record OneSampleLimitClaim(Activation Sigma, Dataset Data, Theta From, Theta To, Rational[] X, Expr Y)
{
    /// <summary>Reads the claim; <paramref name="why"/> names what the one-sample restriction is for (e.g. "Lemma A.3").</summary>
    public static OneSampleLimitClaim Read(Claim claim, TheoremContext context, string why)
    {
        var sigma = context.ActivationOf(claim);
        var setNode = claim.Node.Required("dataset");
        var data = context.DatasetOf(setNode);
        var from = context.Point(claim.Node.Required("from"));
        var to = context.Point(claim.Node.Required("to"));
        if (data.Samples.Count != 1) throw setNode.Error($"a {claim.Kind} claim takes a one-sample dataset ({why}).");
        int d = data.Dimension;
        if (from.W.Count != d || to.W.Count != d) throw claim.Node.Error($"'from' and 'to' need {d} weights, as the data have d = {d}.");
        var x = data.Samples[0].X.Select(e => e is Number n ? n.Value : throw setNode.Error("the input x must be exact numbers.")).ToArray();
        return new OneSampleLimitClaim(sigma, data, from, to, x, data.Samples[0].Y);
    }
}
