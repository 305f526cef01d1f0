using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Symbolic.Expressions;

/// <summary>
/// An immutable symbolic expression. Nodes are built through the smart constructors of
/// <see cref="Expr"/> (<see cref="Add(Expr[])"/>, <see cref="Mul(Expr[])"/>, <see cref="Pow"/>,
/// <c>Call</c>), which keep every expression in a local canonical form: flattened, sorted,
/// numbers folded, like terms collected. Equality is structural, and hence semantic for canonical forms
/// only up to what <see cref="Simplification.Simplifier"/> decides.
/// </summary>
public abstract class Expr : IEquatable<Expr>, IComparable<Expr>
{
    private int hash;

    /// <summary>Children in order (empty for atoms).</summary>
    public abstract IReadOnlyList<Expr> Children { get; }

    /// <summary>Rebuilds this node with new children through the smart constructors.</summary>
    public abstract Expr With(IReadOnlyList<Expr> children);

    /// <summary>Node kind rank used by the canonical order.</summary>
    internal abstract int Rank { get; }

    /// <summary>Structural hash, cached.</summary>
    public override int GetHashCode()
    {
        if (hash == 0) { var h = ComputeHash(); hash = h == 0 ? 1 : h; }
        return hash;
    }

    internal abstract int ComputeHash();

    /// <summary>Structural equality.</summary>
    public abstract bool Equals(Expr? other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Expr e && Equals(e);

    /// <inheritdoc/>
    public int CompareTo(Expr? other) => ExprOrder.Compare(this, other!);

    /// <summary>Infix text in the plain syntax (parse ∘ print is the identity on canonical forms).</summary>
    public override string ToString() => Printing.InfixPrinter.Print(this);

    /// <summary>The free symbols, sorted by name.</summary>
    public IReadOnlyList<string> FreeSymbols()
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        Collect(this, set);
        return set.ToList();
        static void Collect(Expr e, SortedSet<string> s)
        {
            if (e is Symbol sym) s.Add(sym.Name);
            foreach (var c in e.Children) Collect(c, s);
        }
    }

    /// <summary>True when <paramref name="predicate"/> holds for this node or any descendant.</summary>
    public bool Any(Func<Expr, bool> predicate) => predicate(this) || Children.Any(c => c.Any(predicate));

    /// <summary>Rewrites bottom-up: children first, then <paramref name="rewrite"/> on the rebuilt node.</summary>
    public Expr Map(Func<Expr, Expr> rewrite)
    {
        if (Children.Count == 0) return rewrite(this);
        var kids = new Expr[Children.Count];
        bool changed = false;
        for (int i = 0; i < kids.Length; i++) { kids[i] = Children[i].Map(rewrite); changed |= !ReferenceEquals(kids[i], Children[i]); }
        return rewrite(changed ? With(kids) : this);
    }

    /// <summary>Number of nodes (a size measure for choosing between equivalent forms).</summary>
    public int Size => 1 + Children.Sum(c => c.Size);

    // ---- smart constructors -------------------------------------------------------------------

    /// <summary>The number 0.</summary>
    public static readonly Expr Zero = new Number(Rational.Zero);
    /// <summary>The number 1.</summary>
    public static readonly Expr One = new Number(Rational.One);
    /// <summary>The number -1.</summary>
    public static readonly Expr MinusOne = new Number(Rational.MinusOne);
    /// <summary>The number 2.</summary>
    public static readonly Expr Two = new Number(2);
    /// <summary>The number 1/2.</summary>
    public static readonly Expr Half = new Number(new Rational(1, 2));

