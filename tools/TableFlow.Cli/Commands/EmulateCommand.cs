using System.Collections.Generic;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Testing.Cli;

namespace TableFlow.Cli.Commands;

/// <summary><c>tableflow emulate</c>: the local TableFlow emulator, run exactly as <c>runtime/TableFlow.Testing</c>'s own program runs it.</summary>
internal static class EmulateCommand
{
    public static Command Create(CliContext context)
    {
        var flows = new Option<string?>("--flows", "-f") { Description = "The flow definition file to serve (default: ./tableflow.json when it exists)." };
        var port = new Option<int?>("--port", "-p") { Description = $"The TCP port on 127.0.0.1 (default {EmulatorCommandLine.DefaultPort}; 0 takes any free port)." };
        var apiKey = new Option<string?>("--api-key", "-k") { Description = "The bearer key clients must send (default emulator-key)." };
        var processingTime = new Option<string?>("--processing-time", "-t") { Description = "How long runs stay processing: 2s, 500ms, 1m (default 2s)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Do not print a line per request." };
        var command = new Command("emulate", "Serve a local TableFlow API on 127.0.0.1 until Ctrl+C, with the flows of tableflow.json.")
        {
            flows, port, apiKey, processingTime, quiet,
        };
        command.SetAction((parsed, cancellationToken) =>
        {
            var args = new List<string>();
            Add(args, "--flows", parsed.GetValue(flows));
            Add(args, "--port", parsed.GetValue(port)?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Add(args, "--api-key", parsed.GetValue(apiKey));
            Add(args, "--processing-time", parsed.GetValue(processingTime));
            if (parsed.GetValue(quiet)) args.Add("--quiet");
            return RunAsync(context, args.ToArray(), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string[] args, CancellationToken cancellationToken)
    {
        var code = await EmulatorProgram.RunAsync(args, context.Out, context.ErrorWriter, cancellationToken).ConfigureAwait(false);
        // The emulator program answers 1 when it cannot start (a bad flows file, a port in use): for the tool, bad input.
        return code == 1 ? ExitCodes.BadInputOrApiError : code;
    }

    private static void Add(List<string> args, string name, string? value)
    {
        if (value is null) return;
        args.Add(name);
        args.Add(value);
    }
}
