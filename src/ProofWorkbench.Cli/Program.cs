using System.CommandLine;
using ProofWorkbench;
using ProofWorkbench.Cli.Commands;
using ProofWorkbench.Symbolic.Expressions;

// pwb — the ProofWorkbench command line. The contract (commands, options, exit codes) is fixed by
// ../shared/design/ARCHITECTURE.md: exit 0 on success, 1 when a verdict differs or a claim fails, 2 on input errors.
// Output independent of the machine's locale (issue 9 item 10): every number, message, report and figure is
// formatted with the invariant culture, on this thread and on any thread the commands start.
System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;
System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;

var root = new RootCommand("ProofWorkbench: symbolic, SMT and numeric checks of implicit-regularization theorems.");

// One line per command; each command file builds its own System.CommandLine definition.
root.Add(DeriveCommand.Create());
root.Add(CheckCommand.Create());
root.Add(FlowCommand.Create());
root.Add(BenchCommand.Create());
root.Add(SignCommandDefinition.Create());
root.Add(ConstructCommand.Create());
root.Add(RecipeCommand.Create());
root.Add(RefuteCommand.Create());


var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // An unknown command or option is named; otherwise System.CommandLine's first message.
    var unknown = parsed.UnmatchedTokens.FirstOrDefault();
    string what = unknown is null ? parsed.Errors[0].Message.TrimEnd('.')
        : unknown.StartsWith('-') ? $"'{unknown}' is not an option of 'pwb {parsed.CommandResult.Command.Name}'"
        : parsed.CommandResult.Command == root ? $"'{unknown}' is not a command; the commands are {string.Join(", ", root.Subcommands.Select(c => c.Name))}"
        : $"unexpected argument '{unknown}' for 'pwb {parsed.CommandResult.Command.Name}'";
    Console.Error.WriteLine($"pwb: {what}. Run 'pwb --help' for the commands and options.");
    return 2;
}
// THE one place where bad input is reported: every layer throws InputException (one sentence, exit 2).
// Any other exception that escapes is a bug, and is left to crash loudly.
try
{
    return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (InputException ex)
{
    var message = ex.Message.Trim();
    Console.Error.WriteLine($"pwb {parsed.CommandResult.Command.Name}: {message}{(message.EndsWith('.') ? "" : ".")}");
    return 2;
}
