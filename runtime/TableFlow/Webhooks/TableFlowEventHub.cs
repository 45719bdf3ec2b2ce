using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TableFlow;

/// <summary>
/// Hands verified webhook events to code in the same process that waits for them. A webhook endpoint
/// (<c>MapTableFlowWebhooks</c> in TableFlow.AspNetCore) publishes every new event here; a caller awaits the event of
/// one run with <see cref="WaitForFlowRunEventAsync"/>, or follows all events with <see cref="Subscribe"/>.
/// </summary>
/// <remarks>Thread-safe. Events published while nobody listens are not kept.</remarks>
public sealed class TableFlowEventHub
{
    private readonly object _gate = new();
    private readonly List<Action<TableFlowEvent>> _subscribers = new();

    /// <summary>Passes an event to every current subscriber, in the order they subscribed.</summary>
    /// <param name="evt">A verified event.</param>
    /// <remarks>A subscriber that throws does not keep the others from seeing the event; the first exception is rethrown after all have run.</remarks>
    public void Publish(TableFlowEvent evt)
    {
        if (evt is null) throw new ArgumentNullException(nameof(evt));
        Action<TableFlowEvent>[] subscribers;
        lock (_gate) subscribers = _subscribers.ToArray();

        Exception? first = null;
        foreach (var subscriber in subscribers)
        {
            try
            {
                subscriber(evt);
            }
            catch (Exception e)
            {
                first ??= e;
            }
        }

        if (first is not null) throw new TableFlowException("A subscriber of the TableFlow event hub failed: " + first.Message, first);
    }

    /// <summary>Calls <paramref name="handler"/> with every event published from now on, until the returned object is disposed.</summary>
    /// <param name="handler">Runs on the publishing thread; keep it short.</param>
    /// <returns>Dispose it to stop.</returns>
    public IDisposable Subscribe(Action<TableFlowEvent> handler)
    {
        if (handler is null) throw new ArgumentNullException(nameof(handler));
        lock (_gate) _subscribers.Add(handler);
        return new Subscription(this, handler);
    }

    /// <summary>
    /// Waits for the next <c>flow.run.*</c> event that carries the run <paramref name="runId"/> (say, its
    /// <c>flow.run.completed</c>). Start waiting before the run can end, and keep polling as a fallback: a webhook can be
    /// late, lost or not configured.
    /// </summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="cancellationToken">Ends the wait.</param>
    /// <returns>The run as the event carried it.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<FlowRun> WaitForFlowRunEventAsync(string runId, CancellationToken cancellationToken = default)
    {
        if (runId is null) throw new ArgumentNullException(nameof(runId));
        cancellationToken.ThrowIfCancellationRequested();
        var result = new TaskCompletionSource<FlowRun>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = Subscribe(evt =>
        {
            if (evt.FlowRun is { } run && string.Equals(run.Id, runId, StringComparison.Ordinal)) result.TrySetResult(run);
        });
        var registration = cancellationToken.Register(() => result.TrySetCanceled(cancellationToken));
        result.Task.ContinueWith(
            _ =>
            {
                registration.Dispose();
                subscription.Dispose();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return result.Task;
    }

    private void Unsubscribe(Action<TableFlowEvent> handler)
    {
        lock (_gate) _subscribers.Remove(handler);
    }

    private sealed class Subscription(TableFlowEventHub hub, Action<TableFlowEvent> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) hub.Unsubscribe(handler);
        }
    }
}
