using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Diagnostics;
using TableFlow.Http;
using TableFlow.Json;

namespace TableFlow;

/// <summary>
/// The client of the TableFlow API: runs flows and reads their runs, and uploads documents for extraction and reads their
/// extracted values. Thread-safe; make one per application and share it.
/// </summary>
/// <remarks>
/// <para>
/// Every argument is checked before any network I/O. Reads are retried after transient failures (see
/// <see cref="TableFlowClientOptions.MaxRetries"/>); a run request is sent again only when the API certainly did not
/// take it (and so is an extraction upload). Exception messages say what was being done and never contain the API key.
/// </para>
/// <para>
/// For tests of code that uses it, every method is <see langword="virtual"/> and a <see langword="protected"/>
/// parameterless constructor makes an instance with no connection: subclass it (or mock it with a mocking library)
/// and override what the code under test calls. Every generated <c>RunAsync</c> goes through
/// <see cref="RunFlowAsync"/>, so overriding that one method stands in for every typed flow.
/// </para>
/// </remarks>
public partial class TableFlowClient : IDisposable
{
    /// <summary>Everything a working client holds; <see langword="null"/> in an instance made for mocking.</summary>
    private readonly Connection? _connection;

    /// <summary>Creates a client for the public API with the given key.</summary>
    /// <param name="apiKey">The workspace's API key.</param>
    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is empty or has characters a header cannot carry.</exception>
    public TableFlowClient(string apiKey)
        : this(new TableFlowClientOptions { ApiKey = RequireKey(apiKey) })
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

    /// <summary>
    /// Creates an instance with no connection to the API, for mocking: a subclass in a test overrides the methods the
    /// code under test calls. Any method it does not override throws an <see cref="InvalidOperationException"/> that
    /// says so (except a wait for a run that is already over, which needs no request).
    /// </summary>
    protected TableFlowClient()
    {
    }

    private TableFlowClient(HttpClient? httpClient, TableFlowClientOptions options, bool ownsHttp)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        var copy = options.Clone();
        var apiKey = ClientOptionsValidator.Validate(copy);

