namespace ProofWorkbench;
/// <summary>Placeholder until the workbench issue lands.</summary>
public static class Placeholder { }
