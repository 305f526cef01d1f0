using System.Text.RegularExpressions;
using ProofWorkbench.Symbolic.Domains;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Parsing;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Printing;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Smt.Translation;

/// <summary>
/// An expression the SMT translation cannot express soundly (sin, cos, abstract σ, …). For <c>pwb sign</c> this is
/// bad input (a kind of <see cref="InputException"/>); a claim checker turns it into <c>inconclusive</c> with the reason.
/// </summary>
public sealed class UnsupportedExpressionException(string message) : InputException(message);

/// <summary>What a fresh SMT variable stands for.</summary>
public enum AbstractionKind
{
    /// <summary>exp(u), abstracted.</summary>
    Exp,
    /// <summary>log(u), abstracted (meaningful for u &gt; 0).</summary>
    Log,
    /// <summary>tanh(u), abstracted.</summary>
    Tanh,
    /// <summary>atan(u), abstracted.</summary>
    Atan,
    /// <summary>asinh(u), abstracted.</summary>
    Asinh,
    /// <summary>π, abstracted by rational bounds.</summary>
    Pi,
    /// <summary>A real q-th root b^(1/q), defined exactly by R^q = b (R ≥ 0 for even q).</summary>
    Root,
    /// <summary>Another function of the table abstracted by its entry's axioms (<see cref="SmtRule.Abstract"/>).</summary>
    Function,
}

/// <summary>A fresh SMT variable and the term it stands for.</summary>
/// <param name="Name">The SMT name, such as <c>exp!1</c>.</param>
/// <param name="Kind">What it abstracts.</param>
/// <param name="Definition">The term it stands for, over SMT variable names (e.g. <c>exp(-u)</c>).</param>
/// <param name="Argument">The argument (the base for a root; π itself for <see cref="AbstractionKind.Pi"/>).</param>
/// <param name="RootDegree">q for a root b^(1/q), else 0.</param>
public sealed record AbstractedTerm(string Name, AbstractionKind Kind, Expr Definition, Expr Argument, int RootDegree)
{
    /// <summary>The table entry of the abstracted function (null for π and roots).</summary>
    public FunctionInfo? Function { get; init; }
    /// <summary>True when the variable is defined exactly (roots), false when only axioms constrain it.</summary>
    public bool IsExact => Kind == AbstractionKind.Root;
    /// <summary>"exp!1 = exp(-u)".</summary>
    public override string ToString() => $"{Name} = {Definition}";
}

/// <summary>A fact asserted about the abstracted variables, with the inequality that justifies it.</summary>
/// <param name="Name">Short name, such as "exp(v) ≥ 1 + v".</param>
/// <param name="Justification">Why it holds for the true function (cited in the script as a comment).</param>
/// <param name="Formula">The assertion, over SMT variable names.</param>
public sealed record Axiom(string Name, string Justification, Formula Formula);

/// <summary>Options of the translation.</summary>
public sealed record TranslationOptions
{
    /// <summary>
    /// Add the piecewise-linear bounds from tangents and chords at grid points (exp on [−4, 4], log on
    /// [1/8, 8]), which bound the abstracted value when its argument is bounded. Default true.
    /// </summary>
    public bool GridBounds { get; init; } = true;

    /// <summary>
    /// When Z3 returns a model of the abstraction that is not a real counterexample, refine at the model's
    /// arguments (tangents and chords of exp, log, tanh through rigorously bounded points) and retry, at most
    /// this many times. Default 8.
    /// </summary>
    public int MaxRefinements { get; init; } = 8;

    /// <summary>
    /// Most abstracted terms (exp, log, tanh, atan, asinh, roots, π) in one translation. The axioms relate the terms
    /// pairwise and in triples, so a larger translation would not finish in bounded time; beyond this the translation
    /// refuses (the claim becomes inconclusive, with this reason). Default 120.
    /// </summary>
    public int MaxAbstractions { get; init; } = 120;

    /// <summary>The defaults.</summary>
    public static TranslationOptions Default { get; } = new();
}

