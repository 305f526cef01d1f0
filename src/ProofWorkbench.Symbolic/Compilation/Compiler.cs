using System.Reflection;
using ProofWorkbench.Symbolic.Expressions;
using LinqExpr = System.Linq.Expressions.Expression;
using ParamExpr = System.Linq.Expressions.ParameterExpression;

namespace ProofWorkbench.Symbolic.Compilation;

/// <summary>
/// Compiles expressions to fast double delegates through System.Linq.Expressions, for the numeric layer.
/// Repeated subexpressions are computed once (common-subexpression elimination by structural equality).
/// </summary>
public static class Compiler
{
    /// <summary>A scalar function of the variables, in the given order.</summary>
    public static Func<double[], double> Compile(Expr e, IReadOnlyList<string> variables)
    {
        var vector = CompileVector([e], variables);
        return x => { var r = new double[1]; vector(x, r); return r[0]; };
    }

    /// <summary>
    /// An action (x, result) writing result[i] = exprs[i](x); allocation-free per call.
    /// </summary>
    public static Action<double[], double[]> CompileVector(IReadOnlyList<Expr> exprs, IReadOnlyList<string> variables)
    {
        var x = LinqExpr.Parameter(typeof(double[]), "x");
        var result = LinqExpr.Parameter(typeof(double[]), "result");
        var builder = new Builder(x, variables);
        var body = new List<LinqExpr>();
        var stores = exprs.Select((e, i) =>
            (LinqExpr)LinqExpr.Assign(LinqExpr.ArrayAccess(result, LinqExpr.Constant(i)), builder.Build(e))).ToList();
        body.AddRange(builder.Assignments);
        body.AddRange(stores);
        body.Add(LinqExpr.Empty());
        var block = LinqExpr.Block(builder.Locals, body);
        return LinqExpr.Lambda<Action<double[], double[]>>(block, x, result).Compile();
    }

    private sealed class Builder(ParamExpr x, IReadOnlyList<string> variables)
    {
        private readonly Dictionary<Expr, ParamExpr> cse = [];
        public List<ParamExpr> Locals { get; } = [];
        public List<LinqExpr> Assignments { get; } = [];

        public LinqExpr Build(Expr e)
        {
            if (e is Number or Symbol or NamedConstant) return Direct(e);
            if (cse.TryGetValue(e, out var local)) return local;
            var value = Direct(e);
            var v = LinqExpr.Variable(typeof(double));
            Locals.Add(v);
            Assignments.Add(LinqExpr.Assign(v, value));
            cse[e] = v;
            return v;
        }

        private static MethodInfo MathMethod(string name, int arity) =>
            typeof(Math).GetMethod(name, Enumerable.Repeat(typeof(double), arity).ToArray())!;

        private LinqExpr Direct(Expr e)
        {
            switch (e)
            {
                case Number n: return LinqExpr.Constant(n.Value.ToDouble());
                case NamedConstant c: return LinqExpr.Constant(c.Value);
                case Symbol s:
                {
                    int i = variables.ToList().IndexOf(s.Name);
                    if (i < 0) throw new SymbolicException($"The symbol '{s.Name}' is not among the variables {string.Join(", ", variables)}.");
                    return LinqExpr.ArrayIndex(x, LinqExpr.Constant(i));
                }
                case Sum s: return s.Terms.Select(Build).Aggregate(LinqExpr.Add);
                case Product p: return p.Factors.Select(Build).Aggregate(LinqExpr.Multiply);
                case Power { Exponent: Number k } pw when k.Value.IsInteger && System.Numerics.BigInteger.Abs(k.Value.Numerator) <= 8:
                {
                    var b = Build(pw.Base);
                    int n = (int)System.Numerics.BigInteger.Abs(k.Value.Numerator);
                    LinqExpr prod = b;
                    for (int i = 1; i < n; i++) prod = LinqExpr.Multiply(prod, b);
                    return k.Value.Sign < 0 ? LinqExpr.Divide(LinqExpr.Constant(1.0), prod) : prod;
                }
                case Power { Exponent: Number k } pw when k.Value.Denominator == 2 && k.Value.Numerator == 1:
                    return LinqExpr.Call(MathMethod("Sqrt", 1), Build(pw.Base));
                case Power pw: return LinqExpr.Call(MathMethod("Pow", 2), Build(pw.Base), Build(pw.Exponent));
                case FunctionCall f: return CallFunction(f);
                case Piecewise pw:
                {
                    LinqExpr value = Build(pw.Otherwise);
                    for (int i = pw.Pieces.Count - 1; i >= 0; i--)
                        value = LinqExpr.Condition(Condition(pw.Pieces[i].Condition), Build(pw.Pieces[i].Value), value);
                    return value;
                }
                case AbstractCall a:
                    throw new SymbolicException($"The abstract function {a.Name} cannot be compiled; give a concrete activation.");
                default: throw new SymbolicException($"Cannot compile '{e}'.");
            }
        }

        private LinqExpr Condition(Relation r)
        {
            var l = Build(r.Left);
            var rr = Build(r.Right);
            return r.Operator switch
            {
                RelationOperator.Less => LinqExpr.LessThan(l, rr),
                RelationOperator.LessOrEqual => LinqExpr.LessThanOrEqual(l, rr),
                RelationOperator.Greater => LinqExpr.GreaterThan(l, rr),
                RelationOperator.GreaterOrEqual => LinqExpr.GreaterThanOrEqual(l, rr),
                RelationOperator.Equal => LinqExpr.Equal(l, rr),
                _ => LinqExpr.NotEqual(l, rr),
            };
        }

        private LinqExpr CallFunction(FunctionCall f)
        {
            var args = f.Arguments.Select(Build).ToArray();
            // The entry's own double method (Math.Exp, ScalarFunctions.Sigmoid, …), inlined into the delegate.
            if (f.Function.Compiled is { } method) return LinqExpr.Call(method, args);
            // Anything else goes through the function table's own evaluator.
            var evaluate = f.Function.EvaluateDouble;
            var array = LinqExpr.NewArrayInit(typeof(double), args);
            return LinqExpr.Invoke(LinqExpr.Constant(evaluate), array);
        }
    }
}
