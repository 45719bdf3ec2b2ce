using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;

namespace TableFlow.Cli.Tests;

/// <summary>What one run of the tool did.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The stderr lines that are not blank.</summary>
    public IReadOnlyList<string> ErrorLines => Stderr.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// Runs the built tool as a process, as a user runs it: <c>dotnet TableFlow.Cli.dll …</c>, from the tool's own
/// build output (which the project reference builds first).
/// </summary>
public static class CliProcess
{
    /// <summary>The tool in its own build output, as the build recorded it (see RecordToolPath in the project file).</summary>
    public static string ToolPath { get; } = typeof(CliProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "TableFlowCliPath" && !string.IsNullOrEmpty(a.Value))?.Value
        ?? throw new InvalidOperationException("The test assembly does not say where TableFlow.Cli.dll was built (RecordToolPath did not run).");

    /// <summary>Runs the tool in <paramref name="workingDirectory"/> with no <c>TABLEFLOW_API_KEY</c> unless <paramref name="environment"/> sets one.</summary>
    public static async Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, redirectInput: true, args);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(60))) != exited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"tableflow {string.Join(' ', args)} did not exit within 60 s.");
        }

        await exited;
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the tool with its output redirected; <c>TABLEFLOW_API_KEY</c> is only what <paramref name="environment"/> sets.</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, bool redirectInput, params string[] args)
    {
        if (!File.Exists(ToolPath)) throw new InvalidOperationException($"The tool was not built: {ToolPath} is missing.");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ToolPath);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("TABLEFLOW_API_KEY");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>()) start.Environment[name] = value;
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    /// <summary>The environment that gives the tool an API key.</summary>
    public static IReadOnlyDictionary<string, string?> WithKey(string key) => new Dictionary<string, string?> { ["TABLEFLOW_API_KEY"] = key };
}
