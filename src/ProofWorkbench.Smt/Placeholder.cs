namespace ProofWorkbench.Smt;
/// <summary>Placeholder until the issue for this layer lands.</summary>
public static class Placeholder { }
