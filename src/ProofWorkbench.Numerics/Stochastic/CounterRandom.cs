namespace ProofWorkbench.Numerics.Stochastic;

/// <summary>
/// A counter-based random source: every number is a pure function of (seed, run, step, lane), computed with the
/// SplitMix64 finalizer (Steele, Lea &amp; Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014) applied
/// to a Weyl sequence over the counter, keyed by a mixed (seed, run) key. There is no state at all: runs can be
/// computed on any thread, in any order, on any machine, and give the same bits — the simulation's results do not
/// depend on the thread schedule.
/// </summary>
public readonly struct CounterRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private readonly ulong key;

    /// <summary>The stream of run <paramref name="run"/> under <paramref name="seed"/>.</summary>
    public CounterRandom(ulong seed, ulong run) => key = Mix(Mix(seed ^ 0x6A09E667F3BCC909UL) + (run + 1) * Golden);

    /// <summary>The SplitMix64 finalizer (a bijection of 64-bit words with full avalanche).</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>64 random bits for (step, lane); lanes 0 … 3 are independent words of one step.</summary>
    public ulong Bits(long step, int lane) => Mix(key + ((ulong)step * 4 + (ulong)lane + 1) * Golden);

    /// <summary>A uniform number in (0, 1) (53 bits, never 0 or 1).</summary>
    public double Uniform(long step, int lane) => ((Bits(step, lane) >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>A uniform index in {0, …, n − 1} (exact integer arithmetic, Lemire's multiply-shift).</summary>
    public int Index(long step, int lane, int n) => (int)(((Bits(step, lane) >> 32) * (ulong)n) >> 32);

    /// <summary>±1 with probability ½ each (one bit; exact).</summary>
    public double Sign(long step, int lane) => (Bits(step, lane) >> 63) == 0 ? 1.0 : -1.0;

    /// <summary>A standard normal number (Box–Muller on the uniforms of lanes <paramref name="lane"/> and lane + 1).</summary>
    public double Gaussian(long step, int lane) =>
        Math.Sqrt(-2 * Math.Log(Uniform(step, lane))) * Math.Cos(2 * Math.PI * Uniform(step, lane + 1));
}
