using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.Constructions;
using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Numbers;
using ProofWorkbench.Symbolic.Simplification;

namespace ProofWorkbench.Tests.Papers.Zhang2023;

/// <summary>The C^∞ smooth step of the Two-point Recipe (paper 000, Section 6.1): its identities are exact, the built σ
/// alternates anchors and joins, a join is the anchors at its ends, and σ is refused as C^∞ when it is not built so.</summary>
public class SmoothStepTests
{
    private static PartAInstance Instance() => TwoPointRecipe.Build([1], 1, [new Rational(1, 2)], 2, [2], new Rational(1, 2), null, SmoothStep.Infinite);

    [Fact]
    public void The_induction_step_and_the_symmetry_are_exact_identities()
    {
        Assert.Equal(ZeroTestResult.Zero, Simplifier.ZeroTest(SmoothStep.InductionStep()));
        Assert.Equal(ZeroTestResult.Zero, Simplifier.ZeroTest(SmoothStep.Symmetry()));
        // A wrong recursion (P_{n+1} = s²P_n, dropping −P′) is not an identity: the zero test can tell.
        var wrong = Symbolic.Expressions.Expr.Add(SmoothStep.InductionStep(),
            Symbolic.Expressions.Expr.Mul(Symbolic.Expressions.Expr.Pow(Symbolic.Expressions.Expr.Sym("t"), Symbolic.Expressions.Expr.Num(-2)),
                new Symbolic.Expressions.AbstractCall("sigma", 1, Symbolic.Expressions.Expr.Pow(Symbolic.Expressions.Expr.Sym("t"), Symbolic.Expressions.Expr.MinusOne)),
                SmoothStep.Psi(Symbolic.Expressions.Expr.Sym("t"))));
        Assert.NotEqual(ZeroTestResult.Zero, Simplifier.ZeroTest(wrong));
    }

    [Fact]
    public void Every_obligation_of_the_built_activation_vanishes_and_the_joins_meet_the_anchors()
    {
        var c = Instance();
        var pw = PiecewiseActivation.Of(Activation.Parse(c.Sigma.ToString()));
        Assert.Equal([true, false, true, false, true, false], pw.Closed);
        var obligations = SmoothStep.Obligations(pw);
        Assert.Equal(2 + 3, obligations.Count);
        Assert.All(obligations, o => Assert.Equal(ZeroTestResult.Zero, Simplifier.ZeroTest(o.MustVanish)));
        // Numerically: just inside each join σ is within 1e-12 of the neighbouring anchor (every derivative of S vanishes there).
        var sigma = Compiler.Compile(c.Sigma, ["u"]);
        for (int i = 1; i < pw.Pieces.Count; i += 2)
        {
            double p = pw.Breakpoints[i - 1].ToDouble(), q = pw.Breakpoints[i].ToDouble(), h = (q - p) * 1e-2;
            Assert.InRange(Math.Abs(sigma([p + h]) - sigma([p])), 0, 1e-12 + 2 * h * 10);
            Assert.InRange(Math.Abs(sigma([p + h]) - Compiler.Compile(pw.Pieces[i - 1], ["u"])([p + h])), 0, 1e-12);
            Assert.InRange(Math.Abs(sigma([q - h]) - Compiler.Compile(pw.Pieces[i + 1], ["u"])([q - h])), 0, 1e-12);
        }
    }

    [Fact]
    public void A_Hermite_activation_is_not_accepted_as_smooth_steps()
    {
        var c = TwoPointRecipe.Build([1], 1, [new Rational(1, 2)], 2, [2], new Rational(1, 2), null, 1);
        var ex = Assert.Throws<InputException>(() => SmoothStep.Obligations(PiecewiseActivation.Of(Activation.Parse(c.Sigma.ToString()))));
        Assert.Contains("alternate anchors", ex.Message);
    }
}
