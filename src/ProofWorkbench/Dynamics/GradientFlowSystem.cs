using ProofWorkbench.Models;
using ProofWorkbench.Numerics.Ode;
using ProofWorkbench.Symbolic.Calculus;
using ProofWorkbench.Symbolic.Compilation;
using ProofWorkbench.Symbolic.Expressions;

namespace ProofWorkbench.Dynamics;

/// <summary>
/// The gradient flow θ̇ = −∇L_S(θ) of the one-hidden-neuron model on a dataset S (paper 000, Definitions
/// 3.2–3.3; eq. (17) for one sample), built symbolically and prepared for the three solver families:
/// the field and the loss compiled to doubles, the exact Jacobian ∂θ̇/∂θ compiled for Radau5, and the
/// field as a <see cref="JetProgram"/> for the Taylor method. θ = (w, a), w first (ARCHITECTURE.md).
/// Immutable; every <see cref="ToOdeProblem"/> gets its own scratch buffers.
/// </summary>
public sealed class GradientFlowSystem
{
    private readonly Action<double[], double[]> field;
    private readonly Action<double[], double[]> jacobian;
    private readonly Func<double[], double> loss;
    private readonly Expr[,] jacobianExprs;

    private GradientFlowSystem(OneNeuronModel model, IReadOnlyList<Sample> data, Expr lossExpr, IReadOnlyList<Expr> fieldExprs,
        Expr[,] jacobianExprs)
    {
        Model = model;
        Data = data;
        Loss = lossExpr;
        Field = fieldExprs;
        this.jacobianExprs = jacobianExprs;
        var names = model.ParameterNames;
        int n = names.Count;
        field = Compiler.CompileVector(fieldExprs, names);
        var flat = new Expr[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) flat[i * n + j] = jacobianExprs[i, j];
        jacobian = Compiler.CompileVector(flat, names);
        loss = Compiler.Compile(lossExpr, names);
        Taylor = JetProgram.Compile(fieldExprs, names);
    }

    /// <summary>The model.</summary>
    public OneNeuronModel Model { get; }
    /// <summary>The dataset S.</summary>
    public IReadOnlyList<Sample> Data { get; }
    /// <summary>θ's names: the weights, then a.</summary>
    public IReadOnlyList<string> Parameters => Model.ParameterNames;
    /// <summary>M = d + 1, the number of parameters.</summary>
    public int Dimension => Model.ParameterNames.Count;
    /// <summary>L_S(θ) = Σᵢ (a σ(wᵀxᵢ) − yᵢ)² (no ½).</summary>
    public Expr Loss { get; }
    /// <summary>θ̇ = −∇L_S(θ), one component per parameter.</summary>
    public IReadOnlyList<Expr> Field { get; }
    /// <summary>The field in Taylor arithmetic (for the Taylor method).</summary>
    public JetProgram Taylor { get; }

    /// <summary>∂θ̇_i/∂θ_j = −∂²L/∂θ_i∂θ_j.</summary>
    public Expr JacobianEntry(int i, int j) => jacobianExprs[i, j];

    /// <summary>
    /// Builds the flow of <paramref name="model"/> on <paramref name="data"/>. Throws <see cref="InputException"/>
    /// for an empty dataset, an input of the wrong dimension, a sample with free symbols, or an abstract σ.
    /// </summary>
    public static GradientFlowSystem Create(OneNeuronModel model, IReadOnlyList<Sample> data)
    {
        if (data.Count == 0) throw new InputException("The dataset is empty; give at least one sample (x, y).");
        if (model.Activation.IsAbstract)
            throw new InputException($"The activation '{model.Activation.Text}' is abstract; the gradient flow needs a concrete σ such as 1/(1+exp(-u)).");
        for (int i = 0; i < data.Count; i++)
        {
            var s = data[i];
            if (s.X.Count != model.Dimension)
                throw new InputException($"Sample {i + 1} has an input with {s.X.Count} components but the model has d = {model.Dimension}; give every x with {model.Dimension} components.");
            if (s.X.Any(c => c.FreeSymbols().Count > 0) || s.Y.FreeSymbols().Count > 0)
                throw new InputException($"Sample {i + 1} has free symbols; the gradient flow needs numbers for x and y.");
        }
        var lossExpr = model.Loss(data);
        var fieldExprs = model.FlowField(data);
        var jac = Differentiator.Jacobian(fieldExprs, model.ParameterNames);
        return new GradientFlowSystem(model, data, lossExpr, fieldExprs, jac);
    }

    /// <summary>L_S(θ).</summary>
    public double LossAt(ReadOnlySpan<double> theta) => loss(theta.ToArray());

    /// <summary>θ̇ = −∇L_S(θ), written into <paramref name="thetaDot"/>.</summary>
    public void FieldAt(ReadOnlySpan<double> theta, Span<double> thetaDot)
    {
        var r = new double[Dimension];
        field(theta.ToArray(), r);
        r.CopyTo(thetaDot);
    }

    /// <summary>∂θ̇/∂θ = −∇²L_S(θ), the exact Jacobian of the field.</summary>
    public double[,] JacobianAt(ReadOnlySpan<double> theta)
    {
        int n = Dimension;
        var flat = new double[n * n];
        jacobian(theta.ToArray(), flat);
        var j = new double[n, n];
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++) j[r, c] = flat[r * n + c];
        return j;
    }

    /// <summary>
    /// The initial value problem θ̇ = −∇L_S(θ), θ(0) = <paramref name="theta0"/>, with the compiled field,
    /// its exact Jacobian and its Taylor version; <paramref name="tEnd"/> is the time budget (null: none).
    /// </summary>
    public OdeProblem ToOdeProblem(ReadOnlySpan<double> theta0, double? tEnd)
    {
        if (theta0.Length != Dimension)
            throw new ArgumentException($"θ0 has {theta0.Length} components; the model has {Dimension}.", nameof(theta0));
        int n = Dimension;
        var fieldIn = new double[n];
        var fieldOut = new double[n];
        var jacIn = new double[n];
        var jacOut = new double[n * n];
        var compiledField = field;
        var compiledJacobian = jacobian;
        void F(double t, ReadOnlySpan<double> y, Span<double> dydt)
        {
            y.CopyTo(fieldIn);
            compiledField(fieldIn, fieldOut);
            fieldOut.CopyTo(dydt);
        }
        void J(double t, ReadOnlySpan<double> y, double[,] jac)
        {
            y.CopyTo(jacIn);
            compiledJacobian(jacIn, jacOut);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) jac[i, j] = jacOut[i * n + j];
        }
        return new OdeProblem(F, 0.0, theta0, tEnd, J, Taylor.AsTaylorVectorField());
    }
}
