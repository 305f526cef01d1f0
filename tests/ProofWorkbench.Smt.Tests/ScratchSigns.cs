using ProofWorkbench.Symbolic.Parsing;
using Xunit.Abstractions;

namespace ProofWorkbench.Smt.Tests;

public class ScratchSigns(ITestOutputHelper output)
{
    [Fact]
    public void Show()
    {
        string[] claims = [
            "exp(u) >= 1 + u", "exp(u) > 0", "tanh(u)^2 < 1", "log(1+u^2) >= 0", "x^2+1 > 0", "(z^2+1/2)^2 - (z^4+z^2) > 0",
            "softplus(u) > 0", "sigmoid(u) > 0", "sigmoid(u) < 1", "softplus(u) > u", "gaussian(u) <= 1", "atan(u)^2 < 4",
            "exp(u)*exp(-u) == 1", "exp(u) > 1", "tanh(u) > 0", "exp(2*u) - exp(u)^2 == 0", "tanh(u) <= u", "log(u) <= u - 1",
            "exp(u) >= 1 + u + u^2/2", "sqrt(x^2) >= x", "abs(x) >= x", "relu(x) >= 0", "piecewise(x < 0, -x, x) >= 0", "exp(1) > 2.7", "pi > 3.14",
            "1/x^2 > 0", "exp(x) > x^3/6", "x^2 - 2 != 0", "tanh(u) - 2*sigmoid(2*u) + 1 == 0", "sin(x) <= 1",
        ];
        foreach (var c in claims)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                var r = SmtProver.Prove(Parser.ParseRelation(c));
                output.WriteLine($"{c,-40} {r.Verdict,-8} {sw.ElapsedMilliseconds,5} ms  {r.Explanation}");
            }
            catch (Exception e) { output.WriteLine($"{c,-40} EXC {e.GetType().Name}: {e.Message}"); }
        }
    }
}
