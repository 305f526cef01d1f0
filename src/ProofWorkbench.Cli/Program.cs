using System.CommandLine;
using ProofWorkbench;
using ProofWorkbench.Cli.Commands;
using ProofWorkbench.Symbolic.Expressions;

// pwb — the ProofWorkbench command line. The contract (commands, options, exit codes) is fixed by
// ../shared/design/ARCHITECTURE.md: exit 0 on success, 1 when a verdict differs or a claim fails, 2 on input errors.
var root = new RootCommand("ProofWorkbench: symbolic, SMT and numeric checks of implicit-regularization theorems.");

// One line per command; each command file builds its own System.CommandLine definition.
root.Add(DeriveCommand.Create());
root.Add(CheckCommand.Create());
root.Add(FlowCommand.Create());
root.Add(BenchCommand.Create());
root.Add(SignCommandDefinition.Create());
root.Add(ConstructCommand.Create());
root.Add(RecipeCommand.Create());


var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    Console.Error.WriteLine($"pwb: {parsed.Errors[0].Message.TrimEnd('.')}. Run 'pwb --help' for the commands and options.");
    return 2;
}
try
{
    return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (InputException ex)
{
    Console.Error.WriteLine($"pwb {parsed.CommandResult.Command.Name}: {ex.Message}");
    return 2;
}
catch (ProofWorkbench.Theorems.Files.TheoremFileException ex)
{
    Console.Error.WriteLine($"pwb {parsed.CommandResult.Command.Name}: {ex.Message}");
    return 2;
}
catch (SymbolicException ex)
{
    Console.Error.WriteLine($"pwb {parsed.CommandResult.Command.Name}: {ex.Message}");
    return 2;
}
