using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Testing.Server;

namespace TableFlow.Testing;

/// <summary>
/// The emulator's webhook sender (<see cref="TableFlowEmulator.Webhooks"/>): when a run ends <c>completed</c> or
/// <c>failed</c> by the emulator's clock, it posts a signed <c>flow.run.completed</c> / <c>flow.run.failed</c> message to
/// every configured URL and retries a non-2xx answer on the configured schedule with the same message id. Extractions
/// send <c>extraction.created</c> and <c>extraction.processing</c> when uploaded, then <c>extraction.completed</c> or
/// <c>extraction.failed</c>.
/// </summary>
/// <remarks>
/// The body is <c>{"event": "flow.run.completed", "data": &lt;the run as GET /v2/flows/runs/{id} answers it&gt;}</c>; the
/// headers are <c>svix-id</c>, <c>svix-timestamp</c> (real time, which the receiver checks against its own clock) and
/// <c>svix-signature</c>. A run that enters <c>review</c> sends nothing (the API documents no event for it) until it is
/// resolved. An extraction's <c>data</c> is the summary the webhooks page shows: <c>{extraction_id, template_id, file_name,
/// file_type: {key, extension, mime_type}, status, metadata, created_at}</c>.
/// </remarks>
public sealed class EmulatorWebhooks : IAsyncDisposable
{
    // Runs end on the emulator's clock, which may be a test's manual one with no timers: a short real-time tick
    // notices an end whichever clock moved it.
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(20);
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly EmulatorStore _store;
    private readonly EmulatorWebhookOptions _options;
    private readonly string _workspaceId;
    private readonly TextWriter? _log;
    private readonly TableFlowWebhook _signer;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private readonly List<EmulatedWebhookDelivery> _deliveries = new();
    private readonly List<Task> _sending = new();
    private readonly List<EmulatedRun> _pending = new();
    private readonly List<EmulatedExtraction> _pendingExtractions = new();
    private readonly Dictionary<string, Dictionary<Uri, Task>> _extractionChains = new(StringComparer.Ordinal);
    private int _extractionsSeen;
    private readonly List<Uri> _urls = new();
    private int _runsSeen;
    private Task _watching = Task.CompletedTask;

    internal EmulatorWebhooks(EmulatorStore store, EmulatorWebhookOptions options, string workspaceId, TextWriter? log)
    {
        _store = store;
        _options = options;
        _workspaceId = workspaceId;
        _log = log;
        Secret = options.Secret ?? TableFlowWebhook.CreateSecret();
        _signer = new TableFlowWebhook(Secret);
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        _urls.AddRange(options.Urls);
    }

    /// <summary>The secret messages are signed with: the configured one, or one made at start. Give it to the receiving endpoint.</summary>
    public string Secret { get; }

    /// <summary>Where messages go; empty when webhooks are not configured.</summary>
    public IReadOnlyList<Uri> Urls
    {
        get
        {
            lock (_gate) return _urls.ToArray();
        }
    }

    /// <summary>
    /// Adds a URL after the start, for a receiver whose address is known only once it listens (an app on port 0 that
    /// runs the emulator in-process). Runs that end from now on are sent to it too; a run that had already ended before
    /// the first URL was added is sent when it is.
    /// </summary>
    /// <param name="url">An absolute http or https URL.</param>
    /// <exception cref="ArgumentException">The URL is not an absolute http or https URL.</exception>
    /// <exception cref="ObjectDisposedException">The emulator has stopped.</exception>
    public void AddUrl(Uri url)
    {
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The webhook URL '{url}' is not an absolute http or https URL.", nameof(url));
        }

