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
/// <remarks>
/// <para>Thread-safe. Events published while nobody listens are not kept.</para>
/// <para>
/// A <see cref="TableFlowClient"/> whose <see cref="TableFlowClientOptions.Events"/> is this hub ends
/// <c>WaitForFlowRunAsync</c> as soon as the run's event is published here (and <c>WaitForExtractionAsync</c> on the
/// extraction's <c>extraction.completed</c> or <c>extraction.failed</c>); while <see cref="ReceivesWebhooks"/> is
/// set, its waits read the run only as a slow fallback (<see cref="TableFlowClientOptions.FallbackPollingInterval"/>).
/// <c>AddTableFlow()</c> registers one hub as a service and gives it to the client it registers;
/// <c>MapTableFlowWebhooks</c> publishes to that hub and marks it (<see cref="MarkAsReceivingWebhooks"/>).
/// </para>
/// </remarks>
public sealed class TableFlowEventHub
{
    private readonly object _gate = new();
    private readonly List<Action<TableFlowEvent>> _subscribers = new();
    private volatile bool _receivesWebhooks;

    /// <summary>
    /// Whether webhooks are delivered to this hub, so that waits can rely on them: set by
    /// <see cref="MarkAsReceivingWebhooks"/>. While it is <see langword="false"/> (the default), a client's waits still
    /// end on a published event but poll at their usual <see cref="TableFlowClientOptions.PollingInterval"/>.
    /// </summary>
    public bool ReceivesWebhooks => _receivesWebhooks;

    /// <summary>
    /// Says that webhooks are delivered to this hub from now on (<see cref="ReceivesWebhooks"/>), so waits of a client
    /// whose <see cref="TableFlowClientOptions.Events"/> is this hub read the run only as a slow fallback.
    /// <c>MapTableFlowWebhooks</c> (in TableFlow.AspNetCore) calls it when it maps an endpoint that publishes here; call it
    /// yourself when your own webhook receiver calls <see cref="Publish"/>.
    /// </summary>
    /// <remarks>A method rather than a settable property, so configuration binding never makes or marks a hub.</remarks>
    public void MarkAsReceivingWebhooks() => _receivesWebhooks = true;

    /// <summary>How many subscriptions are open now: each waiting <c>WaitForFlowRunAsync</c> holds one until it ends.</summary>
    public int SubscriberCount
    {
        get
        {
            lock (_gate) return _subscribers.Count;
        }
    }

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
