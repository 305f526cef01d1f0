using System.Numerics;
using ProofWorkbench.Symbolic.Expressions;
using ProofWorkbench.Symbolic.Numbers;

namespace ProofWorkbench.Verifier.Facts;

/// <summary>
/// A real algebraic number as Z3 writes it in a model, <c>(root-obj P K)</c>: the K-th smallest real root (K from 1)
/// of the integer polynomial P in x. The verifier does not trust Z3's claim that this names a number: it reads P itself,
/// counts P's real roots with a Sturm sequence in exact rationals and bisects to an isolating interval
/// (<see cref="Lo"/>, <see cref="Hi"/>) of width at most 2⁻¹⁰⁰ that contains exactly that root. The root is then pinned
/// by P(v) = 0 and Lo &lt; v &lt; Hi, which is how <see cref="SmtCheckRecheck"/> re-checks a witness at it.
/// (Sturm's theorem: for a square-free P the number of real roots in (a, b] is V(a) − V(b), V the sign variations of
/// the sequence P, P′, −rem(P, P′), …; e.g. Basu, Pollack &amp; Roy, Algorithms in Real Algebraic Geometry, Thm. 2.50.)
/// </summary>
internal sealed class AlgebraicNumber
{
    private const int WidthBits = 100;
    private const int MaxDegree = 64;
    private readonly Rational[] coefficients; // ascending powers of x, square-free

    private AlgebraicNumber(Rational[] coefficients, int index, Rational lo, Rational hi, string text)
    {
        this.coefficients = coefficients; Index = index; Lo = lo; Hi = hi; Text = text;
    }

    /// <summary>The index K (1 = the smallest real root).</summary>
    public int Index { get; }
    /// <summary>Lower end of the isolating interval (exclusive).</summary>
    public Rational Lo { get; }
    /// <summary>Upper end of the isolating interval (exclusive).</summary>
    public Rational Hi { get; }
    /// <summary>The text as read.</summary>
    public string Text { get; }

    /// <summary>P(v) with P made square-free, as an expression in the variable <paramref name="v"/>.</summary>
    public Expr Polynomial(string v) =>
        Expr.Add(coefficients.Select((c, i) => Expr.Mul(Expr.Num(c), Expr.Pow(Expr.Sym(v), Expr.Num(i)))));

    /// <summary>Reads <c>(root-obj P K)</c>; null with the reason when the text is not one or names no root.</summary>
    public static AlgebraicNumber? TryParse(string text, out string? problem)
    {
        problem = null;
        try
        {
            var t = Term.Read(text);
            if (t.Items is not [{ Atom: "root-obj" }, var p, { Atom: { } k }] || !int.TryParse(k, out var index) || index < 1)
            { problem = "not of the form (root-obj P K) with K ≥ 1"; return null; }
            var poly = Trim(Eval(p));
            if (poly.Length < 2) { problem = "the polynomial is constant"; return null; }
            var sf = Trim(Quotient(poly, Gcd(poly, Derivative(poly))));
            var sturm = Sturm(sf);
            var bound = CauchyBound(sf);
            int total = Variations(sturm, -bound) - Variations(sturm, bound);
            if (index > total) { problem = $"the polynomial has {total} real root(s), not {index}"; return null; }
            // Invariant: exactly index − 1 roots are ≤ lo, at least index roots are ≤ hi, and P(lo), P(hi) ≠ 0.
            Rational lo = -bound, hi = bound;
            int below = Variations(sturm, lo);
            for (int guard = 0; guard < 4 * WidthBits + 64; guard++)
            {
                if (below - Variations(sturm, hi) == index && hi - lo < new Rational(BigInteger.One, BigInteger.Pow(2, WidthBits)))
                    return new AlgebraicNumber(sf, index, lo, hi, text);
                var mid = NonRoot(sf, lo, hi);
                if (below - Variations(sturm, mid) >= index) hi = mid; else lo = mid;
            }
            problem = "the root could not be isolated";
            return null;
        }
        catch (FormatException ex) { problem = ex.Message; return null; }
    }

    // A point strictly inside (lo, hi) that is not a root of p (p has finitely many roots, so one of these is not).
    private static Rational NonRoot(Rational[] p, Rational lo, Rational hi)
    {
        for (int k = 0; k < p.Length + 1; k++)
        {
            var m = lo + (hi - lo) * new Rational(512 + (k % 2 == 0 ? k / 2 : -(k + 1) / 2), 1024);
            if (!Eval(p, m).IsZero) return m;
        }
        throw new FormatException("no non-root point found");
    }

    private static Rational CauchyBound(Rational[] p)
    {
        var lead = p[^1].Abs();
        var max = Rational.Zero;
        for (int i = 0; i < p.Length - 1; i++) { var q = p[i].Abs() / lead; if (q > max) max = q; }
        return max + 1;
    }

    private static List<Rational[]> Sturm(Rational[] p)
    {
        var seq = new List<Rational[]> { p, Trim(Derivative(p)) };
        while (seq[^1].Length > 0 && !(seq[^1].Length == 1))
        {
            var r = Trim(Remainder(seq[^2], seq[^1]));
            if (r.Length == 0) break;
            seq.Add(r.Select(c => -c).ToArray());
        }
        return seq;
    }

    private static int Variations(List<Rational[]> seq, Rational at)
    {
        int count = 0, last = 0;
        foreach (var q in seq)
        {
            int s = Eval(q, at).Sign;
            if (s == 0) continue;
            if (last != 0 && s != last) count++;
            last = s;
        }
        return count;
    }

