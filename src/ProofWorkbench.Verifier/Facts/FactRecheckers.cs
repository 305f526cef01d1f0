namespace ProofWorkbench.Verifier.Facts;

/// <summary>A re-checker of one fact kind: re-derives the fact with the verifier's own means and returns the outcome it
/// computes, or throws <see cref="RejectException"/> when a field of the fact is false.</summary>
internal interface IFactRechecker
{
    /// <summary>The fact kind ("exact-identity", …).</summary>
    string Kind { get; }

    /// <summary>Re-checks the fact <paramref name="fact"/>.</summary>
    FactCheck Recheck(J fact);
}

/// <summary>The table of fact re-checkers: one entry per fact kind (a new kind is one file and one line here).</summary>
internal static class FactRecheckers
{
    private static readonly IReadOnlyDictionary<string, IFactRechecker> Table = new IFactRechecker[]
    {
        new ExactIdentityRecheck(), new ExactValueRecheck(), new SmtCheckRecheck(), new LinearAlgebraRecheck(),
        new IntervalEnclosureRecheck(), new CertifiedRootRecheck(), new IsolatedZerosRecheck(),
        new NumericRecheck("numeric-estimate"), new NumericRecheck("flow-run"),
    }.ToDictionary(r => r.Kind);

    /// <summary>Re-checks one fact; a kind without a re-checker is reported as not re-checked (unsupported).</summary>
    public static FactCheck Recheck(J fact)
    {
        var kind = fact["kind"].Str();
        var stated = fact["outcome"].Str();
        if (!Outcomes.All.Contains(stated)) throw new CertificateFormatException(fact["outcome"].Path, $"unknown outcome '{stated}'");
        if (!Table.TryGetValue(kind, out var r))
            return new FactCheck(fact.Path, kind, stated, false, $"no re-checker for the fact kind '{kind}'");
        var check = r.Recheck(fact);
        if (check.Rechecked && check.Outcome != stated)
            throw new RejectException($"{fact.Path} ({kind}): the re-check gives the outcome '{check.Outcome}', the certificate states '{stated}' ({check.Note})");
        return check;
    }
}

/// <summary>Fact outcomes and the verdict rule (the verifier's own copy of VerdictRule.Decide).</summary>
internal static class Outcomes
{
    public const string Proves = "proves", Confirms = "confirms", Refutes = "refutes", Undecided = "undecided", Informs = "informs";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { Proves, Confirms, Refutes, Undecided, Informs };

    /// <summary>Any refutes → refuted; else any undecided → inconclusive; else any confirms → confirmed; else proved.
    /// No deciding outcome at all → inconclusive (a verdict never rests on nothing).</summary>
    public static string Verdict(IEnumerable<string> outcomes)
    {
        var list = outcomes.Where(o => o != Informs).ToList();
        if (list.Count == 0) return "inconclusive";
        if (list.Contains(Refutes)) return "refuted";
        if (list.Contains(Undecided)) return "inconclusive";
        if (list.Contains(Confirms)) return "confirmed";
        return "proved";
    }
}
