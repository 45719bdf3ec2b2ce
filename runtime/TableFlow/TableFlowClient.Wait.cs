using System;
using System.ComponentModel;
using System.Net;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Http;

namespace TableFlow;

// Waiting for a run to end: polling GET v2/flows/runs/{id} under one deadline that no read outlives, and, with webhooks
// wired in (TableFlowClientOptions.Events), ending on the run's event with polling as a slow fallback.
public partial class TableFlowClient
{
    /// <summary>The longest single wait <see cref="Task.Delay(TimeSpan, CancellationToken)"/> takes.</summary>
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(int.MaxValue - 1);

    /// <summary>
    /// Polls a run (<c>GET v2/flows/runs/{runId}</c>) until it is <see cref="FlowRunStatus.Completed"/> or
    /// <see cref="FlowRunStatus.Failed"/>, or paused in <see cref="FlowRunStatus.Review"/> for a person (unless
    /// <see cref="FlowRunWaitOptions.ThroughReview"/> is set, which keeps it polling until the person has decided).
    /// <see cref="FlowRunStatus.Processing"/> and statuses this library does not know keep it polling.
    /// </summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="options">The timeout, polling interval and review behaviour; <see langword="null"/> for the client's defaults (<see cref="TableFlowClientOptions.WaitTimeout"/>, <see cref="TableFlowClientOptions.PollingInterval"/>).</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>
    /// The run as last read: completed, failed (returned, not thrown: check <see cref="FlowRun.Status"/> and
    /// <see cref="FlowRun.Error"/>), or in review. A run already in review is returned by the first read, so waiting
    /// again without <see cref="FlowRunWaitOptions.ThroughReview"/> returns at once.
    /// </returns>
    /// <remarks>
    /// <para>
    /// Reads come every <see cref="FlowRunWaitOptions.PollingInterval"/>, or after the API's <c>Retry-After</c> when it
    /// sends one. A read that fails for a passing reason is retried as any read is (see
    /// <see cref="TableFlowClientOptions.MaxRetries"/>); an answer 429 or 503 that carries <c>Retry-After</c> does not end
    /// the wait either: it polls again when the API asked. Other errors (such as 404 for an unknown run) end it.
    /// </para>
    /// <para>
    /// The timeout holds for the whole wait: a read in progress (its retries and their delays included) is cut off
    /// when it passes, even if the server hangs or asks for a long <c>Retry-After</c>. The run itself goes on.
    /// </para>
    /// <para>
    /// With webhooks wired in (<see cref="TableFlowClientOptions.Events"/>, which <c>AddTableFlow()</c> and
    /// <c>MapTableFlowWebhooks</c> share), the wait ends as soon as the run's <c>flow.run.completed</c> or
    /// <c>flow.run.failed</c> event arrives: it returns the run the event carries when that is the whole run (the shape a
    /// read answers, with its flow summary), else it reads the run once. Reads then come only every
    /// <see cref="TableFlowClientOptions.FallbackPollingInterval"/> (or the polling interval, when longer), to catch a
    /// lost event and a run paused in review, which sends none.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="runId"/> is empty or cannot stand in a URL path (thrown before any request).</exception>
    /// <exception cref="FlowRunWaitTimeoutException">The timeout passed first; <see cref="FlowRunWaitTimeoutException.LastRun"/> is the run as last read.</exception>
    /// <exception cref="TableFlowApiException">The API answered a read with an error that does not pass, such as 404.</exception>
    /// <exception cref="TableFlowException">The API could not be reached or answered something that is not a flow run.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">The instance was made for mocking and does not override this method.</exception>
    // The priority keeps WaitForFlowRunAsync(id, default) from being ambiguous with the CancellationToken overload (C# 13 and later).
    [OverloadResolutionPriority(1)]
    public virtual Task<FlowRun> WaitForFlowRunAsync(string runId, FlowRunWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        var connection = Connect(nameof(WaitForFlowRunAsync));
        ValidateId(runId, nameof(runId));
        return WaitObservedAsync(connection, runId, null, options, cancellationToken);
    }

    /// <summary>
    /// Waits for a run that <see cref="RunFlowAsync"/> (or a generated <c>RunAsync</c>) returned, as
    /// <see cref="WaitForFlowRunAsync(string, FlowRunWaitOptions?, CancellationToken)"/> does. A run that needs no
    /// waiting (completed, failed, or in review without <see cref="FlowRunWaitOptions.ThroughReview"/>) is returned as
    /// it is, without a request.
    /// </summary>
    /// <param name="run">The run to follow.</param>
    /// <param name="options">The timeout, polling interval and review behaviour; <see langword="null"/> for the client's defaults.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The run as last read: completed, failed, or in review (see <paramref name="options"/>).</returns>
    /// <exception cref="ArgumentException">The run needs waiting for and its id is empty or cannot stand in a URL path (thrown before any request).</exception>
    /// <exception cref="FlowRunWaitTimeoutException">The timeout passed first; <see cref="FlowRunWaitTimeoutException.LastRun"/> is the run as last read (at worst <paramref name="run"/>).</exception>
    /// <exception cref="TableFlowApiException">The API answered a read with an error that does not pass, such as 404.</exception>
    /// <exception cref="TableFlowException">The API could not be reached or answered something that is not a flow run.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">The instance was made for mocking, does not override this method, and the run needs waiting for.</exception>
    [OverloadResolutionPriority(1)]
    public virtual Task<FlowRun> WaitForFlowRunAsync(FlowRun run, FlowRunWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (run is null) throw new ArgumentNullException(nameof(run));
        if (IsDone(run, options?.ThroughReview == true)) return Task.FromResult(run); // no request, so no id needed (a mock's run may have none)
        var connection = Connect(nameof(WaitForFlowRunAsync));
        ValidateId(run.Id, nameof(run));
        return WaitObservedAsync(connection, run.Id, run, options, cancellationToken);
    }

