using ProofWorkbench.Numerics.Ode;
using ProofWorkbench.Symbolic.Expressions;

namespace ProofWorkbench.Dynamics;

/// <summary>
/// An interpreter of expressions in truncated Taylor arithmetic (<see cref="Jet"/>): the expressions are
/// turned once into a graph of distinct subexpressions (common subexpressions shared by structural
/// equality, as in <see cref="Symbolic.Compilation.Compiler"/>), and each evaluation walks the graph with
/// jets. This is what the Taylor method needs from the gradient-flow field (Jorba &amp; Zou 2005, Sec. 2:
/// the Taylor coefficients of the solution come from the jet arithmetic of f).
/// Immutable and thread-safe: each evaluation keeps its own table of computed nodes.
/// Non-smooth functions (abs, relu, heaviside, sign, max, piecewise) are evaluated on the branch the
/// constant term selects — valid off the junctions, like <see cref="Symbolic.Calculus.Differentiator"/>.
/// </summary>
public sealed class JetProgram
{
    private readonly Node[] nodes;
    private readonly int[] outputs;

    private JetProgram(Node[] nodes, int[] outputs, IReadOnlyList<string> variables)
    {
        this.nodes = nodes; this.outputs = outputs; Variables = variables;
    }

    /// <summary>The variables, in the order the evaluation expects their jets.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>Number of distinct subexpressions (after sharing).</summary>
    public int NodeCount => nodes.Length;

    /// <summary>
    /// Prepares <paramref name="expressions"/> for evaluation at jets of <paramref name="variables"/>.
    /// Throws <see cref="SymbolicException"/> for a symbol that is not a variable, an abstract function or a relation.
    /// </summary>
    public static JetProgram Compile(IReadOnlyList<Expr> expressions, IReadOnlyList<string> variables)
    {
        var builder = new Builder(variables);
        var outputs = expressions.Select(builder.Add).ToArray();
        return new JetProgram(builder.Nodes.ToArray(), outputs, variables.ToArray());
    }

    /// <summary>
    /// Evaluates every expression at the given jets (one per variable, all of one order) and writes the
    /// results into <paramref name="results"/> (one per expression).
    /// </summary>
    public void Evaluate(IReadOnlyList<Jet> variables, Jet[] results)
    {
        if (variables.Count != Variables.Count)
            throw new ArgumentException($"Expected {Variables.Count} jets, got {variables.Count}.", nameof(variables));
        if (results.Length < outputs.Length)
            throw new ArgumentException($"The result array has {results.Length} entries; {outputs.Length} are needed.", nameof(results));
        var context = new Context(nodes, variables, variables.Count == 0 ? 0 : variables[0].Order);
        for (int i = 0; i < outputs.Length; i++) results[i] = context.Get(outputs[i]);
    }

    /// <summary>The expressions as a <see cref="TaylorVectorField"/> of an autonomous system (time is ignored).</summary>
    public TaylorVectorField AsTaylorVectorField() => (_, y, f) => Evaluate(y, f);

    // ---- graph ----

    private enum Op { Constant, Variable, Sum, Product, Power, RealPower, Function, Piecewise }

    /// <summary>One distinct subexpression. <c>Value</c> holds a constant, a variable index or a power's exponent.</summary>
    private sealed record Node(Op Op, int[] Args, double Value = 0, TaylorPrimitive Function = default,
        (int Left, RelationOperator Operator, int Right, int Result)[]? Pieces = null);

    private sealed class Builder(IReadOnlyList<string> variables)
    {
        private readonly Dictionary<Expr, int> index = [];
        public List<Node> Nodes { get; } = [];

        public int Add(Expr e)
        {
            if (index.TryGetValue(e, out var i)) return i;
            // A function whose Taylor rule is a rewrite (KnownFunctions) is the node of its rewritten form.
            if (e is FunctionCall { Function.Taylor: TaylorRule.Rewrite rewrite } call)
                return index[e] = Add(rewrite.Form([.. call.Arguments]));
            var node = Make(e);
            Nodes.Add(node);
            index[e] = Nodes.Count - 1;
            return Nodes.Count - 1;
        }

