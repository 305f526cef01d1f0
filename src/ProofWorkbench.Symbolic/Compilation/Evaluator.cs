using ProofWorkbench.Symbolic.Expressions;

namespace ProofWorkbench.Symbolic.Compilation;

/// <summary>Interprets an expression at double values of its symbols (for checks; use <see cref="Compiler"/> in hot loops).</summary>
public static class Evaluator
{
    /// <summary>The value of <paramref name="e"/>; throws <see cref="SymbolicException"/> for an unbound symbol or abstract function.</summary>
    public static double Evaluate(Expr e, IReadOnlyDictionary<string, double> values) => e switch
    {
        Number n => n.Value.ToDouble(),
        NamedConstant c => c.Value,
        Symbol s => values.TryGetValue(s.Name, out var v) ? v : throw new SymbolicException($"No value for the symbol '{s.Name}'."),
        Sum s => s.Terms.Sum(t => Evaluate(t, values)),
        Product p => p.Factors.Aggregate(1.0, (acc, f) => acc * Evaluate(f, values)),
        Power pw => PowerOf(Evaluate(pw.Base, values), pw.Exponent, values),
        FunctionCall f => f.Function.EvaluateDouble(f.Arguments.Select(a => Evaluate(a, values)).ToArray()),
        Piecewise pw => Evaluate(Select(pw, values), values),
        AbstractCall a => throw new SymbolicException($"The abstract function {a.Name} has no numeric value; give a concrete activation."),
        _ => throw new SymbolicException($"Cannot evaluate the relation '{e}'."),
    };

    private static double PowerOf(double b, Expr exponent, IReadOnlyDictionary<string, double> values)
    {
        if (exponent is Number { Value.IsInteger: true } k && BigIntegerFitsInt(k.Value.Numerator))
            return IntegerPower(b, (int)k.Value.Numerator);
        if (exponent is Number { Value.Denominator.IsOne: false } q && q.Value.Denominator == 2)
            return IntegerPower(Math.Sqrt(b), (int)q.Value.Numerator);
        return Math.Pow(b, Evaluate(exponent, values));
    }

    private static bool BigIntegerFitsInt(System.Numerics.BigInteger n) => n >= int.MinValue && n <= int.MaxValue;

    /// <summary>b^n by repeated squaring (exact sign for negative b).</summary>
    public static double IntegerPower(double b, int n)
    {
        if (n < 0) return 1.0 / IntegerPower(b, -n);
        double result = 1;
        while (n > 0) { if ((n & 1) == 1) result *= b; b *= b; n >>= 1; }
        return result;
    }

    /// <summary>The piece of a piecewise expression selected at these values.</summary>
    public static Expr Select(Piecewise pw, IReadOnlyDictionary<string, double> values)
    {
        foreach (var (cond, value) in pw.Pieces)
            if (Relation.Holds(cond.Operator, Evaluate(cond.Left, values), Evaluate(cond.Right, values))) return value;
        return pw.Otherwise;
    }
}
