using ProofWorkbench.Symbolic.Limits;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Symbolic.Expressions;

/// <summary>
/// The local canonical form maintained by the smart constructors. Every rule here is an identity of
/// real functions wherever both sides are defined (no x^a·y^a = (xy)^a for fractional a, no √(x²) = x).
/// Some rules make the domain WIDER: exp(log x) = x, exp(n·log x) = x^n, √x·√x = x, (√p)² = p, x/x = 1, 0·log x = 0.
/// They are sound because the domain of the expression as written is kept apart from its canonical form: the parser
/// records it (<see cref="Parsing.Parser.ParseWithDomain"/>), and the SMT layer and the witness checks assume it,
/// so no verdict rests on a point where the original expression is undefined.
/// </summary>
internal static class Canonical
{
    public static Expr Add(Expr[] input)
    {
        var flat = new List<Expr>(input.Length);
        foreach (var t in input)
            if (t is Sum s) flat.AddRange(s.Terms); else flat.Add(t);

        var constant = Rational.Zero;
        var order = new List<Expr>();
        var coefficients = new Dictionary<Expr, Rational>();
        foreach (var t in flat)
        {
            if (t is Number n) { constant += n.Value; continue; }
            var (c, rest) = SplitCoefficient(t);
            if (coefficients.TryGetValue(rest, out var old)) coefficients[rest] = old + c;
            else { coefficients[rest] = c; order.Add(rest); }
        }
        var terms = new List<Expr>();
        foreach (var rest in order)
        {
            var c = coefficients[rest];
            if (!c.IsZero) terms.Add(WithCoefficient(c, rest));
        }
        if (!constant.IsZero) terms.Add(new Number(constant));
        if (terms.Count == 0) return Expr.Zero;
        if (terms.Count == 1) return terms[0];
        terms.Sort(ExprOrder.Comparer);
        return new Sum(terms.ToArray());
    }

    /// <summary>Splits c·rest with c the numeric coefficient.</summary>
    public static (Rational Coefficient, Expr Remainder) SplitCoefficient(Expr t)
    {
        if (t is Number n) return (n.Value, Expr.One);
        if (t is Product p && p.Factors[0] is Number c)
            return (c.Value, p.Factors.Count == 2 ? p.Factors[1] : new Product(p.Factors.Skip(1).ToArray()));
        return (Rational.One, t);
    }

    private static Expr WithCoefficient(Rational c, Expr rest)
    {
        if (c.IsOne) return rest;
        if (rest is Number n) return new Number(c * n.Value);
        if (rest is Sum s) return Add(s.Terms.Select(t => Mul([new Number(c), t])).ToArray());
        if (rest.Any(n => n is Sum)) return Mul([new Number(c), rest]); // keeps sum factors primitive
        var factors = rest is Product p ? p.Factors : [rest];
        return new Product([new Number(c), .. factors]);
    }

