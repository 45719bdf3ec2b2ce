using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Cli.Commands;

namespace TableFlow.Cli;

/// <summary>The <c>tableflow</c> command line: one sub-command per file under <c>Commands/</c>.</summary>
internal static class CliApp
{
    public static RootCommand CreateRootCommand(CliContext context)
    {
        var root = new RootCommand("tableflow: pull TableFlow flow definitions, run a flow, list runs, extract a document, run the local emulator.")
        {
            PullCommand.Create(context),
            RunCommand.Create(context),
            RunsCommand.Create(context),
            ExtractCommand.Create(context),
            EmulateCommand.Create(context),
        };
        return root;
    }

    /// <summary>Parses and runs; a parse error is one line on <paramref name="stderr"/> and exit code 2.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var context = new CliContext(stdout, stderr);
        var root = CreateRootCommand(context);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var command = parsed.CommandResult.Command;
            var name = command == root ? "tableflow" : "tableflow " + command.Name;
            stderr.WriteLine($"error: {OneLine(parsed.Errors[0].Message)} (see '{name} --help')");
            return ExitCodes.BadInputOrApiError;
        }

        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a command's body, turning every expected failure into one line on stderr and its exit code.</summary>
    public static async Task<int> GuardAsync(CliContext context, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (OperationCanceledException e)
        {
            // Cancelled after a run request was sent: the run may exist although no answer came back.
            context.Error(e.InnerException is TableFlowException { RunMayHaveStarted: true }
                ? "interrupted after the run request was sent: the run may have started; look for it with 'tableflow runs' before running the flow again."
                : "interrupted.");
            return ExitCodes.Interrupted;
        }
        catch (FlowRunWaitTimeoutException e)
        {
            context.Error(e.Message);
            return ExitCodes.RunFailed;
        }
        catch (Exception e) when (e is CliException or TableFlowException or ArgumentException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            context.Error(e is ArgumentException { ParamName: { } } argument ? WithoutParameterSuffix(argument) : e.Message);
            return ExitCodes.BadInputOrApiError;
        }
    }

    /// <summary>Text on one line: line breaks (an API's multi-line message) become spaces.</summary>
    public static string OneLine(string text) => text.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ').Trim();

    private static string WithoutParameterSuffix(ArgumentException e)
    {
        var suffix = $" (Parameter '{e.ParamName}')";
        return e.Message.EndsWith(suffix, StringComparison.Ordinal) ? e.Message.Substring(0, e.Message.Length - suffix.Length) : e.Message;
    }
}
