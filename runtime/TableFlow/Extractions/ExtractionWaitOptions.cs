using System;

namespace TableFlow;

/// <summary>
/// How <see cref="TableFlowClient.WaitForExtractionAsync"/> waits for one extraction. Every setting left unset takes the
/// client's default from <see cref="TableFlowClientOptions"/>.
/// </summary>
public sealed class ExtractionWaitOptions
{
    private TimeSpan? _timeout;
    private TimeSpan? _pollingInterval;

    /// <summary>
    /// How long the wait may take in all, every read included; when it passes the wait throws an
    /// <see cref="ExtractionWaitTimeoutException"/>. <see langword="null"/> (the default) takes
    /// <see cref="TableFlowClientOptions.WaitTimeout"/>; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits
    /// until the extraction ends or the wait is cancelled.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative (other than <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>) or longer than about 24 days.</exception>
    public TimeSpan? Timeout
    {
        get => _timeout;
        set => _timeout = Check(value, nameof(Timeout), allowInfinite: true);
    }

    /// <summary>
    /// How long to wait between two reads, unless the API asks for another interval with <c>Retry-After</c>.
    /// <see langword="null"/> (the default) takes <see cref="TableFlowClientOptions.PollingInterval"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or longer than about 24 days.</exception>
    public TimeSpan? PollingInterval
    {
        get => _pollingInterval;
        set => _pollingInterval = Check(value, nameof(PollingInterval), allowInfinite: false);
    }

    /// <summary>
    /// Told of the extraction after every read of it during the wait, the last one included, on the thread that read
    /// it: to show its status as it changes. An exception it throws ends the wait. <see langword="null"/> (the default): no reports. <see cref="Progress{T}"/> posts to the
    /// synchronization context it was created on, so reports may then arrive after the wait has returned; an
    /// <see cref="IProgress{T}"/> that acts at once keeps them in order.
    /// </summary>
    public IProgress<Extraction>? Progress { get; set; }

    private static TimeSpan? Check(TimeSpan? value, string name, bool allowInfinite) => WaitTimes.Check(value, nameof(ExtractionWaitOptions), name, allowInfinite);
}
