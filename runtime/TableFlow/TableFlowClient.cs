using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Http;
using TableFlow.Json;

namespace TableFlow;

/// <summary>
/// The client of the TableFlow API: runs flows and reads their runs. Thread-safe; make one per application and share it.
/// </summary>
public sealed class TableFlowClient : IDisposable
{
    private const int BodyExcerptLength = 2048;

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TableFlowClientOptions _options;
    private readonly AuthenticationHeaderValue _authorization;

    /// <summary>Creates a client for the public API with the given key.</summary>
    /// <param name="apiKey">The workspace's API key.</param>
    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is empty.</exception>
    public TableFlowClient(string apiKey)
        : this(new TableFlowClientOptions { ApiKey = apiKey ?? throw new ArgumentNullException(nameof(apiKey)) })
    {
    }

    /// <summary>Creates a client with the given options; it makes and owns its own <see cref="HttpClient"/>.</summary>
    /// <param name="options">The settings; the key may come from <c>TABLEFLOW_API_KEY</c>.</param>
    /// <exception cref="ArgumentException">No API key is set, or the base address is not usable.</exception>
    public TableFlowClient(TableFlowClientOptions options)
        : this(new HttpClient(), options, ownsHttp: true)
    {
    }

    /// <summary>Creates a client that sends through the given <see cref="HttpClient"/> (for example one from <c>IHttpClientFactory</c>).</summary>
    /// <param name="httpClient">The HTTP client to send through; not disposed by this client.</param>
    /// <param name="options">The settings; the key may come from <c>TABLEFLOW_API_KEY</c>.</param>
    /// <exception cref="ArgumentException">No API key is set, or the base address is not usable.</exception>
    public TableFlowClient(HttpClient httpClient, TableFlowClientOptions options)
        : this(httpClient ?? throw new ArgumentNullException(nameof(httpClient)), options, ownsHttp: false)
    {
    }

    private TableFlowClient(HttpClient httpClient, TableFlowClientOptions options, bool ownsHttp)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        _options = options.Clone();
        var apiKey = _options.ApiKey ?? Environment.GetEnvironmentVariable(TableFlowClientOptions.ApiKeyEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            if (ownsHttp) httpClient.Dispose();
            throw new ArgumentException(
                $"No TableFlow API key: set TableFlowClientOptions.ApiKey or the {TableFlowClientOptions.ApiKeyEnvironmentVariable} environment variable.",
                nameof(options));
        }

        _options.BaseAddress = ValidateBaseAddress(_options.BaseAddress);
        _authorization = new AuthenticationHeaderValue("Bearer", apiKey!.Trim());
        _http = httpClient;
        _ownsHttp = ownsHttp;
        if (ownsHttp) _http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
    }

    /// <summary>The address requests are made relative to.</summary>
    public Uri BaseAddress => _options.BaseAddress;

    /// <summary>
    /// Starts a run of a flow: sends its files as <c>multipart/form-data</c> to <c>POST v2/flows/{flowId}/run</c>.
    /// The run goes on asynchronously; follow it with <see cref="WaitForFlowRunAsync"/>.
    /// </summary>
    /// <param name="flowId">The flow's id.</param>
    /// <param name="request">The files and fields to send.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new run, normally in <see cref="FlowRunStatus.Processing"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="flowId"/> is empty or cannot stand in a URL path.</exception>
    /// <exception cref="TableFlowApiException">The API refused the run.</exception>
    /// <exception cref="TableFlowException">The API could not be reached or answered something that is not a flow run.</exception>
    public async Task<FlowRun> RunFlowAsync(string flowId, FlowRunRequest request, CancellationToken cancellationToken = default)
    {
        var path = "v2/flows/" + ValidateId(flowId, nameof(flowId)) + "/run";
        if (request is null) throw new ArgumentNullException(nameof(request));

        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.BaseAddress, path)) { Content = new FlowRunContent(request) };
        var what = $"starting a run of flow '{flowId}'";
        using var response = await SendAsync(message, what, cancellationToken).ConfigureAwait(false);
        return await ReadFlowRunAsync(response, what, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads one run (<c>GET v2/flows/runs/{runId}</c>), including a summary of its flow.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The run as it is now.</returns>
    /// <exception cref="TableFlowApiException">The API answered with an error, such as 404 for an unknown run.</exception>
    /// <exception cref="TableFlowException">The API could not be reached or answered something that is not a flow run.</exception>
    public async Task<FlowRun> GetFlowRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        var path = "v2/flows/runs/" + ValidateId(runId, nameof(runId));
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(_options.BaseAddress, path));
        var what = $"reading flow run '{runId}'";
        using var response = await SendAsync(message, what, cancellationToken).ConfigureAwait(false);
        return await ReadFlowRunAsync(response, what, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Polls a run until it is <see cref="FlowRunStatus.Completed"/>, <see cref="FlowRunStatus.Failed"/> or
    /// <see cref="FlowRunStatus.Review"/> (paused for a person; call again to keep waiting), every
    /// <see cref="TableFlowClientOptions.PollingInterval"/>, for at most <see cref="TableFlowClientOptions.WaitTimeout"/>.
    /// </summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The run in its final (or review) state. A failed run is returned, not thrown: check <see cref="FlowRun.Status"/>.</returns>
    /// <exception cref="TableFlowException">The wait timed out, or the run could not be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<FlowRun> WaitForFlowRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        ValidateId(runId, nameof(runId));
        var deadline = DateTimeOffset.UtcNow + _options.WaitTimeout;
        while (true)
        {
            var run = await GetFlowRunAsync(runId, cancellationToken).ConfigureAwait(false);
            if (run.IsFinished) return run;
            var remaining = deadline - DateTimeOffset.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TableFlowException($"Flow run '{runId}' was still {run.StatusText} after waiting {_options.WaitTimeout}; wait again or raise TableFlowClientOptions.WaitTimeout.");
            }

            var delay = _options.PollingInterval < remaining ? _options.PollingInterval : remaining;
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Disposes the <see cref="HttpClient"/> the client made itself (not one that was passed in).</summary>
    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, string what, CancellationToken cancellationToken)
    {
        message.Headers.Authorization = _authorization;
        message.Headers.Accept.ParseAdd("application/json");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            return await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TableFlowException($"Timed out after {_options.RequestTimeout} {what} at {_options.BaseAddress}.");
        }
        catch (HttpRequestException e)
        {
            throw new TableFlowException($"Could not reach the TableFlow API at {_options.BaseAddress} {what}: {e.Message}", e);
        }
    }

    private static async Task<FlowRun> ReadFlowRunAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw CreateApiException(response, body, what);
        FlowRunDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(body, TableFlowJsonContext.Default.FlowRunDto);
        }
        catch (JsonException e)
        {
            throw new TableFlowException($"The API answered {(int)response.StatusCode} {what}, but the body is not a flow run: {e.Message} Body starts: {Excerpt(body)}", e);
        }

        if (dto is null || string.IsNullOrEmpty(dto.Id) || dto.Status is null)
        {
            throw new TableFlowException($"The API answered {(int)response.StatusCode} {what}, but the body is not a flow run (no id or status). Body starts: {Excerpt(body)}");
        }

        return FlowRunMapper.ToFlowRun(dto);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
