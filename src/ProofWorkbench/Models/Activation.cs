using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Parsing;

namespace ProofWorkbench.Models;

/// <summary>
/// An activation σ given as an expression in one variable, e.g. <c>1/(1+exp(-u))</c>, or the abstract
/// <c>sigma(u)</c> for statements about a general σ (paper 000, Lemmas 6.1–6.2, Proposition 6.1).
/// </summary>
public sealed class Activation
{
    private Activation(string text, Expr definition, string variable)
    {
        Text = text; Definition = definition; Variable = variable;
    }

    /// <summary>The text the user gave.</summary>
    public string Text { get; }
    /// <summary>σ as an expression in <see cref="Variable"/>.</summary>
    public Expr Definition { get; }
    /// <summary>The activation's variable.</summary>
    public string Variable { get; }
    /// <summary>True when σ is the abstract function <c>sigma</c> (no concrete values).</summary>
    public bool IsAbstract => Definition.Any(n => n is AbstractCall);

    /// <summary>
    /// Parses and validates an activation; <paramref name="inputName"/> names the input in messages
    /// (e.g. "--activation"). Throws <see cref="InputException"/> for text that does not parse, a constant,
    /// or more than one free symbol.
    /// </summary>
    public static Activation Parse(string text, string inputName = "--activation")
    {
        Expr e;
        try { e = Parser.Parse(text); }
        catch (ParseException ex) { throw new InputException($"{inputName} '{text}', column {ex.Column}: {ex.Reason}."); }
        var symbols = e.FreeSymbols();
        if (symbols.Count == 0)
            throw new InputException($"{inputName} '{text}' is a constant; an activation must depend on one variable, e.g. 1/(1+exp(-u)).");
        if (symbols.Count > 1)
            throw new InputException($"{inputName} '{text}' has the free symbols {string.Join(", ", symbols)}; an activation must depend on exactly one variable.");
        if (e is Relation)
            throw new InputException($"{inputName} '{text}' is a relation; an activation is an expression such as log(1+exp(u)).");
        return new Activation(text, e, symbols[0]);
    }

    /// <summary>σ^(k) as an expression in <see cref="Variable"/>.</summary>
    public Expr Derivative(int k) => Differentiator.Derivative(Definition, Variable, k);

    /// <summary>σ(argument).</summary>
    public Expr At(Expr argument) => Substitution.Substitute(Definition, Variable, argument);

    /// <summary>σ^(k)(argument).</summary>
    public Expr DerivativeAt(int k, Expr argument) => Substitution.Substitute(Derivative(k), Variable, argument);
}