    /// <summary>An exact number.</summary>
    public static Expr Num(Rational value) => new Number(value);
    /// <summary>A symbol.</summary>
    public static Expr Sym(string name) => new Symbol(name);
    /// <summary>Canonical sum.</summary>
    public static Expr Add(params Expr[] terms) => Canonical.Add(terms);
    /// <summary>Canonical sum.</summary>
    public static Expr Add(IEnumerable<Expr> terms) => Canonical.Add(terms.ToArray());
    /// <summary>Canonical product.</summary>
    public static Expr Mul(params Expr[] factors) => Canonical.Mul(factors);
    /// <summary>Canonical product.</summary>
    public static Expr Mul(IEnumerable<Expr> factors) => Canonical.Mul(factors.ToArray());
    /// <summary>Canonical power.</summary>
    public static Expr Pow(Expr @base, Expr exponent) => Canonical.Pow(@base, exponent);
    /// <summary>a − b.</summary>
    public static Expr Sub(Expr a, Expr b) => Add(a, Neg(b));
    /// <summary>−a.</summary>
    public static Expr Neg(Expr a) => Mul(MinusOne, a);
    /// <summary>a / b.</summary>
    public static Expr Div(Expr a, Expr b) => Mul(a, Pow(b, MinusOne));
    /// <summary>A piecewise expression, with conditions decided between exact numbers folded away.</summary>
    public static Expr Cases(IReadOnlyList<(Relation Condition, Expr Value)> pieces, Expr otherwise) => Canonical.Piecewise(pieces, otherwise);
    /// <summary>A known function applied to arguments (see <see cref="KnownFunctions"/>).</summary>
    public static Expr Call(FunctionInfo function, params Expr[] args) => Canonical.Call(function, args);
    /// <summary>A known function by name.</summary>
    public static Expr Call(string name, params Expr[] args) =>
        Call(KnownFunctions.Lookup(name) ?? throw new ArgumentException($"Unknown function '{name}'.", nameof(name)), args);

    /// <summary>Sum.</summary>
    public static Expr operator +(Expr a, Expr b) => Add(a, b);
    /// <summary>Difference.</summary>
    public static Expr operator -(Expr a, Expr b) => Sub(a, b);
    /// <summary>Negation.</summary>
    public static Expr operator -(Expr a) => Neg(a);
    /// <summary>Product.</summary>
    public static Expr operator *(Expr a, Expr b) => Mul(a, b);
    /// <summary>Quotient.</summary>
    public static Expr operator /(Expr a, Expr b) => Div(a, b);
    /// <summary>Integer literal.</summary>
    public static implicit operator Expr(int n) => Num(n);
}

/// <summary>An exact rational number.</summary>
public sealed class Number(Rational value) : Expr
{
    /// <summary>The value.</summary>
    public Rational Value { get; } = value;
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => [];
    /// <inheritdoc/>
    public override Expr With(IReadOnlyList<Expr> children) => this;
    internal override int Rank => 0;
    internal override int ComputeHash() => Value.GetHashCode();
    /// <inheritdoc/>
    public override bool Equals(Expr? other) => other is Number n && n.Value == Value;
}

/// <summary>A real variable.</summary>
public sealed class Symbol(string name) : Expr
{
    /// <summary>The name.</summary>
    public string Name { get; } = name;
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => [];
    /// <inheritdoc/>
    public override Expr With(IReadOnlyList<Expr> children) => this;
    internal override int Rank => 2;
    internal override int ComputeHash() => HashCode.Combine(7, Name);
    /// <inheritdoc/>
    public override bool Equals(Expr? other) => other is Symbol s && s.Name == Name;
}

/// <summary>A named real constant: π or e.</summary>
public sealed class NamedConstant : Expr
{
    private NamedConstant(string name, double value) { Name = name; Value = value; }
    /// <summary>π.</summary>
    public static readonly NamedConstant Pi = new("pi", Math.PI);
    /// <summary>Euler's number e.</summary>
    public static readonly NamedConstant E = new("e", Math.E);
    /// <summary>The name used in the plain syntax.</summary>
    public string Name { get; }
    /// <summary>The nearest double.</summary>
    public double Value { get; }
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => [];
    /// <inheritdoc/>
    public override Expr With(IReadOnlyList<Expr> children) => this;
    internal override int Rank => 1;
    internal override int ComputeHash() => HashCode.Combine(11, Name);
    /// <inheritdoc/>
    public override bool Equals(Expr? other) => other is NamedConstant c && c.Name == Name;
}