    /// <summary>
    /// Waits for a run with the client's defaults, as <see cref="WaitForFlowRunAsync(string, FlowRunWaitOptions?, CancellationToken)"/>
    /// does; this overload lets a call pass its token second, as <c>WaitForFlowRunAsync(id, cancellationToken)</c>.
    /// </summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The run as last read: completed, failed, or in review.</returns>
    /// <exception cref="ArgumentException"><paramref name="runId"/> is empty or cannot stand in a URL path.</exception>
    /// <exception cref="FlowRunWaitTimeoutException"><see cref="TableFlowClientOptions.WaitTimeout"/> passed first.</exception>
    /// <exception cref="TableFlowException">A read failed for good.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual Task<FlowRun> WaitForFlowRunAsync(string runId, CancellationToken cancellationToken)
        => WaitForFlowRunAsync(runId, (FlowRunWaitOptions?)null, cancellationToken);

    /// <summary>
    /// Waits for a run with the client's defaults, as <see cref="WaitForFlowRunAsync(FlowRun, FlowRunWaitOptions?, CancellationToken)"/>
    /// does; this overload lets a call pass its token second, as <c>WaitForFlowRunAsync(run, cancellationToken)</c>.
    /// </summary>
    /// <param name="run">The run to follow.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The run as last read: completed, failed, or in review.</returns>
    /// <exception cref="ArgumentException">The run's id is empty or cannot stand in a URL path.</exception>
    /// <exception cref="FlowRunWaitTimeoutException"><see cref="TableFlowClientOptions.WaitTimeout"/> passed first.</exception>
    /// <exception cref="TableFlowException">A read failed for good.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual Task<FlowRun> WaitForFlowRunAsync(FlowRun run, CancellationToken cancellationToken)
        => WaitForFlowRunAsync(run, (FlowRunWaitOptions?)null, cancellationToken);

    /// <summary>Waits for a run for at most <paramref name="timeout"/>. Replaced by <see cref="FlowRunWaitOptions.Timeout"/>.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="timeout">How long to wait in all.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The run as last read: completed, failed, or in review.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative.</exception>
    /// <exception cref="FlowRunWaitTimeoutException"><paramref name="timeout"/> passed first.</exception>
    [Obsolete("Pass new FlowRunWaitOptions { Timeout = timeout } instead; this overload will be removed.")]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public virtual Task<FlowRun> WaitForFlowRunAsync(string runId, TimeSpan timeout, CancellationToken cancellationToken = default)
        => WaitForFlowRunAsync(runId, new FlowRunWaitOptions { Timeout = timeout }, cancellationToken);

    private static bool IsDone(FlowRun run, bool throughReview) => run.IsTerminal || (run.IsAwaitingReview && !throughReview);

    private static Task<FlowRun> WaitCoreAsync(Connection connection, string runId, FlowRun? lastRun, FlowRunWaitOptions? options, CancellationToken cancellationToken)
    {
        var throughReview = options?.ThroughReview == true;
        var telemetry = connection.Sender.Telemetry;
        var progress = options?.Progress;
        return PollAsync<FlowRun, FlowRun>(
            connection,
            options?.Timeout ?? connection.Options.WaitTimeout,
            options?.PollingInterval ?? connection.Options.PollingInterval,
            lastRun,
            async token =>
            {
                var (run, retryAfter) = await ReadFlowRunAsync(connection.Sender, runId, token).ConfigureAwait(false);
                telemetry.Polled(run);
                progress?.Report(run);
                return (run, retryAfter);
            },
            run => IsDone(run, throughReview),
            evt => evt.FlowRun is { } run && string.Equals(run.Id, runId, StringComparison.Ordinal) ? run : null,
            // A pushed run without the flow summary is not what a read answers: read the whole run then.
            pushed =>
            {
                if (!IsDone(pushed, throughReview) || pushed.Flow is null) return null;
                progress?.Report(pushed);
                return pushed;
            },
            (last, lastError, timeout) => TimedOut(connection, runId, timeout, last, lastError),
            cancellationToken);
    }

