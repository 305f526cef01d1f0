using ProofWorkbench.Papers.Blanc2020;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Parsing;
using ProofWorkbench.Symbolic.Simplification;
using ProofWorkbench.Tests.Theorems;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Tests.Papers.Blanc2020;

/// <summary>The <c>lagrange-second-order</c> kind (paper 001, Theorem 3): the exact second-order test of stationary points of
/// R on {h = y} for h = c₁tanh(w₁) + c₂tanh(w₂). Reference values from sympy (exact) and mpmath (R along the manifold).</summary>
public class LagrangeSecondOrderTests
{
    private const string Two = "output: \"c1*tanh(w1*x) + c2*tanh(w2*x)\"\nparameters: [c1, w1, c2, w2]\n";
    private const string Symmetric = "y: 3/2\npoint: { c1: \"(3/4)/sqrt(3/5)\", c2: \"(3/4)/sqrt(3/5)\" }\ntanh: { w1: \"sqrt(3/5)\", w2: \"sqrt(3/5)\" }";
    private const string OneActive = "y: 4/3\npoint: { c1: \"2*sqrt(5)/3\", c2: 0, w2: 0 }\ntanh: { w1: \"2/sqrt(5)\" }";
    private const string Unequal = "y: 25/12\npoint: { c1: \"(3/4)/sqrt(3/5)\", c2: \"2*sqrt(5)/3\" }\ntanh: { w1: \"sqrt(3/5)\", w2: \"2/sqrt(5)\" }";

    [Theory]
    [InlineData(Symmetric, "saddle", Verdict.Proved)]
    [InlineData(Symmetric, "minimum", Verdict.Refuted)]
    [InlineData(OneActive, "minimum", Verdict.Proved)]
    [InlineData(OneActive, "saddle", Verdict.Inconclusive)]
    [InlineData(Unequal, "minimum", Verdict.Refuted)] // not stationary: the test does not apply
    [InlineData(Unequal, "saddle", Verdict.Refuted)]
    public void TwoUnitTanh(string point, string nature, Verdict expected) =>
        Assert.Equal(expected, ClaimKindTests.VerdictOf($"kind: lagrange-second-order\n{Two}nature: {nature}\n{point}"));

    [Fact]
    public void AFlatConstraintGivesAZeroMinorAndNoDecision()
    {
        // h = a + b, R = ‖∇h‖² = 2: every point of {a + b = 1} is stationary with λ = 0 and H = 0, so the minor is exactly 0.
        Assert.Equal(Verdict.Inconclusive, ClaimKindTests.VerdictOf("kind: lagrange-second-order\noutput: \"a + b\"\nparameters: [a, b]\ny: 1\nnature: minimum\npoint: { a: 1, b: 0 }"));
        Assert.Equal(Verdict.Inconclusive, ClaimKindTests.VerdictOf("kind: lagrange-second-order\noutput: \"a + b\"\nparameters: [a, b]\ny: 1\nnature: saddle\npoint: { a: 1, b: 0 }"));
    }

    [Fact]
    public void AnUnknownNatureIsBadInput() =>
        Assert.ThrowsAny<InputException>(() => ClaimKindTests.VerdictOf($"kind: lagrange-second-order\n{Two}nature: maximum\n{Symmetric}"));

    [Fact]
    public void SymmetricPointMatchesSympyExactly()
    {
        var test = Build("(3/4)/sqrt(3/5)", "(3/4)/sqrt(3/5)", "sqrt(3/5)", "sqrt(3/5)", "3/2");
        Assert.Equal("2/5", test.Lambda.ToString());
        Assert.All(test.Residuals, r => Assert.Equal(ZeroTestResult.Zero, Simplifier.ZeroTest(r)));
        Assert.Equal(["-6/5", "672/3125", "7488/3125"], test.BorderedMinors.Select(m => m.ToString()));
        Assert.Equal(["6/5", "-2016/15625", "-67392/78125"], test.ReducedMinors.Select(m => m.ToString()));
        // The minor of order k + 2 is −gₚ^(2−2k)·D_k (gₚ² = 3/5): k = 2 gives (5/3)·2016/15625 = 672/3125.
        Assert.All(test.Candidates, d => Assert.Equal(ZeroTestResult.Zero, Simplifier.ZeroTest(d.Tangency)));
        Assert.Contains(test.Candidates, d => d.Curvature.ToString() == "-12096/78125"); // mpmath: 2ΔR/s² → −0.15483 along it
    }

    [Fact]
    public void OneActivePointIsPositiveDefiniteOnTheTangentSpace()
    {
        var test = Build("2*sqrt(5)/3", "0", "2/sqrt(5)", null, "4/3", w2: "0");
        Assert.Equal("2/15", test.Lambda.ToString());
        Assert.Equal(["-32/45", "-64/45", "-28672/10125"], test.BorderedMinors.Select(m => m.ToString()));
        Assert.All(test.Candidates, d => Assert.Equal(1, ConstrainedSecondOrder.SignOf(d.Curvature).Sign));
    }

    private static ConstrainedSecondOrder Build(string c1, string c2, string t1, string? t2, string y, string? w2 = null)
    {
        string[] names = ["c1", "w1", "c2", "w2"];
        var h = Parser.Parse("c1*tanh(w1) + c2*tanh(w2)");
        var r = new ImplicitRegularizer(h, names, [(new Dictionary<string, Expr>(), Parser.Parse(y))]);
        var values = new Dictionary<string, Expr> { ["c1"] = Parser.Parse(c1), ["c2"] = Parser.Parse(c2) };
        if (w2 is not null) values["w2"] = Parser.Parse(w2);
        var tanh = new Dictionary<string, Expr> { ["w1"] = Parser.Parse(t1) };
        if (t2 is not null) tanh["w2"] = Parser.Parse(t2);
        Expr At(Expr e) => Simplifier.Simplify(Substitution.Substitute(e.Map(n =>
            n is FunctionCall { Function.Name: "tanh" } f && f.Arguments[0] is Symbol s && tanh.TryGetValue(s.Name, out var t) ? t : n), values));
        return new ConstrainedSecondOrder(r, At);
    }
}
