using System.Globalization;
using ProofWorkbench.Symbolic.Domains;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Limits;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Symbolic.Parsing;

/// <summary>
/// Recursive-descent parser for the plain syntax: numbers (exact: <c>12.307</c> is 12307/1000),
/// symbols, <c>+ - * / ^</c> (also <c>**</c>), parentheses, the functions of <see cref="KnownFunctions"/>,
/// <c>sqrt</c>, the constants <c>pi</c> and <c>e</c>, declared abstract functions with primes
/// (<c>sigma''(x*w)</c>), and <c>piecewise(cond1, value1, …, otherwise)</c> with conditions
/// <c>&lt; &lt;= &gt; &gt;= == !=</c>. Precedence: unary minus binds looser than ^ (−x^2 = −(x^2)); ^ is right-associative.
/// </summary>
public sealed class Parser
{
    private readonly string text;
    private readonly IReadOnlySet<string> abstractFunctions;
    private int pos, depth;
    private readonly List<DomainCondition> domain = [];
    private List<Relation> path = [];

    private Parser(string text, IReadOnlySet<string> abstractFunctions)
    {
        this.text = text;
        this.abstractFunctions = abstractFunctions;
    }

    /// <summary>The abstract function names accepted by default: <c>sigma</c>.</summary>
    public static readonly IReadOnlySet<string> DefaultAbstractFunctions = new HashSet<string> { "sigma" };

    /// <summary>Parses an expression; throws <see cref="ParseException"/> naming the column on error.</summary>
    public static Expr Parse(string text, IReadOnlySet<string>? abstractFunctions = null) => ParseWithDomain(text, abstractFunctions).Value;

    /// <summary>
    /// Parses an expression and records the domain of the text AS WRITTEN (denominators nonzero, log arguments
    /// positive, bases of roots nonnegative, each under its piecewise path): the canonical form may be defined on a
    /// larger set (exp(log x) = x), and whoever decides a claim about the expression must assume this domain.
    /// Throws <see cref="ParseException"/> naming the column on error.
    /// </summary>
    public static ParsedExpression ParseWithDomain(string text, IReadOnlySet<string>? abstractFunctions = null)
    {
        if (text.Length > ExpressionLimits.MaxExpressionLength)
            throw new ParseException(text, ExpressionLimits.MaxExpressionLength + 1,
                $"the expression has {text.Length} characters, more than {ExpressionLimits.MaxExpressionLength} (the limit for one expression)");
        var p = new Parser(text, abstractFunctions ?? DefaultAbstractFunctions);
        p.SkipSpace();
        if (p.pos >= text.Length) throw p.Error("expected an expression but the text is empty");
        Expr e;
        try { e = p.ParseRelationOrExpression(); }
        catch (SymbolicException ex) { throw new ParseException(text, p.pos + 1, ex.Message); }
        p.SkipSpace();
        if (p.pos < text.Length) throw p.Error($"expected an operator or the end of the expression but found '{text[p.pos]}'");
        return new ParsedExpression(e, p.domain);
    }

    /// <summary>Records that <paramref name="condition"/> must hold (under the current piecewise path) for the text to be defined.</summary>
    private void Require(Relation condition, string reason)
    {
        if (condition.Left is Number l && condition.Right is Number r && Relation.Holds(condition.Operator, (l.Value - r.Value).Sign, 0))
            return; // exactly true: nothing to record
        var d = new DomainCondition(condition, path.ToArray(), reason);
        if (!domain.Any(x => x.Condition.Equals(d.Condition) && x.Path.SequenceEqual(d.Path))) domain.Add(d);
    }

    /// <summary>d ≠ 0, split into its factors: b^k ≠ 0 (k a positive integer) iff b ≠ 0, and a product iff each factor.</summary>
    private void RequireNonZero(Expr d)
    {
        switch (d)
        {
            case Number: Require(new Relation(d, RelationOperator.NotEqual, Zero), $"the denominator {d} is nonzero"); return;
            case Power { Exponent: Number { Value: { IsInteger: true, Sign: > 0 } } } p: RequireNonZero(p.Base); return;
            case Product p: foreach (var f in p.Factors) RequireNonZero(f); return;
            default: Require(new Relation(d, RelationOperator.NotEqual, Zero), $"the denominator {d} is nonzero"); return;
        }
    }

    private void RequirePowerDomain(Expr b, Expr x)
    {
        if (b is Number { Value.Sign: > 0 } or NamedConstant) return;
        if (x is Number k)
        {
            if (k.Value.IsInteger)
            {
                if (k.Value.Sign < 0) RequireNonZero(b);
            }
            else if (k.Value.Sign < 0) Require(new Relation(b, RelationOperator.Greater, Zero), $"the base of {b}^({k}) is positive (a root in a denominator)");
            else Require(new Relation(b, RelationOperator.GreaterOrEqual, Zero), $"the base of {b}^({k}) is nonnegative (a root)");
        }
        else Require(new Relation(b, RelationOperator.Greater, Zero), $"the base of the real power {b}^({x}) is positive");
    }

