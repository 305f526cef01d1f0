using System.Numerics;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Verifier;

/// <summary>
/// A closed expression (no free symbols) enclosed by exact rational intervals whose ends are rounded outward to 160
/// significant bits after every operation: sums, products, integer powers and exp (Taylor series of exp(r/2^m) with its
/// Lagrange remainder bound, then m squarings). Used where outward-rounded doubles are too coarse to decide a sign, e.g.
/// a level-set function at a certified root's bracket end, whose terms cancel to about 1e-12 (paper 000, Figure 1).
/// Null when the expression has another node.
/// </summary>
internal static class Precise
{
    private const int Bits = 160, Terms = 40;

    /// <summary>−1 or +1 when the enclosure of <paramref name="e"/> lies strictly on one side of 0; else 0. Symbols take the
    /// (double) intervals of <paramref name="box"/>.</summary>
    public static int Sign(Expr e, IReadOnlyDictionary<string, Symbolic.Intervals.Interval>? box = null) =>
        Eval(e, box ?? new Dictionary<string, Symbolic.Intervals.Interval>()) is { } r ? (r.Lo.Sign > 0 ? 1 : r.Hi.Sign < 0 ? -1 : 0) : 0;

    private static (Rational Lo, Rational Hi)? Eval(Expr e, IReadOnlyDictionary<string, Symbolic.Intervals.Interval> box)
    {
        (Rational Lo, Rational Hi)? Eval(Expr e) => Precise.Eval(e, box);
        switch (e)
        {
            case Number n: return (n.Value, n.Value);
            case Symbol v when box.TryGetValue(v.Name, out var i) && double.IsFinite(i.Lo) && double.IsFinite(i.Hi): return (Rational.FromDouble(i.Lo), Rational.FromDouble(i.Hi));
            case Sum s: return Fold(box, s.Terms, (a, b) => (a.Lo + b.Lo, a.Hi + b.Hi));
            case Product p: return Fold(box, p.Factors, Mul);
            case Power { Exponent: Number { Value: { IsInteger: true } k } } pw when BigInteger.Abs(k.Numerator) < 1000 && Eval(pw.Base) is { } b:
            {
                int m = (int)k.Numerator;
                if (m < 0) { if (b.Lo.Sign <= 0 && b.Hi.Sign >= 0) return null; (b, m) = (Round((Rational.One / b.Hi, Rational.One / b.Lo)), -m); }
                var (l, h) = (b.Lo.Pow(m), b.Hi.Pow(m));
                if (m % 2 == 1 || b.Lo.Sign >= 0) return Round((l, h));
                if (b.Hi.Sign <= 0) return Round((h, l));
                return Round((Rational.Zero, l > h ? l : h));
            }
            case FunctionCall { Function.Name: "exp" } f when Eval(f.Argument) is { } x: return (Exp(x.Lo).Lo, Exp(x.Hi).Hi);
            case FunctionCall { Function.Name: "log" } f when Eval(f.Argument) is { } x && x.Lo.Sign > 0: return (Log(x.Lo).Lo, Log(x.Hi).Hi);
            default: return null;
        }
    }

    private static (Rational Lo, Rational Hi)? Fold(IReadOnlyDictionary<string, Symbolic.Intervals.Interval> box, IEnumerable<Expr> items, Func<(Rational Lo, Rational Hi), (Rational Lo, Rational Hi), (Rational, Rational)> op)
    {
        (Rational Lo, Rational Hi)? acc = null;
        foreach (var item in items)
        {
            if (Eval(item, box) is not { } v) return null;
            acc = acc is { } a ? Round(op(a, v)) : v;
        }
        return acc;
    }

    private static (Rational, Rational) Mul((Rational Lo, Rational Hi) a, (Rational Lo, Rational Hi) b)
    {
        var p = new[] { a.Lo * b.Lo, a.Lo * b.Hi, a.Hi * b.Lo, a.Hi * b.Hi };
        return (p.Min(), p.Max());
    }

    // exp(r): x = r/2^m with |x| ≤ 1/16, Σ_{k<N} x^k/k! ± 2|x|^N/N! (Lagrange, e^ξ ≤ 2) ± N·2^−Bits (the rounded terms),
    // then squared m times (increasing on positive intervals).
    private static (Rational Lo, Rational Hi) Exp(Rational r)
    {
        int m = 0;
        var x = r;
        while (x.Abs() > new Rational(1, 16)) { x /= 2; m++; }
        Rational sum = Rational.Zero, term = Rational.One;
        for (int k = 1; k <= Terms; k++) { sum += term; term = Round((term * x / k, term * x / k)).Item1; }
        var bound = Rational.One;
        for (int k = 1; k <= Terms; k++) bound = bound * x.Abs() / k;
        var rem = 2 * bound + new Rational(Terms, BigInteger.One << Bits);
        var (lo, hi) = Round((sum - rem, sum + rem));
        for (int i = 0; i < m; i++) (lo, hi) = Round((lo * lo, hi * hi));
        return (lo, hi);
    }

    // log(r), r > 0: r = 2^k·t with t ∈ [1/2, 2), log t = 2·atanh(z), z = (t − 1)/(t + 1), |z| ≤ 1/3, and log 2 = 2·atanh(1/3).
    private static (Rational Lo, Rational Hi) Log(Rational r)
    {
        int k = (int)((long)r.Numerator.GetBitLength() - (long)r.Denominator.GetBitLength());
        var t = k >= 0 ? r / new Rational(BigInteger.One << k) : r * new Rational(BigInteger.One << -k);
        var (a, l2) = (Atanh2((t - 1) / (t + 1)), Atanh2(new Rational(1, 3)));
        var (kl, kh) = k >= 0 ? (l2.Lo * k, l2.Hi * k) : (l2.Hi * k, l2.Lo * k);
        return Round((a.Lo + kl, a.Hi + kh));
    }

    // 2·atanh(z) = 2·Σ_{j<N} z^{2j+1}/(2j+1) ± 2·(9/8)|z|^{2N+1}/(2N+1) for |z| ≤ 1/3, ± N·2^−Bits for the rounded powers.
    private static (Rational Lo, Rational Hi) Atanh2(Rational z)
    {
        const int N = 60;
        Rational sum = Rational.Zero, pow = z;
        for (int j = 0; j < N; j++) { sum += pow / (2 * j + 1); pow = Dyadic(pow * z * z, false); }
        var rem = new Rational(9, 4) * pow.Abs() / (2 * N + 1) + new Rational(N, BigInteger.One << Bits); // 9/4: the rounded power, doubled
        return Round((2 * (sum - rem), 2 * (sum + rem)));
    }

    // Rounds lo down and hi up to dyadic rationals of about Bits significant bits.
    private static (Rational Lo, Rational Hi) Round((Rational Lo, Rational Hi) v) => (Dyadic(v.Lo, false), Dyadic(v.Hi, true));

    private static Rational Dyadic(Rational r, bool up)
    {
        if (r.IsZero || r.Denominator.GetBitLength() <= Bits) return r;
        int shift = (int)Math.Max(0, Bits - ((long)BigInteger.Abs(r.Numerator).GetBitLength() - (long)r.Denominator.GetBitLength()));
        var q = BigInteger.DivRem(r.Numerator << shift, r.Denominator, out var rem);
        if (!rem.IsZero && (rem.Sign < 0) == !up) q += up ? 1 : -1; // truncation went the wrong way
        return new Rational(q, BigInteger.One << shift);
    }
}
