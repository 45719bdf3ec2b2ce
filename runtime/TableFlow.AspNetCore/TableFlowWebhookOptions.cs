using System;

namespace TableFlow.AspNetCore;

/// <summary>Settings of a webhook endpoint made by <c>MapTableFlowWebhooks</c>.</summary>
public sealed class TableFlowWebhookOptions
{
    /// <summary>The configuration key the secret is read from when <see cref="Secret"/> is not set: <c>TableFlow:WebhookSecret</c> (<c>TableFlow__WebhookSecret</c> in the environment).</summary>
    public const string SecretConfigurationKey = "TableFlow:WebhookSecret";

    /// <summary>The default <see cref="MaxBodySize"/>: 1 MiB.</summary>
    public const long DefaultMaxBodySize = 1024 * 1024;

    /// <summary>The default <see cref="DeduplicationCapacity"/>: 10,000 message ids.</summary>
    public const int DefaultDeduplicationCapacity = 10_000;

    /// <summary>
    /// The endpoint's signing secret from the TableFlow dashboard (<c>whsec_…</c>). When <see langword="null"/>, it is
    /// read from configuration (<see cref="SecretConfigurationKey"/>) when the endpoint is mapped.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>The largest body accepted, in bytes; a larger one is answered 413 without being read whole. Default 1 MiB.</summary>
    public long MaxBodySize { get; set; } = DefaultMaxBodySize;

    /// <summary>
    /// How many handled message ids are remembered to drop retries of messages already handled; the oldest are
    /// forgotten first. Default 10,000.
    /// </summary>
    public int DeduplicationCapacity { get; set; } = DefaultDeduplicationCapacity;

    /// <summary>The clock the five-minute timestamp window is measured on; <see langword="null"/> for the system clock.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// Where every new, verified event is also published, for code that waits on runs in this process; when
    /// <see langword="null"/>, a <see cref="TableFlowEventHub"/> registered as a service is used, if any (<c>AddTableFlow()</c>
    /// registers one). Mapping the endpoint sets the hub's <see cref="TableFlowEventHub.ReceivesWebhooks"/>, so waits of a
    /// client whose <see cref="TableFlowClientOptions.Events"/> is that hub poll only as a slow fallback.
    /// </summary>
    public TableFlowEventHub? Events { get; set; }
}
