using System;

namespace TableFlow;

/// <summary>Settings of a <see cref="TableFlowClient"/>.</summary>
public sealed class TableFlowClientOptions
{
    /// <summary>The name of the environment variable the API key is read from when <see cref="ApiKey"/> is not set.</summary>
    public const string ApiKeyEnvironmentVariable = "TABLEFLOW_API_KEY";

    /// <summary>The default <see cref="BaseAddress"/>: <c>https://api.tableflow.com/</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.tableflow.com/");

    /// <summary>
    /// The API key, sent as <c>Authorization: Bearer</c>. When <see langword="null"/>, the client reads the
    /// <c>TABLEFLOW_API_KEY</c> environment variable.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Where the API lives. Requests are made relative to it (<c>v2/flows/{id}/run</c>), so it may carry a path
    /// prefix such as <c>https://gw.example.com/tableflow/</c>. Must be <c>https</c>, except on loopback.
    /// </summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>How long one HTTP request may take before it fails. Default 100 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>How often <see cref="TableFlowClient.WaitForFlowRunAsync"/> asks for a run's status. Default 2 seconds.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long <see cref="TableFlowClient.WaitForFlowRunAsync"/> waits in all before it gives up. Default 30 minutes.</summary>
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How many times a failed read (<c>GET</c>) is tried again after a 5xx, a 429 or a connection failure. Default 3.
    /// A run request (<c>POST</c>) is only sent again when the API certainly did not take it.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    internal TableFlowClientOptions Clone() => (TableFlowClientOptions)MemberwiseClone();
}