        var http = httpClient ?? CreateOwnHttpClient();
        var sender = new ApiRequestSender(
            http,
            copy.BaseAddress,
            new AuthenticationHeaderValue("Bearer", apiKey),
            copy.RequestTimeout,
            RetryPolicy.From(copy),
            new SecretRedactor(apiKey),
            new ClientTelemetry(copy.LoggerFactory, copy.BaseAddress));
        _connection = new Connection(http, ownsHttp, copy, sender);
    }

    /// <summary>
    /// The address requests are made relative to, as the client uses it: always ending in <c>/</c>, and without the
    /// docs' <c>v2</c> segment when the options gave one (<c>https://api.tableflow.com/v2</c> becomes
    /// <c>https://api.tableflow.com/</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The instance was made for mocking and does not override this property.</exception>
    public virtual Uri BaseAddress => Connect(nameof(BaseAddress)).Options.BaseAddress;

    /// <summary>
    /// Starts a run of a flow: sends its files as <c>multipart/form-data</c> to <c>POST v2/flows/{flowId}/run</c>.
    /// The run goes on asynchronously; follow it with <see cref="WaitForFlowRunAsync(FlowRun, FlowRunWaitOptions?, CancellationToken)"/>.
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
    /// <exception cref="InvalidOperationException">The instance was made for mocking and does not override this method.</exception>
    public virtual async Task<FlowRun> RunFlowAsync(string flowId, FlowRunRequest request, CancellationToken cancellationToken = default)
    {
        var sender = Connect(nameof(RunFlowAsync)).Sender;
        var path = "v2/flows/" + ValidateId(flowId, nameof(flowId)) + "/run";
        if (request is null) throw new ArgumentNullException(nameof(request));
        request.EnsureSendable();

        var what = $"starting a run of flow '{flowId}'";
        var telemetry = sender.Telemetry;
        using var activity = telemetry.StartCall(ApiOperation.RunFlow, flowId, null);
        var started = ClientTelemetry.Timestamp();
        try
        {
            var response = await sender.PostOnceAsync(path, () => new FlowRunContent(request), request.CannotResendReason, what, ApiOperation.RunFlow, activity, cancellationToken).ConfigureAwait(false);
            var run = ResponseParser.ReadFlowRun(response, what, sender.Redactor, runRequest: true);
            telemetry.CallSucceeded(ApiOperation.RunFlow, activity, started, (int)response.StatusCode);
            telemetry.RunStarted(activity, flowId, run);
            return run;
        }
        catch (Exception e)
        {
            telemetry.CallFailed(ApiOperation.RunFlow, activity, started, e);
            telemetry.RunRequestFailed(flowId, e);
            throw;
        }
    }

    /// <summary>Reads one run (<c>GET v2/flows/runs/{runId}</c>), including a summary of its flow.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The run as it is now.</returns>
    /// <exception cref="TableFlowApiException">The API answered with an error, such as 404 for an unknown run.</exception>
    /// <exception cref="TableFlowException">The API could not be reached or answered something that is not a flow run.</exception>
    /// <exception cref="ArgumentException"><paramref name="runId"/> is empty or cannot stand in a URL path.</exception>
    /// <exception cref="InvalidOperationException">The instance was made for mocking and does not override this method.</exception>
    public virtual async Task<FlowRun> GetFlowRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        var sender = Connect(nameof(GetFlowRunAsync)).Sender;
        ValidateId(runId, nameof(runId));
        return (await ReadFlowRunAsync(sender, runId, cancellationToken).ConfigureAwait(false)).Run;
    }

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
    /// <exception cref="InvalidOperationException">The instance was made for mocking and does not override this method.</exception>
    // Without the priority, ListFlowRunsAsync(null) would be ambiguous with the string overload (for C# 13 and later).
    [OverloadResolutionPriority(1)]
    public virtual IAsyncEnumerable<FlowRun> ListFlowRunsAsync(FlowRunQuery? query = null, CancellationToken cancellationToken = default)
    {
        var sender = Connect(nameof(ListFlowRunsAsync)).Sender;
        // Checked and copied here, so a bad filter fails at the call and later changes to the query do not leak in.
        var snapshot = new FlowRunQuery { Status = query?.Status, FlowId = query?.FlowId, Limit = query?.Limit, Offset = query?.Offset };
        snapshot.ToQueryString(snapshot.Offset);
        return ListPagesAsync(sender, snapshot, cancellationToken);
    }

    /// <summary>Lists every run of one flow, newest first (<c>GET v2/flows/{flowId}/runs</c>, which answers all runs at once).</summary>
    /// <param name="flowId">The flow's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The runs, in the API's order.</returns>
    /// <remarks>For a flow with many runs, <see cref="ListFlowRunsAsync(FlowRunQuery?, CancellationToken)"/> with <see cref="FlowRunQuery.FlowId"/> pages through them instead.</remarks>
    /// <exception cref="ArgumentException"><paramref name="flowId"/> is empty or cannot stand in a URL path.</exception>
    /// <exception cref="TableFlowApiException">The API answered with an error.</exception>
    /// <exception cref="TableFlowException">The API could not be reached or answered something that is not a list of runs.</exception>
    /// <exception cref="InvalidOperationException">The instance was made for mocking and does not override this method.</exception>
    public virtual IAsyncEnumerable<FlowRun> ListFlowRunsAsync(string flowId, CancellationToken cancellationToken = default)
    {
        // Checked here, not when enumeration starts, so a bad id fails at the call.
        var sender = Connect(nameof(ListFlowRunsAsync)).Sender;
        var path = "v2/flows/" + ValidateId(flowId, nameof(flowId)) + "/runs";
        return ListFlowRunsOfFlowAsync(sender, path, flowId, cancellationToken);
    }

    /// <summary>Disposes the <see cref="HttpClient"/> the client made itself (not one that was passed in).</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the <see cref="HttpClient"/> the client made itself; a subclass that holds resources releases them here too.</summary>
    /// <param name="disposing"><see langword="true"/> when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && _connection is { OwnsHttp: true } connection) connection.Http.Dispose();
    }

    /// <summary>The connection, or a clear error when the instance was made for mocking and <paramref name="member"/> is not overridden.</summary>
    private Connection Connect(string member)
        => _connection ?? throw new InvalidOperationException(
            $"This TableFlowClient was made with the protected constructor meant for mocking, so it cannot call the API: " +
            $"override {member} in the test's subclass (or set it up in the mocking library) before the code under test calls it.");

    private static async Task<(FlowRun Run, TimeSpan? RetryAfter)> ReadFlowRunAsync(ApiRequestSender sender, string runId, CancellationToken cancellationToken)
    {
        var path = "v2/flows/runs/" + runId;
        var what = $"reading flow run '{runId}'";
        var telemetry = sender.Telemetry;
        using var activity = telemetry.StartCall(ApiOperation.GetFlowRun, null, runId);
        var started = ClientTelemetry.Timestamp();
        try
        {
            var response = await sender.GetAsync(path, what, ApiOperation.GetFlowRun, activity, cancellationToken).ConfigureAwait(false);
            var run = ResponseParser.ReadFlowRun(response, what, sender.Redactor);
            telemetry.CallSucceeded(ApiOperation.GetFlowRun, activity, started, (int)response.StatusCode);
            ClientTelemetry.TagRun(activity, run);
            return (run, response.RetryAfter);
        }
        catch (Exception e)
        {
            telemetry.CallFailed(ApiOperation.GetFlowRun, activity, started, e);
            throw;
        }
    }

    private static async IAsyncEnumerable<FlowRun> ListPagesAsync(ApiRequestSender sender, FlowRunQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long? offset = query.Offset;
        for (var page = 1; ; page++)
        {
            var what = page == 1 ? "listing flow runs" : $"listing flow runs (page {page}, offset {offset})";
            var (runs, next) = await ReadPageAsync(sender, query, offset, what, cancellationToken).ConfigureAwait(false);
            foreach (var run in runs) yield return run;

            if (next is not { } nextOffset || runs.Count == 0) yield break;
            // Only forward: a server that hands out an offset it already served, or steps back to offsets never seen
            // (1000, 999, 998, …), would make this loop for as long as it likes.
            if (nextOffset <= (offset ?? 0))
            {
                throw new TableFlowException($"The TableFlow API's pagination pointed back to offset {nextOffset}, which was already read (the page just read starts at offset {offset ?? 0}), {what}; stopped listing to avoid an endless loop.");
            }

            offset = nextOffset;
        }
    }

    /// <summary>One page of a listing, in an activity of its own that ends before the page's runs are handed out.</summary>
    private static async Task<(List<FlowRun> Runs, long? Next)> ReadPageAsync(ApiRequestSender sender, FlowRunQuery query, long? offset, string what, CancellationToken cancellationToken)
    {
        var telemetry = sender.Telemetry;
        using var activity = telemetry.StartCall(ApiOperation.ListFlowRuns, query.FlowId, null);
        var started = ClientTelemetry.Timestamp();
        try
        {
            var response = await sender.GetAsync("v2/flows/runs" + query.ToQueryString(offset), what, ApiOperation.ListFlowRuns, activity, cancellationToken).ConfigureAwait(false);
            var page = ResponseParser.ReadFlowRunPage(response, what, sender.Redactor, offset ?? 0, query.Limit);
            telemetry.CallSucceeded(ApiOperation.ListFlowRuns, activity, started, (int)response.StatusCode);
            return page;
        }
        catch (Exception e)
        {
            telemetry.CallFailed(ApiOperation.ListFlowRuns, activity, started, e);
            throw;
        }
    }

    private static async IAsyncEnumerable<FlowRun> ListFlowRunsOfFlowAsync(ApiRequestSender sender, string path, string flowId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var what = $"listing the runs of flow '{flowId}'";
        foreach (var run in await ReadRunsOfFlowAsync(sender, path, flowId, what, cancellationToken).ConfigureAwait(false)) yield return run;
    }

    private static async Task<List<FlowRun>> ReadRunsOfFlowAsync(ApiRequestSender sender, string path, string flowId, string what, CancellationToken cancellationToken)
    {
        var telemetry = sender.Telemetry;
        using var activity = telemetry.StartCall(ApiOperation.ListFlowRunsOfFlow, flowId, null);
        var started = ClientTelemetry.Timestamp();
        try
        {
            var response = await sender.GetAsync(path, what, ApiOperation.ListFlowRunsOfFlow, activity, cancellationToken).ConfigureAwait(false);
            var runs = ResponseParser.ReadFlowRunArray(response, what, sender.Redactor);
            telemetry.CallSucceeded(ApiOperation.ListFlowRunsOfFlow, activity, started, (int)response.StatusCode);
            return runs;
        }
        catch (Exception e)
        {
            telemetry.CallFailed(ApiOperation.ListFlowRunsOfFlow, activity, started, e);
            throw;
        }
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

    /// <summary>A key passed by hand must be there: unlike an unset option, an empty argument does not fall back to the environment.</summary>
    private static string RequireKey(string apiKey)
    {
        if (apiKey is null) throw new ArgumentNullException(nameof(apiKey));
        if (apiKey.Trim().Length == 0)
        {
            throw new ArgumentException(
                $"No TableFlow API key: the apiKey argument is empty. To read the key from {TableFlowClientOptions.ApiKeyEnvironmentVariable}, use new TableFlowClient(new TableFlowClientOptions()).",
                nameof(apiKey));
        }

        return apiKey;
    }

    private static string ValidateId(string id, string parameterName)
    {
        if (id is null) throw new ArgumentNullException(parameterName);
        if (FlowNames.IdProblem(id) is { } problem)
        {
            var what = parameterName switch
            {
                "runId" => "run id",
                "extractionId" => "extraction id",
                "tableKey" => "table key",
                _ => "flow id",
            };
            throw new ArgumentException($"The {what} '{FlowNames.Printable(id)}' cannot be sent as a URL path segment: {problem}.", parameterName);
        }

        return id;
    }

    /// <summary>What a client made by a public constructor works with.</summary>
    private sealed class Connection(HttpClient http, bool ownsHttp, TableFlowClientOptions options, ApiRequestSender sender)
    {
        public HttpClient Http { get; } = http;

        public bool OwnsHttp { get; } = ownsHttp;

        /// <summary>A validated copy of the caller's options.</summary>
        public TableFlowClientOptions Options { get; } = options;

        public ApiRequestSender Sender { get; } = sender;
    }
}
