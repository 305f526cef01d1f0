using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;
using static ProofWorkbench.Symbolic.Expressions.Expr;

using ProofWorkbench.Verifier.Facts;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary><c>prop61</c>: the function is Proposition 6.1(b)'s C(u) = 1 − u(σ̃′/σ̃ − σ̃″/σ̃′) with σ̃ = 1/σ (paper 000,
/// Section 6.2), derived by the verifier. <c>identically-zero</c>: one exact identity of C. <c>nonzero-on</c>: one complete
/// root list per interval on exactly that interval, proving iff it is empty. <c>interval</c>/<c>count</c>/<c>roots</c>: one
/// complete root list on the interval, proving iff it has <c>count</c> enclosures, each within the tolerance of its stated root.</summary>
internal sealed class Prop61Binding : IClaimBinding
{
    public string Kind => "prop61";

    /// <summary>C(u) for the claim's activation.</summary>
    public static Expr Condition(ClaimView c)
    {
        var (sigma, u) = c.Activation();
        var tilde = Pow(sigma, MinusOne);
        var t1 = Differentiator.Derivative(tilde, u);
        var t2 = Differentiator.Derivative(t1, u);
        return Sub(One, Mul(Sym(u), Sub(Div(t1, tilde), Div(t2, t1))));
    }

    public string Bind(ClaimView c)
    {
        var cond = Condition(c);
        if (c.Param("identically-zero") is not null)
        {
            ClaimView.Same(c.Expect("exact-identity", 1)[0]["expression"], cond, "C");
            return "C ≡ 0";
        }
        if (c.Param("nonzero-on") is { } on)
        {
            var intervals = on.Items().ToList();
            var facts = c.Expect("isolated-zeros", intervals.Count);
            for (int i = 0; i < intervals.Count; i++)
            {
                Zeros(facts[i], cond, intervals[i].Interval());
                bool empty = facts[i]["roots"].Arr().Count == 0;
                Outcome(facts[i], empty);
            }
            return "C has no zero on each interval";
        }
        var f = c.Expect("isolated-zeros", 1)[0];
        Zeros(f, cond, c.Param("interval")!.Interval());
        var roots = f["roots"].Items().Select(r => r.Interval()).ToList();
        bool ok = c.Param("count") is not { } n || roots.Count == int.Parse(n.Str(), System.Globalization.CultureInfo.InvariantCulture);
        if (c.Param("roots") is { } stated)
        {
            var tol = c.Param("tolerance")?.Rat() ?? Rational.Zero;
            var want = stated.Items().Select(r => r.Rat()).ToList();
            ok &= want.Count == roots.Count && want.Zip(roots).All(p => p.First - tol <= p.Second.Lo && p.Second.Hi <= p.First + tol);
        }
        Outcome(f, ok);
        return "C's zeros on the interval";
    }

    private static void Zeros(J fact, Expr cond, (Rational Lo, Rational Hi) interval)
    {
        ClaimView.Same(fact["function"], cond, "C");
        if (fact["domain"].Interval() != interval) throw new RejectException($"{fact.Path}.domain: not the claim's interval [{interval.Lo}, {interval.Hi}]");
        if (!fact["complete"].Bool()) throw new RejectException($"{fact.Path}.complete: the claim needs the complete list of zeros");
    }

    private static void Outcome(J fact, bool holds)
    {
        var want = holds ? Outcomes.Proves : Outcomes.Refutes;
        if (fact["outcome"].Str() != want) throw new RejectException($"{fact.Path}.outcome: the root list gives '{want}' for the claim, the certificate states '{fact["outcome"].Str()}'");
    }
}
