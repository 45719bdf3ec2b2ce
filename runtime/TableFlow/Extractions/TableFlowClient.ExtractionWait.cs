using System;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Diagnostics;

namespace TableFlow;

// Waiting for an extraction to end: the loop of a wait for a run (PollAsync in TableFlowClient.Wait.cs), polling
// GET v2/extractions/{id} under one deadline that no read outlives and, with webhooks wired in, ending early on the
// extraction's event.
public partial class TableFlowClient
{
    /// <summary>
    /// Polls an extraction (<c>GET v2/extractions/{extractionId}</c>) until it is <see cref="ExtractionStatus.Completed"/>
    /// or <see cref="ExtractionStatus.Failed"/>. <see cref="ExtractionStatus.Created"/>,
    /// <see cref="ExtractionStatus.Processing"/> and statuses this library does not know keep it polling.
    /// </summary>
    /// <param name="extractionId">The extraction's id (<see cref="Extraction.Id"/> of what <see cref="ExtractAsync"/> returned).</param>
    /// <param name="options">The timeout and polling interval; <see langword="null"/> for the client's defaults (<see cref="TableFlowClientOptions.WaitTimeout"/>, <see cref="TableFlowClientOptions.PollingInterval"/>).</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>
    /// The extraction as last read: completed (with its values), or failed (returned, not thrown: check
    /// <see cref="Extraction.Status"/>).
    /// </returns>
    /// <remarks>
    /// <para>
    /// Reads come every <see cref="ExtractionWaitOptions.PollingInterval"/>, or after the API's <c>Retry-After</c>. A read
    /// that fails for a passing reason is retried as any read is; a 429 or 503 with <c>Retry-After</c> does not end the
    /// wait either. Other errors (such as 404 for an unknown extraction) end it. The timeout holds for the whole wait,
    /// reads in progress included; the extraction itself goes on.
    /// </para>
    /// <para>
    /// With webhooks wired in (<see cref="TableFlowClientOptions.Events"/>), an <c>extraction.completed</c> or
    /// <c>extraction.failed</c> event for this extraction ends the wait at once: the extraction is read then (the event
    /// carries only a summary). Reads otherwise come only every <see cref="TableFlowClientOptions.FallbackPollingInterval"/>
    /// while the hub receives webhooks, to catch a lost event.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="extractionId"/> is empty or cannot stand in a URL path (thrown before any request).</exception>
    /// <exception cref="ExtractionWaitTimeoutException">The timeout passed first; <see cref="ExtractionWaitTimeoutException.LastExtraction"/> is the extraction as last read.</exception>
    /// <exception cref="TableFlowApiException">The API answered a read with an error that does not pass, such as 404.</exception>
    /// <exception cref="TableFlowException">The API could not be reached or answered something that is not an extraction.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">The instance was made for mocking and does not override this method.</exception>
    public virtual Task<Extraction> WaitForExtractionAsync(string extractionId, ExtractionWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        var connection = Connect(nameof(WaitForExtractionAsync));
        ValidateId(extractionId, nameof(extractionId));
        return WaitForExtractionObservedAsync(connection, extractionId, options, cancellationToken);
    }

    private static async Task<Extraction> WaitForExtractionObservedAsync(Connection connection, string extractionId, ExtractionWaitOptions? options, CancellationToken cancellationToken)
    {
        var telemetry = connection.Sender.Telemetry;
        using var activity = ClientTelemetry.StartExtractionWait(extractionId);
        var started = ClientTelemetry.Timestamp();
        try
        {
            var extraction = await WaitForExtractionCoreAsync(connection, extractionId, options, cancellationToken).ConfigureAwait(false);
            telemetry.WaitEnded(activity, extraction, started);
            return extraction;
        }
        catch (Exception e)
        {
            telemetry.ExtractionWaitFailed(activity, extractionId, e, started);
            throw;
        }
    }

    private static Task<Extraction> WaitForExtractionCoreAsync(Connection connection, string extractionId, ExtractionWaitOptions? options, CancellationToken cancellationToken)
    {
        var telemetry = connection.Sender.Telemetry;
        return PollAsync<Extraction, ExtractionSummary>(
            connection,
            options?.Timeout ?? connection.Options.WaitTimeout,
            options?.PollingInterval ?? connection.Options.PollingInterval,
            null,
            async token =>
            {
                var (extraction, retryAfter) = await ReadExtractionAsync(connection.Sender, extractionId, token).ConfigureAwait(false);
                telemetry.Polled(extraction);
                options?.Progress?.Report(extraction);
                return (extraction, retryAfter);
            },
            extraction => extraction.IsTerminal,
            evt => EndsWait(evt, extractionId),
            // The event carries a summary only: it ends the delay, and the next read fetches the extraction.
            _ => null,
            (last, lastError, timeout) => ExtractionTimedOut(connection, extractionId, timeout, last, lastError),
            cancellationToken);
    }

    /// <summary>The summary of an <c>extraction.completed</c> or <c>extraction.failed</c> event for the extraction, else null.</summary>
    private static ExtractionSummary? EndsWait(TableFlowEvent evt, string extractionId)
        => evt.Extraction is { } summary
           && string.Equals(summary.Id, extractionId, StringComparison.Ordinal)
           && (string.Equals(evt.Type, "extraction.completed", StringComparison.OrdinalIgnoreCase) || string.Equals(evt.Type, "extraction.failed", StringComparison.OrdinalIgnoreCase))
            ? summary
            : null;

    private static ExtractionWaitTimeoutException ExtractionTimedOut(Connection connection, string extractionId, TimeSpan timeout, Extraction? last, TableFlowException? lastError)
    {
        var waited = timeout.TotalSeconds < 1 ? $"{timeout.TotalMilliseconds:0} ms" : $"{timeout.TotalSeconds:0.###} s";
        var where = last is not null
            ? $"Extraction '{extractionId}' was still '{last.StatusText}' after waiting {waited}"
            : $"Extraction '{extractionId}' could not be read within the wait's {waited}";
        var why = lastError switch
        {
            TableFlowApiException { RetryAfter: { } asked } api => $" (the API last answered {(int)api.StatusCode} and asked to be called again in {asked.TotalSeconds:0.###} s)",
            not null => $" (the last read failed: {lastError.Message.TrimEnd('.')})",
            null => "",
        };
        var message = $"{where}{why}. The extraction goes on: wait again, or raise ExtractionWaitOptions.Timeout (by default TableFlowClientOptions.WaitTimeout).";
        return new ExtractionWaitTimeoutException(connection.Sender.Redactor.Redact(message), extractionId, last, lastError);
    }
}
