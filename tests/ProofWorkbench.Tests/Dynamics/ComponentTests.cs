using ProofWorkbench.Dynamics;
using ProofWorkbench.Models;
using ProofWorkbench.Numerics.Ode;
using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Parsing;
using static ProofWorkbench.Tests.Dynamics.FlowTestData;

namespace ProofWorkbench.Tests.Dynamics;

/// <summary>The pieces of the engine: jet interpreter, compiled system, homogeneity proofs, second route's scope.</summary>
public class ComponentTests
{
    [Theory]
    [InlineData("log(1+exp(u))")]
    [InlineData("softplus(u)")]
    [InlineData("sigmoid(u)")]
    [InlineData("1/(1+exp(-u))")]
    [InlineData("tanh(u) + atan(u)*u^3 - sin(u)*cos(2*u)")]
    [InlineData("asinh(u) + gaussian(u) + (1+u^2)^(1/2)")]
    public void Jet_interpreter_gives_the_Taylor_coefficients_of_the_expression(string text)
    {
        // Coefficient k of e(u0 + s) is e^(k)(u0)/k!; compare k = 0..3 with derivatives from the differentiator.
        var e = Parser.Parse(text);
        AssertJetsAreTheDerivatives(e, [-1.3, 0.2, 2.5]);
    }

    private static void AssertJetsAreTheDerivatives(ProofWorkbench.Symbolic.Expressions.Expr e, double[] points)
    {
        var program = JetProgram.Compile([e], ["u"]);
        foreach (double u0 in points)
        {
            var result = new Jet[1];
            program.Evaluate([Jet.Variable(u0, 3)], result);
            double factorial = 1;
            for (int k = 0; k <= 3; k++)
            {
                if (k > 1) factorial *= k;
                var dk = ProofWorkbench.Symbolic.Calculus.Differentiator.Derivative(e, "u", k);
                double expected = Evaluator.Evaluate(dk, new Dictionary<string, double> { ["u"] = u0 }) / factorial;
                Assert.InRange(Math.Abs(result[0][k] - expected), 0, 1e-12 * Math.Max(1, Math.Abs(expected)));
            }
        }
    }

    /// <summary>Every entry of the function table (issue 10, item 5) has a Taylor rule whose jets are the derivatives.</summary>
    [Theory]
    [MemberData(nameof(TableEntries))]
    public void Every_table_function_has_jets_that_match_its_derivatives(string name)
    {
        var f = ProofWorkbench.Symbolic.Expressions.KnownFunctions.Lookup(name)!;
        Assert.NotNull(f.Taylor);
        var u = ProofWorkbench.Symbolic.Expressions.Expr.Sym("u");
        var e = f.Arity == 1 ? ProofWorkbench.Symbolic.Expressions.Expr.Call(f, u)
            : ProofWorkbench.Symbolic.Expressions.Expr.Call(f, u, ProofWorkbench.Symbolic.Expressions.Expr.Half);
        AssertJetsAreTheDerivatives(e, [.. new[] { -1.3, 0.2, 2.5 }.Where(x => f.Domain is null || x > 0)]);
    }

    public static TheoryData<string> TableEntries() => [.. ProofWorkbench.Symbolic.Expressions.KnownFunctions.Names.Order(StringComparer.Ordinal)];

    [Fact]
    public void Jet_sigmoid_and_softplus_do_not_overflow()
    {
        var program = JetProgram.Compile([Parser.Parse("sigmoid(u)"), Parser.Parse("softplus(u)")], ["u"]);
        var result = new Jet[2];
        program.Evaluate([Jet.Variable(-800, 2)], result);
        Assert.Equal(0, result[0].Value);
        Assert.Equal(0, result[1].Value);
        program.Evaluate([Jet.Variable(800, 2)], result);
        Assert.Equal(1, result[0].Value);
        Assert.Equal(800, result[1].Value);
        Assert.Equal(1, result[1][1]);
    }

    [Fact]
    public void Jet_interpreter_follows_the_branch_of_piecewise_and_relu()
    {
        var program = JetProgram.Compile([Parser.Parse("relu(u)"), Parser.Parse("abs(u)*u")], ["u"]);
        var result = new Jet[2];
        program.Evaluate([Jet.Variable(-2, 2)], result);
        Assert.Equal([0.0, 0, 0], result[0].Coefficients.ToArray());
        Assert.Equal([-4.0, 4, -1], result[1].Coefficients.ToArray());
    }

