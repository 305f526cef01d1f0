namespace ProofWorkbench;

/// <summary>
/// Bad input from a user — an expression that does not parse, an activation the theory cannot use,
/// a malformed theorem file. The message is one sentence naming the input, the position and what to do;
/// the command line prints it without a stack trace and exits with code 2.
/// </summary>
public sealed class InputException(string message) : Exception(message);
