using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace TableFlow.Testing.Cli;

/// <summary>The emulator as a program: parse the arguments, start, print where it listens, serve until stopped.</summary>
internal static class EmulatorProgram
{
    /// <summary>Runs the program; returns 0 after a normal stop or <c>--help</c>, 2 for bad arguments, 1 when it cannot start.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="stdout">Where the banner and request lines go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <param name="stop">Stops the server (besides Ctrl+C and SIGTERM).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken stop)
    {
        EmulatorCommandLine commandLine;
        try
        {
            commandLine = EmulatorCommandLine.Parse(args, Environment.CurrentDirectory);
        }
        catch (FormatException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            stderr.WriteLine("Run with --help to see the options.");
            return 2;
        }

        if (commandLine.ShowHelp)
        {
            stdout.WriteLine(EmulatorCommandLine.Usage);
            return 0;
        }

        var output = TextWriter.Synchronized(stdout);
        var options = commandLine.Options;
        if (!commandLine.Quiet) options.RequestLog = output;

        TableFlowEmulator emulator;
        try
        {
            emulator = await TableFlowEmulator.StartAsync(options, stop).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException)
        {
            // A missing or bad flows file, a port in use, or a bad option value: say which, without a stack trace.
            stderr.WriteLine($"error: {e.Message}");
            return 1;
        }

        await using (emulator.ConfigureAwait(false))
        {
            PrintBanner(output, emulator, options);
            using var stopped = CancellationTokenSource.CreateLinkedTokenSource(stop);
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            try
            {
                await Task.Delay(Timeout.Infinite, stopped.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C, SIGTERM or the caller's token: a normal stop.
            }

            output.WriteLine("Stopping the TableFlow emulator.");

            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stopped.Cancel();
            }
        }

        return 0;
    }

    private static void PrintBanner(TextWriter output, TableFlowEmulator emulator, TableFlowEmulatorOptions options)
    {
        output.WriteLine($"TableFlow emulator listening on {emulator.BaseAddress}");
        output.WriteLine($"API key: {emulator.ApiKey}");
        output.WriteLine($"Runs and extractions take {options.ProcessingTime.TotalSeconds:0.###} s to finish.");
        output.WriteLine(options.FlowsFile is null ? "Flows: none (pass --flows tableflow.json; every run request answers 404)" : $"Flows from {options.FlowsFile}:");
        foreach (var line in emulator.DescribeFlows()) output.WriteLine("  " + line);
        if (emulator.TemplateIds.Count > 0) output.WriteLine("Extraction templates:");
        foreach (var line in emulator.DescribeTemplates()) output.WriteLine("  " + line);
        foreach (var url in emulator.Webhooks.Urls) output.WriteLine($"Webhooks: flow.run.completed / flow.run.failed to {url}");
        if (emulator.Webhooks.Urls.Count > 0) output.WriteLine($"Webhook signing secret: {emulator.Webhooks.Secret}");
        output.WriteLine($"Point a client at it: TableFlowClientOptions.BaseAddress = {emulator.BaseAddress}, ApiKey = {emulator.ApiKey}. Press Ctrl+C to stop.");
        output.Flush();
    }
}
