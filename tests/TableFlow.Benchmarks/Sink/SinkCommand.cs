using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace TableFlow.Benchmarks.Sink;

/// <summary>The <c>sink [--port N] [--log] [--until-stdin-closes]</c> command: runs the sink until it is stopped (Ctrl+C, kill, or stdin closing when asked).</summary>
public static class SinkCommand
{
    /// <summary>The first line printed, followed by the base address; <see cref="SinkProcess"/> and the upload script read it.</summary>
    public const string ListeningPrefix = "sink listening on ";

    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var port = 0;
        var log = false;
        var untilStdinCloses = false;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--port" && i + 1 < args.Length) port = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--log") log = true;
            else if (args[i] == "--until-stdin-closes") untilStdinCloses = true;
            else
            {
                Console.Error.WriteLine($"sink: unknown argument '{args[i]}' (usage: sink [--port N] [--log] [--until-stdin-closes])");
                return 2;
            }
        }

        await using var sink = await SinkServer.StartAsync(port).ConfigureAwait(false);
        if (log)
        {
            sink.RequestCompleted = (path, bytes) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"request {path} body {bytes} bytes"));
        }

        Console.WriteLine(ListeningPrefix + sink.BaseAddress);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(sink.Stopping);
        if (untilStdinCloses)
        {
            // The parent holds our stdin: when it exits (even killed), the pipe closes and the sink goes with it.
            _ = Task.Run(() =>
            {
                Console.In.ReadToEnd();
                stop.Cancel();
            });
        }

        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }
}
