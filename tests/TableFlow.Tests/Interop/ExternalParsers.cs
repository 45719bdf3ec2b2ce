using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace TableFlow.Tests.Interop;

/// <summary>A file part as another ecosystem's parser read it.</summary>
public sealed record ParsedFile(string Field, string FileName);

/// <summary>
/// The multipart parsers of other ecosystems, run as child processes over a captured body: Node's busboy (pinned by
/// <c>Interop/node/package-lock.json</c> and installed by the first test that needs it, with <c>npm ci</c>) and Python's
/// standard-library <c>email</c> package. The scripts print what they read as JSON.
/// </summary>
internal static class ExternalParsers
{
    private static readonly string NodeDirectory = Path.Combine(AppContext.BaseDirectory, "Interop", "node");
    private static readonly string PythonScript = Path.Combine(AppContext.BaseDirectory, "Interop", "python", "email-file-names.py");
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static bool _busboyInstalled;

    /// <summary>busboy's reading: <c>utf8</c> (defParamCharset 'utf8') and <c>latin1</c> (its default, turned back into UTF-8).</summary>
    public static async Task<(IReadOnlyList<ParsedFile> Utf8, IReadOnlyList<ParsedFile> Latin1)> BusboyAsync(string contentType, byte[] body)
    {
        await EnsureBusboyAsync();
        var output = await RunAsync(
            "node",
            new[] { Path.Combine(NodeDirectory, "busboy-file-names.mjs"), contentType },
            NodeDirectory,
            body,
            "Node.js (node 18 or later, with npm) must be on PATH for the busboy interop tests: on Debian, `apt-get install nodejs npm`.");
        var json = JsonNode.Parse(output)!;
        return (Files(json["utf8"]), Files(json["latin1"]));
    }

    /// <summary>Python's reading: <c>params</c> (python-multipart's way) and <c>default</c> (email's BytesParser, policy.default).</summary>
    public static async Task<(IReadOnlyList<ParsedFile> Params, IReadOnlyList<ParsedFile> DefaultPolicy)> PythonEmailAsync(string contentType, byte[] body)
    {
        var output = await RunAsync(
            "python3",
            new[] { PythonScript, contentType },
            Path.GetDirectoryName(PythonScript)!,
            body,
            "Python 3 must be on PATH as python3 for the Python interop tests: on Debian, `apt-get install python3`.");
        var json = JsonNode.Parse(output)!;
        return (Files(json["params"]), Files(json["default"]));
    }

    private static IReadOnlyList<ParsedFile> Files(JsonNode? list)
        => list!.AsArray().Select(f => new ParsedFile((string)f!["field"]!, (string)f["fileName"]!)).ToArray();

    /// <summary>
    /// Installs the locked busboy into the test output once per run, unless the versions the lock names are already
    /// there: from npm's cache first (<c>--offline</c>, no network), from the registry when the cache lacks them.
    /// </summary>
    private static async Task EnsureBusboyAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (_busboyInstalled || LockedPackagesInstalled())
            {
                _busboyInstalled = true;
                return;
            }

            const string npmMissing = "npm must be on PATH to install busboy for the interop tests: on Debian, `apt-get install nodejs npm`.";
            try
            {
                await RunAsync("npm", new[] { "ci", "--offline", "--no-audit", "--no-fund" }, NodeDirectory, Array.Empty<byte>(), npmMissing);
            }
            catch (ExternalToolFailedException)
            {
                await RunAsync("npm", new[] { "ci", "--no-audit", "--no-fund" }, NodeDirectory, Array.Empty<byte>(), npmMissing);
            }

            if (!LockedPackagesInstalled()) throw new InvalidOperationException($"`npm ci` in {NodeDirectory} ran but did not install the versions package-lock.json names.");
            _busboyInstalled = true;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static bool LockedPackagesInstalled()
    {
        var packages = JsonNode.Parse(File.ReadAllText(Path.Combine(NodeDirectory, "package-lock.json")))!["packages"]!.AsObject();
        foreach (var (path, entry) in packages)
        {
            if (path.Length == 0) continue;
            var manifest = Path.Combine(NodeDirectory, path, "package.json");
            if (!File.Exists(manifest) || (string?)JsonNode.Parse(File.ReadAllText(manifest))!["version"] != (string?)entry!["version"]) return false;
        }

        return true;
    }

    /// <summary>Runs a program with <paramref name="input"/> on its standard input; its standard output, or a failure that shows what it printed.</summary>
    private static async Task<string> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory, byte[] input, string whenMissing)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Cannot start `{program}` ({e.Message}). {whenMissing}", e);
        }

        using (process)
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
        {
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardInput.BaseStream.WriteAsync(input, timeout.Token);
            process.StandardInput.Close();
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"`{program} {string.Join(" ", start.ArgumentList)}` did not finish within 3 minutes.");
            }

            var output = await stdout;
            if (process.ExitCode != 0)
            {
                throw new ExternalToolFailedException($"`{program} {string.Join(" ", start.ArgumentList)}` in {workingDirectory} exited with {process.ExitCode}:\n{await stderr}\n{output}");
            }

            return output;
        }
    }

    private sealed class ExternalToolFailedException : Exception
    {
        public ExternalToolFailedException(string message)
            : base(message)
        {
        }
    }
}
