namespace ProofWorkbench.Numerics.Ode;

/// <summary>Piecewise dense output: one segment per accepted step, coefficients in one growing buffer.</summary>
internal sealed class DenseOutputStore
{
    private readonly List<double> starts = [], ends = [];
    private readonly List<int> offsets = [];
    private readonly List<IDenseInterpolator> interpolators = [];
    private double[] data = new double[1024];
    private int used;

    public int Count => starts.Count;

    public void Add(OdeStepper stepper)
    {
        int m = stepper.DenseCoefficientCount;
        if (used + m > data.Length) Array.Resize(ref data, Math.Max(2 * data.Length, used + m));
        stepper.CopyDenseCoefficients(data.AsSpan(used, m));
        starts.Add(stepper.TPrevious);
        ends.Add(stepper.T);
        offsets.Add(used);
        interpolators.Add(stepper.DenseInterpolator);
        used += m;
    }

    /// <summary>Evaluates at t (the segment containing t; the outermost one outside the range).</summary>
    public void Evaluate(double t, Span<double> y)
    {
        int count = starts.Count;
        bool forward = ends[count - 1] >= starts[0];
        int lo = 0, hi = count - 1;
        // First segment whose end is at or beyond t (in the direction of integration).
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            bool beyond = forward ? ends[mid] >= t : ends[mid] <= t;
            if (beyond) hi = mid; else lo = mid + 1;
        }
        int end = lo + 1 < count ? offsets[lo + 1] : used;
        interpolators[lo].Evaluate(t, starts[lo], ends[lo], data.AsSpan(offsets[lo], end - offsets[lo]), y);
    }
}
