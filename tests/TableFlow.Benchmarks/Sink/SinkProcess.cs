using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace TableFlow.Benchmarks.Sink;

/// <summary>
/// Runs <see cref="SinkServer"/> in a child process. BenchmarkDotNet counts allocated bytes for the whole process,
/// so a sink in the benchmark's own process would add its allocations to every client's figure.
/// </summary>
public sealed class SinkProcess : IDisposable
{
    private readonly Process _process;

    private SinkProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>The sink's address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts this assembly with the <c>sink</c> command and waits for the address it prints.</summary>
    public static SinkProcess Start()
    {
        var assembly = typeof(SinkProcess).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        var runtimeConfig = Path.ChangeExtension(assembly, ".runtimeconfig.json");
        if (!File.Exists(runtimeConfig))
        {
            // Inside BenchmarkDotNet's generated host this assembly is a library with no runtimeconfig of its own:
            // give the host one that names the shared frameworks the sink needs.
            runtimeConfig = Path.Combine(Path.GetTempPath(), "tableflow-bench-sink.runtimeconfig.json");
            File.WriteAllText(runtimeConfig,
                """{"runtimeOptions":{"tfm":"net10.0","frameworks":[{"name":"Microsoft.NETCore.App","version":"10.0.0"},{"name":"Microsoft.AspNetCore.App","version":"10.0.0"}],"configProperties":{"System.GC.Server":false}}}""");
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add("--runtimeconfig");
            start.ArgumentList.Add(runtimeConfig);
        }

        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("sink");
        start.ArgumentList.Add("--until-stdin-closes");
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the sink process.");
        var readLine = process.StandardOutput.ReadLineAsync();
        if (!readLine.Wait(TimeSpan.FromSeconds(30)) || readLine.Result is not { } line || !line.StartsWith(SinkCommand.ListeningPrefix, StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"The sink process did not report its address (got '{(readLine.IsCompleted ? readLine.Result : "nothing")}').");
        }

        // Keep draining stdout so the child never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync();
        return new SinkProcess(process, new Uri(line.Substring(SinkCommand.ListeningPrefix.Length)));
    }

    /// <summary>Stops the sink.</summary>
    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
    }
}
