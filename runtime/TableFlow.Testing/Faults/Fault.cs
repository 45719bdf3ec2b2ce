using System;
using System.Globalization;

namespace TableFlow.Testing;

/// <summary>
/// Something to go wrong with a request, for resilience tests: an error status (with <c>Retry-After</c> for 429/503),
/// a delay before the normal answer, or a dropped connection. Queue them with <see cref="FaultInjector.Next"/>.
/// </summary>
/// <remarks>
/// By default a fault strikes before the request is processed, as a gateway or an overloaded server would: nothing is
/// recorded and no run starts. <see cref="AfterProcessing"/> makes it strike after: the request is processed (a run
/// request starts and records its run) and then its answer is lost — replaced by the error status, held back, or cut
/// off with the connection. That is the case a client must not take for "no run".
/// </remarks>
public sealed class Fault
{
    private Fault(FaultKind kind, int statusCode, TimeSpan? retryAfter, TimeSpan duration, bool afterProcessing = false)
    {
        Kind = kind;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
        Duration = duration;
        IsAfterProcessing = afterProcessing;
    }

    /// <summary>What kind of fault this is.</summary>
    public FaultKind Kind { get; }

    /// <summary>The status answered by a <see cref="FaultKind.Status"/> fault; 0 otherwise.</summary>
    public int StatusCode { get; }

    /// <summary>The <c>Retry-After</c> sent with a <see cref="FaultKind.Status"/> fault (whole seconds, rounded up), if any.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>How long a <see cref="FaultKind.Delay"/> fault holds the request before answering it normally.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Whether the fault strikes after the request was processed (see <see cref="AfterProcessing"/>).</summary>
    public bool IsAfterProcessing { get; }

    /// <summary>
    /// The same fault, striking after the request was processed: a run request starts and records its run, then the
    /// client gets the error status, the answer late, or a dropped connection instead of the run.
    /// </summary>
    /// <returns>The fault.</returns>
    public Fault AfterProcessing() => new(Kind, StatusCode, RetryAfter, Duration, afterProcessing: true);

    /// <summary>Answers with an error status and the API's error body, such as 429 (with <c>Retry-After</c>), 500 or 503.</summary>
    /// <param name="statusCode">An error status, 400 to 599.</param>
    /// <param name="retryAfter">A <c>Retry-After</c> to send; <see langword="null"/> for none.</param>
    /// <returns>The fault.</returns>
    public static Fault Status(int statusCode, TimeSpan? retryAfter = null)
    {
        if (statusCode is < 400 or > 599) throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "A fault status must be an error status (400 to 599).");
        if (retryAfter < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(retryAfter), retryAfter, "Retry-After cannot be negative.");
        return new(FaultKind.Status, statusCode, retryAfter, TimeSpan.Zero);
    }

    /// <summary>Holds the request for <paramref name="delay"/>, then answers it normally (for client timeouts).</summary>
    /// <param name="delay">How long to wait; zero or more.</param>
    /// <returns>The fault.</returns>
    public static Fault Delay(TimeSpan delay)
    {
        if (delay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(delay), delay, "The delay cannot be negative.");
        return new(FaultKind.Delay, 0, null, delay);
    }

    /// <summary>Drops the connection without an answer, before the request is processed (nothing is recorded).</summary>
    /// <returns>The fault.</returns>
    public static Fault Drop() => new(FaultKind.Drop, 0, null, TimeSpan.Zero);

    /// <inheritdoc/>
    public override string ToString() => (Kind switch
    {
        FaultKind.Status => RetryAfter is not null ? $"status {StatusCode}, Retry-After {RetryAfterSeconds}" : $"status {StatusCode}",
        FaultKind.Delay => $"delay {Duration.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms",
        _ => "dropped connection",
    }) + (IsAfterProcessing ? " after processing" : "");

    internal long RetryAfterSeconds => RetryAfter is { } r ? (long)Math.Ceiling(r.TotalSeconds) : 0;
}