    /// <summary>Parses a relation such as <c>x &gt;= 0</c> (used for assumptions and piecewise conditions).</summary>
    public static Relation ParseRelation(string text, IReadOnlySet<string>? abstractFunctions = null)
    {
        var e = Parse(text, abstractFunctions);
        return e as Relation ?? throw new ParseException(text, text.Length + 1, "expected a relation such as 'x > 0' (one of < <= > >= == !=)");
    }

    private ParseException Error(string message) => new(text, pos + 1, message);

    private void SkipSpace()
    {
        while (pos < text.Length && char.IsWhiteSpace(text[pos])) pos++;
    }

    private bool Accept(string token)
    {
        SkipSpace();
        if (string.CompareOrdinal(text, pos, token, 0, token.Length) != 0) return false;
        pos += token.Length;
        return true;
    }

    private void Expect(string token, string what)
    {
        if (!Accept(token))
            throw Error($"expected {what} but found {(pos < text.Length ? $"'{text[pos]}'" : "the end of the expression")}");
    }

    private Expr ParseRelationOrExpression()
    {
        var left = ParseSum();
        SkipSpace();
        foreach (var (token, op) in Relations)
        {
            if (!Accept(token)) continue;
            var right = ParseSum();
            return new Relation(left, op, right);
        }
        return left;
    }

    private static readonly (string, RelationOperator)[] Relations =
    [
        ("<=", RelationOperator.LessOrEqual), (">=", RelationOperator.GreaterOrEqual), ("==", RelationOperator.Equal),
        ("!=", RelationOperator.NotEqual), ("<", RelationOperator.Less), (">", RelationOperator.Greater),
    ];

    private Expr ParseSum()
    {
        SkipSpace();
        int at = pos;
        var terms = new List<Expr> { ParseProduct() };
        while (true)
        {
            if (Accept("+")) terms.Add(ParseProduct());
            else if (Accept("-")) { var t = ParseProduct(); terms.Add(Build(at, () => Neg(t))); }
            else return terms.Count == 1 ? terms[0] : Build(at, () => Add(terms));
        }
    }

