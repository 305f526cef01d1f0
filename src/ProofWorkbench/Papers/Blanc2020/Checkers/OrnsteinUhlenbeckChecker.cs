using ProofWorkbench.Evidence;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Printing;
using ProofWorkbench.Symbolic.Simplification;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;
using Formula = ProofWorkbench.Theorems.Checking.Formula;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Papers.Blanc2020.Checkers;

/// <summary>
/// <c>ou-linearized</c>: statements about the linearized label-noise process of <see cref="OrnsteinUhlenbeck"/>
/// (symbols eta, gamma, s2 = Var ξ), decided exactly. <c>quantity: stationary-variance</c> with
/// <c>order: exact</c> claims v* ≡ <c>stated</c>; with <c>order: leading</c> claims (v* − stated)/η → 0 as η → 0
/// (checked as: the numerator of the simplified (v* − stated)/η vanishes at η = 0 while its denominator does not).
/// <c>quantity: relaxation-time</c> claims that the variance's relaxation time T = −1/ln((1 − 2ηγ)²) is, as η → 0,
/// a constant multiple of <c>stated</c>/η (stated a function of γ): lim ηT = −1/c₁ is derived from the Taylor
/// coefficients of ln A, and d/dγ[(−1/c₁)/stated] ≡ 0 is tested.
/// </summary>
public sealed class OrnsteinUhlenbeckChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "ou-linearized";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Needs("quantity", "stationary-variance or relaxation-time", "the quantity of the linearized process"),
            ClaimParameter.May("order", "exact or leading", "with stationary-variance: exact equality or the leading order in η; default exact"),
            ClaimParameter.Needs("stated", "expression in eta, gamma, s2", "the printed formula"),
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var node = claim.Node;
        var stated = node.Required("stated").Expression();
        var allowed = new[] { "eta", "gamma", "s2" };
        if (stated.FreeSymbols().Except(allowed).Any())
            throw node.Required("stated").Error("the stated expression may use only eta, gamma and s2 (= Var ξ).");
        var quantity = node.Required("quantity").Text();
        var facts = new List<Fact>();
        var formulas = new List<Formula>
        {
            // v_{k+1} = A·v_k + B, written with v₁ for the next second moment and v₀ for the current one.
            new("second-moment recursion (one step, v₀ → v₁)", new Relation(Expr.Sym("v1"), RelationOperator.Equal,
                Expr.Add(Expr.Mul(OrnsteinUhlenbeck.Contraction, Expr.Sym("v0")), OrnsteinUhlenbeck.Forcing))),
        };
        var values = new List<NamedValue>();
        switch (quantity)
        {
            case "stationary-variance":
            {
                var v = OrnsteinUhlenbeck.StationaryVariance;
                formulas.Add(new("v* = B/(1 − A), simplified", Simplifier.Simplify(v)));
                formulas.Add(new("as stated", stated));
                var order = node.Optional("order")?.Text() ?? "exact";
                if (order == "exact")
                {
                    var difference = Sub(v, stated);
                    facts.Add(new ExactIdentity("v* − stated ≡ 0", difference, Simplifier.ZeroTest(difference)));
                    formulas.Add(new("v* − stated, simplified", Simplifier.Simplify(difference)));
                }
                else if (order == "leading")
                {
                    var scaled = Simplifier.Together(Div(Sub(v, stated), OrnsteinUhlenbeck.Eta));
                    var (numerator, denominator) = NumeratorDenominator(scaled);
                    var atZeroNum = Simplifier.Simplify(Substitution.Substitute(numerator, "eta", Num(0)));
                    var atZeroDen = Simplifier.Simplify(Substitution.Substitute(denominator, "eta", Num(0)));
                    formulas.Add(new("(v* − stated)/η, together", scaled));
                    facts.Add(new ExactIdentity("numerator of (v* − stated)/η at η = 0", atZeroNum, Simplifier.ZeroTest(atZeroNum)));
                    var denTest = Simplifier.ZeroTest(atZeroDen);
                    // The zero test's true answer, with the outcome of a nonzero claim (the fact is written with sense "nonzero").
                    facts.Add(new ExactIdentity("denominator of (v* − stated)/η at η = 0 is not 0 (" + InfixPrinter.Print(atZeroDen) + ")", atZeroDen, denTest)
                    {
                        Outcome = denTest == ZeroTestResult.NonZero ? FactOutcome.Proves : denTest == ZeroTestResult.Zero ? FactOutcome.Refutes : FactOutcome.Undecided,
                    });
                }
                else throw node.Required("order").Error($"order must be exact or leading, not '{order}'.");
                break;
            }
            case "relaxation-time":
            {
                var c = OrnsteinUhlenbeck.LogContractionCoefficients();
                var c0 = Simplifier.Simplify(c[0]);
                facts.Add(new ExactIdentity("ln A at η = 0", c0, Simplifier.ZeroTest(c0)));
                var limit = Simplifier.Simplify(Div(Num(-1), c[1]));
                formulas.Add(new("lim η·T = −1/c₁", limit));
                formulas.Add(new("stated (η·T up to a constant)", stated));
                var ratio = Simplifier.Simplify(Div(limit, stated));
                var dRatio = Simplifier.Simplify(Differentiator.Derivative(ratio, "gamma"));
                formulas.Add(new("(lim η·T)/stated", ratio));
                formulas.Add(new("d/dγ of the ratio", dRatio));
                var test = Simplifier.ZeroTest(dRatio);
                if (test != ZeroTestResult.Unknown)
                    facts.Add(new ExactIdentity("d/dγ[(lim η·T)/stated] ≡ 0 (the ratio is a constant)", dRatio, test));
                else
                {
                    // Fractional powers defeat the zero test: compare the ratio exactly at γ = 1 and γ = 4 instead.
                    var at1 = Simplifier.Simplify(Substitution.Substitute(ratio, "gamma", Num(1)));
                    var at4 = Simplifier.Simplify(Substitution.Substitute(ratio, "gamma", Num(4)));
                    var difference = Simplifier.Simplify(Sub(at1, at4));
                    values.Add(new("ratio at γ = 1, γ = 4", $"{InfixPrinter.Print(at1)}, {InfixPrinter.Print(at4)}"));
                    facts.Add(new ExactIdentity("ratio(γ = 1) − ratio(γ = 4) = 0 (needed for a constant ratio)", difference, Simplifier.ZeroTest(difference)));
                }
                break;
            }
            default:
                throw node.Required("quantity").Error($"quantity must be stationary-variance or relaxation-time, not '{quantity}'.");
        }
        var verdict = VerdictRule.Decide(facts);
        string explanation = verdict switch
        {
            Verdict.Proved => "The statement holds exactly for the linearized recursion (every identity simplifies to 0).",
            Verdict.Refuted => "The statement does not hold for the exact linearized recursion: " + string.Join("; ", facts.Where(f => f.Outcome == FactOutcome.Refutes).Select(f => f.Label + " fails")) + ".",
            _ => "The zero test could not decide every identity.",
        };
        return ClaimResult.FromFacts(claim, facts, explanation,
            [new EvidenceSection(EvidenceLayer.Symbolic, "the linearized noise process, exactly") { Formulas = formulas, Values = values }]);
    }

    private static (Expr Numerator, Expr Denominator) NumeratorDenominator(Expr e)
    {
        if (e is not Product p) return (e, Num(1));
        var num = new List<Expr>();
        var den = new List<Expr>();
        foreach (var f in p.Factors)
            if (f is Power { Exponent: Number { Value.Sign: < 0 } n } pw) den.Add(Pow(pw.Base, Num(-n.Value)));
            else num.Add(f);
        return (Mul(num), Mul(den));
    }
}
