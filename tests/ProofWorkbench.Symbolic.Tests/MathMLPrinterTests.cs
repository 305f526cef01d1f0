using System.Xml.Linq;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Parsing;
using ProofWorkbench.Symbolic.Printing;

namespace ProofWorkbench.Symbolic.Tests;

public class MathMLPrinterTests
{
    [Theory]
    [InlineData("exp(-u)/(1+exp(-u))^2",
        "<mfrac><msup><mi>e</mi><mrow><mo>−</mo><mi>u</mi></mrow></msup><msup><mrow><mo>(</mo><mrow><mn>1</mn><mo>+</mo><msup><mi>e</mi><mrow><mo>−</mo><mi>u</mi></mrow></msup></mrow><mo>)</mo></mrow><mn>2</mn></msup></mfrac>")]
    [InlineData("a^2/2 - w1_2", "<mrow><mfrac><msup><mi>a</mi><mn>2</mn></msup><mn>2</mn></mfrac><mo>−</mo><msub><mi>w</mi><mi>1,2</mi></msub></mrow>")]
    [InlineData("sigma'(x*w)", "<mrow><msup><mi>σ</mi><mo>′</mo></msup><mo>&#x2061;</mo><mrow><mo>(</mo><mrow><mi>w</mi><mo>&#x2062;</mo><mi>x</mi></mrow><mo>)</mo></mrow></mrow>")]
    [InlineData("sqrt(x+1)", "<msqrt><mrow><mn>1</mn><mo>+</mo><mi>x</mi></mrow></msqrt>")]
    [InlineData("softplus(w1)", "<mrow><mi mathvariant=\"normal\">softplus</mi><mo>&#x2061;</mo><mrow><mo>(</mo><msub><mi>w</mi><mn>1</mn></msub><mo>)</mo></mrow></mrow>")]
    [InlineData("-3/4", "<mrow><mo>−</mo><mfrac><mn>3</mn><mn>4</mn></mfrac></mrow>")]
    [InlineData("abs(x) + theta0", "<mrow><msub><mi>θ</mi><mn>0</mn></msub><mo>+</mo><mrow><mo>|</mo><mi>x</mi><mo>|</mo></mrow></mrow>")]
    public void PrintsPresentationMathML(string text, string content) =>
        Assert.Equal(content, MathMLPrinter.PrintContent(Parser.Parse(text)));

    [Fact]
    public void WrapsInTheMathMLNamespaceAndRelationsEscapeTheirOperators()
    {
        var ml = MathMLPrinter.Print(Parser.ParseRelation("x < 1"), display: true);
        Assert.Equal("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\"><mrow><mi>x</mi><mo>&lt;</mo><mn>1</mn></mrow></math>", ml);
    }

    [Fact]
    public void EveryKnownFunctionPrintsWellFormedXmlWithItsName()
    {
        foreach (var name in new[] { "exp", "log", "sin", "cos", "tanh", "atan", "asinh", "abs", "sign", "heaviside", "relu", "sigmoid", "softplus", "gaussian" })
        {
            var e = Expr.Call(name, Expr.Sym("u") * 2 + 1);
            var doc = XElement.Parse(MathMLPrinter.Print(e));
            Assert.Equal(XName.Get("math", MathMLPrinter.Namespace), doc.Name);
            Assert.Contains("u", doc.Value);
        }
        Assert.Contains(">max<", MathMLPrinter.Print(Expr.Call("max", Expr.Sym("u"), Expr.Zero)));
        Assert.Contains(">arctan<", MathMLPrinter.Print(Expr.Call("atan", Expr.Sym("u"))));
    }

    [Fact]
    public void RandomExpressionsPrintWellFormedXml() =>
        RandomExpressions.Expr.SampleDeterministic(e => XElement.Parse(MathMLPrinter.Print(e)), 300);

    [Fact]
    public void PiecewisePrintsATableWithOtherwise()
    {
        var ml = MathMLPrinter.Print(new Piecewise([(new Relation(Expr.Sym("u"), RelationOperator.Greater, Expr.Zero), Expr.Sym("u"))], Expr.Zero));
        XElement.Parse(ml);
        Assert.Contains("<mtable", ml);
        Assert.Contains("otherwise", ml);
    }
}
