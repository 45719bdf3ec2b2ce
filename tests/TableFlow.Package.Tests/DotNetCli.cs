using System;
using System.Collections;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TableFlow.Package.Tests;

/// <summary>Runs the <c>dotnet</c> CLI (or a built program) as a child process and captures what it prints.</summary>
internal static class DotNetCli
{
    /// <summary>Runs <c>dotnet</c> with the given arguments.</summary>
    public static Task<ProcessResult> RunAsync(string workingDirectory, TimeSpan timeout, params string[] arguments)
        => RunProgramAsync("dotnet", workingDirectory, timeout, environment: null, arguments);

    /// <summary>Runs any program (a native AOT binary, say) with the given arguments.</summary>
    public static async Task<ProcessResult> RunProgramAsync(
        string program, string workingDirectory, TimeSpan timeout, (string Name, string Value)[]? environment, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The test host runs inside `dotnet test`, whose MSBuild variables would steer the child build to
        // the parent's MSBuild and SDK resolver; a child build must behave like one started from a shell.
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
            {
                startInfo.Environment.Remove(name);
            }
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // Leftover MSBuild worker nodes would keep the output pipes (and the machine's cores) busy after the run.
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        foreach (var (name, value) in environment ?? [])
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = new StringBuilder();
        // Read the streams ourselves rather than with BeginOutputReadLine: WaitForExitAsync would then also wait
        // for end-of-stream, which never comes while a compiler server started by the build holds the pipe open.
        var readers = Task.WhenAll(PumpAsync(process.StandardOutput, output), PumpAsync(process.StandardError, output));

        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"'{program} {string.Join(' ', arguments)}' did not finish within {timeout}. Output so far:\n{Snapshot(output)}");
        }

        await Task.WhenAny(readers, Task.Delay(TimeSpan.FromSeconds(5)));
        return new ProcessResult($"{program} {string.Join(' ', arguments)}", process.ExitCode, Snapshot(output));
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder output)
    {
        string? line;
        while ((line = await reader.ReadLineAsync()) is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