        lock (_gate)
        {
            if (_stop.IsCancellationRequested) throw new ObjectDisposedException(nameof(EmulatorWebhooks));
            _urls.Add(url);
            if (_watching.IsCompleted) _watching = WatchAsync(_stop.Token);
        }
    }

    /// <summary>Every delivery attempt so far, oldest first.</summary>
    public IReadOnlyList<EmulatedWebhookDelivery> Deliveries
    {
        get
        {
            lock (_gate) return _deliveries.ToArray();
        }
    }

    /// <summary>Stops watching runs and cancels deliveries and retries still pending.</summary>
    /// <returns>A task that completes when every delivery has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested) return;
        _stop.Cancel();
        Task[] sending;
        lock (_gate) sending = [_watching, .. _sending];
        try
        {
            await Task.WhenAll(sending).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Cancelled retries: what stopping means.
        }

        _http.Dispose();
        _stop.Dispose();
    }

    internal void Start()
    {
        lock (_gate)
        {
            if (_urls.Count > 0) _watching = WatchAsync(_stop.Token);
        }
    }

    private async Task WatchAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(CheckInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false)) Check(stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private void Check(CancellationToken stop)
    {
        CheckExtractions(stop);
        var runs = _store.Runs();
        for (; _runsSeen < runs.Length; _runsSeen++) _pending.Add(runs[_runsSeen]);
        if (_pending.Count == 0) return;

        var now = _store.Clock.GetUtcNow();
        for (var i = _pending.Count - 1; i >= 0; i--)
        {
            var run = _pending[i];
            var status = run.Current(now).Status;
            if (status is not (FlowRunStatus.Completed or FlowRunStatus.Failed)) continue;
            _pending.RemoveAt(i);

            var type = status == FlowRunStatus.Completed ? "flow.run.completed" : "flow.run.failed";
            SendRunEvent(type, Body(type, w => ApiJson.WriteRun(w, run, now, _workspaceId, _store.FindFlow(run.FlowId))), run.Id, stop);
        }
    }

    private void CheckExtractions(CancellationToken stop)
    {
        var extractions = _store.Extractions();
        for (; _extractionsSeen < extractions.Length; _extractionsSeen++)
        {
            // The upload's answer says processing at once: created and processing are sent together, in that order.
            var extraction = extractions[_extractionsSeen];
            foreach (var status in new[] { "created", "processing" }) SendExtractionEvent(extraction, status, stop);
            _pendingExtractions.Add(extraction);
        }

        var now = _store.Clock.GetUtcNow();
        for (var i = _pendingExtractions.Count - 1; i >= 0; i--)
        {
            var extraction = _pendingExtractions[i];
            var status = extraction.Current(now).Status;
            if (status is not ("completed" or "failed")) continue;
            _pendingExtractions.RemoveAt(i);
            SendExtractionEvent(extraction, status, stop);
            lock (_gate) _extractionChains.Remove(extraction.Id);
        }
    }

    /// <summary>Sends one extraction's events to each URL one after the other, so a receiver sees created before processing before the end.</summary>
    private void SendExtractionEvent(EmulatedExtraction extraction, string status, CancellationToken stop)
    {
        var type = "extraction." + status;
        var body = Body(type, w => ExtractionJson.WriteEventData(w, extraction, status));
        var messageId = "msg_" + RandomNumberGenerator.GetString(IdAlphabet, 27);
        lock (_gate)
        {
            _sending.RemoveAll(t => t.IsCompleted);
            if (!_extractionChains.TryGetValue(extraction.Id, out var chains)) _extractionChains[extraction.Id] = chains = new Dictionary<Uri, Task>();
            foreach (var url in _urls)
            {
                var previous = chains.TryGetValue(url, out var before) ? before : Task.CompletedTask;
                var next = AfterAsync(previous, () => DeliverAsync(url, messageId, type, null, extraction.Id, body, stop));
                chains[url] = next;
                _sending.Add(next);
            }
        }
    }

    private static async Task AfterAsync(Task previous, Func<Task> then)
    {
        try
        {
            await previous.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await then().ConfigureAwait(false);
    }

    private void SendRunEvent(string type, byte[] body, string runId, CancellationToken stop)
    {
        var messageId = "msg_" + RandomNumberGenerator.GetString(IdAlphabet, 27);
        lock (_gate)
        {
            _sending.RemoveAll(t => t.IsCompleted);
            foreach (var url in _urls) _sending.Add(DeliverAsync(url, messageId, type, runId, null, body, stop));
        }
    }

    private static byte[] Body(string type, Action<Utf8JsonWriter> writeData)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("event", type);
            w.WritePropertyName("data");
            writeData(w);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private async Task DeliverAsync(Uri url, string messageId, string type, string? runId, string? extractionId, byte[] body, CancellationToken stop)
    {
        for (var attempt = 1; ; attempt++)
        {
            var sentAt = DateTimeOffset.UtcNow;
            int? status = null;
            string? error = null;
            using (var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) })
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop))
            {
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.TryAddWithoutValidation(TableFlowWebhook.IdHeader, messageId);
                request.Headers.TryAddWithoutValidation(TableFlowWebhook.TimestampHeader, sentAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
                request.Headers.TryAddWithoutValidation(TableFlowWebhook.SignatureHeader, _signer.Sign(messageId, sentAt, body));
                timeout.CancelAfter(_options.AttemptTimeout);
                try
                {
                    using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                    status = (int)response.StatusCode;
                }
                catch (HttpRequestException e)
                {
                    error = e.Message;
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    error = $"no answer within {_options.AttemptTimeout.TotalSeconds:0.###} s";
                }
            }

            var delivery = new EmulatedWebhookDelivery(messageId, type, runId, extractionId, url, attempt, sentAt, status, error);
            lock (_gate) _deliveries.Add(delivery);
            _log?.WriteLine($"webhook {delivery}");
            if (delivery.Succeeded || attempt > _options.RetrySchedule.Count) return;
            await Task.Delay(_options.RetrySchedule[attempt - 1], stop).ConfigureAwait(false);
        }
    }
}
