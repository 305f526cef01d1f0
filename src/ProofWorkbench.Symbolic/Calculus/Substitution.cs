using ProofWorkbench.Symbolic.Expressions;

namespace ProofWorkbench.Symbolic.Calculus;

/// <summary>Simultaneous substitution of symbols by expressions.</summary>
public static class Substitution
{
    /// <summary>Replaces every symbol named in <paramref name="map"/> by its expression (simultaneously).</summary>
    public static Expr Substitute(Expr e, IReadOnlyDictionary<string, Expr> map) =>
        e.Map(n => n is Symbol s && map.TryGetValue(s.Name, out var r) ? r : n);

    /// <summary>Replaces one symbol.</summary>
    public static Expr Substitute(Expr e, string name, Expr value) =>
        Substitute(e, new Dictionary<string, Expr> { [name] = value });

    /// <summary>Replaces every σ^(k)(arg) of the abstract function <paramref name="name"/> by the k-th derivative of <paramref name="definition"/> in <paramref name="variable"/> at arg.</summary>
    public static Expr Instantiate(Expr e, string name, Expr definition, string variable) =>
        e.Map(n => n is AbstractCall a && a.Name == name
            ? Substitute(Differentiator.Derivative(definition, variable, a.Order), variable, a.Argument)
            : n);
}