    [Fact]
    public void Compiled_system_agrees_with_the_jet_field_and_with_finite_differences_of_the_field()
    {
        var system = GradientFlowSystem.Create(Model("exp(u)", 2), [Sample("0.3,-0.2", "1.1"), Sample("1,0.5", "0.4")]);
        double[] theta = [0.2, -0.1, 0.7];
        var f = new double[3];
        system.FieldAt(theta, f);
        var jets = new Jet[3];
        system.Taylor.Evaluate(theta.Select(v => Jet.Constant(v, 0)).ToArray(), jets);
        for (int i = 0; i < 3; i++) Assert.InRange(Math.Abs(jets[i].Value - f[i]), 0, 1e-14);
        var problem = system.ToOdeProblem(theta, null);
        var jac = new double[3, 3];
        problem.Jacobian!(0, theta, jac);
        for (int j = 0; j < 3; j++)
        {
            const double h = 1e-6;
            var plus = (double[])theta.Clone(); plus[j] += h;
            var minus = (double[])theta.Clone(); minus[j] -= h;
            var fp = new double[3]; var fm = new double[3];
            system.FieldAt(plus, fp); system.FieldAt(minus, fm);
            for (int i = 0; i < 3; i++) Assert.InRange(Math.Abs(jac[i, j] - (fp[i] - fm[i]) / (2 * h)), 0, 1e-8);
        }
        // The field is −∇L: symmetric Jacobian (minus the Hessian).
        Assert.InRange(Math.Abs(jac[0, 2] - jac[2, 0]), 0, 1e-14);
    }

    [Theory]
    [InlineData("u", true)]
    [InlineData("relu(u)", true)]
    [InlineData("3*u", true)]
    [InlineData("1/(1+exp(-u))", false)]
    [InlineData("u^2", false)]
    public void Positive_homogeneity_is_proved_exactly(string activation, bool homogeneous) =>
        Assert.Equal(homogeneous, PositiveHomogeneity.IsProved(Activation.Parse(activation)));

    [Theory]
    [InlineData("1/(1+exp(-u))", null)]
    [InlineData("sigmoid(u)", null)]
    [InlineData("log(1+exp(u))", null)]
    [InlineData("exp(u)", null)]
    [InlineData("tanh(u)", "σ > 0")]
    [InlineData("relu(u)", "σ > 0")]
    public void Second_route_applies_exactly_under_Lemma_A3s_hypotheses(string activation, string? reason)
    {
        var model = Model(activation);
        var why = ConservedRouteSolver.Inapplicable(model, [Sample("1", "1")]);
        if (reason is null) Assert.Null(why); else Assert.Contains(reason, why);
        Assert.Contains("one sample", ConservedRouteSolver.Inapplicable(model, [Sample("1", "1"), Sample("2", "1")]));
        Assert.Contains("x = 0", ConservedRouteSolver.Inapplicable(model, [Sample("0", "1")]));
    }

    [Fact]
    public void Taylor_method_approaches_the_limit_monotonically_so_the_direction_is_not_reversed()
    {
        // Without the stability cap the Taylor steps near the limit grow until the computed flow overshoots M_S and the
        // last field points backwards; with it the direction agrees with DOP853's.
        var taylor = GradientFlowEngine.Run(Model(Sigmoid), [Sample("1", "1")], Figure1Theta0, new FlowOptions { Method = FlowMethod.Taylor });
        var dop = GradientFlowEngine.Run(Model(Sigmoid), [Sample("1", "1")], Figure1Theta0, new FlowOptions { Method = FlowMethod.Dop853 });
        Assert.InRange(Math.Abs(taylor.Direction!.TrajectoryUnit[0] - dop.Direction!.TrajectoryUnit[0]), 0, 1e-9);
        Assert.InRange(Math.Abs(taylor.Direction.TrajectoryUnit[1] - dop.Direction.TrajectoryUnit[1]), 0, 1e-9);
    }
}