/// <summary>A sum of at least two terms, in canonical order.</summary>
public sealed class Sum : Expr
{
    private readonly Expr[] terms;
    internal Sum(Expr[] terms) => this.terms = terms;
    /// <summary>The terms.</summary>
    public IReadOnlyList<Expr> Terms => terms;
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => terms;
    /// <inheritdoc/>
    public override Expr With(IReadOnlyList<Expr> children) => Add(children.ToArray());
    internal override int Rank => 6;
    internal override int ComputeHash() => Hash.Of(13, terms);
    /// <inheritdoc/>
    public override bool Equals(Expr? other) =>
        ReferenceEquals(this, other) || (other is Sum s && s.GetHashCode() == GetHashCode() && s.terms.SequenceEqual(terms));
}

/// <summary>A product of at least two factors, in canonical order (a numeric coefficient first).</summary>
public sealed class Product : Expr
{
    private readonly Expr[] factors;
    internal Product(Expr[] factors) => this.factors = factors;
    /// <summary>The factors.</summary>
    public IReadOnlyList<Expr> Factors => factors;
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => factors;
    /// <inheritdoc/>
    public override Expr With(IReadOnlyList<Expr> children) => Mul(children.ToArray());
    internal override int Rank => 5;
    internal override int ComputeHash() => Hash.Of(17, factors);
    /// <inheritdoc/>
    public override bool Equals(Expr? other) =>
        ReferenceEquals(this, other) || (other is Product p && p.GetHashCode() == GetHashCode() && p.factors.SequenceEqual(factors));
}

/// <summary>base^exponent.</summary>
public sealed class Power : Expr
{
    internal Power(Expr @base, Expr exponent) { Base = @base; Exponent = exponent; }
    /// <summary>The base.</summary>
    public Expr Base { get; }
    /// <summary>The exponent.</summary>
    public Expr Exponent { get; }
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => [Base, Exponent];
    /// <inheritdoc/>
    public override Expr With(IReadOnlyList<Expr> children) => Pow(children[0], children[1]);
    internal override int Rank => 4;
    internal override int ComputeHash() => HashCode.Combine(19, Base, Exponent);
    /// <inheritdoc/>
    public override bool Equals(Expr? other) => other is Power p && p.Base.Equals(Base) && p.Exponent.Equals(Exponent);
}

/// <summary>A known function (exp, log, sigmoid, …; see <see cref="KnownFunctions"/>) applied to arguments.</summary>
public sealed class FunctionCall : Expr
{
    private readonly Expr[] args;
    internal FunctionCall(FunctionInfo function, Expr[] args) { Function = function; this.args = args; }
    /// <summary>The function.</summary>
    public FunctionInfo Function { get; }
    /// <summary>The arguments.</summary>
    public IReadOnlyList<Expr> Arguments => args;
    /// <summary>The single argument of a unary function.</summary>
    public Expr Argument => args[0];
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => args;
    /// <inheritdoc/>
    public override Expr With(IReadOnlyList<Expr> children) => Call(Function, children.ToArray());
    internal override int Rank => 3;
    internal override int ComputeHash() => Hash.Of(HashCode.Combine(23, Function.Name), args);
    /// <inheritdoc/>
    public override bool Equals(Expr? other) =>
        other is FunctionCall f && f.Function.Name == Function.Name && f.args.SequenceEqual(args);
}

/// <summary>
/// An abstract function of one variable and its derivatives: σ(u), σ′(u), σ″(u), … — the general
/// activation of paper 000, Lemmas 6.1–6.2 and Proposition 6.1. Written <c>sigma'(u)</c> in the plain syntax.
/// </summary>
public sealed class AbstractCall : Expr
{
    /// <summary>Creates name^(order)(argument).</summary>
    public AbstractCall(string name, int order, Expr argument)
    {
        if (order < 0) throw new ArgumentOutOfRangeException(nameof(order));
        Name = name; Order = order; Argument = argument;
    }
    /// <summary>The function's name.</summary>
    public string Name { get; }
    /// <summary>The derivative order (0 for the function itself).</summary>
    public int Order { get; }
    /// <summary>The argument.</summary>
    public Expr Argument { get; }
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => [Argument];
    /// <inheritdoc/>
    public override Expr With(IReadOnlyList<Expr> children) => new AbstractCall(Name, Order, children[0]);
    internal override int Rank => 3;
    internal override int ComputeHash() => HashCode.Combine(29, Name, Order, Argument);
    /// <inheritdoc/>
    public override bool Equals(Expr? other) =>
        other is AbstractCall a && a.Name == Name && a.Order == Order && a.Argument.Equals(Argument);
}

