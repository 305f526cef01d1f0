using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Parsing;
using ProofWorkbench.Symbolic.Simplification;
using Xunit.Abstractions;

namespace ProofWorkbench.Symbolic.Tests;

public class ScratchTests(ITestOutputHelper output)
{
    [Fact]
    public void Show()
    {
        foreach (var t in new[] { "a*log(1+exp(w*x))", "1/(1+exp(-u))", "sigma(x*w)", "x^2*w", "2*(x+y) - x", "x/2", "-x^2", "exp(-u)/(1+exp(-u))^2", "sqrt(x)", "x^(-1)", "(a*sigmoid(w*x)-y)^2", "piecewise(u < 0, 0, u)", "sigma''(x*w)", "1 - x*y/3", "2^(1/2)" })
        {
            var e = Parser.Parse(t);
            output.WriteLine($"{t}  =>  {e}   d/dw: {Differentiator.Derivative(e, "w")}   simp: {Simplifier.Simplify(Differentiator.Derivative(e, "w"))}");
        }
        var s = Parser.Parse("1/(1+exp(-u))");
        var ds = Differentiator.Derivative(s, "u");
        output.WriteLine($"{Simplifier.ZeroTest(ds - s * (1 - s))}");
        var x = Parser.Parse("x");
        var ratio = Simplifier.Simplify(Calculus.Substitution.Substitute(s / (x * ds), "u", Parser.Parse("x*w")));
        output.WriteLine($"ratio {ratio}");
        output.WriteLine($"h sigmoid {Integrator.Integrate(ratio, "w")}");
    }
}
