using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace TableFlow.Http;

/// <summary>What happened to one attempt of a request, as far as retrying is concerned.</summary>
internal enum AttemptOutcome
{
    /// <summary>The API answered 429 Too Many Requests: it did not take the request.</summary>
    TooManyRequests,

    /// <summary>The API answered 5xx: whether it acted on the request is unknown.</summary>
    ServerError,

    /// <summary>No connection was made (refused, or the host name did not resolve): nothing reached the API.</summary>
    ConnectionRefused,

    /// <summary>Another network failure (reset, hang-up, TLS): for a sent request the outcome is unknown.</summary>
    NetworkFailure,

    /// <summary>No answer within <see cref="TableFlowClientOptions.RequestTimeout"/>: the outcome is unknown.</summary>
    Timeout,
}

/// <summary>
/// Decides whether a failed attempt is tried again, and after how long: exponential backoff with jitter, or the
/// API's <c>Retry-After</c> when it sends one.
/// </summary>
/// <remarks>
/// Reads (<c>GET</c>) are safe to repeat, so every transient outcome is retried. A run (<c>POST …/run</c>) is not
/// idempotent and the API has no idempotency key: it is sent again only when the API certainly did not take it (a 429,
/// or a connection refused before anything was sent). After a 5xx, a timeout or a dropped connection a second POST
/// could start a second run and process the same invoices twice, so the error is surfaced instead.
/// </remarks>
internal sealed class RetryPolicy
{
    private readonly Func<double> _random;

    public RetryPolicy(int maxRetries, TimeSpan baseDelay, TimeSpan maxDelay, Func<double>? random = null)
    {
        MaxRetries = Math.Max(0, maxRetries);
        BaseDelay = baseDelay < TimeSpan.Zero ? TimeSpan.Zero : baseDelay;
        MaxDelay = maxDelay < BaseDelay ? BaseDelay : maxDelay;
        _random = random ?? SharedRandom.NextDouble;
    }

    public int MaxRetries { get; }

    public TimeSpan BaseDelay { get; }

    public TimeSpan MaxDelay { get; }

    public static RetryPolicy From(TableFlowClientOptions options)
        => new(options.MaxRetries, options.RetryDelay, options.MaxRetryDelay);

    /// <summary>Whether an outcome may be retried at all for a request that is (or is not) idempotent.</summary>
    public static bool IsRetryable(AttemptOutcome outcome, bool idempotent) => outcome switch
    {
        AttemptOutcome.TooManyRequests or AttemptOutcome.ConnectionRefused => true,
        _ => idempotent,
    };

    /// <summary>
    /// The delay before retry number <paramref name="retry"/> (1-based), or <see langword="null"/> when no retry is
    /// left or the API asked for a wait longer than <see cref="MaxDelay"/> (then waiting would look like a hang).
    /// </summary>
    public TimeSpan? GetDelay(int retry, TimeSpan? retryAfter)
    {
        if (retry > MaxRetries) return null;
        if (retryAfter is { } asked) return asked <= MaxDelay ? (asked < TimeSpan.Zero ? TimeSpan.Zero : asked) : null;

        // "Equal jitter": half the exponential step for sure, the other half random, so clients that failed together
        // do not come back together.
        var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30));
        var capped = Math.Min(exponential, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped / 2 + _random() * capped / 2);
    }

    /// <summary>Reads <c>Retry-After</c> in either form (delta seconds or an HTTP date), relative to <paramref name="now"/>.</summary>
    public static TimeSpan? ParseRetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header is null) return null;
        if (header.Delta is { } delta) return delta;
        if (header.Date is { } date) return date <= now ? TimeSpan.Zero : date - now;
        return null;
    }

    /// <summary>
    /// Whether an exception chain shows that no connection was made, so no byte reached the server: the connection was
    /// refused, or the host name did not resolve. Errors that can also strike an open connection (unreachable
    /// networks, resets) are not counted: after them the request may have gone out.
    /// </summary>
    public static bool IsNeverConnected(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData })
            {
                return true;
            }
#if NET
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }) return true;
#endif
        }

        return false;
    }

    /// <summary>Classifies an error status; <see langword="null"/> when the status is final (4xx other than 429).</summary>
    public static AttemptOutcome? Classify(HttpStatusCode status)
    {
        if ((int)status == 429) return AttemptOutcome.TooManyRequests;
        if ((int)status >= 500) return AttemptOutcome.ServerError;
        return null;
    }

    private static class SharedRandom
    {
#if NET
        public static double NextDouble() => Random.Shared.NextDouble();
#else
        private static readonly Random Instance = new();

        public static double NextDouble()
        {
            lock (Instance) return Instance.NextDouble();
        }
#endif
    }
}
