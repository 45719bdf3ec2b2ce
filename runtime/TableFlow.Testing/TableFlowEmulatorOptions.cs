using System;
using System.IO;

namespace TableFlow.Testing;

/// <summary>Settings of a <see cref="TableFlowEmulator"/>.</summary>
public sealed class TableFlowEmulatorOptions
{
    /// <summary>The default <see cref="ApiKey"/>: <c>emulator-key</c>.</summary>
    public const string DefaultApiKey = "emulator-key";

    /// <summary>The default <see cref="WorkspaceId"/> reported on runs and flows.</summary>
    public const string DefaultWorkspaceId = "emuWorkspace0001";

    /// <summary>The TCP port on 127.0.0.1 to listen on; 0 (the default) takes any free port.</summary>
    public int Port { get; set; }

    /// <summary>The API key clients must send as <c>Authorization: Bearer</c>. Default <c>emulator-key</c>.</summary>
    public string ApiKey { get; set; } = DefaultApiKey;

    /// <summary>How long a run stays <c>processing</c> before it ends, unless its flow says otherwise. Default 2 seconds.</summary>
    public TimeSpan ProcessingTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A flow definition file (the <c>tableflow.json</c> format) to load before the server starts; <see langword="null"/> for none.</summary>
    public string? FlowsFile { get; set; }

    /// <summary>The workspace id reported on runs and flows.</summary>
    public string WorkspaceId { get; set; } = DefaultWorkspaceId;

    /// <summary>
    /// The clock runs are timed by. Tests pass a fake one to move runs from <c>processing</c> to their end without
    /// waiting; the default is <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where to write one line per request (method, path, status); <see langword="null"/> (the default) is silent.</summary>
    public TextWriter? RequestLog { get; set; }

    /// <summary>Signed webhooks to send when runs end (URLs, secret, retry schedule); by default none are sent.</summary>
    public EmulatorWebhookOptions Webhooks { get; set; } = new();
}
