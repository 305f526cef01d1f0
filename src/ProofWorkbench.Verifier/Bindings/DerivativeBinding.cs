using ProofWorkbench.Symbolic.Calculus;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary><c>derivative-equals</c> (paper 001, Appendix C: function, variable, order ≥ 1, stated) and
/// <c>derivative-identity</c> (f, variable, order ≥ 0, optional point <c>at</c>, value): one fact deciding
/// d^k f/dv^k (at the point) − stated ≡ 0, the derivative taken by the verifier (<see cref="Identity"/>), on the domain of
/// the expressions as written (none at a point).</summary>
internal sealed class DerivativeBinding(string kind) : IClaimBinding
{
    public string Kind => kind;

    public string Bind(ClaimView c)
    {
        bool printed = kind == "derivative-equals";
        var (f, stated) = printed ? (c.Param("function"), c.Param("stated")) : (c.Param("f"), c.Param("value"));
        var v = c.Param("variable")?.Str() ?? throw new RejectException("$.claim.parameters.variable: missing");
        int order = c.Param("order") is { } o ? int.Parse(o.Str(), System.Globalization.CultureInfo.InvariantCulture) : 1;
        if (f is null || stated is null || order < (printed ? 1 : 0)) throw new RejectException("$.claim.parameters: the function, the stated value and the order are needed");
        var derived = order == 0 ? f.Expr() : Differentiator.Derivative(f.Expr(), v, order);
        var at = printed ? null : c.Param("at");
        if (at is not null) derived = Substitution.Substitute(derived, v, at.Expr());
        Identity.BindAll(c, (Sub(derived, stated.Expr()), $"d^{order}/d{v}^{order} − stated", at is null ? Identity.Written(f, stated) : []));
        return $"d^{order}/d{v}^{order}{(at is null ? "" : " at " + at.Str())} − stated ≡ 0";
    }
}
