using ProofWorkbench.Symbolic.Parsing;
using ProofWorkbench.Symbolic.Printing;
using ProofWorkbench.Symbolic.Expressions;

namespace ProofWorkbench.Symbolic.Tests;

public class PrinterTests
{
    [Theory]
    [InlineData("exp(-u)/(1+exp(-u))^2", @"\frac{e^{-u}}{\left(1 + e^{-u}\right)^{2}}")]
    [InlineData("a^2/2 - w1_2", @"\frac{a^{2}}{2} - w_{1,2}")]
    [InlineData("sigma'(x*w)", @"\sigma'\left(w \, x\right)")]
    [InlineData("sqrt(x+1)", @"\sqrt{1 + x}")]
    public void Latex(string text, string latex) => Assert.Equal(latex, LatexPrinter.Print(Parser.Parse(text)));

    [Fact]
    public void SmtLibPrintsPolynomialsExactlyAndRefusesTranscendentals()
    {
        Assert.Equal("(+ (/ 1.0 2.0) (* x x) (* (- 2.0) x))", SmtLibPrinter.Print(Parser.Parse("x^2 - 2*x + 1/2")));
        Assert.Equal("(* (/ 1.0 x) y)", SmtLibPrinter.Print(Parser.Parse("y/x")));
        Assert.Throws<SymbolicException>(() => SmtLibPrinter.Print(Parser.Parse("exp(x)")));
        Assert.Equal("(+ 1.0 E0)", SmtLibPrinter.Print(Parser.Parse("1 + exp(x)"), _ => "E0"));
    }
}
