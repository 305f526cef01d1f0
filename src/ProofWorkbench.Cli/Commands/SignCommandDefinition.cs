using System.CommandLine;

namespace ProofWorkbench.Cli.Commands;

/// <summary>The System.CommandLine definition of <c>pwb sign</c>; the work is in <see cref="SignCommand"/>.</summary>
public static class SignCommandDefinition
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("sign", "Decide with Z3 whether EXPR satisfies a sign condition for all real values of its variables.");
        var expr = new Argument<string>("EXPR") { Description = "The expression, e.g. \"exp(-u)/(1+exp(-u))^2\"." };
        var assume = new Option<string[]>("--assume") { Description = "An assumption such as \"x > 0\" (repeatable).", AllowMultipleArgumentsPerToken = false };
        var relation = new Option<string>("--relation") { Description = "\"> 0\" (default), \">= 0\", \"< 0\", \"<= 0\" or \"!= 0\".", DefaultValueFactory = _ => "> 0" };
        var json = new Option<bool>("--json") { Description = "Print JSON: verdict, witness, smtlib." };
        command.Add(expr); command.Add(assume); command.Add(relation); command.Add(json);
        command.SetAction(p => SignCommand.Run(p.GetValue(expr)!, p.GetValue(assume) ?? [], p.GetValue(relation)!, p.GetValue(json), Console.Out, Console.Error));
        return command;
    }
}