    public static Expr Mul(Expr[] input)
    {
        var flat = new List<Expr>(input.Length);
        foreach (var f in input)
            if (f is Product p) flat.AddRange(p.Factors); else flat.Add(f);

        var coefficient = Rational.One;
        var order = new List<Expr>();
        var exponents = new Dictionary<Expr, List<Expr>>();
        var expArguments = new List<Expr>();
        foreach (var f in flat)
        {
            if (f is Number n)
            {
                coefficient *= n.Value;
                continue;
            }
            if (f is FunctionCall { Function.Name: "exp" } e) { expArguments.Add(e.Argument); continue; }
            var (b, x) = f is Power pw ? (pw.Base, pw.Exponent) : (f, Expr.One);
            if (b is Sum sum && x is Number { Value.IsInteger: true } k)
            {
                // Sum factors are kept primitive (content pulled out), so 2·(x + y)·z and (2x + 2y)·z agree.
                var (content, primitive) = Primitive(sum);
                coefficient *= content.Pow((int)k.Value.Numerator);
                b = primitive;
            }
            if (!exponents.TryGetValue(b, out var list)) { exponents[b] = list = []; order.Add(b); }
            list.Add(x);
        }
        if (coefficient.IsZero) return Expr.Zero;

        var factors = new List<Expr>();
        void Take(Expr f)
        {
            switch (f)
            {
                case Number n: coefficient *= n.Value; break;
                case Product p: foreach (var g in p.Factors) Take(g); break;
                default: factors.Add(f); break;
            }
        }
        foreach (var b in order)
        {
            var list = exponents[b];
            Take(list.Count == 1 ? Pow(b, list[0]) : Pow(b, Add(list.ToArray())));
        }
        if (expArguments.Count > 0)
            Take(Call(KnownFunctions.Exp, [expArguments.Count == 1 ? expArguments[0] : Add(expArguments.ToArray())]));
        if (coefficient.IsZero) return Expr.Zero;

        if (factors.Count == 0) return new Number(coefficient);
        if (factors.Count == 1)
        {
            if (coefficient.IsOne) return factors[0];
            if (factors[0] is Sum s) return Add(s.Terms.Select(t => Mul([new Number(coefficient), t])).ToArray());
        }
        factors.Sort(ExprOrder.Comparer);
        if (!coefficient.IsOne) factors.Insert(0, new Number(coefficient));
        return factors.Count == 1 ? factors[0] : new Product(factors.ToArray());
    }

    /// <summary>
    /// S = c·S′ with c the gcd of the term coefficients, signed like the leading term, so that S′ has
    /// coprime integer-like coefficients and a positive leading term: 4 + 8x = 4·(1 + 2x), 1/4 + x = (1/4)·(1 + 4x).
    /// </summary>
    private static (Rational Content, Sum Primitive) Primitive(Sum s)
    {
        var content = Rational.Zero;
        foreach (var t in s.Terms) content = Rational.Gcd(content, SplitCoefficient(t).Coefficient);
        // The sign follows the term whose coefficient-free part is greatest: invariant under scaling,
        // so Primitive is idempotent (the last term itself can change when signs flip).
        var leading = s.Terms.Select(SplitCoefficient).MaxBy(t => t.Remainder, ExprOrder.Comparer);
        if (leading.Coefficient.Sign < 0) content = -content;
        if (content.IsOne || content.IsZero) return (Rational.One, s);
        var scaled = s.Terms.Select(t =>
        {
            var (c, rest) = SplitCoefficient(t);
            return WithCoefficient(c / content, rest);
        }).ToArray();
        Array.Sort(scaled, ExprOrder.Comparer);
        return (content, new Sum(scaled));
    }

    public static Expr Pow(Expr b, Expr e)
    {
        if (e is Number en)
        {
            var k = en.Value;
            if (k.IsZero) return Expr.One;
            if (k.IsOne) return b;
            if (b is not (FunctionCall { Function.Name: "exp" } or NamedConstant { Name: "e" } or Number { Value.IsOne: true }))
                CheckExponent(k);
            if (b is Number bn)
            {
                var v = bn.Value;
                CheckNumberPower(v, k);
                if (v.IsOne) return Expr.One;
                if (v.IsZero)
                {
                    if (k.Sign > 0) return Expr.Zero;
                    throw new SymbolicException("Division by zero: 0 raised to a negative power.");
                }
                if (k.IsInteger) return new Number(v.Pow((int)k.Numerator));
                // Only positive bases: (−8)^(1/3) stays unevaluated, as the evaluators treat it (real powers need x ≥ 0).
                if (v.Sign > 0 && k.Denominator <= 64 && v.ExactRoot((int)k.Denominator) is { } root)
                    return new Number(root.Pow((int)k.Numerator));
                return new Power(b, e);
            }
            if (k.IsInteger)
            {
                // (b^p)^k = b^(pk) for an integer k and a numeric p: for fractional p both sides are defined where b ≥ 0
                // (b > 0 when p < 0) and agree there, so √(p)² = p — the rule keeps the domain because the parser records
                // the domain of the expression as written (see Domains.DomainCondition).
                if (b is Power { Exponent: Number } inner) return Pow(inner.Base, Mul([inner.Exponent, e]));
                if (b is Product p) return Mul(p.Factors.Select(f => Pow(f, e)).ToArray());
            }
        }
        if (b is Number { Value.IsOne: true }) return Expr.One;
        if (b is NamedConstant { Name: "e" }) return Call(KnownFunctions.Exp, [e]);
        if (b is FunctionCall { Function.Name: "exp" } ex) return Call(KnownFunctions.Exp, [Mul([ex.Argument, e])]);
        return new Power(b, e);
    }

