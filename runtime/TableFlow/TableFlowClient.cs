using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Http;
using TableFlow.Json;

namespace TableFlow;

/// <summary>
/// The client of the TableFlow API: runs flows and reads their runs. Thread-safe; make one per application and share it.
/// </summary>
/// <remarks>
/// Every argument is checked before any network I/O. Reads are retried after transient failures (see
/// <see cref="TableFlowClientOptions.MaxRetries"/>); a run request is sent again only when the API certainly did not
/// take it. Exception messages say what was being done and never contain the API key.
/// </remarks>
public sealed class TableFlowClient : IDisposable
{
    /// <summary>The longest single wait Task.Delay takes.</summary>
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(int.MaxValue - 1);

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TableFlowClientOptions _options;
    private readonly ApiRequestSender _sender;

    /// <summary>Creates a client for the public API with the given key.</summary>
    /// <param name="apiKey">The workspace's API key.</param>
    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is empty or has characters a header cannot carry.</exception>
    public TableFlowClient(string apiKey)
        : this(new TableFlowClientOptions { ApiKey = apiKey ?? throw new ArgumentNullException(nameof(apiKey)) })
    {
    }

    /// <summary>Creates a client with the given options; it makes and owns its own <see cref="HttpClient"/>.</summary>
    /// <param name="options">The settings; the key may come from <c>TABLEFLOW_API_KEY</c>.</param>
    /// <exception cref="ArgumentException">No API key is set, or an option (such as the base address) is not usable.</exception>
    public TableFlowClient(TableFlowClientOptions options)
        : this(null, options, ownsHttp: true)
    {
    }

    /// <summary>Creates a client that sends through the given <see cref="HttpClient"/> (for example one from <c>IHttpClientFactory</c>).</summary>
    /// <param name="httpClient">The HTTP client to send through; not disposed by this client. Its own <c>BaseAddress</c> is not used.</param>
    /// <param name="options">The settings; the key may come from <c>TABLEFLOW_API_KEY</c>.</param>
    /// <exception cref="ArgumentException">No API key is set, or an option (such as the base address) is not usable.</exception>
    public TableFlowClient(HttpClient httpClient, TableFlowClientOptions options)
        : this(httpClient ?? throw new ArgumentNullException(nameof(httpClient)), options, ownsHttp: false)
    {
    }

    private TableFlowClient(HttpClient? httpClient, TableFlowClientOptions options, bool ownsHttp)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        _options = options.Clone();
        var apiKey = ClientOptionsValidator.Validate(_options);

