using ProofWorkbench.Dynamics;
using ProofWorkbench.Numerics.Ode;
using ProofWorkbench.Smt;
using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Intervals;
using static ProofWorkbench.Symbolic.Expressions.Expr;
using Op = ProofWorkbench.Symbolic.Expressions.RelationOperator;

namespace ProofWorkbench.Tests.Functions;

/// <summary>
/// Issue 10, item 5: "adding an activation is one edit". A function the table does not know — sinh, written here as a
/// single <see cref="FunctionInfo"/> — goes through every layer (compiler, interval extension, interval Taylor jets,
/// floating-point jets, the SMT translation and prover) with no change anywhere else.
/// </summary>
public class OneEntryPerFunctionTests
{
    private static Relation R(Expr l, Op op, Expr r) => new(l, op, r);

    /// <summary>sinh as one entry: sinh′ = cosh = (eᵘ + e⁻ᵘ)/2, odd, increasing, sign(sinh v) = sign(v), |sinh v| ≥ |v|.</summary>
    private static readonly FunctionInfo Sinh = new()
    {
        Name = "sinh", EvaluateDouble = a => Math.Sinh(a[0]),
        Derivative = (a, _) => Div(Add(Call(KnownFunctions.Exp, a[0]), Call(KnownFunctions.Exp, Neg(a[0]))), Two),
        Compiled = typeof(Math).GetMethod("Sinh", [typeof(double)]), Smooth = true,
        Interval = a => a[0].Monotone(Math.Sinh),
        IntervalTaylor = a => ((a[0].Exp() - (-a[0]).Exp()) * IntervalJet.Constant(Interval.Point(0.5), a[0].Order)),
        Taylor = new TaylorRule.Rewrite(a => Div(Sub(Call(KnownFunctions.Exp, a[0]), Call(KnownFunctions.Exp, Neg(a[0]))), Two)),
        Smt = new SmtRule.Abstract("sinh", (x, u) =>
        [
            new("sign(sinh(v)) = sign(v)", "sinh 0 = 0 and sinh is strictly increasing",
                [new([R(u, Op.Greater, Zero)], [R(x, Op.Greater, Zero)]), new([R(u, Op.Less, Zero)], [R(x, Op.Less, Zero)])]),
            new("|sinh(v)| ≥ |v|", "sinh 0 = 0 and sinh′ = cosh ≥ 1",
                [new([R(u, Op.GreaterOrEqual, Zero)], [R(x, Op.GreaterOrEqual, u)]), new([R(u, Op.LessOrEqual, Zero)], [R(x, Op.LessOrEqual, u)])]),
        ], IncreasingOn: "ℝ", Odd: true),
    };

    [Fact]
    public void A_new_entry_is_compiled_enclosed_and_expanded_in_jets()
    {
        var e = Call(Sinh, Sym("u"));
        Assert.Equal(Math.Sinh(0.7), Compiler.Compile(e, ["u"])([0.7]));
        var box = new Interval(0.6, 0.8);
        var enclosure = IntervalEvaluator.Evaluate(e, new Dictionary<string, Interval> { ["u"] = box });
        Assert.True(enclosure.Lo <= Math.Sinh(0.6) && Math.Sinh(0.8) <= enclosure.Hi);
        var jet = IntervalTaylor.Jet(e, "u", new Interval(0.7, 0.7), 3);
        Assert.True(jet[1].Lo <= Math.Cosh(0.7) && Math.Cosh(0.7) <= jet[1].Hi);
        var result = new Jet[1];
        JetProgram.Compile([e], ["u"]).Evaluate([Jet.Variable(0.7, 3)], result);
        Assert.Equal(Math.Sinh(0.7), result[0].Value, 1e-15);
        Assert.Equal(Math.Cosh(0.7), result[0][1], 1e-15);
        Assert.Equal(Math.Sinh(0.7) / 2, result[0][2], 1e-15);
    }

    [Fact]
    public void A_new_entry_is_abstracted_by_its_own_axioms_in_the_prover()
    {
        // sinh(u) > sinh(v) for u > v needs the pair axiom (monotone) the entry declares; sinh(u) + sinh(−u) = 0 the odd one.
        var monotone = SmtProver.Prove(R(Call(Sinh, Sym("u")), Op.Greater, Call(Sinh, Sym("v"))), [R(Sym("u"), Op.Greater, Sym("v"))]);
        Assert.Equal(SmtVerdict.Proved, monotone.Verdict);
        Assert.Contains("(declare-const sinh!1 Real)", monotone.Script);
        Assert.Contains("sinh monotone", monotone.Script);
        var odd = SmtProver.Prove(R(Add(Call(Sinh, Sym("u")), Call(Sinh, Neg(Sym("u")))), Op.Equal, Zero));
        Assert.Equal(SmtVerdict.Proved, odd.Verdict);
        // Without an axiom that implies it, a true statement stays unproved: the abstraction is only as strong as the entry.
        var convex = SmtProver.Prove(R(Call(Sinh, Num(2)), Op.Greater, Mul(Two, Call(Sinh, One))));
        Assert.NotEqual(SmtVerdict.Proved, convex.Verdict);
    }
}