/// <summary>
/// Translates symbolic expressions into SMT-LIB2 real terms (QF_NRA). Rational and polynomial arithmetic
/// is printed exactly (<see cref="SmtLibPrinter"/>); abs, relu, max, sign, heaviside and piecewise become
/// exact <c>ite</c> terms; q-th roots get an exactly defined variable; the activations sigmoid, softplus
/// and gaussian are expanded into exp/log first (<see cref="FunctionInfo.Expansion"/>); exp, log, tanh,
/// atan, asinh and π are replaced by fresh variables constrained only by SOUND axioms — facts true of the
/// real functions at every argument — so every real counterexample remains a model (an unsat answer is a
/// proof), while a model may be spurious (a sat answer must be checked against the real functions).
/// Every denominator, log argument and root (fractional power) is recorded as a domain condition under the
/// path condition of the enclosing piecewise branch.
/// </summary>
public sealed class SmtTranslator
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "let", "forall", "exists", "match", "par", "as", "true", "false", "not", "and", "or", "xor", "ite", "distinct",
        "abs", "div", "mod", "rem", "to_real", "to_int", "is_int", "pi", "euler", "exp", "log", "sqrt", "root-obj",
        "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "e",
        "select", "store", "model", "assert", "declare", "define", "check", "push", "pop", "echo", "exit", "get", "set",
    };

    private static readonly Regex SimpleName = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    private readonly TranslationOptions options;
    private readonly Dictionary<string, string> smtOfDisplay = new(StringComparer.Ordinal);
    private readonly List<(string Smt, string Display)> userVariables = [];
    private readonly List<AbstractedTerm> terms = [];
    private readonly Dictionary<Expr, AbstractedTerm> byDefinition = [];
    private readonly List<Axiom> domain = [];
    private readonly HashSet<string> domainSeen = new(StringComparer.Ordinal);
    private List<Axiom>? axioms;
    private int counter, renamed;

    /// <summary>Creates a translator.</summary>
    public SmtTranslator(TranslationOptions? options = null) => this.options = options ?? TranslationOptions.Default;

    /// <summary>The user's variables met so far: SMT name and display name.</summary>
    public IReadOnlyList<(string SmtName, string DisplayName)> Variables => userVariables;

    /// <summary>The fresh variables introduced so far.</summary>
    public IReadOnlyList<AbstractedTerm> Abstractions => terms;

    /// <summary>True when some fresh variable is constrained only by axioms (so a model may be spurious).</summary>
    public bool UsesAbstraction => terms.Any(t => !t.IsExact);

    /// <summary>The domain conditions: denominators nonzero, log arguments positive, roots of nonnegatives.</summary>
    public IReadOnlyList<Axiom> Domain => domain;

    /// <summary>The axioms; available after <see cref="Complete"/>.</summary>
    public IReadOnlyList<Axiom> Axioms => axioms ?? throw new InvalidOperationException("Call Complete() first.");

    /// <summary>The display name of an SMT variable name (itself when not renamed).</summary>
    public string DisplayName(string smtName) => userVariables.FirstOrDefault(v => v.Smt == smtName).Display ?? smtName;

    /// <summary>Declares a user variable explicitly (so it is part of the witness even if it does not occur).</summary>
    public string DeclareVariable(string displayName) => SmtNameOf(displayName);

    private string SmtNameOf(string display)
    {
        if (smtOfDisplay.TryGetValue(display, out var smt)) return smt;
        smt = SimpleName.IsMatch(display) && !Reserved.Contains(display) ? display : $"v!{++renamed}";
        smtOfDisplay[display] = smt;
        userVariables.Add((smt, display));
        return smt;
    }

    /// <summary>
    /// Expands the activations (sigmoid, softplus, gaussian) into exp/log and renames the variables to
    /// their SMT names. Call this on every expression before <see cref="Term"/> and <see cref="CollectDomain(Expr)"/>.
    /// </summary>
    public Expr Prepare(Expr e)
    {
        var expanded = e.Map(n => n is FunctionCall { Function.Smt: SmtRule.Expand expand } f ? expand.Form([.. f.Arguments]) : n);
        return expanded.Map(n => n is Symbol s ? (SmtNameOf(s.Name) is var smt && smt == s.Name ? n : Sym(smt)) : n);
    }

    /// <summary>Prepares both sides of a relation into a formula.</summary>
    public Formula Prepare(Relation r) => Formula.Rel(Prepare(r.Left), r.Operator, Prepare(r.Right));

    /// <summary>The SMT-LIB2 term of a prepared expression; registers the fresh variables it needs.</summary>
    public string Term(Expr prepared) => SmtLibPrinter.Print(prepared, Opaque);

    /// <summary>The SMT-LIB2 text of a formula over prepared expressions.</summary>
    public string Print(Formula f) => f.ToSmt(Term);

    private string Opaque(Expr node)
    {
        switch (node)
        {
            case FunctionCall f:
                return f.Function.Smt switch
                {
                    SmtRule.Abstract => Register(f.Function, node, f.Argument).Name,
                    SmtRule.Branches branches => Term(branches.Form([.. f.Arguments])),
                    SmtRule.Expand expand => Term(expand.Form([.. f.Arguments])),
                    _ => throw new UnsupportedExpressionException(
                        $"the function {f.Function.Name} is not supported by the SMT translation (it has no sound axioms here); supported: {string.Join(", ", KnownFunctions.All.Where(k => k.Smt is not null).Select(k => k.Name))}, piecewise, sqrt and rational powers"),
                };
            case NamedConstant { Name: "pi" }:
                return Register(AbstractionKind.Pi, node, node).Name;
            case NamedConstant { Name: "e" }:
                return Register(KnownFunctions.Exp, Call(KnownFunctions.Exp, One), One).Name;
            case NamedConstant c:
                throw new UnsupportedExpressionException($"the constant {c.Name} is not supported by the SMT translation");
            case Piecewise pw:
            {
                var result = Term(pw.Otherwise);
                for (int i = pw.Pieces.Count - 1; i >= 0; i--)
                    result = $"(ite {Print(Formula.Of(pw.Pieces[i].Condition))} {Term(pw.Pieces[i].Value)} {result})";
                return result;
            }
            case Power { Exponent: Number k } pw when !k.Value.IsInteger:
            {
                if (k.Value.Denominator > 64)
                    throw new UnsupportedExpressionException($"the power {node} has a root of degree {k.Value.Denominator} (at most 64 is supported)");
                int q = (int)k.Value.Denominator;
                var root = Register(AbstractionKind.Root, Pow(pw.Base, Num(new Rational(1, q))), pw.Base, q);
                return SmtLibPrinter.Print(Pow(Sym(root.Name), Num(k.Value.Numerator)));
            }
            case Power pw:
                // b^x = exp(x·log b) for b > 0 (the domain condition records b > 0).
                return Term(Call(KnownFunctions.Exp, Mul(pw.Exponent, Call(KnownFunctions.Log, pw.Base))));
            case AbstractCall a:
                throw new UnsupportedExpressionException(
                    $"the abstract function {a.Name} has no definition; the SMT translation needs a concrete activation such as sigmoid(u)");
            case Relation r:
                throw new UnsupportedExpressionException($"the relation '{r}' cannot be used as a number");
            default:
                throw new UnsupportedExpressionException($"'{node}' is not supported by the SMT translation");
        }
    }

    /// <summary>
    /// The kind of an abstracted table function: exp, log and tanh have combination facts of their own here (shifted
    /// exponentials, exp/log pairs, refinement tangents); every other entry is abstracted by its axioms alone.
    /// </summary>
    private static AbstractionKind KindOf(FunctionInfo f) =>
        f == KnownFunctions.Exp ? AbstractionKind.Exp : f == KnownFunctions.Log ? AbstractionKind.Log
        : f == KnownFunctions.Tanh ? AbstractionKind.Tanh : f == KnownFunctions.Atan ? AbstractionKind.Atan
        : f == KnownFunctions.Asinh ? AbstractionKind.Asinh : AbstractionKind.Function;

    private AbstractedTerm Register(FunctionInfo function, Expr definition, Expr argument) =>
        Register(KindOf(function), definition, argument, 0, function);

    private AbstractedTerm Register(AbstractionKind kind, Expr definition, Expr argument, int rootDegree = 0, FunctionInfo? function = null)
    {
        if (byDefinition.TryGetValue(definition, out var known)) return known;
        if (kind != AbstractionKind.Pi) Term(argument); // register nested terms first
        // Constants the function's axioms mention (π for atan's range) are registered before the term itself.
        var rule = function?.Smt as SmtRule.Abstract;
        if (rule is not null)
            foreach (var c in ConstantsIn(rule.Axioms(Sym("x"), Sym("u")))) Term(c);
        if (byDefinition.TryGetValue(definition, out known)) return known;
        if (axioms is not null)
            throw new InvalidOperationException($"The translation is complete; '{definition}' is a new term (translate every term before Complete()).");
        if (terms.Count >= options.MaxAbstractions)
            throw new UnsupportedExpressionException(
                $"the expression needs more than {options.MaxAbstractions} abstracted transcendental terms (exp, log, tanh, roots, …), the limit of the SMT translation");
        string prefix = kind switch { AbstractionKind.Pi => "pi", AbstractionKind.Root => "root", _ => rule!.Prefix };
        var t = new AbstractedTerm($"{prefix}!{++counter}", kind, definition, argument, rootDegree) { Function = function };
        terms.Add(t);
        byDefinition[definition] = t;
        return t;
    }

    private static List<NamedConstant> ConstantsIn(IEnumerable<FunctionAxiom> axioms)
    {
        var found = new List<NamedConstant>();
        void Collect(Expr e)
        {
            if (e is NamedConstant c && !found.Contains(c)) found.Add(c);
            foreach (var child in e.Children) Collect(child);
        }
        foreach (var r in axioms.SelectMany(a => a.Clauses).SelectMany(c => c.If.Concat(c.Then))) Collect(r);
        return found;
    }

    /// <summary>A table axiom as a formula: the conjunction over its clauses of "premises ⇒ conclusions".</summary>
    private static Formula FormulaOf(FunctionAxiom a) => Formula.And([.. a.Clauses.Select(c =>
        Formula.Implies([.. c.If.Select(Formula.Of)], Formula.And([.. c.Then.Select(Formula.Of)])))]);

    // ---- domain -------------------------------------------------------------------------------

    /// <summary>Records the domain conditions of a prepared expression (path-aware inside piecewise).</summary>
    public void CollectDomain(Expr prepared) => CollectDomain(prepared, []);

    private void CollectDomain(Expr e, List<Formula> path)
    {
        switch (e)
        {
            case Piecewise pw:
            {
                var before = new List<Formula>(path);
                foreach (var (cond, value) in pw.Pieces)
                {
                    CollectDomain(cond.Left, before);
                    CollectDomain(cond.Right, before);
                    CollectDomain(value, [.. before, Formula.Of(cond)]);
                    before.Add(Formula.Not(Formula.Of(cond)));
                }
                CollectDomain(pw.Otherwise, before);
                return;
            }
            case Power pw:
            {
                CollectDomain(pw.Base, path);
                CollectDomain(pw.Exponent, path);
                if (pw.Exponent is Number k)
                {
                    // Fractional powers are taken on nonnegative bases only, for every root degree: the numeric
                    // evaluators of ProofWorkbench.Symbolic leave b^(p/q) undefined for b < 0 (even for odd q).
                    var r = k.Value;
                    bool root = !r.IsInteger;
                    if (root && r.Sign < 0) AddDomain(path, Formula.Rel(pw.Base, RelationOperator.Greater, Zero), $"the base of {e} is positive (a root in a denominator)");
                    else if (root) AddDomain(path, Formula.Rel(pw.Base, RelationOperator.GreaterOrEqual, Zero), $"the base of {e} is nonnegative (a root)");
                    else if (r.Sign < 0) AddDomain(path, Formula.Rel(pw.Base, RelationOperator.NotEqual, Zero), $"the denominator {pw.Base} is nonzero");
                }
                else AddDomain(path, Formula.Rel(pw.Base, RelationOperator.Greater, Zero), $"the base of {e} is positive (real power)");
                return;
            }
            case FunctionCall { Function.Domain: { } domainOf } f:
            {
                foreach (var a in f.Arguments) CollectDomain(a, path);
                var (condition, reason) = domainOf([.. f.Arguments]);
                AddDomain(path, Formula.Of(condition), reason);
                return;
            }
            default:
                foreach (var c in e.Children) CollectDomain(c, path);
                return;
        }
    }

    /// <summary>
    /// Records a domain condition of an expression AS WRITTEN (<see cref="Parser.ParseWithDomain"/>), under its piecewise
    /// path: the canonical form may be defined on a larger set (exp(log x) = x), and the claim is made only where the
    /// original is defined, so a model must lie there too.
    /// </summary>
    public void AddDomain(DomainCondition condition)
    {
        var path = condition.Path.Select(Prepare).ToList();
        var prepared = (AtomFormula)Prepare(condition.Condition);
        CollectDomain(prepared.Left, path);
        CollectDomain(prepared.Right, path);
        AddDomain(path, prepared, $"{condition.Reason} (the expression as written)");
    }

    private void AddDomain(List<Formula> path, Formula condition, string why)
    {
        var f = Formula.Implies(path.ToList(), condition);
        var text = Print(f);
        if (!domainSeen.Add(text)) return;
        domain.Add(new Axiom(f.ToString(), why + (path.Count > 0 ? " (in its piecewise branch)" : ""), f));
    }

    // ---- axioms -------------------------------------------------------------------------------

    /// <summary>Generates the axioms for every fresh variable; no new terms may be added afterwards.</summary>
    public void Complete()
    {
        if (axioms is not null) return;
        var list = new List<Axiom>();
        // Shifted exponentials first: they may introduce exp(c) for constants c.
        var exps = terms.Where(t => t.Kind == AbstractionKind.Exp && t.Argument is not Number).ToList();
        foreach (var a in exps)
            foreach (var b in exps)
            {
                if (ReferenceEquals(a, b) || Sub(a.Argument, b.Argument) is not Number { Value: var c } || c.IsZero || c.Sign < 0) continue;
                var k = Register(KnownFunctions.Exp, Call(KnownFunctions.Exp, Num(c)), Num(c));
                list.Add(new Axiom($"{a.Name} = {b.Name}·{k.Name}", $"exp(v + {c}) = exp(v)·exp({c}): the arguments of {a.Name} and {b.Name} differ by {c}",
                    Formula.Rel(Sym(a.Name), RelationOperator.Equal, Mul(Sym(b.Name), Sym(k.Name)))));
            }
        // Refinement points: the constant instance f(c) (rigorously bounded) plus tangents and chords through it.
        var pointTerms = new Dictionary<AbstractionKind, List<(Rational C, AbstractedTerm K)>>();
        foreach (var (kind, c) in refinement.OrderBy(p => p.Kind).ThenBy(p => p.Point))
        {
            var f = kind switch { AbstractionKind.Exp => KnownFunctions.Exp, AbstractionKind.Log => KnownFunctions.Log, _ => KnownFunctions.Tanh };
            var k = Register(f, Call(f, Num(c)), Num(c));
            if (!pointTerms.TryGetValue(kind, out var l)) pointTerms[kind] = l = [];
            l.Add((c, k));
        }
        foreach (var t in terms.Where(t => t.Argument is not Number && pointTerms.ContainsKey(t.Kind)).ToList())
            list.AddRange(RefinementAxioms(t, pointTerms[t.Kind]));
        foreach (var t in terms.ToList()) list.AddRange(InstanceAxioms(t));
        var all = terms.ToList();
        for (int i = 0; i < all.Count; i++)
            for (int j = i + 1; j < all.Count; j++)
                list.AddRange(PairAxioms(all[i], all[j]));
        list.AddRange(SumAxioms(all));
        axioms = list;
    }

    private readonly HashSet<(AbstractionKind Kind, Rational Point)> refinement = [];

    /// <summary>
    /// Adds a refinement point c for exp, log (c &gt; 0) or tanh: the constant f(c) with rigorous bounds, and
    /// for every abstracted f(u) the tangent at c and the chords between neighbouring points (incremental
    /// linearization). Returns false when the point is not usable or already present. Call before <see cref="Complete"/>.
    /// </summary>
    public bool Refine(AbstractionKind kind, Rational point)
    {
        if (axioms is not null) throw new InvalidOperationException("The translation is complete.");
        bool usable = kind switch
        {
            AbstractionKind.Exp => point.Abs() <= new Rational(4096),
            AbstractionKind.Log => point.Sign > 0,
            AbstractionKind.Tanh => point.Abs() <= new Rational(2048),
            _ => false,
        };
        return usable && refinement.Add((kind, point));
    }

    private static IEnumerable<Axiom> RefinementAxioms(AbstractedTerm t, List<(Rational C, AbstractedTerm K)> points)
    {
        var x = Sym(t.Name);
        var u = t.Argument;
        foreach (var (c, k) in points)
        {
            var kc = Sym(k.Name);
            switch (t.Kind)
            {
                case AbstractionKind.Exp:
                    yield return new($"exp tangent at {c}", $"e^v ≥ e^c·(1 + v − c) for all v (convexity, tangent at the refinement point c = {c}; {k.Name} = e^c)",
                        R(x, Ge, kc * (One + u - N(c))));
                    break;
                case AbstractionKind.Log:
                    yield return new($"log tangent at {c}", $"log y ≤ log c + (y − c)/c for y > 0 (concavity, tangent at the refinement point c = {c}; {k.Name} = log c)",
                        Formula.Implies(R(u, Gt, Zero), R(x, Le, kc + (u - N(c)) * N(1 / c))));
                    break;
                case AbstractionKind.Tanh when c.Sign >= 0:
                    yield return new($"tanh tangent at {c}", $"tanh is concave on [0, ∞) (tanh″ = −2 tanh·(1 − tanh²) ≤ 0 there), so for v ≥ 0 it lies below its tangent at c = {c} ≥ 0, whose slope is 1 − tanh²c; {k.Name} = tanh c",
                        Formula.Implies(R(u, Ge, Zero), R(x, Le, kc + (One - Pow(kc, Two)) * (u - N(c)))));
                    break;
                case AbstractionKind.Tanh:
                    yield return new($"tanh tangent at {c}", $"tanh is convex on (−∞, 0], so for v ≤ 0 it lies above its tangent at c = {c} ≤ 0, whose slope is 1 − tanh²c; {k.Name} = tanh c",
                        Formula.Implies(R(u, Le, Zero), R(x, Ge, kc + (One - Pow(kc, Two)) * (u - N(c)))));
                    break;
            }
        }
        for (int i = 0; i + 1 < points.Count; i++)
        {
            var (a, ka) = points[i];
            var (b, kb) = points[i + 1];
            var inside = new[] { R(N(a), Le, u), R(u, Le, N(b)) };
            var chord = (N(b) - u) * Sym(ka.Name) + (u - N(a)) * Sym(kb.Name);
            switch (t.Kind)
            {
                case AbstractionKind.Exp:
                    yield return new($"exp chord on [{a}, {b}]", $"convexity: on [{a}, {b}] e^v lies below the chord through ({a}, {ka.Name}) and ({b}, {kb.Name})",
                        Formula.Implies(inside, R(x * N(b - a), Le, chord)));
                    break;
                case AbstractionKind.Log:
                    yield return new($"log chord on [{a}, {b}]", $"concavity: on [{a}, {b}] log lies above the chord through ({a}, {ka.Name}) and ({b}, {kb.Name})",
                        Formula.Implies(inside, R(x * N(b - a), Ge, chord)));
                    break;
                case AbstractionKind.Tanh when a.Sign >= 0:
                    yield return new($"tanh chord on [{a}, {b}]", $"tanh is concave on [0, ∞): on [{a}, {b}] it lies above its chord",
                        Formula.Implies(inside, R(x * N(b - a), Ge, chord)));
                    break;
                case AbstractionKind.Tanh when b.Sign <= 0:
                    yield return new($"tanh chord on [{a}, {b}]", $"tanh is convex on (−∞, 0]: on [{a}, {b}] it lies below its chord",
                        Formula.Implies(inside, R(x * N(b - a), Le, chord)));
                    break;
            }
        }
    }

    private static Formula R(Expr l, RelationOperator op, Expr r) => Formula.Rel(l, op, r);
    private static Expr N(Rational r) => Num(r);
    private const RelationOperator Lt = RelationOperator.Less, Le = RelationOperator.LessOrEqual, Gt = RelationOperator.Greater,
        Ge = RelationOperator.GreaterOrEqual, Eq = RelationOperator.Equal;

    private IEnumerable<Axiom> InstanceAxioms(AbstractedTerm t)
    {
        var x = Sym(t.Name);
        var u = t.Argument;
        // The entry's universal facts first (KnownFunctions), then what this translator adds for constants and grids.
        if (t.Function?.Smt is SmtRule.Abstract rule)
            foreach (var a in rule.Axioms(x, u)) yield return new(a.Name, a.Justification, FormulaOf(a));
        switch (t.Kind)
        {
            case AbstractionKind.Exp:
            {
                if (u is Number c)
                {
                    if (RationalBounds.Exp(c.Value) is var (lo0, hi0) && (Down(lo0, 24), Up(hi0, 24)) is var (lo, hi))
                        yield return new($"exp({c}) bounds", $"e^{c} ∈ [{lo.ToDouble():R}, {hi.ToDouble():R}] (Taylor series with Lagrange remainder, rounded outward)",
                            Formula.And(R(x, Ge, N(lo)), R(x, Le, N(hi))));
                }
                else if (options.GridBounds)
                {
                    foreach (var tt in new Rational[] { -2, -1, 1, 2 })
                    {
                        var lo = Down(RationalBounds.Exp(tt)!.Value.Lo);
                        yield return new($"exp tangent at {tt}", $"e^v ≥ e^t·(1 + v − t) for all v (convexity, tangent at t = {tt}) and e^t ≥ {lo.ToDouble():R}; where 1 + v − t < 0 the bound is negative and holds trivially",
                            R(x, Ge, N(lo) * (One + u - N(tt))));
                    }
                    Rational[] grid = [-4, -2, -1, 0, 1, 2, 4];
                    for (int i = 0; i + 1 < grid.Length; i++)
                    {
                        Rational a = grid[i], b = grid[i + 1];
                        var ha = Up(RationalBounds.Exp(a)!.Value.Hi);
                        var hb = Up(RationalBounds.Exp(b)!.Value.Hi);
                        yield return new($"exp chord on [{a}, {b}]", $"on [{a}, {b}] e^v lies below its chord (convexity), with e^{a} ≤ {ha.ToDouble():R} and e^{b} ≤ {hb.ToDouble():R}",
                            Formula.Implies([R(N(a), Le, u), R(u, Le, N(b))], R(x * N(b - a), Le, (N(b) - u) * N(ha) + (u - N(a)) * N(hb))));
                    }
                    var h4 = Up(RationalBounds.Exp(-4)!.Value.Hi);
                    var l4 = Down(RationalBounds.Exp(4)!.Value.Lo);
                    yield return new("exp below -4", $"exp is increasing: v ≤ −4 implies e^v ≤ e^−4 ≤ {h4.ToDouble():R}", Formula.Implies(R(u, Le, -4), R(x, Le, N(h4))));
                    yield return new("exp above 4", $"exp is increasing: v ≥ 4 implies e^v ≥ e^4 ≥ {l4.ToDouble():R}", Formula.Implies(R(u, Ge, 4), R(x, Ge, N(l4))));
                }
                break;
            }
            case AbstractionKind.Log:
            {
                var pos = R(u, Gt, Zero);
                if (u is Number c)
                {
                    if (c.Value.Sign > 0)
                    {
                        var (lo0, hi0) = RationalBounds.Log(c.Value);
                        Rational lo = Down(lo0, 24), hi = Up(hi0, 24);
                        yield return new($"log({c}) bounds", $"log {c} ∈ [{lo.ToDouble():R}, {hi.ToDouble():R}] (atanh series with tail bound, rounded outward)",
                            Formula.And(R(x, Ge, N(lo)), R(x, Le, N(hi))));
                    }
                }
                else if (options.GridBounds)
                {
                    foreach (var tt in new[] { new Rational(1, 4), new Rational(1, 2), new Rational(2), new Rational(4) })
                    {
                        var hi = Up(RationalBounds.Log(tt).Hi);
                        yield return new($"log tangent at {tt}", $"log y ≤ log t + (y − t)/t for y > 0 (concavity, tangent at t = {tt}) and log t ≤ {hi.ToDouble():R}",
                            Formula.Implies(pos, R(x, Le, N(hi) + (u - N(tt)) * N(1 / tt))));
                    }
                    Rational[] grid = [new(1, 8), new(1, 4), new(1, 2), 1, 2, 4, 8];
                    for (int i = 0; i + 1 < grid.Length; i++)
                    {
                        Rational a = grid[i], b = grid[i + 1];
                        var la = Down(RationalBounds.Log(a).Lo);
                        var lb = Down(RationalBounds.Log(b).Lo);
                        yield return new($"log chord on [{a}, {b}]", $"on [{a}, {b}] log lies above its chord (concavity), with log {a} ≥ {la.ToDouble():R} and log {b} ≥ {lb.ToDouble():R}",
                            Formula.Implies([R(N(a), Le, u), R(u, Le, N(b))], R(x * N(b - a), Ge, (N(b) - u) * N(la) + (u - N(a)) * N(lb))));
                    }
                    var h8 = Up(RationalBounds.Log(new Rational(1, 8)).Hi);
                    var l8 = Down(RationalBounds.Log(8).Lo);
                    yield return new("log below 1/8", $"log is increasing: 0 < y ≤ 1/8 implies log y ≤ log(1/8) ≤ {h8.ToDouble():R}", Formula.Implies([pos, R(u, Le, N(new Rational(1, 8)))], R(x, Le, N(h8))));
                    yield return new("log above 8", $"log is increasing: y ≥ 8 implies log y ≥ log 8 ≥ {l8.ToDouble():R}", Formula.Implies(R(u, Ge, 8), R(x, Ge, N(l8))));
                }
                break;
            }
            case AbstractionKind.Tanh:
            {
                if (u is Number c && RationalBounds.Exp(2 * c.Value) is var (elo, ehi))
                {
                    // tanh c = 1 − 2/(e^{2c} + 1) is increasing in e^{2c}.
                    Rational lo = Down(1 - 2 / (elo + 1), 24), hi = Up(1 - 2 / (ehi + 1), 24);
                    yield return new($"tanh({c}) bounds", $"tanh {c} = 1 − 2/(e^(2·{c}) + 1) ∈ [{lo.ToDouble():R}, {hi.ToDouble():R}] from rigorous bounds on e^(2·{c})",
                        Formula.And(R(x, Ge, N(lo)), R(x, Le, N(hi))));
                }
                foreach (var e in terms.Where(e => e.Kind == AbstractionKind.Exp).ToList())
                {
                    if (e.Argument.Equals(Mul(Two, u)))
                        yield return new($"tanh via {e.Name}", $"tanh v = (e^(2v) − 1)/(e^(2v) + 1), and {e.Name} = exp(2v)", R(x * (Sym(e.Name) + One), Eq, Sym(e.Name) - One));
                    else if (e.Argument.Equals(Mul(Num(-2), u)))
                        yield return new($"tanh via {e.Name}", $"tanh v = (1 − e^(−2v))/(1 + e^(−2v)), and {e.Name} = exp(−2v)", R(x * (Sym(e.Name) + One), Eq, One - Sym(e.Name)));
                }
                break;
            }
            case AbstractionKind.Pi:
            {
                var (lo, hi) = RationalBounds.Pi;
                yield return new("π bounds", "π = 3.14159265358979323846…, so 3.141592653589793 < π < 3.141592653589794",
                    Formula.And(R(x, Gt, N(lo)), R(x, Lt, N(hi))));
                break;
            }
            case AbstractionKind.Root:
            {
                int q = t.RootDegree;
                if (q % 2 == 0)
                    yield return new($"{t.Name} = ({u})^(1/{q})", $"definition: for b ≥ 0, b^(1/{q}) is the nonnegative R with R^{q} = b",
                        Formula.Implies(R(u, Ge, Zero), Formula.And(R(x, Ge, Zero), R(Pow(x, q), Eq, u))));
                else
                    yield return new($"{t.Name} = ({u})^(1/{q})", $"definition: b^(1/{q}) is the real R with R^{q} = b (odd degree)", R(Pow(x, q), Eq, u));
                break;
            }
        }
    }

    /// <summary>A lower bound rounded down to a few significant digits (readable certificates; still a bound).</summary>
    private static Rational Down(Rational r, int digits = 10) => RationalBounds.RoundDecimal(r, digits, up: false);
    /// <summary>An upper bound rounded up to a few significant digits.</summary>
    private static Rational Up(Rational r, int digits = 10) => RationalBounds.RoundDecimal(r, digits, up: true);

    private IEnumerable<Axiom> PairAxioms(AbstractedTerm a, AbstractedTerm b)
    {
        if ((a.Kind, b.Kind) is (AbstractionKind.Log, AbstractionKind.Exp) or (AbstractionKind.Exp, AbstractionKind.Log))
        {
            var (l, e) = a.Kind == AbstractionKind.Log ? (a, b) : (b, a);
            Expr xl = Sym(l.Name), xe = Sym(e.Name), y = l.Argument, v = e.Argument;
            yield return new($"{l.Name} vs {e.Name}", "log is strictly increasing on (0, ∞) and log(exp v) = v, so y ⋈ exp(v) iff log y ⋈ v for y > 0",
                Formula.Implies(R(y, Gt, Zero), Formula.And(
                    Formula.Implies(R(y, Gt, xe), R(xl, Gt, v)),
                    Formula.Implies(R(y, Lt, xe), R(xl, Lt, v)),
                    Formula.Implies(R(y, Eq, xe), R(xl, Eq, v)))));
            yield break;
        }
        if (a.Function is null || a.Function != b.Function || a.Function.Smt is not SmtRule.Abstract { IncreasingOn: { } on } rule) yield break;
        Expr xa = Sym(a.Name), xb = Sym(b.Name), ua = a.Argument, ub = b.Argument;
        var name = a.Function.Name;
        var mono = Formula.And(
            Formula.Implies(R(ua, Lt, ub), R(xa, Lt, xb)),
            Formula.Implies(R(ub, Lt, ua), R(xb, Lt, xa)),
            Formula.Implies(R(ua, Eq, ub), R(xa, Eq, xb)));
        // Where f has a domain (log: positive arguments), monotonicity is asserted for arguments inside it.
        var inside = a.Function.Domain is { } domainOf
            ? new List<Formula> { Formula.Of(domainOf([ua]).Condition), Formula.Of(domainOf([ub]).Condition) } : [];
        yield return new($"{name} monotone ({a.Name}, {b.Name})", $"{name} is a strictly increasing function on {on}", Formula.Implies(inside, mono));

        if (a.Kind == AbstractionKind.Exp && Add(ua, ub) is Number { Value.IsZero: true })
            yield return new($"{a.Name}·{b.Name} = 1", "exp(−v)·exp(v) = 1", R(xa * xb, Eq, One));
        if (rule.Odd && Add(ua, ub) is Number { Value.IsZero: true })
            yield return new($"{name} odd ({a.Name}, {b.Name})", $"{name} is odd: {name}(−v) = −{name}(v)", R(xa + xb, Eq, Zero));
        if (a.Kind == AbstractionKind.Log && Mul(ua, ub) is Number { Value.IsOne: true })
            yield return new($"{a.Name} + {b.Name} = 0", "log(1/y) = −log y for y > 0", Formula.Implies([R(ua, Gt, Zero), R(ub, Gt, Zero)], R(xa + xb, Eq, Zero)));
    }

    private IEnumerable<Axiom> SumAxioms(List<AbstractedTerm> all)
    {
        var exps = all.Where(t => t.Kind == AbstractionKind.Exp).ToList();
        for (int i = 0; i < exps.Count; i++)
            for (int j = i; j < exps.Count; j++)
            {
                var sum = Add(exps[i].Argument, exps[j].Argument);
                foreach (var k in exps)
                    if (k.Argument.Equals(sum) && k != exps[i] && k != exps[j])
                        yield return new($"{exps[i].Name}·{exps[j].Name} = {k.Name}", "exp(u)·exp(v) = exp(u + v)",
                            R(Sym(exps[i].Name) * Sym(exps[j].Name), Eq, Sym(k.Name)));
            }
        var logs = all.Where(t => t.Kind == AbstractionKind.Log).ToList();
        for (int i = 0; i < logs.Count; i++)
            for (int j = i; j < logs.Count; j++)
            {
                var product = Mul(logs[i].Argument, logs[j].Argument);
                foreach (var k in logs)
                    if (k.Argument.Equals(product) && k != logs[i] && k != logs[j])
                        yield return new($"{logs[i].Name} + {logs[j].Name} = {k.Name}", "log(xy) = log x + log y for x, y > 0",
                            Formula.Implies([R(logs[i].Argument, Gt, Zero), R(logs[j].Argument, Gt, Zero)],
                                R(Sym(logs[i].Name) + Sym(logs[j].Name), Eq, Sym(k.Name))));
            }
    }

    // ---- output -------------------------------------------------------------------------------

    /// <summary>
    /// Writes the declarations (user variables become witness variables), the axioms (each with its
    /// justification as a comment) and the domain conditions into <paramref name="builder"/>.
    /// Calls <see cref="Complete"/>.
    /// </summary>
    public void WriteTo(SmtScriptBuilder builder, string axiomSection = "axioms: facts about the abstracted functions", string domainSection = "domain")
    {
        Complete();
        foreach (var (smt, display) in userVariables)
            builder.DeclareReal(smt, display, smt == display ? null : $"the variable {display}");
        foreach (var t in terms)
            builder.DeclareReal(t.Name, null, t.IsExact ? $"{t.Definition} (defined exactly below)" : $"stands for {t.Definition}; only the axioms below are assumed about it");
        builder.DeclareSection(axiomSection);
        if (terms.Any(t => !t.IsExact))
            builder.Comment(axiomSection, "Each abstracted value is a fresh real constrained only by facts that hold for the true function at every\nargument, so every real counterexample extends to a model: unsat proves the claim; sat needs checking.");
        foreach (var a in Axioms) builder.Assert(axiomSection, Print(a.Formula), $"{a.Name}: {a.Justification}");
        builder.DeclareSection(domainSection);
        if (domain.Count > 0)
            builder.Comment(domainSection, "The claim is made where every term is defined: denominators nonzero, log arguments positive, roots of nonnegatives.");
        foreach (var d in domain) builder.Assert(domainSection, Print(d.Formula), d.Justification);
    }
}
