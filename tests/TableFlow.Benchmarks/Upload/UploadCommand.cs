using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using TableFlow.Benchmarks.Shared;

namespace TableFlow.Benchmarks.Upload;

/// <summary>
/// The <c>upload --url BASE --file PATH [--field KEY]</c> command: one run request through our client, streaming the
/// file from disk, as large-upload.sh runs it under <c>/usr/bin/time -v</c> beside curl.
/// </summary>
public static class UploadCommand
{
    /// <summary>Runs the command; prints the elapsed time and the run id, or the error.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        string? url = null, file = null, field = "scan";
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--url" when i + 1 < args.Length: url = args[++i]; break;
                case "--file" when i + 1 < args.Length: file = args[++i]; break;
                case "--field" when i + 1 < args.Length: field = args[++i]; break;
                default:
                    Console.Error.WriteLine($"upload: unknown argument '{args[i]}' (usage: upload --url BASE --file PATH [--field KEY])");
                    return 2;
            }
        }

        if (url is null || file is null)
        {
            Console.Error.WriteLine("upload: --url and --file are required (usage: upload --url BASE --file PATH [--field KEY])");
            return 2;
        }

        using var client = new TableFlowClient(new TableFlowClientOptions
        {
            ApiKey = "bench-key",
            BaseAddress = new Uri(url),
            RequestTimeout = TimeSpan.FromMinutes(10),
        });
        var request = new FlowRunRequest().AddFile(field, FlowFile.FromPath(file, "application/pdf"));
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
