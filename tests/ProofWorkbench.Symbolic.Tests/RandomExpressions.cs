using CsCheck;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Symbolic.Tests;

/// <summary>Random expressions in x and y that are finite and smooth on [−2, 2]² (for property tests).</summary>
public static class RandomExpressions
{
    /// <summary>A fixed seed, so property tests are deterministic.</summary>
    public static readonly PCG Seed = new(1, 20231);

    private static readonly Gen<Expr> Leaf = Gen.OneOf(
        Gen.Const(Sym("x")), Gen.Const(Sym("y")),
        Gen.Int[-5, 5].Select(n => Num(n)),
        Gen.Int[1, 4].Select(d => Num(new Rational(1, d))));

    /// <summary>Expressions up to a nesting depth of about 4.</summary>
    public static readonly Gen<Expr> Expr = Gen.Recursive<Expr>((depth, inner) => depth >= 4 ? Leaf : Gen.Frequency(
        (3, Leaf),
        (3, Gen.Select(inner, inner, (a, b) => Add(a, b))),
        (3, Gen.Select(inner, inner, (a, b) => Mul(a, b))),
        (1, Gen.Select(inner, inner, (a, b) => Div(a, Add(Num(2), Pow(b, Num(2)))))),
        (1, Gen.Select(inner, Gen.Int[2, 3], (a, n) => Pow(a, Num(n)))),
        (1, inner.Select(a => Call(KnownFunctions.Exp, Div(a, Num(4))))),
        (1, inner.Select(a => Call(KnownFunctions.Sigmoid, a))),
        (1, inner.Select(a => Call(KnownFunctions.Tanh, a))),
        (1, inner.Select(a => Call(KnownFunctions.Softplus, a))),
        (1, inner.Select(a => Call(KnownFunctions.Sin, a))),
        (1, inner.Select(a => Call(KnownFunctions.Log, Add(Num(1), Pow(a, Num(2))))))));

    /// <summary>A point in [−2, 2]².</summary>
    public static readonly Gen<(double X, double Y)> Point = Gen.Select(Gen.Double[-2, 2], Gen.Double[-2, 2]);
}

/// <summary>Runs a generator from one fixed PCG state, so a property test sees the same inputs on every run.</summary>
public static class DeterministicSampling
{
    /// <summary>Checks <paramref name="check"/> on <paramref name="iterations"/> generated values; rethrows with the failing value.</summary>
    public static void SampleDeterministic<T>(this Gen<T> gen, Action<T> check, int iterations)
    {
        var pcg = new PCG(1, 20231);
        for (int i = 0; i < iterations; i++)
        {
            var value = gen.Generate(pcg, null, out _);
            try { check(value); }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw new Xunit.Sdk.XunitException($"Iteration {i}, input {value}: {ex.Message}");
            }
        }
    }
}
