using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using TableFlow.Benchmarks.Shared;

namespace TableFlow.Benchmarks.Upload;

/// <summary>
/// The <c>upload --url BASE --file PATH [--field KEY] [--open path|stream]</c> command: one run request through our
/// client, streaming the file from disk, as large-upload.sh runs it under <c>/usr/bin/time -v</c> beside curl.
/// <c>--open path</c> (default) is <see cref="FlowFile.FromPath"/>; <c>--open stream</c> passes a synchronous, unbuffered
/// <see cref="FileStream"/> to <see cref="FlowFile.FromStream"/>, to tell the runtime's file reading from the rest.
/// </summary>
public static class UploadCommand
{
    /// <summary>Runs the command; prints the elapsed time and the run id, or the error.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        string? url = null, file = null, field = "scan", open = "path";
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--url" when i + 1 < args.Length: url = args[++i]; break;
                case "--file" when i + 1 < args.Length: file = args[++i]; break;
                case "--field" when i + 1 < args.Length: field = args[++i]; break;
                case "--open" when i + 1 < args.Length && args[i + 1] is "path" or "stream": open = args[++i]; break;
                default:
                    Console.Error.WriteLine($"upload: unknown argument '{args[i]}' (usage: upload --url BASE --file PATH [--field KEY] [--open path|stream])");
                    return 2;
            }
        }

        if (url is null || file is null)
        {
            Console.Error.WriteLine("upload: --url and --file are required (usage: upload --url BASE --file PATH [--field KEY] [--open path|stream])");
            return 2;
        }

        using var client = new TableFlowClient(new TableFlowClientOptions
        {
            ApiKey = "bench-key",
            BaseAddress = new Uri(url),
            RequestTimeout = TimeSpan.FromMinutes(10),
        });
        using var stream = open == "stream" ? new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, useAsync: false) : null;
        var flowFile = stream is null ? FlowFile.FromPath(file, "application/pdf") : FlowFile.FromStream(stream, Path.GetFileName(file), "application/pdf");
        var request = new FlowRunRequest().AddFile(field, flowFile);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var run = await client.RunFlowAsync(FlowRunSamples.FlowId, request).ConfigureAwait(false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"uploaded {new FileInfo(file).Length} bytes in {stopwatch.Elapsed.TotalSeconds:F3} s; run {run.Id} is {run.StatusText}"));
            return 0;
        }
        catch (TableFlowException e)
        {
            Console.Error.WriteLine("upload failed: " + e.Message);
            return 1;
        }
    }
}
