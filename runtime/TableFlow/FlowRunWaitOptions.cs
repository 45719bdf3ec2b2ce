using System;
using System.Threading;

namespace TableFlow;

/// <summary>
/// How <see cref="TableFlowClient.WaitForFlowRunAsync(string, FlowRunWaitOptions?, CancellationToken)"/> waits for one
/// run. Every setting left unset takes the client's default from <see cref="TableFlowClientOptions"/>.
/// </summary>
public sealed class FlowRunWaitOptions
{
    private TimeSpan? _timeout;
    private TimeSpan? _pollingInterval;

    /// <summary>
    /// How long the wait may take in all, every read of the run included; when it passes the wait throws a
    /// <see cref="FlowRunWaitTimeoutException"/>. <see langword="null"/> (the default) takes
    /// <see cref="TableFlowClientOptions.WaitTimeout"/>; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits
    /// until the run ends or the wait is cancelled.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative (other than <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>) or longer than about 24 days.</exception>
    public TimeSpan? Timeout
    {
        get => _timeout;
        set => _timeout = Check(value, nameof(Timeout), allowInfinite: true);
    }

    /// <summary>
    /// How long to wait between two reads of the run, unless the API asks for another interval with <c>Retry-After</c>.
    /// <see langword="null"/> (the default) takes <see cref="TableFlowClientOptions.PollingInterval"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or longer than about 24 days.</exception>
    public TimeSpan? PollingInterval
    {
        get => _pollingInterval;
        set => _pollingInterval = Check(value, nameof(PollingInterval), allowInfinite: false);
    }

    /// <summary>
    /// Whether to keep waiting while the run is paused in <see cref="FlowRunStatus.Review"/> until a person has decided
    /// (and the run is completed or failed). Default <see langword="false"/>: the wait returns the run in review.
    /// </summary>
    public bool ThroughReview { get; set; }

    /// <summary>
    /// Told of the run after every read of it during the wait, the last one included (and of a run a webhook brought
    /// that ends the wait), on the thread that read it: to show its status as it changes. An exception it throws ends
    /// the wait. <see langword="null"/> (the default): no reports. <see cref="Progress{T}"/> posts to the
    /// synchronization context it was created on, so reports may then arrive after the wait has returned; an
    /// <see cref="IProgress{T}"/> that acts at once keeps them in order.
    /// </summary>
    public IProgress<FlowRun>? Progress { get; set; }

    private static TimeSpan? Check(TimeSpan? value, string name, bool allowInfinite) => WaitTimes.Check(value, nameof(FlowRunWaitOptions), name, allowInfinite);
}
