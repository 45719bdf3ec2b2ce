using System;
using System.Buffers;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Diagnostics;

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
    private readonly ClientTelemetry _telemetry;

    public ApiRequestSender(HttpClient http, Uri baseAddress, AuthenticationHeaderValue authorization, TimeSpan requestTimeout, RetryPolicy policy, SecretRedactor redactor, ClientTelemetry telemetry)
    {
        _telemetry = telemetry;
        _http = http;
        _baseAddress = baseAddress;
        _authorization = authorization;
        _requestTimeout = requestTimeout;
        _policy = policy;
        _redactor = redactor;
    }

    public SecretRedactor Redactor => _redactor;

    /// <summary>The client's logs, traces and metrics.</summary>
    public ClientTelemetry Telemetry => _telemetry;

    /// <summary>A <c>GET</c>: retried after any transient failure. <paramref name="call"/> is the call's activity, tagged with its retries.</summary>
    public Task<ApiResponse> GetAsync(string relativePath, string what, ApiOperation operation, Activity? call, CancellationToken cancellationToken)
        => SendAsync(HttpMethod.Get, relativePath, null, null, SendOnceWording.Run, what, operation, call, streamSuccess: false, cancellationToken);

    /// <summary>
    /// A <c>GET</c> whose successful answer is handed over unread (<see cref="ApiResponse.Unread"/>, which the caller
    /// disposes) for streaming; retried as <see cref="GetAsync"/> is. An error answer is read and thrown as usual.
    /// </summary>
    public Task<ApiResponse> GetStreamAsync(string relativePath, string what, ApiOperation operation, Activity? call, CancellationToken cancellationToken)
        => SendAsync(HttpMethod.Get, relativePath, null, null, SendOnceWording.Run, what, operation, call, streamSuccess: true, cancellationToken);

    /// <summary>
    /// A request that must not be repeated blindly: sent again only after a 429 or a refused connection, and only when
    /// <paramref name="cannotResendReason"/> finds nothing that stops its body from being produced again.
    /// </summary>
    public Task<ApiResponse> PostOnceAsync(string relativePath, Func<HttpContent> createContent, Func<string?> cannotResendReason, string what, ApiOperation operation, Activity? call, CancellationToken cancellationToken, SendOnceWording? wording = null)
        => SendAsync(HttpMethod.Post, relativePath, createContent, cannotResendReason, wording ?? SendOnceWording.Run, what, operation, call, streamSuccess: false, cancellationToken);

    private async Task<ApiResponse> SendAsync(HttpMethod method, string relativePath, Func<HttpContent>? createContent, Func<string?>? cannotResendReason, SendOnceWording wording, string what, ApiOperation operation, Activity? call, bool streamSuccess, CancellationToken cancellationToken)
    {
        var idempotent = createContent is null;
        var uri = new Uri(_baseAddress, relativePath);
        for (var attempt = 1; ; attempt++)
        {
            AttemptOutcome outcome;
            TableFlowException failure;
            TimeSpan? retryAfter = null;
            ApiResponse? errorResponse = null;

            // Whether this attempt may have started a run: only a run request can, and only once its whole body went out.
            var mayHaveStarted = false;

            using (var message = new HttpRequestMessage(method, uri))
            using (var timeout = CreateTimeout(cancellationToken))
            {
                message.Headers.Authorization = _authorization;
                message.Headers.Accept.Add(AcceptJson);
                message.Headers.UserAgent.Add(UserAgent);
                TrackedRequestContent? body = null;
                if (createContent is not null) message.Content = body = new TrackedRequestContent(createContent(), message);

                // A body of unknown length (a stream that cannot seek) is sent chunked. .NET does so by itself, but
                // .NET Framework's HttpClientHandler buffers such a body whole in memory unless chunking is asked for.
                if (message.Content is { Headers.ContentLength: null }) message.Headers.TransferEncodingChunked = true;
                try
                {
                    var response = await ReceiveAsync(message, streamSuccess, timeout?.Token ?? cancellationToken).ConfigureAwait(false);
                    if (body is not null && message.RequestUri != uri) throw RedirectFollowed(wording, what, message.RequestUri, response, body.Completed && message.Method == method);
                    if (response.IsSuccess) return response;
                    var classified = RetryPolicy.Classify(response.StatusCode);
                    mayHaveStarted = body is not null && classified == AttemptOutcome.ServerError;
                    if (classified is null) throw ApiErrors.Create(response, what, body is null ? null : wording.NotStarted, _redactor);
                    outcome = classified.Value;
                    retryAfter = response.RetryAfter;
                    errorResponse = response;
                    failure = ApiErrors.Create(response, what, null, _redactor, mayHaveStarted);
                }
                catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested && body is { Completed: true })
                {
                    // Cancellation stays cancellation, but a program must learn that the run may exist all the same.
                    var inner = new TableFlowException(_redactor.Redact($"The call was canceled {what} after the whole request had been sent, so the API may have started the {wording.Thing}. {wording.LookBefore}"), _redactor.SafeInner(e), runMayHaveStarted: true);
                    throw new OperationCanceledException(inner.Message, inner, cancellationToken);
                }
                catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
                {
                    outcome = AttemptOutcome.Timeout;
                    mayHaveStarted = body is { Completed: true };
                    failure = new TableFlowException(_redactor.Redact(TimeoutMessage(wording, what, e, timeout, body)), _redactor.SafeInner(e), mayHaveStarted) { IsTimeout = true };
                }
                catch (Exception e) when (Find<ResendRefusedException>(e) is { } refused)
                {
                    throw ResendRefused(wording, what, refused, e);
                }
                catch (Exception e) when (Find<FileReadException>(e) is { } fileFailure)
                {
                    // The caller's file, not the network, failed: the body was cut short, so retrying cannot help.
                    throw new TableFlowException(
                        _redactor.Redact($"{fileFailure.Message.TrimEnd('.')} ({what}). The request was cut off before its end, so the API did not start {wording.AThing}."),
                        _redactor.SafeInner(fileFailure.InnerException));
                }
                catch (Exception e) when (e is HttpRequestException or IOException)
                {
                    outcome = RetryPolicy.IsNeverConnected(e) ? AttemptOutcome.ConnectionRefused : AttemptOutcome.NetworkFailure;
                    mayHaveStarted = outcome == AttemptOutcome.NetworkFailure && body is { Completed: true };
                    var happened = outcome == AttemptOutcome.ConnectionRefused
                        ? "no connection could be made, so the API did not receive the request"
                        : body is { Started: true, Completed: false } ? $"the connection failed while the request was being sent ({Progress(body)}), so the API did not get all of it"
                        : "the connection failed or was closed before the answer was complete";
                    failure = new TableFlowException(_redactor.Redact($"Could not complete the call to the TableFlow API at {_baseAddress} {what}: {happened} ({Describe(e)})."), _redactor.SafeInner(e), mayHaveStarted);
                }
            }

            var blocker = RetryPolicy.IsRetryable(outcome, idempotent) ? null : NotResentReason(wording, outcome, mayHaveStarted);
            if (blocker is null && !idempotent) blocker = cannotResendReason?.Invoke();
            if (blocker is not null) throw WithNote(failure, errorResponse, what, blocker, mayHaveStarted);

            var delay = _policy.GetDelay(attempt, retryAfter);
            if (delay is null)
            {
                var note = attempt > _policy.MaxRetries
                    ? (attempt > 1 ? $"Gave up after {attempt} attempts (TableFlowClientOptions.MaxRetries is {_policy.MaxRetries})." : null)
                    : $"Not retried: the API asked to wait longer than TableFlowClientOptions.MaxRetryDelay ({_policy.MaxDelay.TotalSeconds:0.###} s).";
                if (!idempotent && !mayHaveStarted) note = note is null ? wording.NotStarted : note + " " + wording.NotStarted;
                throw note is null ? failure : WithNote(failure, errorResponse, what, note, mayHaveStarted);
            }

            _telemetry.Retrying(operation, call, attempt, ClientTelemetry.RetryReason(outcome, errorResponse is null ? null : (int)errorResponse.StatusCode), delay.Value);
            await Task.Delay(delay.Value, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static readonly string LookBeforeRunningAgain = SendOnceWording.Run.LookBefore;

    private string TimeoutMessage(SendOnceWording wording, string what, OperationCanceledException e, CancellationTokenSource? timeout, TrackedRequestContent? body)
    {
        string limit, advice;
        if (timeout?.IsCancellationRequested == true)
        {
            limit = $"{Seconds(_requestTimeout)} (TableFlowClientOptions.RequestTimeout)";
            advice = "Raise TableFlowClientOptions.RequestTimeout if uploads or answers take this long.";
        }
        else if (_http.Timeout != Timeout.InfiniteTimeSpan || Find<TimeoutException>(e) is not null)
        {
            var requestTimeout = _requestTimeout == Timeout.InfiniteTimeSpan ? "no limit" : Seconds(_requestTimeout);
            limit = $"{Seconds(_http.Timeout)} (HttpClient.Timeout, the HttpClient's own Timeout)";
            advice = $"Raise HttpClient.Timeout on the HttpClient passed to TableFlowClient, or set it to Timeout.InfiniteTimeSpan and let TableFlowClientOptions.RequestTimeout ({requestTimeout}) limit each request.";
        }
        else
        {
            limit = "the time the HttpClient's handler allowed (it canceled the request)";
            advice = "Check the timeouts of the handlers of the HttpClient passed to TableFlowClient.";
        }

        var progress = body is null ? ""
            : !body.Started ? $" Nothing of the request had been sent, so the API did not start {wording.AThing}."
            : !body.Completed ? $" The upload was cut off ({Progress(body)}), so the API did not start {wording.AThing}."
            : $" The whole request had been sent: the API may have started the {wording.Thing}.";
        return $"Timed out {what} at {_baseAddress}: no complete answer within {limit}.{progress} {advice}";
    }

    private static string Seconds(TimeSpan t) => $"{t.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s";

    private static string Progress(TrackedRequestContent body)
        => body.Length is { } length
            ? $"{body.BytesWritten.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} of {length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes sent"
            : $"{body.BytesWritten.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes sent";

    private TableFlowException RedirectFollowed(SendOnceWording wording, string what, Uri? target, ApiResponse response, bool bodyPostedAgain)
    {
        // Only a handler that follows redirects gets here: the client's own never does. A 301/302/303 turns the POST
        // into a GET without the body; a 307/308 re-post is refused by TrackedRequestContent before it starts.
        var message = $"The TableFlow API at {_baseAddress} answered {what} with a redirect to {target}, and the HttpClient passed to TableFlowClient followed it (its handler has AllowAutoRedirect = true); the redirect target answered {(int)response.StatusCode}. A {wording.Request} is never sent on to a redirect target. "
            + (bodyPostedAgain ? $"The {wording.Thing} may have started there. " + wording.LookBefore : $"The {wording.Request} was not posted again, so the API did not start {wording.AThing}.")
            + $" Set TableFlowClientOptions.BaseAddress to the new address, and AllowAutoRedirect = false on the handler.";
        return new TableFlowException(_redactor.Redact(message), null, bodyPostedAgain);
    }

    private TableFlowException ResendRefused(SendOnceWording wording, string what, ResendRefusedException refused, Exception e)
    {
        if (refused.RedirectedTo is { } target)
        {
            return new TableFlowException(_redactor.Redact(
                $"The TableFlow API at {_baseAddress} answered {what} with a redirect to {target}, and the HttpClient passed to TableFlowClient tried to follow it and post the {wording.Request} again (its handler has AllowAutoRedirect = true). " +
                $"That second post was stopped before any of the body went out, and the API did not start {wording.AThing} where it redirected. Set TableFlowClientOptions.BaseAddress to the new address, and AllowAutoRedirect = false on the handler."),
                null, runMayHaveStarted: false);
        }

        return new TableFlowException(_redactor.Redact(
            $"A handler of the HttpClient passed to TableFlowClient tried to send the {wording.Request} a second time {what} (a retry or resilience handler, say); it was stopped, because the first one may have started the {wording.Thing}. " +
            wording.LookBefore + $" Let TableFlowClient decide about retries: it re-sends {(wording == SendOnceWording.Run ? "a run" : "an upload")} only when the API certainly did not take it."),
            _redactor.SafeInner(e), runMayHaveStarted: true);
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

    private async Task<ApiResponse> ReceiveAsync(HttpRequestMessage message, bool streamSuccess, CancellationToken cancellationToken)
    {
        var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var handedOver = false;
        try
        {
            var success = response.IsSuccessStatusCode;
            var unread = success && streamSuccess;
            var body = unread ? Array.Empty<byte>() : await ReadBodyAsync(response.Content, success ? int.MaxValue : MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
            var answer = new ApiResponse(
                response.StatusCode,
                response.ReasonPhrase,
                response.Content.Headers.ContentType?.MediaType,
                body,
                RetryPolicy.ParseRetryAfter(response.Headers.RetryAfter, DateTimeOffset.UtcNow),
                response.Headers.Location)
            {
                Unread = unread ? response : null,
            };
            handedOver = unread;
            return answer;
        }
        finally
        {
            if (!handedOver) response.Dispose();
        }
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

    private static string NotResentReason(SendOnceWording w, AttemptOutcome outcome, bool mayHaveStarted) => (outcome, mayHaveStarted) switch
    {
        (_, false) => $"The {w.Request} was not sent again automatically; the API did not start {w.AThing}, so {w.StartAgain}.",
        (AttemptOutcome.ServerError, _) => $"The {w.Request} was not sent again: after a server error the API may have started the {w.Thing}. " + w.LookBefore,
        (AttemptOutcome.Timeout, _) => $"The {w.Request} was not sent again: after a timeout the API may have started the {w.Thing}. " + w.LookBefore,
        _ => $"The {w.Request} was not sent again: the connection broke after the request went out, so the API may have started the {w.Thing}. " + w.LookBefore,
    };

    private TableFlowException WithNote(TableFlowException failure, ApiResponse? response, string what, string note, bool mayHaveStarted)
        => response is not null
            ? ApiErrors.Create(response, what, note, _redactor, mayHaveStarted)
            : new TableFlowException(_redactor.Redact(failure.Message + " " + note), failure.InnerException, mayHaveStarted) { IsTimeout = failure.IsTimeout };

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found) return found;
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
