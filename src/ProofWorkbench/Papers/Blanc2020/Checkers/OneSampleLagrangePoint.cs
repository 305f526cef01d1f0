using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Simplification;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Papers.Blanc2020.Checkers;

/// <summary>
/// What the Lagrange claims (<c>lagrange-stationary</c>, <c>lagrange-second-order</c>; paper 001, Theorem 3 and
/// Proposition 11) read alike: h(1; θ), the parameters, the label y, the regularizer R on the one sample, and the point —
/// given by values, or for a unit's weight by the exact value of tanh(wᵢ) (so that tanh′ = 1 − tanh² stays exact).
/// </summary>
internal sealed record OneSampleLagrangePoint(string[] Names, ImplicitRegularizer Regularizer, Func<Expr, Expr> At)
{
    /// <summary>The parameters <see cref="Read"/> reads, for the checkers' parameter lists.</summary>
    public static IReadOnlyList<Theorems.Checking.ClaimParameter> Parameters { get; } =
        [
            Theorems.Checking.ClaimParameter.Needs("output", "expression", "h(x; θ) with x = 1"),
            Theorems.Checking.ClaimParameter.Needs("parameters", "list of names", "the parameters θ"),
            Theorems.Checking.ClaimParameter.Needs("y", "number", "the label of the one sample"),
            Theorems.Checking.ClaimParameter.May("point", "mapping name → number", "the point θ (or give tanh)"),
            Theorems.Checking.ClaimParameter.May("tanh", "mapping name → number", "the exact values tanh(wᵢ) instead of wᵢ"),
        ];

    /// <summary>Reads the claim's output, parameters, y, point and tanh values; every parameter must get a value.</summary>
    public static OneSampleLagrangePoint Read(YamlValue node)
    {
        var names = node.Required("parameters").Items().Select(i => i.Text()).ToArray();
        var output = Substitution.Substitute(node.Required("output").Expression(), "x", Expr.Num(1));
        var y = node.Required("y").Expression();
        var r = new ImplicitRegularizer(output, names, [(new Dictionary<string, Expr>(), y)]);
        var values = new Dictionary<string, Expr>();
        if (node.Optional("point") is { } point) foreach (var k in point.Keys) values[k] = point.Required(k).Expression();
        var tanhValues = new Dictionary<string, Expr>();
        if (node.Optional("tanh") is { } tv) foreach (var k in tv.Keys) tanhValues[k] = tv.Required(k).Expression();
        foreach (var n in names)
            if (!values.ContainsKey(n) && !tanhValues.ContainsKey(n))
                throw node.Error($"the point gives no value for {n} (in 'point', or its tanh in 'tanh').");
        Expr At(Expr e)
        {
            var replaced = e.Map(n => n is FunctionCall { Function.Name: "tanh" } f && f.Arguments[0] is Symbol s && tanhValues.TryGetValue(s.Name, out var t) ? t : n);
            return Simplifier.Simplify(Substitution.Substitute(replaced, values));
        }
        return new OneSampleLagrangePoint(names, r, At);
    }
}
