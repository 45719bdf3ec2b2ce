using System;
using Microsoft.Extensions.Logging;

namespace TableFlow;

/// <summary>Settings of a <see cref="TableFlowClient"/>.</summary>
public sealed class TableFlowClientOptions
{
    /// <summary>The name of the environment variable the API key is read from when <see cref="ApiKey"/> is not set.</summary>
    public const string ApiKeyEnvironmentVariable = "TABLEFLOW_API_KEY";

    /// <summary>The default <see cref="BaseAddress"/>: <c>https://api.tableflow.com/</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.tableflow.com/");

    /// <summary>
    /// The API key, sent as <c>Authorization: Bearer</c>. When <see langword="null"/>, empty or blank (as configuration
    /// binding gives for a key that is not configured), the client reads the <c>TABLEFLOW_API_KEY</c> environment variable.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Where the API lives. Requests are made relative to it (<c>v2/flows/{id}/run</c>), so it may carry a path
    /// prefix such as <c>https://gw.example.com/tableflow/</c> (with or without the final <c>/</c>). The docs' base URL
    /// <c>https://api.tableflow.com/v2</c> is accepted too: a last path segment <c>v2</c> is taken as the API's version,
    /// which requests already carry, so they go to <c>/v2/flows/…</c>, never <c>/v2/v2/…</c>. Must be <c>https</c>,
    /// except on loopback.
    /// </summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>
    /// How long one HTTP request (one attempt, until its answer has been read) may take before it fails with a
    /// <see cref="TableFlowException"/>. Default 100 seconds. An upload of a large file must fit in it.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// How long <see cref="TableFlowClient.WaitForFlowRunAsync(string, FlowRunWaitOptions?, System.Threading.CancellationToken)"/>
    /// waits between two reads of a run's status, unless the API asks for another interval with <c>Retry-After</c> or
    /// the call sets <see cref="FlowRunWaitOptions.PollingInterval"/>. Default 2 seconds.
    /// </summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long <see cref="TableFlowClient.WaitForFlowRunAsync(string, FlowRunWaitOptions?, System.Threading.CancellationToken)"/>
    /// waits in all, reads included, before it gives up with a <see cref="FlowRunWaitTimeoutException"/>, unless the call
    /// sets <see cref="FlowRunWaitOptions.Timeout"/>. Default 30 minutes.
    /// </summary>
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How many times a failed read (<c>GET</c>) is tried again after a 5xx, a 429, a timeout or a connection failure.
    /// Default 3; 0 turns retries off. A run request (<c>POST</c>) is sent again only when the API certainly did not
    /// take it — after a 429 or a refused connection — never after a 5xx, a timeout or a dropped connection, because a
    /// second run would process the same documents twice.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// The first backoff delay between retries; it doubles with each retry (with random jitter) up to
    /// <see cref="MaxRetryDelay"/>. Used when the API sends no <c>Retry-After</c>. Default 1 second.
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest wait before a retry. When the API's <c>Retry-After</c> asks for longer, the client does not wait
    /// but surfaces the error (which says when the API asked to be called again). Default 30 seconds.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Where the client logs (category <c>TableFlow.TableFlowClient</c>): a run started (Information), a request retried
    /// (Warning), each read of a wait (Debug), a wait's end (Information), a run request that failed or whose outcome is
    /// unknown (Warning). <see langword="null"/> (the default) logs nothing. <c>AddTableFlow()</c> sets the host's.
    /// Messages hold ids, statuses and timings: never the API key, file names or contents, or metadata values.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Where verified webhook events reach this process; when set, a wait ends as soon as its run's
    /// <c>flow.run.completed</c> or <c>flow.run.failed</c> event (or, for <see cref="TableFlowClient.WaitForExtractionAsync"/>,
    /// the extraction's <c>extraction.completed</c> or <c>extraction.failed</c>) is published there, without waiting for its next read.
    /// <c>AddTableFlow()</c> sets it to the <see cref="TableFlowEventHub"/> it registers, which <c>MapTableFlowWebhooks</c>
    /// publishes to. Default <see langword="null"/>: waits only poll.
    /// </summary>
    /// <remarks>
    /// While the hub <see cref="TableFlowEventHub.ReceivesWebhooks"/>, waits read the run at most every
    /// <see cref="FallbackPollingInterval"/>; otherwise they poll at <see cref="PollingInterval"/> and an event only ends
    /// them sooner.
    /// </remarks>
    public TableFlowEventHub? Events { get; set; }

    /// <summary>
    /// How long a wait waits between two reads of a run while webhooks are delivered to <see cref="Events"/>
    /// (<see cref="TableFlowEventHub.ReceivesWebhooks"/>): the run's event ends the wait, so reads only catch an event
    /// that was lost or is late, and a run paused in <see cref="FlowRunStatus.Review"/>, which sends no event. The wait
    /// uses the longer of this and its polling interval. Default 1 minute; <see cref="TimeSpan.Zero"/> keeps the polling
    /// interval.
    /// </summary>
    public TimeSpan FallbackPollingInterval { get; set; } = TimeSpan.FromMinutes(1);

    internal TableFlowClientOptions Clone() => (TableFlowClientOptions)MemberwiseClone();
}
