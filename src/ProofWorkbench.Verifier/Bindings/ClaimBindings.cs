using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Parsing;
using static ProofWorkbench.Symbolic.Expressions.Expr;

namespace ProofWorkbench.Verifier.Bindings;

/// <summary>What a binding sees of a certificate: the claim's parameters, the exact setup, the facts the verdict rests on.</summary>
internal sealed record ClaimView(J Claim, J Parameters, J Setup, IReadOnlyList<J> Facts)
{
    /// <summary>The certificate's <c>witness</c> (e.g. datasets the checker constructed), or null.</summary>
    public J? Witness { get; init; }

    /// <summary>A parameter, or null.</summary>
    public J? Param(string key) => Parameters.Has(key) ? Parameters[key] : null;

    /// <summary>The activation of the claim (its own parameter, else the setup's) and its one variable.</summary>
    public (Expr Sigma, string Variable) Activation()
    {
        var j = Param("activation") ?? (Setup.Has("activation") ? Setup["activation"] : throw new RejectException("the claim has no activation (neither a parameter nor in the setup)"));
        var e = j.Expr();
        var free = e.FreeSymbols();
        return free.Count == 1 ? (e, free[0]) : throw new CertificateFormatException(j.Path, "an activation must depend on exactly one variable");
    }

    /// <summary>σ at <paramref name="arg"/>.</summary>
    public Expr SigmaAt(Expr arg) { var (s, v) = Activation(); return Substitution.Substitute(s, v, arg); }

    /// <summary>σ′ at <paramref name="arg"/> (differentiated by the verifier).</summary>
    public Expr SigmaPrimeAt(Expr arg) { var (s, v) = Activation(); return Substitution.Substitute(Differentiator.Derivative(s, v), v, arg); }

    /// <summary>Exactly <paramref name="n"/> facts, all of kind <paramref name="kind"/> (any kind when null).</summary>
    public IReadOnlyList<J> Expect(string? kind, int n)
    {
        if (Facts.Count != n) throw new RejectException($"$.facts: the claim needs {n} {kind ?? "deciding"} fact(s), the certificate has {Facts.Count} fact(s)");
        foreach (var f in Facts)
            if (kind is not null && f["kind"].Str() != kind) throw new RejectException($"{f.Path}: the claim needs a {kind} fact here, not {f["kind"].Str()}");
        return Facts;
    }

    /// <summary>Requires the fact's expression field to be (±) <paramref name="derived"/> by the zero test.</summary>
    public static void Same(J field, Expr derived, string what) => Same(field.Expr(), field.Path, derived, what);

    /// <summary>
    /// Requires <paramref name="e"/> (from the fact at <paramref name="path"/>) to be (±) <paramref name="derived"/> by the zero test.
    /// Only for obligations that negation leaves unchanged — D ≡ 0, D ≢ 0, D ≠ 0 at a point, a root of D — never for a
    /// fact with a required sign (a flipped expression would flip the sign): those compare exactly (see
    /// LagrangeSecondOrderBinding). Every use was checked against this on 2026-12-04.
    /// </summary>
    public static void Same(Expr e, string path, Expr derived, string what)
    {
        if (!Exact.IsZero(Sub(e, derived)) && !Exact.IsZero(Add(e, derived)))
            throw new RejectException($"{path}: the expression {e} is not the derived {what} ({derived})");
    }

    /// <summary>An expression parameter (required).</summary>
    public Expr Expr(string key) => Param(key)?.Expr() ?? throw new RejectException($"$.claim.parameters.{key}: missing");
}

/// <summary>A claim-kind binding: derives from the claim's parameters and the setup what must be shown, and checks that
/// the facts discharge exactly those obligations (throws <see cref="RejectException"/> naming the fact otherwise).</summary>
internal interface IClaimBinding
{
    /// <summary>The claim kind.</summary>
    string Kind { get; }

    /// <summary>Checks the binding; returns a short description of the obligations discharged.</summary>
    string Bind(ClaimView c);
}

/// <summary>The table of claim-kind bindings: one file per kind, one line here.</summary>
internal static class ClaimBindings
{
    private static readonly IReadOnlyDictionary<string, IClaimBinding> Table = new IClaimBinding[]
    {
        new EqualsBinding(), new SignBinding(), new ConservedBinding(), new Prop61Binding(), new KktBinding(), new RecipeOnePointBinding(),
        new DerivativeBinding("derivative-equals"), new DerivativeBinding("derivative-identity"),
        new DiagonalBinding(), new OuBinding(), new LagrangeBinding(), new LagrangeSecondOrderBinding(), new SgdExpansionBinding(),
        new PiecewiseBinding("smoothness"), new PiecewiseBinding("exact-membership"), new DirectionsBinding(),
        new VardiBinding("balancedness"), new VardiBinding("balanced-limit-extrapolation"), new VardiBinding("relu-piecewise-flow"),
        new ConvergesBinding(), new TwoPointOverlapBinding(), new OverlapExistsBinding(), new ConservedLimitBinding(), new ParabolaLimitBinding(),
        new RefutesGBinding(), new RecipePartABinding(), new ReluPerturbationBinding(),
    }.ToDictionary(b => b.Kind);

    /// <summary>The binding of a claim kind, or null when the verifier has none.</summary>
    public static IClaimBinding? Of(string kind) => Table.GetValueOrDefault(kind);

    /// <summary>The claim kinds with a binding.</summary>
    public static IEnumerable<string> Kinds => Table.Keys.Order(StringComparer.Ordinal);
}
