using System;
using System.Threading;
using System.Threading.Tasks;

namespace TableFlow;

/// <summary>
/// One wait's subscription to a <see cref="TableFlowEventHub"/>: keeps the latest event of one run until the wait asks
/// for it, so an event published while the wait is reading the run is not lost.
/// </summary>
internal sealed class FlowRunEventListener : IDisposable
{
    private readonly object _gate = new();
    private readonly string _runId;
    private readonly IDisposable _subscription;
    private FlowRun? _pending;
    private TaskCompletionSource<FlowRun>? _waiter;

    public FlowRunEventListener(TableFlowEventHub hub, string runId)
    {
        _runId = runId;
        _subscription = hub.Subscribe(OnEvent);
    }

    /// <summary>
    /// The run carried by the next event of this run (or one that came since the last call), or <see langword="null"/>
    /// when <paramref name="delay"/> passes first.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<FlowRun?> NextAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        Task<FlowRun> next;
        lock (_gate)
        {
            if (_pending is { } pending)
            {
                _pending = null;
                return pending;
            }

            _waiter ??= new TaskCompletionSource<FlowRun>(TaskCreationOptions.RunContinuationsAsynchronously);
            next = _waiter.Task;
        }

        // The delay gets its own source, so the timer is released as soon as the event wins.
        using var delaying = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var elapsed = Task.Delay(delay, delaying.Token);
        var first = await Task.WhenAny(next, elapsed).ConfigureAwait(false);
        if (first == next)
        {
            delaying.Cancel();
            return await next.ConfigureAwait(false);
        }

        // Throws when the caller's token (not the event) ended the delay.
        await elapsed.ConfigureAwait(false);
        return null;
    }

    public void Dispose() => _subscription.Dispose();

    private void OnEvent(TableFlowEvent evt)
    {
        if (evt.FlowRun is not { } run || !string.Equals(run.Id, _runId, StringComparison.Ordinal)) return;
        lock (_gate)
        {
            if (_waiter is { } waiter)
            {
                _waiter = null;
                waiter.TrySetResult(run);
            }
            else
            {
                _pending = run;
            }
        }
    }
}