    /// <summary>The engine's limit on numeric exponents (<see cref="ExpressionLimits.MaxIntegerPower"/>).</summary>
    private static void CheckExponent(Rational k)
    {
        if (k.Abs() > ExpressionLimits.MaxIntegerPower || k.Numerator.GetBitLength() > 31 || k.Denominator.GetBitLength() > 31)
            throw new SymbolicException($"the exponent {k} is beyond ±{ExpressionLimits.MaxIntegerPower} (the limit for powers)");
    }

    /// <summary>The engine's limit on the size of an exact power v^k (<see cref="ExpressionLimits.MaxNumberBits"/>).</summary>
    private static void CheckNumberPower(Rational v, Rational k)
    {
        long bits = (long)Math.Max(v.Numerator.GetBitLength(), v.Denominator.GetBitLength());
        if (bits * (double)k.Abs().ToDouble() > ExpressionLimits.MaxNumberBits)
            throw new SymbolicException($"the exact value of {v}^{k} would have about {(long)(bits * k.Abs().ToDouble())} bits, more than {ExpressionLimits.MaxNumberBits} (the limit for exact numbers)");
    }

    /// <summary>
    /// A piecewise expression with its exactly decided conditions folded (issue 9, item 4): a piece whose condition is
    /// false between numbers is dropped; the first piece whose condition is true ends the list (it becomes the value
    /// when every piece before it was dropped, else the 'otherwise'). So σ(1/2) for piecewise(u &lt; 0, exp(u), 1 + u)
    /// is exactly 3/2.
    /// </summary>
    public static Expr Piecewise(IReadOnlyList<(Relation Condition, Expr Value)> pieces, Expr otherwise)
    {
        var kept = new List<(Relation, Expr)>();
        foreach (var (condition, value) in pieces)
        {
            var decided = Decide(condition);
            if (decided == false) continue;
            if (decided == true)
            {
                if (kept.Count == 0) return value;
                otherwise = value;
                break;
            }
            kept.Add((condition, value));
        }
        if (kept.Count == 0 || kept.All(p => p.Item2.Equals(otherwise))) return otherwise; // every branch the same value
        return new Piecewise(kept, otherwise);
    }

    /// <summary>True or false when the relation compares two exact numbers, else null.</summary>
    public static bool? Decide(Relation r)
    {
        if (r.Left is not Number && r.Right is not Number) return null;
        var d = Add([r.Left, Mul([Expr.MinusOne, r.Right])]);
        return d is Number n ? Relation.Holds(r.Operator, n.Value.Sign, 0) : null;
    }

    public static Expr Call(FunctionInfo f, Expr[] args)
    {
        if (args.Length != f.Arity)
            throw new SymbolicException($"{f.Name} takes {f.Arity} argument{(f.Arity == 1 ? "" : "s")}, not {args.Length}.");
        return f.Fold(args) ?? new FunctionCall(f, args);
    }
}

/// <summary>
/// An expression the engine refuses (division by zero, wrong arity, a limit of
/// <see cref="Limits.ExpressionLimits"/>, …): a kind of <see cref="InputException"/>, because it is always the
/// expression given that cannot be handled.
/// </summary>
public sealed class SymbolicException(string message) : InputException(message);
