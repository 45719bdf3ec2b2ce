using System;
using System.Globalization;
using System.IO;

namespace TableFlow.Testing.Cli;

/// <summary>The emulator program's arguments: what <see cref="Parse"/> made of them.</summary>
internal sealed class EmulatorCommandLine
{
    public const int DefaultPort = 5080;
    public const string DefaultFlowsFile = "tableflow.json";

    public const string Usage = """
        Usage: dotnet run --project runtime/TableFlow.Testing -- [options]

        Serves a local TableFlow API (POST /v2/flows/{id}/run, GET /v2/flows/runs, POST /v2/extractions/upload, …)
        on 127.0.0.1 until Ctrl+C.

        Options:
          -p, --port <port>              TCP port on 127.0.0.1 (default 5080; 0 takes any free port)
          -f, --flows <file>             flow definition file, the GET /v2/flows JSON array with optional "multiple",
                                         or {"flows": [...], "templates": [...]} with extraction templates
                                         (default: ./tableflow.json when it exists)
          -k, --api-key <key>            the bearer key clients must send (default emulator-key)
          -t, --processing-time <time>   how long runs and extractions stay processing: 2s, 500ms, 1m or 00:00:02 (default 2s)
              --workspace-id <id>        workspace id reported on runs and flows
              --webhook-url <url>        POST a signed flow.run.completed / flow.run.failed webhook here when a run
                                         ends, and extraction.* ones (repeatable; non-2xx answers are retried on
                                         Svix's schedule)
              --webhook-secret <whsec_…> the signing secret for those webhooks (default: a fresh one, printed at start)
          -q, --quiet                    do not print a line per request
          -h, --help                     show this help
        """;

    public TableFlowEmulatorOptions Options { get; } = new() { Port = DefaultPort };

    public bool ShowHelp { get; private set; }

    public bool Quiet { get; private set; }

    /// <summary>Reads <paramref name="args"/>; a relative flows path is taken from <paramref name="currentDirectory"/>.</summary>
    /// <exception cref="FormatException">An argument is unknown, repeated, missing its value, or has a bad value.</exception>
    public static EmulatorCommandLine Parse(string[] args, string currentDirectory)
    {
        var result = new EmulatorCommandLine();
        var seen = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? inline = null;
            var equals = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                inline = arg.Substring(equals + 1);
                arg = arg.Substring(0, equals);
            }

            var option = arg switch
            {
                "-p" or "--port" => "--port",
                "-f" or "--flows" => "--flows",
                "-k" or "--api-key" => "--api-key",
                "-t" or "--processing-time" => "--processing-time",
                "--workspace-id" => "--workspace-id",
                "--webhook-url" => "--webhook-url",
                "--webhook-secret" => "--webhook-secret",
                "-q" or "--quiet" => "--quiet",
                "-h" or "--help" or "-?" or "/?" => "--help",
                _ => throw new FormatException(arg.StartsWith('-') ? $"Unknown option '{arg}'." : $"Unexpected argument '{arg}'; options start with '--'."),
            };
            if (!seen.Add(option) && option != "--webhook-url") throw new FormatException($"The option {option} is given twice.");

            switch (option)
            {
                case "--help":
                    result.ShowHelp = true;
                    break;
                case "--quiet":
                    result.Quiet = true;
                    break;
                default:
                    var value = inline ?? (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null);
                    if (string.IsNullOrWhiteSpace(value)) throw new FormatException($"The option {option} needs a value.");
                    Apply(result.Options, option, value);
                    break;
            }
        }

        if (result.Options.FlowsFile is { } flows)
        {
            result.Options.FlowsFile = Path.GetFullPath(flows, currentDirectory);
        }
        else if (!seen.Contains("--flows"))
        {
            var fallback = Path.Combine(currentDirectory, DefaultFlowsFile);
            if (File.Exists(fallback)) result.Options.FlowsFile = fallback;
        }

        return result;
    }

    private static void Apply(TableFlowEmulatorOptions options, string option, string value)
    {
        switch (option)
        {
            case "--port":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
                {
                    throw new FormatException($"The port '{value}' is not a number from 0 to 65535.");
                }

                options.Port = port;
                break;
            case "--flows":
                options.FlowsFile = value;
                break;
            case "--api-key":
                options.ApiKey = value;
                break;
            case "--processing-time":
                options.ProcessingTime = ParseDuration(value);
                break;
            case "--workspace-id":
                options.WorkspaceId = value;
                break;
            case "--webhook-url":
                if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                {
                    throw new FormatException($"The webhook URL '{value}' is not an absolute http or https URL.");
                }

                options.Webhooks.Urls.Add(url);
                break;
            case "--webhook-secret":
                options.Webhooks.Secret = value;
                break;
        }
    }

    /// <summary><c>500ms</c>, <c>2s</c>, <c>1m</c>, or a <see cref="TimeSpan"/> such as <c>00:00:02</c>.</summary>
    internal static TimeSpan ParseDuration(string value)
    {
        var text = value.Trim();
        (string Suffix, Func<double, TimeSpan> Make)[] units = [("ms", TimeSpan.FromMilliseconds), ("s", TimeSpan.FromSeconds), ("m", TimeSpan.FromMinutes)];
        foreach (var (suffix, make) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) &&
                double.TryParse(text.AsSpan(0, text.Length - suffix.Length), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return make(amount);
            }
        }

        if (text.Contains(':') && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero) return span;
        throw new FormatException($"The processing time '{value}' is not a duration such as 2s, 500ms, 1m or 00:00:02.");
    }
}
