using MathNet.Numerics.LinearAlgebra;
using ProofWorkbench.Dynamics;
using ProofWorkbench.Evidence;
using ProofWorkbench.Models;
using ProofWorkbench.Papers.Zhang2023.Constructions;
using ProofWorkbench.Theorems.Checking;
using ProofWorkbench.Theorems.Files;

namespace ProofWorkbench.Theorems.Checkers;

/// <summary>
/// <c>two-layer-one-point</c>: the One-point Overlapping hypotheses (paper 000, Lemma 5.2) for a two-layer network
/// g = Σₖ aₖσ(wₖ·x) with m neurons (Corollary 6.2 and Theorem 6.2(b) for m &gt; 1). From one θ0 (<c>neurons</c>, or
/// <c>init</c> random|equal-time with <c>width</c>, <c>seed</c>; equal-time equalizes every neuron's travel time on every
/// input), the flows on the J datasets (xⱼ, −g(θ0, xⱼ)) (<c>inputs</c>: x₁ … x_J) are integrated by
/// <see cref="ModelFlowEngine"/>; the claim is: (1) every flow ends at (w₀ₖ, −a₀ₖ) for every k (within <c>tolerance</c>,
/// max norm); (2) the J limiting directions lim θ̇/|θ̇| are linearly independent (smallest singular value above its
/// perturbation bound); (3) with <c>slope-formula</c>, each limiting slope ȧₖ/(ẇₖ)ₗ equals, within <c>slope-tolerance</c>,
/// either the proof of Corollary 6.2 as printed (<c>printed</c>: −g(θ0, x)/(xₗ Σₖ a₀ₖσ′(w₀ₖ·x)), the same for every k)
/// or eq. (26) neuron by neuron (<c>per-neuron</c>: −σ(u₀ₖ)/(a₀ₖ xₗ σ′(u₀ₖ)), u₀ₖ = w₀ₖ·x). Each direction is ∇g(θ*; xⱼ)
/// normalized (for one sample θ̇ = −2r∇g exactly) with the sign the trajectory shows; its error estimate is the larger of
/// the trajectory's step change and its distance to that vector. Lemma 5.2 needs M = (d+1)m independent directions; the
/// report states how many the J datasets give.
/// </summary>
public sealed class TwoLayerOnePointChecker : IClaimChecker
{
    /// <inheritdoc/>
    public string Kind => "two-layer-one-point";
    /// <inheritdoc/>
    public IReadOnlyList<ClaimParameter> Parameters =>
        [
            ClaimParameter.Activation,
            ClaimParameter.Needs("inputs", "list of inputs", "x₁ … x_J, the inputs of the J datasets (xⱼ, −g(θ₀, xⱼ))"),
            ClaimParameter.Neurons,
            ClaimParameter.Init,
            ClaimParameter.Width,
            ClaimParameter.Seed,
            ClaimParameter.Tolerance,
            ClaimParameter.May("slope-formula", "printed or corrected", "compare each limiting slope with Corollary 6.2's formula as printed or as corrected"),
            ClaimParameter.May("slope-tolerance", "positive number", "the tolerance of the slope comparison"),
        ];

