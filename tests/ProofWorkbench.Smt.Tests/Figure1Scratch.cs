using ProofWorkbench.Smt.Recipes;
using ProofWorkbench.Symbolic.Numbers;
using Xunit.Abstractions;

namespace ProofWorkbench.Smt.Tests;

public class Figure1Scratch(ITestOutputHelper output)
{
    private static Rational R(string s) => Rational.Parse(s);
    [Fact]
    public void Show()
    {
        var input = new TwoPointPartAInput
        {
            W0 = [R("0.922")], A0 = R("2.868"), W1Star = [R("0.0824640984")], X1 = [R("1")],
            E1 = [new RationalInterval(R("0.0824640983"), R("0.9220000001"))],
            W2Star = [R("0.9215436265")], A2Star = R("1.4000166190"), X2 = [R("12.307")],
        };
        foreach (var r in RecipeChecks.TwoPointPartA(input))
        {
            output.WriteLine(r.ToString());
            output.WriteLine("  witness: " + r.Witness);
        }
        var all = RecipeChecks.TwoPointPartA(input);
        output.WriteLine(all[^1].Script);
        output.WriteLine(all[5].Script);
    }
}