    /// <summary>
    /// The loop of every wait: reads until <paramref name="isDone"/>, every <paramref name="interval"/> or after the API's
    /// <c>Retry-After</c>, under one deadline that every read runs under too (so a hanging server or a 503 asking for an
    /// hour cannot stretch the wait past its timeout). With webhooks wired in (<see cref="TableFlowClientOptions.Events"/>),
    /// an event that <paramref name="selectEvent"/> takes ends the delay early: the wait returns what
    /// <paramref name="endsWith"/> makes of it, or reads again at once; reads then come only every
    /// <see cref="TableFlowClientOptions.FallbackPollingInterval"/> until the first such event.
    /// </summary>
    private static async Task<T> PollAsync<T, TEvent>(
        Connection connection,
        TimeSpan timeout,
        TimeSpan interval,
        T? last,
        Func<CancellationToken, Task<(T Value, TimeSpan? RetryAfter)>> read,
        Func<T, bool> isDone,
        Func<TableFlowEvent, TEvent?> selectEvent,
        Func<TEvent, T?> endsWith,
        Func<T?, TableFlowException?, TimeSpan, Exception> timedOut,
        CancellationToken cancellationToken)
        where T : class
        where TEvent : class
    {
        var events = connection.Options.Events;
        using var deadline = timeout == Timeout.InfiniteTimeSpan ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline?.CancelAfter(timeout);
        var token = deadline?.Token ?? cancellationToken;
        // Subscribed before the first read: an event that comes while a read is under way is kept for the wait.
        using var listener = events is null ? null : new EventListener<TEvent>(events, selectEvent);
        var heard = false;
        TableFlowApiException? lastError = null;
        try
        {
            while (true)
            {
                TimeSpan? retryAfter;
                try
                {
                    var (value, asked) = await read(token).ConfigureAwait(false);
                    last = value;
                    lastError = null;
                    if (isDone(value)) return value;
                    retryAfter = asked;
                }
                catch (TableFlowApiException e) when (e.RetryAfter is not null && IsBusy(e.StatusCode) && !token.IsCancellationRequested)
                {
                    // The API said when to come back. A single read gives up on a long Retry-After, but a wait has
                    // the time: it polls again then, or ends with the timeout, whichever comes first.
                    lastError = e;
                    retryAfter = e.RetryAfter;
                }

                var delay = retryAfter ?? interval;
                if (listener is null)
                {
                    await Task.Delay(delay > MaxDelay ? MaxDelay : delay, token).ConfigureAwait(false);
                    continue;
                }

                // Webhooks end the wait; reads are the fallback. Once the event has come but a read still saw the
                // thing going, its end is near: poll at the usual interval again.
                var fallback = connection.Options.FallbackPollingInterval;
                if (events!.ReceivesWebhooks && !heard && delay < fallback) delay = fallback;
                if (await listener.NextAsync(delay > MaxDelay ? MaxDelay : delay, token).ConfigureAwait(false) is { } pushed)
                {
                    if (endsWith(pushed) is { } ended) return ended;
                    heard = true;
                }
            }
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested && e.CancellationToken != cancellationToken)
        {
            // Cancelled through the deadline's linked token: report the caller's own, so `when (e.CancellationToken == ct)` holds.
            throw new OperationCanceledException(e.Message, e, cancellationToken);
        }
        catch (Exception e) when (deadline is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested && IsCutShort(e))
        {
            throw timedOut(last, lastError ?? (e as TableFlowException), timeout);
        }
    }

    private static bool IsBusy(HttpStatusCode status) => (int)status is 429 or 503;

    /// <summary>
    /// Whether a read's failure is what the deadline cutting it short looks like: a cancellation, or a network failure
    /// after it. An API answer that does not pass (a 404 that arrives as the time runs out) stays what it is.
    /// </summary>
    private static bool IsCutShort(Exception e) => e switch
    {
        OperationCanceledException => true,
        TableFlowApiException api => IsBusy(api.StatusCode),
        TableFlowException => true,
        _ => false,
    };

    private static FlowRunWaitTimeoutException TimedOut(Connection connection, string runId, TimeSpan timeout, FlowRun? lastRun, TableFlowException? lastError)
    {
        var waited = timeout.TotalSeconds < 1 ? $"{timeout.TotalMilliseconds:0} ms" : $"{timeout.TotalSeconds:0.###} s";
        var where = lastRun is not null
            ? $"Flow run '{runId}' was still '{lastRun.StatusText}' after waiting {waited}"
            : $"Flow run '{runId}' could not be read within the wait's {waited}";
        var why = lastError switch
        {
            TableFlowApiException { RetryAfter: { } asked } api => $" (the API last answered {(int)api.StatusCode} and asked to be called again in {asked.TotalSeconds:0.###} s)",
            not null => $" (the last read failed: {lastError.Message.TrimEnd('.')})",
            null => "",
        };
        var message = $"{where}{why}. The run goes on: wait again, or raise FlowRunWaitOptions.Timeout (by default TableFlowClientOptions.WaitTimeout).";
        return new FlowRunWaitTimeoutException(connection.Sender.Redactor.Redact(message), runId, lastRun, lastError);
    }
}