    private Expr ParseProduct()
    {
        var e = ParseUnary();
        while (true)
        {
            SkipSpace();
            if (pos + 1 < text.Length && text[pos] == '*' && text[pos + 1] == '*') return e; // handled by ParsePower
            int op = pos;
            if (Accept("*")) { var f = ParseUnary(); e = Build(op, () => Mul(e, f)); }
            else if (Accept("/"))
            {
                SkipSpace();
                int at = pos;
                var d = ParseUnary();
                if (d is Number { Value.IsZero: true }) throw new ParseException(text, at + 1, "division by zero");
                RequireNonZero(d);
                e = Build(at, () => Div(e, d));
            }
            else
            {
                SkipSpace();
                if (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] == '('))
                    throw Error($"expected an operator between two factors (write '*' for multiplication) but found '{text[pos]}'");
                return e;
            }
        }
    }

    private Expr ParseUnary()
    {
        SkipSpace();
        if (++depth > ExpressionLimits.MaxNesting)
            throw Error($"the expression is nested more than {ExpressionLimits.MaxNesting} levels deep (the limit for parentheses, calls, powers and signs)");
        try
        {
            if (Accept("-")) return Neg(ParseUnary());
            if (Accept("+")) return ParseUnary();
            return ParsePower();
        }
        finally { depth--; }
    }

    /// <summary>Builds a node through the smart constructors; an engine limit or error is reported at <paramref name="at"/>.</summary>
    private Expr Build(int at, Func<Expr> build)
    {
        try { return build(); }
        catch (SymbolicException ex) { throw new ParseException(text, at + 1, ex.Message); }
    }

    private Expr ParsePower()
    {
        var b = ParsePrimary();
        if (Accept("^") || Accept("**"))
        {
            SkipSpace();
            int at = pos;
            var x = ParseUnary();
            if (b is Number { Value.IsZero: true } && x is Number { Value.Sign: < 0 })
                throw new ParseException(text, at + 1, "division by zero: 0 raised to a negative power");
            RequirePowerDomain(b, x);
            return Build(at, () => Pow(b, x));
        }
        return b;
    }

    private Expr ParsePrimary()
    {
        SkipSpace();
        if (pos >= text.Length) throw Error("expected a number, a name or '(' but found the end of the expression");
        char c = text[pos];
        if (char.IsAsciiDigit(c) || c == '.') return ParseNumber();
        if (char.IsLetter(c) || c == '_') return ParseName();
        if (Accept("("))
        {
            var e = ParseSum();
            Expect(")", "')'");
            return e;
        }
        throw Error($"expected a number, a name or '(' but found '{c}'");
    }

    private Expr ParseNumber()
    {
        int start = pos;
        while (pos < text.Length && (char.IsAsciiDigit(text[pos]) || text[pos] == '.')) pos++;
        if (pos < text.Length && (text[pos] == 'e' || text[pos] == 'E'))
        {
            int save = pos++;
            if (pos < text.Length && (text[pos] == '+' || text[pos] == '-')) pos++;
            if (pos < text.Length && char.IsAsciiDigit(text[pos]))
                while (pos < text.Length && char.IsAsciiDigit(text[pos])) pos++;
            else pos = save;
        }
        var literal = text[start..pos];
        if (!Rational.TryParse(literal, out var value, out var problem))
        {
            pos = start;
            throw Error(problem ?? $"'{literal}' is not a number");
        }
        return Num(value);
    }

    private Expr ParseName()
    {
        int start = pos;
        while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] == '_')) pos++;
        var name = text[start..pos];
        if (!name.Any(char.IsLetter))
        {
            pos = start;
            throw Error($"'{name}' is not a name: a variable or function name needs at least one letter");
        }
        int primes = 0;
        while (pos < text.Length && text[pos] == '\'') { primes++; pos++; }
        SkipSpace();
        bool call = pos < text.Length && text[pos] == '(';
        if (primes > 0 && !(call && abstractFunctions.Contains(name)))
        {
            pos = start;
            throw Error($"'{name}' with primes must be a declared abstract function applied to an argument, such as {abstractFunctions.FirstOrDefault() ?? "sigma"}'(u)");
        }
        if (!call)
        {
            return name switch
            {
                "pi" => NamedConstant.Pi,
                "e" => NamedConstant.E,
                _ when KnownFunctions.Lookup(name) is not null || name is "sqrt" or "piecewise" || abstractFunctions.Contains(name)
                    => throw new ParseException(text, start + 1, $"'{name}' is a function: write {name}(...)"),
                _ => Sym(name),
            };
        }
        pos++; // '('
        if (name == "piecewise") return ParsePiecewise(start);
        var args = new List<Expr>();
        SkipSpace();
        if (pos < text.Length && text[pos] == ')') throw Error($"expected an argument of {name}");
        do args.Add(ParseSum()); while (Accept(","));
        Expect(")", $"',' or ')' to close {name}(");
        if (name == "sqrt")
        {
            if (args.Count != 1) { pos = start; throw Error("sqrt takes 1 argument"); }
            RequirePowerDomain(args[0], Expr.Half);
            return Build(start, () => Pow(args[0], Expr.Half));
        }
        if (abstractFunctions.Contains(name))
        {
            if (args.Count != 1) { pos = start; throw Error($"the abstract function {name} takes 1 argument"); }
            return new AbstractCall(name, primes, args[0]);
        }
        var f = KnownFunctions.Lookup(name);
        if (f is null)
        {
            pos = start;
            throw Error($"unknown function '{name}'; known functions are {string.Join(", ", KnownFunctions.Names.Append("sqrt").Order(StringComparer.Ordinal))}");
        }
        if (args.Count != f.Arity)
        {
            pos = start;
            throw Error($"{name} takes {f.Arity} argument{(f.Arity == 1 ? "" : "s")}, not {args.Count}");
        }
        if (f.Domain is { } domain && domain([.. args]) is var (condition, reason)) Require(condition, reason);
        return Build(start, () => Call(f, args.ToArray()));
    }

    private Expr ParsePiecewise(int start)
    {
        var items = new List<Expr>();
        // Domain conditions inside a value are needed only where its branch is taken: the path is the branch's
        // condition and the negations of the conditions before it (for a condition and the 'otherwise': those negations).
        var outer = path;
        var negations = new List<Relation>();
        try
        {
            do
            {
                path = items.Count % 2 == 1 && items[^1] is Relation taken ? [.. outer, .. negations, taken] : [.. outer, .. negations];
                items.Add(ParseRelationOrExpression());
                if (items.Count % 2 == 0 && items[^2] is Relation previous) negations.Add(DomainCondition.Negate(previous));
            }
            while (Accept(","));
        }
        finally { path = outer; }
        Expect(")", "',' or ')' to close piecewise(");
        if (items.Count < 3 || items.Count % 2 == 0)
        {
            pos = start;
            throw Error("piecewise takes condition, value pairs followed by a final 'otherwise' value: piecewise(u < 0, 0, u)");
        }
        var pieces = new List<(Relation, Expr)>();
        for (int i = 0; i + 1 < items.Count; i += 2)
        {
            if (items[i] is not Relation r) { pos = start; throw Error($"argument {i + 1} of piecewise must be a condition such as 'u < 0'"); }
            if (items[i + 1] is Relation) { pos = start; throw Error($"argument {i + 2} of piecewise must be a value, not a condition"); }
            pieces.Add((r, items[i + 1]));
        }
        if (items[^1] is Relation) { pos = start; throw Error("the last argument of piecewise must be a value, not a condition"); }
        return Cases(pieces, items[^1]);
    }
}