        private Node Make(Expr e)
        {
            switch (e)
            {
                case Number n: return new Node(Op.Constant, [], n.Value.ToDouble());
                case NamedConstant c: return new Node(Op.Constant, [], c.Value);
                case Symbol s:
                {
                    int v = IndexOf(s.Name);
                    if (v < 0) throw new SymbolicException($"The symbol '{s.Name}' is not among the variables {string.Join(", ", variables)}.");
                    return new Node(Op.Variable, [], v);
                }
                case Sum s: return new Node(Op.Sum, s.Terms.Select(Add).ToArray());
                case Product p: return new Node(Op.Product, p.Factors.Select(Add).ToArray());
                case Power { Exponent: Number k } pw: return new Node(Op.Power, [Add(pw.Base)], k.Value.ToDouble());
                case Power pw: return new Node(Op.RealPower, [Add(pw.Base), Add(pw.Exponent)]);
                case FunctionCall { Function.Taylor: TaylorRule.Primitive primitive } f:
                    return new Node(Op.Function, f.Arguments.Select(Add).ToArray(), Function: primitive.Operation);
                case FunctionCall f: throw new SymbolicException($"The function {f.Function.Name} has no Taylor arithmetic here.");
                case Piecewise pw:
                {
                    var pieces = pw.Pieces.Select(p => (Add(p.Condition.Left), p.Condition.Operator, Add(p.Condition.Right), Add(p.Value))).ToArray();
                    return new Node(Op.Piecewise, [Add(pw.Otherwise)], Pieces: pieces);
                }
                case AbstractCall a:
                    throw new SymbolicException($"The abstract function {a.Name} has no Taylor expansion; give a concrete activation.");
                default: throw new SymbolicException($"Cannot evaluate '{e}' in Taylor arithmetic.");
            }
        }

        private int IndexOf(string name)
        {
            for (int i = 0; i < variables.Count; i++) if (variables[i] == name) return i;
            return -1;
        }
    }

    // ---- evaluation ----

    private sealed class Context(Node[] nodes, IReadOnlyList<Jet> variables, int order)
    {
        private readonly Jet?[] values = new Jet?[nodes.Length];

        public Jet Get(int i) => values[i] ??= Compute(nodes[i]);

        private Jet Compute(Node node)
        {
            switch (node.Op)
            {
                case Op.Constant: return Jet.Constant(node.Value, order);
                case Op.Variable: return variables[(int)node.Value];
                case Op.Sum: return SumOf(node.Args);
                case Op.Product: return ProductOf(node.Args);
                case Op.Power: return PowerOf(Get(node.Args[0]), node.Value);
                case Op.RealPower: return Jet.Exp(Get(node.Args[1]) * Jet.Log(Get(node.Args[0])));
                case Op.Function: return Function(node.Function, node.Args);
                default:
                    foreach (var (l, op, r, result) in node.Pieces!)
                        if (Relation.Holds(op, Get(l).Value, Get(r).Value)) return Get(result);
                    return Get(node.Args[0]);
            }
        }

        private bool IsConstant(int i, out double c)
        {
            c = nodes[i].Value;
            return nodes[i].Op == Op.Constant;
        }

        private Jet SumOf(int[] args)
        {
            double constant = 0;
            Jet? acc = null;
            foreach (var a in args)
            {
                if (IsConstant(a, out var c)) constant += c;
                else acc = acc is null ? Get(a) : acc + Get(a);
            }
            return acc is null ? Jet.Constant(constant, order) : constant == 0 ? acc : acc + constant;
        }

        /// <summary>Constants multiply as doubles; factors b^(−k) divide (one division instead of a reciprocal and a product).</summary>
        private Jet ProductOf(int[] args)
        {
            double constant = 1;
            Jet? numerator = null, denominator = null;
            foreach (var a in args)
            {
                var n = nodes[a];
                if (n.Op == Op.Constant) { constant *= n.Value; continue; }
                if (n.Op == Op.Power && n.Value < 0)
                {
                    var d = PowerOf(Get(n.Args[0]), -n.Value);
                    denominator = denominator is null ? d : denominator * d;
                    continue;
                }
                numerator = numerator is null ? Get(a) : numerator * Get(a);
            }
            Jet result = numerator is null
                ? denominator is null ? Jet.Constant(constant, order) : constant / denominator
                : denominator is null ? numerator : numerator / denominator;
            return numerator is not null && constant != 1 ? result * constant : result;
        }

        private static Jet PowerOf(Jet b, double k)
        {
            if (k == 0.5) return Jet.Sqrt(b);
            if (k == -1) return 1.0 / b;
            return Jet.Pow(b, k);
        }

        /// <summary>The primitives of the jet arithmetic; every other function was rewritten into these when the graph was built.</summary>
        private Jet Function(TaylorPrimitive primitive, int[] args)
        {
            var a = Get(args[0]);
            return primitive switch
            {
                TaylorPrimitive.Exp => Jet.Exp(a),
                TaylorPrimitive.Log => Jet.Log(a),
                TaylorPrimitive.Sin => Jet.Sin(a),
                TaylorPrimitive.Cos => Jet.Cos(a),
                TaylorPrimitive.Tanh => Jet.Tanh(a),
                _ => Jet.Atan(a),
            };
        }
    }
}
