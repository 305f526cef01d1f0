namespace ProofWorkbench;

/// <summary>
/// THE user-error type of the workbench: bad input from a user — an expression that does not parse or is beyond a
/// limit, an activation the theory cannot use, a malformed theorem file, an output path that cannot be written, a
/// missing libz3. The message is one sentence naming the input, the position and what to do. The command line
/// catches this type in one place (Program.cs), prints the message without a stack trace and exits with code 2;
/// any other exception that escapes a command is a bug. Subtypes only add structured positions
/// (<see cref="Symbolic.Parsing.ParseException"/>: a column; the theorem loader's file:line:column).
/// It lives in the lowest layer so that every layer reports bad input the same way.
/// </summary>
public class InputException(string message) : Exception(message);
