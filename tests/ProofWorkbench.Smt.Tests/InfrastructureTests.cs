using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Smt.Tests;

public class InfrastructureTests
{
    private static SmtScript Script(string body, params (string Smt, string Display)[] vars) => Script(body, null, vars);

    private static SmtScript Script(string body, SmtSolverOptions? options, params (string Smt, string Display)[] vars)
    {
        var b = new SmtScriptBuilder("test");
        foreach (var (s, d) in vars) b.DeclareReal(s, d);
        foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries)) b.Assert("body", line.Trim());
        return b.Build(options);
    }

    [Fact]
    public void TheNativeLibraryLoadsAndReportsItsVersion() =>
        Assert.StartsWith("4.", Z3Library.Version());

    [Fact]
    public void AMissingLibraryGivesTheOneSentenceError()
    {
        var options = new SmtSolverOptions { LibraryCandidates = ["libz3-does-not-exist.so.99", "/nonexistent/libz3.so"] };
        var e = Assert.Throws<Z3NotFoundException>(() => SmtSolver.Solve(Script("(> x 0.0)", ("x", "x")), options));
        Assert.Equal("libz3 was not found; install Debian's package libz3-4 (apt-get install libz3-4)", e.Message);
        Assert.Throws<Z3NotFoundException>(() => Z3Library.EnsureLoaded(["libz3-does-not-exist.so.99"]));
    }

    [Fact]
    public void TheDefaultCandidatesAreTheDebianNames()
    {
        if (OperatingSystem.IsLinux()) Assert.Equal(["libz3.so", "libz3.so.4"], Z3Library.DefaultCandidates);
        Assert.Equal("libz3", Z3Library.ImportName);
        // The P/Invoke declarations of Microsoft.Z3.Native import exactly this name.
        var lib = typeof(Microsoft.Z3.Native).GetNestedType("LIB", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)!;
        var method = lib.GetMethod("Z3_eval_smtlib2_string", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)!;
        var import = method.GetCustomAttributesData().Single(a => a.AttributeType == typeof(System.Runtime.InteropServices.DllImportAttribute));
        Assert.Equal("libz3", import.ConstructorArguments[0].Value);
    }

    [Fact]
    public void ABadScriptSurfacesZ3sErrorText()
    {
        var e = Assert.Throws<SmtScriptException>(() => SmtSolver.Evaluate("(declare-const x Real)(assert (< y 1.0))(check-sat)"));
        Assert.Contains("unknown constant y", e.Message);
        var e2 = Assert.Throws<SmtScriptException>(() => SmtSolver.Evaluate("(assert (< 1.0 2.0)"));
        Assert.Contains("Z3 rejected the script", e2.Message);
    }

    [Fact]
    public void SatGivesAnExactRationalModel()
    {
        var o = SmtSolver.Solve(Script("(= (* 2.0 x) 1.0)\n(= (+ y 3.0) 0.0)", ("x", "x"), ("y", "y")));
        Assert.Equal(SatAnswer.Sat, o.Answer);
        Assert.Equal(new Rational(1, 2), o.Witness!["x"].Exact);
        Assert.Equal(new Rational(-3), o.Witness["y"].Exact);
    }

    [Fact]
    public void AlgebraicModelsKeepTheRootObjectTextAndAnApproximation()
    {
        var o = SmtSolver.Solve(Script("(= (* x x) 2.0)\n(> x 0.0)", ("x", "x")));
        Assert.Equal(SatAnswer.Sat, o.Answer);
        var v = o.Witness!["x"];
        Assert.Null(v.Exact);
        Assert.Contains("root-obj", v.Text);
        Assert.Equal(Math.Sqrt(2), v.Approximation, 14);
    }

    [Fact]
    public void UnconstrainedVariablesStillGetAValue()
    {
        var o = SmtSolver.Solve(Script("(> x 0.0)", ("x", "x"), ("free", "free")));
        Assert.Equal(SatAnswer.Sat, o.Answer);
        Assert.NotNull(o.Witness!["free"].Exact);
    }

    [Fact]
    public void UnsatHasNoModel()
    {
        var o = SmtSolver.Solve(Script("(> x 1.0)\n(< x 0.0)", ("x", "x")));
        Assert.Equal(SatAnswer.Unsat, o.Answer);
        Assert.Null(o.Witness);
    }

    private const string HardSystem = """
        (= (+ (* x x x x x) (* y y y y y y y) (* z z z z z z z z z z z) (* 3.0 x y z)) 7.0)
        (= (+ (* x x y) (* y y z z z)) 13.0)
        (= (* x y z x y z) 17.0)
        (> (* x y) 1.5)
        """;

    [Fact]
    public void ATinyTimeoutOnAHardNonlinearProblemGivesUnknownWithAReason()
    {
        var o = SmtSolver.Solve(Script(HardSystem, ("x", "x"), ("y", "y"), ("z", "z")), new SmtSolverOptions { TimeoutMilliseconds = 50 });
        Assert.Equal(SatAnswer.Unknown, o.Answer);
        Assert.False(string.IsNullOrWhiteSpace(o.ReasonUnknown));
        Assert.Contains(o.ReasonUnknown, new[] { "timeout", "canceled" });
        // Not a speed assertion: only that the 50 ms limit ends the query at all (a generous bound, so a loaded machine passes).
        Assert.True(o.Elapsed < TimeSpan.FromSeconds(60), $"took {o.Elapsed}");
    }

    [Fact]
    public void AResourceLimitStopsAHardProblem()
    {
        var options = new SmtSolverOptions { ResourceLimit = 20_000, TimeoutMilliseconds = 60_000 };
        var script = Script(HardSystem, options, ("x", "x"), ("y", "y"), ("z", "z"));
        Assert.Contains("(set-option :rlimit 20000)", script.Text);
        var o = SmtSolver.Solve(script, options);
        Assert.Equal(SatAnswer.Unknown, o.Answer);
        Assert.False(string.IsNullOrWhiteSpace(o.ReasonUnknown));
        Assert.True(o.Elapsed < TimeSpan.FromSeconds(30), $"took {o.Elapsed}");
    }

    [Fact]
    public void ManyQueriesShareOneContextResetBetweenQueries()
    {
        // Each script declares x afresh: without the (reset) between queries the second declaration would be an error.
        for (int i = 0; i < 200; i++)
        {
            var o = SmtSolver.Solve(Script($"(= x {i}.0)", ("x", "x")));
            Assert.Equal(new Rational(i), o.Witness!["x"].Exact);
        }
    }

    [Fact]
    public void ScriptsCarryTheirLimitsAndAskForTheModelOnlyAfterSat()
    {
        var s = Script("(> x 0.0)", ("x", "x"));
        Assert.Contains("(set-option :timeout 10000)", s.Text);
        Assert.Contains("(set-option :rlimit 50000000)", s.Text);
        Assert.EndsWith("(check-sat)\n", s.Text);
        Assert.EndsWith("(check-sat)\n", s.CheckText);
        Assert.EndsWith("(check-sat)\n(get-model)\n", s.Certificate(SatAnswer.Sat));
        Assert.EndsWith("(check-sat)\n", s.Certificate(SatAnswer.Unsat));
        Assert.EndsWith("(check-sat)\n", s.Certificate(SatAnswer.Unknown));
    }

    [Fact]
    public void AnInterruptedQueryDoesNotSpoilTheNext()
    {
        var slow = SmtSolver.Solve(Script(HardSystem, ("x", "x"), ("y", "y"), ("z", "z")), new SmtSolverOptions { TimeoutMilliseconds = 50 });
        Assert.Equal(SatAnswer.Unknown, slow.Answer);
        var o = SmtSolver.Solve(Script("(= x 7.0)", ("x", "x")));
        Assert.Equal(SatAnswer.Sat, o.Answer);
        Assert.Equal(new Rational(7), o.Witness!["x"].Exact);
        Assert.Equal(SatAnswer.Unsat, SmtSolver.Solve(Script("(and (> x 1.0) (< x 0.0))", ("x", "x"))).Answer);
    }
}