        _http = httpClient ?? CreateOwnHttpClient();
        _ownsHttp = ownsHttp;
        _sender = new ApiRequestSender(
            _http,
            _options.BaseAddress,
            new AuthenticationHeaderValue("Bearer", apiKey),
            _options.RequestTimeout,
            RetryPolicy.From(_options),
            new SecretRedactor(apiKey));
    }

    /// <summary>The address requests are made relative to.</summary>
    public Uri BaseAddress => _options.BaseAddress;

    /// <summary>
    /// Starts a run of a flow: sends its files as <c>multipart/form-data</c> to <c>POST v2/flows/{flowId}/run</c>.
    /// The run goes on asynchronously; follow it with <see cref="WaitForFlowRunAsync(FlowRun, CancellationToken)"/>.
    /// </summary>
    /// <param name="flowId">The flow's id.</param>
    /// <param name="request">The files and fields to send.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new run, normally in <see cref="FlowRunStatus.Processing"/>.</returns>
    /// <remarks>
    /// The request is sent once. It is sent again only after a 429 or a refused connection, when the API certainly
    /// did not take it; after a 5xx, a timeout or a dropped connection the error is thrown, because a second send
    /// could start a second run.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="flowId"/> is empty or cannot stand in a URL path.</exception>
    /// <exception cref="System.IO.FileNotFoundException">A file given by path no longer exists (nothing was sent).</exception>
    /// <exception cref="ObjectDisposedException">A caller's stream was closed before the call (nothing was sent).</exception>
    /// <exception cref="InvalidOperationException">A caller's stream that cannot seek was already sent by an earlier call (nothing was sent).</exception>
    /// <exception cref="TableFlowApiException">The API refused the run.</exception>
    /// <exception cref="TableFlowException">The API could not be reached or answered something that is not a flow run. <see cref="TableFlowException.RunMayHaveStarted"/> says whether to look for the run before running the flow again.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; when the request had already been sent, <see cref="Exception.InnerException"/> is a <see cref="TableFlowException"/> with <see cref="TableFlowException.RunMayHaveStarted"/> set.</exception>
    public async Task<FlowRun> RunFlowAsync(string flowId, FlowRunRequest request, CancellationToken cancellationToken = default)
    {
        var path = "v2/flows/" + ValidateId(flowId, nameof(flowId)) + "/run";
        if (request is null) throw new ArgumentNullException(nameof(request));
        request.EnsureSendable();

        var what = $"starting a run of flow '{flowId}'";
        var response = await _sender.PostOnceAsync(path, () => new FlowRunContent(request), request.CannotResendReason, what, cancellationToken).ConfigureAwait(false);
        return ResponseParser.ReadFlowRun(response, what, _sender.Redactor, runRequest: true);
    }

    /// <summary>Reads one run (<c>GET v2/flows/runs/{runId}</c>), including a summary of its flow.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The run as it is now.</returns>
    /// <exception cref="TableFlowApiException">The API answered with an error, such as 404 for an unknown run.</exception>
    /// <exception cref="TableFlowException">The API could not be reached or answered something that is not a flow run.</exception>
    public async Task<FlowRun> GetFlowRunAsync(string runId, CancellationToken cancellationToken = default)
        => (await GetFlowRunWithRetryAfterAsync(runId, cancellationToken).ConfigureAwait(false)).Run;

    /// <summary>
    /// Lists the workspace's runs, newest first (<c>GET v2/flows/runs</c>), following the API's pages
    /// (<c>pagination.next_offset</c>) until the last one. Pages are fetched as the enumeration reaches them.
    /// </summary>
    /// <param name="query">Filters and page size; <see langword="null"/> for every run.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The runs, in the API's order.</returns>
    /// <exception cref="ArgumentException">A filter value cannot be sent (thrown by this call, before any request).</exception>
    /// <exception cref="TableFlowApiException">The API answered a page with an error.</exception>
    /// <exception cref="TableFlowException">The API could not be reached, answered something that is not a page of runs, or repeated a page.</exception>
    // Without the priority, ListFlowRunsAsync(null) would be ambiguous with the string overload (for C# 13 and later).
    [OverloadResolutionPriority(1)]
    public IAsyncEnumerable<FlowRun> ListFlowRunsAsync(FlowRunQuery? query = null, CancellationToken cancellationToken = default)
    {
        // Checked and copied here, so a bad filter fails at the call and later changes to the query do not leak in.
        var snapshot = new FlowRunQuery { Status = query?.Status, FlowId = query?.FlowId, Limit = query?.Limit, Offset = query?.Offset };
        snapshot.ToQueryString(snapshot.Offset);
        return ListPagesAsync(snapshot, cancellationToken);
    }

    /// <summary>Lists every run of one flow, newest first (<c>GET v2/flows/{flowId}/runs</c>, which answers all runs at once).</summary>
    /// <param name="flowId">The flow's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The runs, in the API's order.</returns>
    /// <remarks>For a flow with many runs, <see cref="ListFlowRunsAsync(FlowRunQuery?, CancellationToken)"/> with <see cref="FlowRunQuery.FlowId"/> pages through them instead.</remarks>
    /// <exception cref="ArgumentException"><paramref name="flowId"/> is empty or cannot stand in a URL path.</exception>
    /// <exception cref="TableFlowApiException">The API answered with an error.</exception>
    /// <exception cref="TableFlowException">The API could not be reached or answered something that is not a list of runs.</exception>
    public IAsyncEnumerable<FlowRun> ListFlowRunsAsync(string flowId, CancellationToken cancellationToken = default)
    {
        // Checked here, not when enumeration starts, so a bad id fails at the call.
        var path = "v2/flows/" + ValidateId(flowId, nameof(flowId)) + "/runs";
        return ListFlowRunsOfFlowAsync(path, flowId, cancellationToken);
    }

    /// <summary>
    /// Polls a run until it is <see cref="FlowRunStatus.Completed"/>, <see cref="FlowRunStatus.Failed"/> or
    /// <see cref="FlowRunStatus.Review"/> (paused for a person; call again to keep waiting), every
    /// <see cref="TableFlowClientOptions.PollingInterval"/> (or as the API's <c>Retry-After</c> asks), for at most
    /// <see cref="TableFlowClientOptions.WaitTimeout"/>. <see cref="FlowRunStatus.Processing"/> and statuses this
    /// library does not know keep it polling.
    /// </summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The run in its final (or review) state. A failed run is returned, not thrown: check <see cref="FlowRun.Status"/>.</returns>
    /// <exception cref="TableFlowException">The wait timed out (the message names the run and its last status), or the run could not be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<FlowRun> WaitForFlowRunAsync(string runId, CancellationToken cancellationToken = default)
        => WaitForFlowRunAsync(runId, _options.WaitTimeout, cancellationToken);

    /// <summary>Waits for a run as <see cref="WaitForFlowRunAsync(string, CancellationToken)"/> does, for at most <paramref name="timeout"/>.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="timeout">How long to wait in all, instead of <see cref="TableFlowClientOptions.WaitTimeout"/>.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The run in its final (or review) state.</returns>
    /// <exception cref="TableFlowException">The wait timed out, or the run could not be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<FlowRun> WaitForFlowRunAsync(string runId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ValidateId(runId, nameof(runId));
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan) throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The wait timeout cannot be negative.");
        return WaitCoreAsync(runId, timeout, cancellationToken);
    }

    /// <summary>
    /// Waits for a run that <see cref="RunFlowAsync"/> (or a generated <c>RunAsync</c>) returned; a run that is already
    /// finished is returned as is, without a request.
    /// </summary>
    /// <param name="run">The run to follow.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The run in its final (or review) state.</returns>
    /// <exception cref="TableFlowException">The wait timed out, or the run could not be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<FlowRun> WaitForFlowRunAsync(FlowRun run, CancellationToken cancellationToken = default)
    {
        if (run is null) throw new ArgumentNullException(nameof(run));
        return run.IsFinished ? Task.FromResult(run) : WaitForFlowRunAsync(run.Id, cancellationToken);
    }

    /// <summary>Disposes the <see cref="HttpClient"/> the client made itself (not one that was passed in).</summary>
    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }

    private async Task<FlowRun> WaitCoreAsync(string runId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (run, retryAfter) = await GetFlowRunWithRetryAfterAsync(runId, cancellationToken).ConfigureAwait(false);
            if (run.IsFinished) return run;

            var remaining = timeout == Timeout.InfiniteTimeSpan ? TimeSpan.MaxValue : timeout - clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TableFlowException($"Flow run '{runId}' was still '{run.StatusText}' after waiting {timeout}; wait again, or raise TableFlowClientOptions.WaitTimeout.");
            }

            // The API's Retry-After, when it sends one with a run, knows better than a fixed interval.
            var delay = retryAfter ?? _options.PollingInterval;
            if (delay > remaining) delay = remaining;
            if (delay > MaxDelay) delay = MaxDelay;
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(FlowRun Run, TimeSpan? RetryAfter)> GetFlowRunWithRetryAfterAsync(string runId, CancellationToken cancellationToken)
    {
        var path = "v2/flows/runs/" + ValidateId(runId, nameof(runId));
        var what = $"reading flow run '{runId}'";
        var response = await _sender.GetAsync(path, what, cancellationToken).ConfigureAwait(false);
        return (ResponseParser.ReadFlowRun(response, what, _sender.Redactor), response.RetryAfter);
    }

    private async IAsyncEnumerable<FlowRun> ListPagesAsync(FlowRunQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long? offset = query.Offset;
        var seen = new HashSet<long> { offset ?? 0 };
        for (var page = 1; ; page++)
        {
            var what = page == 1 ? "listing flow runs" : $"listing flow runs (page {page}, offset {offset})";
            var response = await _sender.GetAsync("v2/flows/runs" + query.ToQueryString(offset), what, cancellationToken).ConfigureAwait(false);
            var (runs, next) = ResponseParser.ReadFlowRunPage(response, what, _sender.Redactor, offset ?? 0, query.Limit);
            foreach (var run in runs) yield return run;

            if (next is not { } nextOffset || runs.Count == 0) yield break;
            if (!seen.Add(nextOffset))
            {
                // A server that hands out an offset it already served would make this loop forever.
                throw new TableFlowException($"The TableFlow API's pagination pointed back to offset {nextOffset}, which was already read, {what}; stopped listing to avoid an endless loop.");
            }

            offset = nextOffset;
        }
    }

    private async IAsyncEnumerable<FlowRun> ListFlowRunsOfFlowAsync(string path, string flowId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var what = $"listing the runs of flow '{flowId}'";
        var response = await _sender.GetAsync(path, what, cancellationToken).ConfigureAwait(false);
        foreach (var run in ResponseParser.ReadFlowRunArray(response, what, _sender.Redactor)) yield return run;
    }

    private static HttpClient CreateOwnHttpClient()
    {
        // Redirects are not followed: .NET drops the Authorization header on a redirect, and following one would
        // re-send a run's body. The error then names where the API moved.
#if NET
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
#else
        var handler = new HttpClientHandler { AllowAutoRedirect = false };
#endif
        // The per-attempt timeout is RequestTimeout, applied by the client itself; HttpClient's own would cut in first.
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private static string ValidateId(string id, string parameterName)
    {
        if (id is null) throw new ArgumentNullException(parameterName);
        if (id.Trim().Length == 0) throw new ArgumentException("The id is empty.", parameterName);
        foreach (var c in id)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_' or '.' or '~') || id is "." or "..")
            {
                throw new ArgumentException($"The id '{FlowRunRequest.Escape(id)}' has a character ('{FlowRunRequest.Escape(c.ToString())}') that cannot stand in a URL path segment.", parameterName);
            }
        }

        return id;
    }
}