    private static Rational Eval(Rational[] p, Rational x)
    {
        var acc = Rational.Zero;
        for (int i = p.Length - 1; i >= 0; i--) acc = acc * x + p[i];
        return acc;
    }

    private static Rational[] Trim(Rational[] p)
    {
        int n = p.Length;
        while (n > 0 && p[n - 1].IsZero) n--;
        return p[..n];
    }

    private static Rational[] Derivative(Rational[] p) => p.Skip(1).Select((c, i) => c * (i + 1)).ToArray();

    private static (Rational[] Q, Rational[] R) Divide(Rational[] a, Rational[] b)
    {
        var r = Trim(a).ToArray();
        b = Trim(b);
        if (b.Length == 0) throw new FormatException("division by the zero polynomial");
        var q = new Rational[Math.Max(1, r.Length - b.Length + 1)];
        Array.Fill(q, Rational.Zero);
        while (r.Length >= b.Length && r.Length > 0)
        {
            int shift = r.Length - b.Length;
            var f = r[^1] / b[^1];
            q[shift] = f;
            for (int i = 0; i < b.Length; i++) r[i + shift] -= f * b[i];
            r = Trim(r);
        }
        return (q, r);
    }

    private static Rational[] Quotient(Rational[] a, Rational[] b) => Divide(a, b).Q;
    private static Rational[] Remainder(Rational[] a, Rational[] b) => Divide(a, b).R;

    private static Rational[] Gcd(Rational[] a, Rational[] b)
    {
        a = Trim(a); b = Trim(b);
        while (b.Length > 0) (a, b) = (b, Trim(Remainder(a, b)));
        return a.Length == 0 ? [Rational.One] : a;
    }

    // ---- the polynomial term: numerals, x, and (+ …), (- …), (* …), (^ t n) ----

    private static Rational[] Eval(Term t)
    {
        if (t.Atom is { } a)
        {
            if (a == "x") return [Rational.Zero, Rational.One];
            return Rational.TryParse(a, out var r) ? [r] : throw new FormatException($"'{a}' is not a numeral or x");
        }
        if (t.Items is not [{ Atom: { } op }, .. var args] || args.Length == 0) throw new FormatException("an empty term");
        var vals = args.Select(a => Eval(a)).ToList();
        return op switch
        {
            "+" => vals.Aggregate(Add),
            "-" when vals.Count == 1 => vals[0].Select(c => -c).ToArray(),
            "-" => vals.Skip(1).Aggregate(vals[0], (s, v) => Add(s, v.Select(c => -c).ToArray())),
            "*" => vals.Aggregate(Mul),
            "/" when vals.Count == 2 && Trim(vals[1]) is [var d] && !d.IsZero => vals[0].Select(c => c / d).ToArray(),
            "^" when vals.Count == 2 && Trim(vals[1]) is [var n] && n.IsInteger && n >= 0 && n <= 64 =>
                Enumerable.Repeat(vals[0], (int)n.Numerator).Aggregate(new[] { Rational.One }, Mul),
            _ => throw new FormatException($"'{op}' is not a polynomial operation"),
        };
    }

    private static Rational[] Add(Rational[] a, Rational[] b) =>
        Enumerable.Range(0, Math.Max(a.Length, b.Length))
            .Select(i => (i < a.Length ? a[i] : Rational.Zero) + (i < b.Length ? b[i] : Rational.Zero)).ToArray();

    private static Rational[] Mul(Rational[] a, Rational[] b)
    {
        if (a.Length == 0 || b.Length == 0) return [];
        if (a.Length + b.Length - 1 > MaxDegree + 1) throw new FormatException($"the polynomial's degree exceeds {MaxDegree}");
        var r = new Rational[a.Length + b.Length - 1];
        Array.Fill(r, Rational.Zero);
        for (int i = 0; i < a.Length; i++) for (int j = 0; j < b.Length; j++) r[i + j] += a[i] * b[j];
        return r;
    }

    /// <summary>A minimal S-expression: an atom or a list (the verifier reads Z3's model text itself).</summary>
    private sealed record Term(string? Atom, Term[] Items)
    {
        public static Term Read(string text)
        {
            int pos = 0;
            var t = ReadAt(text, ref pos, 0);
            SkipSpace(text, ref pos);
            return pos == text.Length ? t : throw new FormatException($"unexpected text after the term at {pos}");
        }

        private static Term ReadAt(string s, ref int pos, int depth)
        {
            if (depth > 100) throw new FormatException("the term is nested too deeply");
            SkipSpace(s, ref pos);
            if (pos >= s.Length) throw new FormatException("the term ends early");
            if (s[pos] == ')') throw new FormatException($"unexpected ')' at {pos}");
            if (s[pos] == '(')
            {
                pos++;
                var items = new List<Term>();
                while (true)
                {
                    SkipSpace(s, ref pos);
                    if (pos >= s.Length) throw new FormatException("a '(' is not closed");
                    if (s[pos] == ')') { pos++; return new Term(null, items.ToArray()); }
                    if (items.Count > 10_000) throw new FormatException("the term is too long");
                    items.Add(ReadAt(s, ref pos, depth + 1));
                }
            }
            int start = pos;
            while (pos < s.Length && !char.IsWhiteSpace(s[pos]) && s[pos] != '(' && s[pos] != ')') pos++;
            return new Term(s[start..pos], []);
        }

        private static void SkipSpace(string s, ref int pos) { while (pos < s.Length && char.IsWhiteSpace(s[pos])) pos++; }
    }
}
