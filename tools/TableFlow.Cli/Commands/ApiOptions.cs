using System;
using System.CommandLine;

namespace TableFlow.Cli.Commands;

/// <summary>The options every command that calls the API takes: the key and the address.</summary>
internal sealed class ApiOptions
{
    public Option<string?> ApiKey { get; } = new("--api-key", "-k")
    {
        Description = $"The workspace's API key (default: the {TableFlowClientOptions.ApiKeyEnvironmentVariable} environment variable).",
    };

    public Option<string> BaseUrl { get; } = new("--base-url")
    {
        Description = "The API's address, such as the emulator's http://127.0.0.1:5080/.",
        DefaultValueFactory = _ => TableFlowClientOptions.DefaultBaseAddress.ToString(),
    };

    public void AddTo(Command command)
    {
        command.Options.Add(ApiKey);
        command.Options.Add(BaseUrl);
    }

    /// <summary>A client for the parsed options; a missing key or a bad address is a <see cref="CliException"/>, before any request.</summary>
    public TableFlowClient CreateClient(ParseResult parsed)
    {
        var key = parsed.GetValue(ApiKey);
        if (string.IsNullOrWhiteSpace(key)) key = Environment.GetEnvironmentVariable(TableFlowClientOptions.ApiKeyEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new CliException($"no API key: pass --api-key or set {TableFlowClientOptions.ApiKeyEnvironmentVariable}.");
        }

        var url = parsed.GetValue(BaseUrl) ?? TableFlowClientOptions.DefaultBaseAddress.ToString();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseAddress) || (baseAddress.Scheme != Uri.UriSchemeHttp && baseAddress.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliException($"--base-url '{url}' is not an http or https address.");
        }

        return new TableFlowClient(new TableFlowClientOptions
        {
            ApiKey = key,
            BaseAddress = baseAddress,
            // A person at a terminal (or a script) learns of an unreachable server in about a second, not after
            // the library's patient backoff.
            MaxRetries = 1,
        });
    }
}