#if NET
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
        cancellationToken.ThrowIfCancellationRequested();
        return await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
    }

    private static TableFlowApiException CreateApiException(HttpResponseMessage response, byte[] body, string what)
    {
        string? error = null, detail = null;
        try
        {
            var dto = body.Length > 0 ? JsonSerializer.Deserialize(body, TableFlowJsonContext.Default.ErrorDto) : null;
            error = dto?.Error;
            detail = dto?.Message;
        }
        catch (JsonException)
        {
            // Not the API's JSON error shape (a proxy's HTML page, say): the excerpt below carries what there is.
        }

        var status = (int)response.StatusCode;
        var said = (error, detail) switch
        {
            (not null, not null) => $"{error}: {detail}",
            (not null, null) => error,
            (null, not null) => detail,
            _ => body.Length == 0 ? "(empty body)" : Excerpt(body),
        };
        var hint = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => " Check the API key (TableFlowClientOptions.ApiKey or TABLEFLOW_API_KEY).",
            HttpStatusCode.Forbidden => " The API key may not have access to this workspace.",
            HttpStatusCode.NotFound => " Check the id, and that it belongs to the API key's workspace.",
            _ => "",
        };
        return new TableFlowApiException($"The TableFlow API answered {status} ({response.ReasonPhrase}) {what}: {said}.{hint}", response.StatusCode, error, detail, Excerpt(body));
    }

    private static string Excerpt(byte[] body)
    {
        var length = Math.Min(body.Length, BodyExcerptLength);
        var text = Encoding.UTF8.GetString(body, 0, length);
        return body.Length > BodyExcerptLength ? text + "…" : text;
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

    private static Uri ValidateBaseAddress(Uri? baseAddress)
    {
        if (baseAddress is null) throw new ArgumentException("TableFlowClientOptions.BaseAddress is null.", "options");
        if (!baseAddress.IsAbsoluteUri) throw new ArgumentException($"TableFlowClientOptions.BaseAddress '{baseAddress}' is not an absolute URI.", "options");
        if (baseAddress.Scheme != Uri.UriSchemeHttps && !(baseAddress.Scheme == Uri.UriSchemeHttp && baseAddress.IsLoopback))
        {
            throw new ArgumentException($"TableFlowClientOptions.BaseAddress '{baseAddress}' must use https (plain http is allowed only on loopback), so the API key is never sent in clear.", "options");
        }

        // Requests are relative to the base: without a trailing slash a path prefix would be dropped.
        return baseAddress.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
    }
}