    /// <inheritdoc/>
    public ClaimResult Check(Claim claim, TheoremContext context)
    {
        var sigma = context.ActivationOf(claim);
        var inputsNode = claim.Node.Required("inputs");
        var inputs = inputsNode.Items().Select(i => i.Rationals().Select(r => r.ToDouble()).ToArray()).ToArray();
        if (inputs.Length == 0) throw inputsNode.Error("'inputs' is empty; give at least one input x.");
        int d = inputs[0].Length;
        if (inputs.Any(x => x.Length != d)) throw inputsNode.Error("Every input needs the same number of components.");
        if (inputs.Any(x => x.Any(c => c == 0))) throw inputsNode.Error("Corollary 6.2 needs every component of every input nonzero.");
        string? formula = claim.Node.Optional("slope-formula")?.Text();
        if (formula is not (null or "printed" or "per-neuron"))
            throw claim.Node.Required("slope-formula").Error($"slope-formula '{formula}' is not known; use printed or per-neuron.");
        double tol = context.ToleranceOf(claim);
        double slopeTol = claim.Node.Optional("slope-tolerance")?.Double() ?? 1e-6;
        VerdictRule.CheckTolerance(slopeTol);
        var (theta0, width) = TwoLayerStart.Read(claim, sigma, inputs);
        var model = new TwoLayerModel(sigma, d, width);
        int parameters = model.ParameterCount;
        var stated = Corollary62Construction.StatedLimit(theta0, d);
        var s0 = new ScalarActivation(sigma);

        var facts = new List<Fact>();
        var values = new List<NamedValue> { new("network", $"m = {width} neurons, d = {d}, M = {parameters} parameters; J = {inputs.Length} datasets (xⱼ, −g(θ₀, xⱼ))") };
        var directions = new List<double[]>();
        var directionErrors = new List<double>();
        for (int j = 0; j < inputs.Length; j++)
        {
            var x = inputs[j];
            var sample = new NumericSample(0, x, Corollary62Construction.ReflectedLabel(model, theta0, x));
            var r = ModelFlowEngine.Run(model, [sample], theta0);
            string name = $"x{j + 1} = {Format.Vector(x)}";
            if (!r.Converged || r.Direction is null)
                return new ClaimResult(claim, Verdict.Inconclusive, $"The flow on {name} did not reach a limit in M_S with a limiting direction: {r.Message}",
                    [new EvidenceSection(EvidenceLayer.Numeric, "two-layer flows") { Values = values }]);
            double distance = r.Theta.Zip(stated, (p, q) => Math.Abs(p - q)).Max();
            facts.Add(NumericEstimate.Judged($"{name}: max over k of |θ*ₖ − (w₀ₖ, −a₀ₖ)| (max norm)", distance, r.LimitErrorEstimate, tol,
                "gradient flow (DOP853) with a reference-run error bound", [new("rhs_evaluations", r.RhsEvaluations), new("reference_rhs_evaluations", r.ReferenceRhsEvaluations)]));

            // lim θ̇/|θ̇| = ±∇g(θ*; x)/|∇g|: the sign and the check from the trajectory.
            var gradient = new double[parameters];
            model.AddOutputGradient(r.Theta.ToArray(), sample, 1, gradient);
            double norm = Math.Sqrt(gradient.Sum(v => v * v));
            var seen = r.Direction.Unit;
            double dot = gradient.Zip(seen, (p, q) => p * q).Sum();
            var unit = gradient.Select(v => Math.Sign(dot) * v / norm).ToArray();
            double toTrajectory = Math.Sqrt(unit.Zip(seen, (p, q) => (p - q) * (p - q)).Sum());
            double error = Math.Max(r.Direction.ErrorEstimate, toTrajectory);
            directions.Add(unit);
            directionErrors.Add(error);
            values.Add(new($"{name}", $"{r.Outcome.ToString().ToLowerInvariant()} at t = {Format.Value(r.Time)}, loss {Format.Bound(r.Loss)}, " +
                $"max |θ* − (w₀, −a₀)| = {Format.Error(distance)} (error bound {Format.Error(r.LimitErrorEstimate)}), direction error {Format.Error(error)} " +
                $"(trajectory vs ∇g(θ*): {Format.Error(toTrajectory)}); {r.Steps} steps, {r.RhsEvaluations} + {r.ReferenceRhsEvaluations} RHS evaluations"));

            if (formula is not null)
            {
                double worst = 0, worstError = 0;
                double printedDenominator = 0;
                for (int k = 0; k < width; k++) printedDenominator += theta0[model.Offset(k) + d] * s0.At(Dot(theta0, model.Offset(k), x)).Derivative;
                double g0 = -sample.Y;
                for (int k = 0; k < width; k++)
                {
                    int o = model.Offset(k);
                    double u0 = Dot(theta0, o, x), a0 = theta0[o + d];
                    for (int l = 0; l < d; l++)
                    {
                        double slope = unit[o + d] / unit[o + l];
                        double slopeError = (error + Math.Abs(slope) * error) / Math.Max(Math.Abs(unit[o + l]) - error, double.Epsilon);
                        double expected = formula == "printed"
                            ? -g0 / (x[l] * printedDenominator)
                            : -s0.At(u0).Value / (a0 * x[l] * s0.At(u0).Derivative);
                        double diff = Math.Abs(slope - expected);
                        // |max aᵢ − max bᵢ| ≤ max |aᵢ − bᵢ|: the largest error bounds the error of the largest difference.
                        worst = Math.Max(worst, diff);
                        worstError = Math.Max(worstError, slopeError);
                    }
                }
                var slopeFact = NumericEstimate.Judged($"{name}: max over k, l of |ȧₖ/(ẇₖ)ₗ − {(formula == "printed" ? "the printed slope" : "eq. (26) per neuron")}|",
                    worst, worstError, slopeTol, "limiting direction: ratio of its components, error propagated from the direction's");
                facts.Add(slopeFact);
                values.Add(new($"{name}: largest slope difference", $"{Format.Error(worst)} (error {Format.Error(worstError)})"));
            }
        }

        // Independence: the smallest singular value of the J×M matrix of unit directions, against ‖E‖₂ ≤ ‖E‖_F (Weyl).
        var matrix = Matrix<double>.Build.DenseOfRowArrays(directions);
        var gram = matrix * matrix.Transpose();
        double smallest = Math.Sqrt(Math.Max(0, gram.Evd(Symmetricity.Symmetric).EigenValues.Min(e => e.Real)));
        double perturbation = Math.Sqrt(directionErrors.Sum(e => e * e)) + 1e-14 * directions.Count;
        var rank = VerdictRule.JudgeNonzero(Magnitude.Estimated(smallest, perturbation));
        facts.Add(new NumericEstimate($"smallest singular value of the {directions.Count} limiting directions", smallest, perturbation, null,
            "singular values of unit directions (Gram matrix), Weyl's perturbation bound", [], rank.Outcome));
        values.Add(new("smallest singular value of the directions", $"{Format.Error(smallest)} (perturbation bound {Format.Error(perturbation)})"));
        values.Add(new("Lemma 5.2", $"needs M = {parameters} independent directions at one limit; these {directions.Count} datasets give {directions.Count}"));

        var section = new EvidenceSection(EvidenceLayer.Numeric, "two-layer flows from one θ₀ on several datasets (paper 000, Corollary 6.2, Lemma 5.2)") { Values = values };
        var verdict = VerdictRule.Decide(facts);
        var failing = facts.OfType<NumericEstimate>().Where(f => f.Outcome == FactOutcome.Refutes).Select(f => $"{f.Label} = {Format.Error(f.Value)}").ToList();
        var open = facts.OfType<NumericEstimate>().Where(f => f.Outcome == FactOutcome.Undecided).Select(f => f.Label).ToList();
        string explanation = verdict switch
        {
            Verdict.Refuted => "Refuted: " + string.Join("; ", failing) + ".",
            Verdict.Inconclusive => "Not decided: " + string.Join("; ", open) + " (within the error of the tolerance or of 0).",
            _ => $"All {inputs.Length} flows from θ₀ end at (w₀ₖ, −a₀ₖ) for every k within {Format.Error(tol)}, their limiting directions are " +
                 $"linearly independent (smallest singular value {Format.Error(smallest)} ≫ {Format.Error(perturbation)})" +
                 (formula is null ? "." : $", and every limiting slope matches {(formula == "printed" ? "the printed formula" : "eq. (26) neuron by neuron")} within {Format.Error(slopeTol)}."),
        };
        return ClaimResult.FromFacts(claim, facts, explanation, [section]);
    }

    private static double Dot(double[] theta, int offset, double[] x)
    {
        double s = 0;
        for (int l = 0; l < x.Length; l++) s += theta[offset + l] * x[l];
        return s;
    }
}