/// <summary>Comparison operators of a <see cref="Relation"/>.</summary>
public enum RelationOperator
{
    /// <summary>&lt;</summary>
    Less,
    /// <summary>&lt;=</summary>
    LessOrEqual,
    /// <summary>&gt;</summary>
    Greater,
    /// <summary>&gt;=</summary>
    GreaterOrEqual,
    /// <summary>==</summary>
    Equal,
    /// <summary>!=</summary>
    NotEqual,
}

/// <summary>A relation lhs ⋈ rhs: the condition of a <see cref="Piecewise"/> piece, or an assumption.</summary>
public sealed class Relation(Expr left, RelationOperator op, Expr right) : Expr
{
    /// <summary>Left side.</summary>
    public Expr Left { get; } = left;
    /// <summary>The operator.</summary>
    public RelationOperator Operator { get; } = op;
    /// <summary>Right side.</summary>
    public Expr Right { get; } = right;
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => [Left, Right];
    /// <inheritdoc/>
    public override Expr With(IReadOnlyList<Expr> children) => new Relation(children[0], Operator, children[1]);
    internal override int Rank => 8;
    internal override int ComputeHash() => HashCode.Combine(31, Left, Operator, Right);
    /// <inheritdoc/>
    public override bool Equals(Expr? other) =>
        other is Relation r && r.Operator == Operator && r.Left.Equals(Left) && r.Right.Equals(Right);

    /// <summary>The text of the operator.</summary>
    public static string Text(RelationOperator op) => op switch
    {
        RelationOperator.Less => "<", RelationOperator.LessOrEqual => "<=", RelationOperator.Greater => ">",
        RelationOperator.GreaterOrEqual => ">=", RelationOperator.Equal => "==", _ => "!=",
    };

    /// <summary>Decides the relation for two doubles.</summary>
    public static bool Holds(RelationOperator op, double l, double r) => op switch
    {
        RelationOperator.Less => l < r, RelationOperator.LessOrEqual => l <= r, RelationOperator.Greater => l > r,
        RelationOperator.GreaterOrEqual => l >= r, RelationOperator.Equal => l == r, _ => l != r,
    };
}

/// <summary>
/// A piecewise expression: the value of the first piece whose condition holds, else <see cref="Otherwise"/>.
/// The recipes of paper 000, Section 6, build activations this way. Written
/// <c>piecewise(cond1, value1, cond2, value2, …, otherwise)</c>.
/// </summary>
public sealed class Piecewise : Expr
{
    private readonly Expr[] children;
    /// <summary>Creates a piecewise expression; each condition must be a <see cref="Relation"/>.</summary>
    public Piecewise(IReadOnlyList<(Relation Condition, Expr Value)> pieces, Expr otherwise)
    {
        if (pieces.Count == 0) throw new ArgumentException("A piecewise expression needs at least one piece.", nameof(pieces));
        Pieces = pieces.ToArray();
        Otherwise = otherwise;
        children = pieces.SelectMany(p => new[] { (Expr)p.Condition, p.Value }).Append(otherwise).ToArray();
    }
    /// <summary>The (condition, value) pieces in order.</summary>
    public IReadOnlyList<(Relation Condition, Expr Value)> Pieces { get; }
    /// <summary>The value when no condition holds.</summary>
    public Expr Otherwise { get; }
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => children;
    /// <inheritdoc/>
    public override Expr With(IReadOnlyList<Expr> c)
    {
        var pieces = new List<(Relation, Expr)>();
        for (int i = 0; i + 1 < c.Count; i += 2) pieces.Add(((Relation)c[i], c[i + 1]));
        return Canonical.Piecewise(pieces, c[^1]);
    }
    internal override int Rank => 7;
    internal override int ComputeHash() => Hash.Of(37, children);
    /// <inheritdoc/>
    public override bool Equals(Expr? other) => other is Piecewise p && p.children.SequenceEqual(children);
}

internal static class Hash
{
    public static int Of(int seed, Expr[] items)
    {
        var h = new HashCode();
        h.Add(seed);
        foreach (var i in items) h.Add(i);
        return h.ToHashCode();
    }
}
