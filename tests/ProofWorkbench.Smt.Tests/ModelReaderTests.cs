using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Smt.Tests;

public class ModelReaderTests
{
    private static SExpr One(string text) => SExpr.ReadAll(text).Single();

    [Theory]
    [InlineData("1.0", 1, 1)]
    [InlineData("(- 3.0)", -3, 1)]
    [InlineData("(/ 1.0 2.0)", 1, 2)]
    [InlineData("(- (/ 1.0 2.0))", -1, 2)]
    [InlineData("(/ (- 7.0) 4.0)", -7, 4)]
    [InlineData("12", 12, 1)]
    [InlineData("0.25", 1, 4)]
    public void ExactValues(string text, int p, int q) => Assert.Equal(new Rational(p, q), ModelReader.Exact(One(text)));

    [Fact]
    public void AlgebraicAndDecimalValuesAreNotExact()
    {
        Assert.Null(ModelReader.Exact(One("(root-obj (+ (^ x 2) (- 2)) 1)")));
        Assert.Null(ModelReader.Exact(One("(- 1.4142135623?)")));
        Assert.Equal(-1.4142135623, ModelReader.Approximate(One("(- 1.4142135623?)")), 12);
    }

    [Fact]
    public void ModelsSkipFunctionDefinitions()
    {
        var model = One("""
            (
              (define-fun y () Real
                0.0)
              (define-fun x () Real
                (root-obj (+ (^ x 2) (- 2)) 1))
              (define-fun /0 ((x!0 Real) (x!1 Real)) Real
                (ite (and (= x!0 1.0) (= x!1 0.0)) 4.0
                  0.0))
            )
            """);
        var defs = ModelReader.ReadModel(model);
        Assert.Equal(["x", "y"], defs.Keys.Order().ToArray());
        Assert.Equal(Rational.Zero, ModelReader.Exact(defs["y"]));
    }

    [Fact]
    public void GetValueAnswersAndQuotedSymbols()
    {
        var values = ModelReader.ReadValues(One("((x (/ 1.0 3.0)) (|exp!1| 2.0))"));
        Assert.Equal(new Rational(1, 3), ModelReader.Exact(values["x"]));
        Assert.Equal(new Rational(2), ModelReader.Exact(values["exp!1"]));
    }

    [Fact]
    public void StringsAndCommentsAreRead()
    {
        var items = SExpr.ReadAll("; a comment\n(:reason-unknown \"time\"\"out\") sat");
        Assert.Equal(2, items.Count);
        Assert.Equal("time\"out", items[0].Items[1].Atom);
        Assert.True(items[1].Is("sat"));
    }
}
