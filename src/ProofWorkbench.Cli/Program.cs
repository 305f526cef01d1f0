using System.CommandLine;
using ProofWorkbench;
using ProofWorkbench.Cli.Commands;
using ProofWorkbench.Symbolic.Expressions;

// pwb — the ProofWorkbench command line. The contract (commands, options, exit codes) is fixed by
// ../shared/design/ARCHITECTURE.md: exit 0 on success, 1 when a verdict differs or a claim fails, 2 on input errors.
var root = new RootCommand("ProofWorkbench: symbolic, SMT and numeric checks of implicit-regularization theorems.");

var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };

var derive = new Command("derive", "Symbolic derivations for the one-hidden-neuron model f = a·σ(w·x), L = (f − y)^2.");
var activation = new Option<string>("--activation") { Description = "The activation σ as an expression in one variable, e.g. 1/(1+exp(-u)).", Required = true };
var xOption = new Option<string?>("--x") { Description = "A fixed input x (default: symbolic)." };
var roots = new Option<string?>("--roots") { Description = "LO,HI: list every zero of Proposition 6.1's C(u) in [LO, HI]." };
derive.Add(activation); derive.Add(xOption); derive.Add(roots); derive.Add(json);
derive.SetAction(p => DeriveCommand.Run(p.GetValue(activation)!, p.GetValue(xOption), p.GetValue(roots), p.GetValue(json), Console.Out));
root.Add(derive);

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
catch (SymbolicException ex)
{
    Console.Error.WriteLine($"pwb {parsed.CommandResult.Command.Name}: {ex.Message}");
    return 2;
}
