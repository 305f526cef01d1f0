using ProofWorkbench.Evidence;
using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Printing;
using ProofWorkbench.Symbolic.Simplification;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// Decides "derived = stated" exactly with the zero test: Zero is a proof, NonZero a refutation
/// (exact; a numeric witness point where the two differ is added for the reader), Unknown is inconclusive
/// and carries only probabilistic evidence.
/// </summary>
public static class IdentityEvidence
{
    /// <summary>The verdict and evidence for derived ≡ stated.</summary>
    public static (IReadOnlyList<Fact> Facts, string Explanation, EvidenceSection Evidence) Decide(string what, Expr derived, Expr stated)
    {
        var difference = Expr.Sub(derived, stated);
        var formulas = new List<Formula>
        {
            new($"{what}, derived", LatexPrinter.Print(Simplifier.Simplify(derived))),
            new($"{what}, as stated", LatexPrinter.Print(stated)),
            new("derived − stated, simplified", LatexPrinter.Print(Simplifier.Simplify(difference))),
        };
        var result = Simplifier.ZeroTest(difference);
        var identity = new ExactIdentity($"derived {what} − stated {what} ≡ 0", difference, result);
        if (result == ZeroTestResult.Zero)
            return ([identity], $"The derived {what} equals the stated one: their difference simplifies to 0 exactly.",
                new EvidenceSection(EvidenceLayer.Symbolic, "derived − stated ≡ 0 (rational normal form)") { Formulas = formulas });

        var probe = ProbabilisticEquivalence.Check(derived, stated, range: 1.5);
        var values = new List<NamedValue>();
        if (probe.Witness is { } w)
            values.Add(new("witness point", string.Join(", ", w.Select(kv => $"{kv.Key} = {Format.Value(kv.Value)}"))));
        if (result == ZeroTestResult.NonZero)
        {
            values.Add(new("derived − stated at the witness", probe.Witness is null ? "—" : Format.Value(Evaluator.Evaluate(difference, probe.Witness))));
            return ([identity], $"The derived {what} differs from the stated one: the difference is a nonzero rational-exponential expression (exact).",
                new EvidenceSection(EvidenceLayer.Symbolic, "derived − stated is not identically 0 (exact; kernels algebraically independent)") { Formulas = formulas, Values = values });
        }
        values.Add(new("random points agreeing", $"{probe.PointsTried} (max relative difference {Format.Error(probe.MaxRelativeDifference)})"));
        var probeFact = new NumericEstimate($"max relative difference of derived and stated {what} at {probe.PointsTried} random points", probe.MaxRelativeDifference, 0, null,
            "interval evaluation at seeded random points: disjoint enclosures witness inequality", [], probe.Agree ? FactOutcome.Undecided : FactOutcome.Refutes);
        return ([identity, probeFact],
            probe.Agree
                ? $"The zero test cannot decide this identity; {probe.PointsTried} random points agree, which is evidence, not proof."
                : $"The derived {what} differs from the stated one at the witness point.",
            new EvidenceSection(probe.Agree ? EvidenceLayer.Symbolic : EvidenceLayer.Numeric,
                probe.Agree ? "zero test: unknown; probabilistic agreement only" : "numeric witness of inequality") { Formulas = formulas, Values = values });
    }
}
