using ProofWorkbench.Models;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Tests.Dynamics;

/// <summary>Models and datasets of paper 000's Section 5 examples, with exact inputs.</summary>
internal static class FlowTestData
{
    public static Expr N(string decimalText) => Num(Rational.Parse(decimalText));

    public static Sample Sample(string x, string y) => new(x.Split(',').Select(N).ToArray(), N(y));

    public static OneNeuronModel Model(string activation, int d = 1) => new(Activation.Parse(activation), d);

    /// <summary>Paper 000, Section 5.2 and Figure 1: sigmoid, θ0 = (w, a) = (0.922, 2.868).</summary>
    public static readonly double[] Figure1Theta0 = [0.922, 2.868];

    public const string Sigmoid = "1/(1+exp(-u))";

    public const string Softplus = "log(1+exp(u))";

    /// <summary>Paper 000, Section 5.3 and Figure 2: softplus, θ0 = (0.3, 1), S = {(x, −a0σ(x·w0))} (y exact, symbolic).</summary>
    public static Sample Figure2Sample(string x)
    {
        var sigma = Activation.Parse(Softplus);
        var xe = N(x);
        return new Sample([xe], Neg(Mul(One, sigma.At(Mul(xe, N("0.3"))))));
    }

    public static double SoftplusAt(double u) => Math.Log(1 + Math.Exp(u));

    public static double SoftplusPrime(double u) => 1 / (1 + Math.Exp(-u));
}
