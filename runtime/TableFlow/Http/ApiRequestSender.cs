using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace TableFlow.Http;

/// <summary>
/// Sends one API call: authorization, the per-attempt timeout, retries as <see cref="RetryPolicy"/> allows, and
/// failures turned into <see cref="TableFlowException"/>s that say what was being done.
/// </summary>
internal sealed class ApiRequestSender
{
    /// <summary>An error body is only needed for its message and an excerpt; a bigger one is not read further.</summary>
    private const int MaxErrorBodyBytes = 64 * 1024;

    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");
    private static readonly ProductInfoHeaderValue UserAgent = new("TableFlow.Generators", typeof(ApiRequestSender).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    private readonly HttpClient _http;
    private readonly Uri _baseAddress;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly TimeSpan _requestTimeout;
    private readonly RetryPolicy _policy;
    private readonly SecretRedactor _redactor;

    public ApiRequestSender(HttpClient http, Uri baseAddress, AuthenticationHeaderValue authorization, TimeSpan requestTimeout, RetryPolicy policy, SecretRedactor redactor)
    {
        _http = http;
        _baseAddress = baseAddress;
        _authorization = authorization;
        _requestTimeout = requestTimeout;
        _policy = policy;
        _redactor = redactor;
    }

    public SecretRedactor Redactor => _redactor;

    /// <summary>A <c>GET</c>: retried after any transient failure.</summary>
    public Task<ApiResponse> GetAsync(string relativePath, string what, CancellationToken cancellationToken)
        => SendAsync(HttpMethod.Get, relativePath, null, null, what, cancellationToken);

    /// <summary>
    /// A request that must not be repeated blindly: sent again only after a 429 or a refused connection, and only when
    /// <paramref name="cannotResendReason"/> finds nothing that stops its body from being produced again.
    /// </summary>
    public Task<ApiResponse> PostOnceAsync(string relativePath, Func<HttpContent> createContent, Func<string?> cannotResendReason, string what, CancellationToken cancellationToken)
        => SendAsync(HttpMethod.Post, relativePath, createContent, cannotResendReason, what, cancellationToken);

    private async Task<ApiResponse> SendAsync(HttpMethod method, string relativePath, Func<HttpContent>? createContent, Func<string?>? cannotResendReason, string what, CancellationToken cancellationToken)
    {
        var idempotent = createContent is null;
        var uri = new Uri(_baseAddress, relativePath);
        for (var attempt = 1; ; attempt++)
        {
            AttemptOutcome outcome;
            TableFlowException failure;
            TimeSpan? retryAfter = null;
            ApiResponse? errorResponse = null;

            using (var message = new HttpRequestMessage(method, uri))
            using (var timeout = CreateTimeout(cancellationToken))
            {
                message.Headers.Authorization = _authorization;
                message.Headers.Accept.Add(AcceptJson);
                message.Headers.UserAgent.Add(UserAgent);
                if (createContent is not null) message.Content = createContent();

                // A body of unknown length (a stream that cannot seek) is sent chunked. .NET does so by itself, but
                // .NET Framework's HttpClientHandler buffers such a body whole in memory unless chunking is asked for.
                if (message.Content is { Headers.ContentLength: null }) message.Headers.TransferEncodingChunked = true;
                try
                {
                    var response = await ReceiveAsync(message, timeout?.Token ?? cancellationToken).ConfigureAwait(false);
                    if (response.IsSuccess) return response;
                    var classified = RetryPolicy.Classify(response.StatusCode);
                    if (classified is null) throw ApiErrors.Create(response, what, null, _redactor);
                    outcome = classified.Value;
                    retryAfter = response.RetryAfter;
                    errorResponse = response;
                    failure = ApiErrors.Create(response, what, null, _redactor);
                }
                catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
                {
                    outcome = AttemptOutcome.Timeout;
                    var limit = timeout?.IsCancellationRequested == true
                        ? $"{_requestTimeout.TotalSeconds:0.###} s (TableFlowClientOptions.RequestTimeout)"
                        : $"{_http.Timeout.TotalSeconds:0.###} s (the HttpClient's own Timeout)";
                    failure = new TableFlowException(_redactor.Redact($"Timed out {what} at {_baseAddress}: no complete answer within {limit}."), _redactor.SafeInner(e));
                }
                catch (Exception e) when (FindFileReadFailure(e) is { } fileFailure)
                {
                    // The caller's file, not the network, failed: the body was cut short, so retrying cannot help.
                    throw new TableFlowException(
                        _redactor.Redact($"{fileFailure.Message.TrimEnd('.')} ({what}). The request was cut off, so the API should not have started a run."),
                        _redactor.SafeInner(fileFailure.InnerException));
                }
                catch (Exception e) when (e is HttpRequestException or IOException)
                {
                    outcome = RetryPolicy.IsNeverConnected(e) ? AttemptOutcome.ConnectionRefused : AttemptOutcome.NetworkFailure;
                    var happened = outcome == AttemptOutcome.ConnectionRefused
                        ? "no connection could be made, so the API did not receive the request"
                        : "the connection failed or was closed before the answer was complete";
                    failure = new TableFlowException(_redactor.Redact($"Could not complete the call to the TableFlow API at {_baseAddress} {what}: {happened} ({Describe(e)})."), _redactor.SafeInner(e));
                }
            }

            var blocker = RetryPolicy.IsRetryable(outcome, idempotent) ? null : NotResentReason(outcome);
            if (blocker is null && !idempotent) blocker = cannotResendReason?.Invoke();
            if (blocker is not null) throw WithNote(failure, errorResponse, what, blocker);

            var delay = _policy.GetDelay(attempt, retryAfter);
            if (delay is null)
            {
                var note = attempt > _policy.MaxRetries
                    ? (attempt > 1 ? $"Gave up after {attempt} attempts (TableFlowClientOptions.MaxRetries is {_policy.MaxRetries})." : null)
                    : $"Not retried: the API asked to wait longer than TableFlowClientOptions.MaxRetryDelay ({_policy.MaxDelay.TotalSeconds:0.###} s).";
                throw note is null ? failure : WithNote(failure, errorResponse, what, note);
            }

            await Task.Delay(delay.Value, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The per-attempt timeout: none when <see cref="TableFlowClientOptions.RequestTimeout"/> is infinite, a plain
    /// timed source when the caller's token cannot be cancelled (the common case), a linked one only otherwise.
    /// </summary>
    private CancellationTokenSource? CreateTimeout(CancellationToken cancellationToken)
    {
        if (_requestTimeout == Timeout.InfiniteTimeSpan) return null;
        if (!cancellationToken.CanBeCanceled) return new CancellationTokenSource(_requestTimeout);
        var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        linked.CancelAfter(_requestTimeout);
        return linked;
    }

    private async Task<ApiResponse> ReceiveAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var success = response.IsSuccessStatusCode;
        var body = await ReadBodyAsync(response.Content, success ? int.MaxValue : MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
        return new ApiResponse(
            response.StatusCode,
            response.ReasonPhrase,
            response.Content.Headers.ContentType?.MediaType,
            body,
            RetryPolicy.ParseRetryAfter(response.Headers.RetryAfter, DateTimeOffset.UtcNow),
            response.Headers.Location);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
#if NET
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        // With a Content-Length the body is read into one array of its size: no growing buffer, no final copy.
        if (content.Headers.ContentLength is { } length && length <= limit)
        {
            if (length == 0) return Array.Empty<byte>();
            var body = new byte[length];
            var filled = 0;
            int got;
            while (filled < body.Length && (got = await stream.ReadAsync(body, filled, body.Length - filled, cancellationToken).ConfigureAwait(false)) > 0)
            {
                filled += got;
            }

            if (filled < body.Length) Array.Resize(ref body, filled);
            return body;
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while (buffer.Length < limit && (read = await stream.ReadAsync(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private static string NotResentReason(AttemptOutcome outcome) => outcome switch
    {
        AttemptOutcome.ServerError => "The run request was not sent again: after a server error the API may have started the run. Check ListFlowRunsAsync before you run the flow again.",
        AttemptOutcome.Timeout => "The run request was not sent again: after a timeout the API may have started the run. Check ListFlowRunsAsync before you run the flow again.",
        _ => "The run request was not sent again: the connection broke after the request went out, so the API may have started the run. Check ListFlowRunsAsync before you run the flow again.",
    };

    private TableFlowException WithNote(TableFlowException failure, ApiResponse? response, string what, string note)
        => response is not null
            ? ApiErrors.Create(response, what, note, _redactor)
            : new TableFlowException(_redactor.Redact(failure.Message + " " + note), failure.InnerException);

    private static FileReadException? FindFileReadFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is FileReadException found) return found;
        }

        return null;
    }

    private static string Describe(Exception e)
    {
        // The innermost message is the precise one ("Connection refused", "Connection reset by peer").
        var inner = e;
        while (inner.InnerException is not null) inner = inner.InnerException;
        return ReferenceEquals(inner, e) || e.Message.IndexOf(inner.Message, StringComparison.Ordinal) >= 0 ? e.Message : $"{e.Message} {inner.Message}";
    }
}
