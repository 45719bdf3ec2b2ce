using System;
using System.Threading;
using System.Threading.Tasks;

namespace TableFlow;

/// <summary>
/// One wait's subscription to a <see cref="TableFlowEventHub"/>: keeps the latest event the wait is after (a run's,
/// an extraction's) until the wait asks for it, so an event published while the wait is reading is not lost.
/// </summary>
/// <typeparam name="T">What the wait takes from a matching event: the pushed run, the extraction summary.</typeparam>
internal sealed class EventListener<T> : IDisposable
    where T : class
{
    private readonly object _gate = new();
    private readonly Func<TableFlowEvent, T?> _select;
    private readonly IDisposable _subscription;
    private T? _pending;
    private TaskCompletionSource<T>? _waiter;

    /// <param name="hub">The hub to listen to.</param>
    /// <param name="select">What an event carries for this wait, or <see langword="null"/> for an event of another run or extraction.</param>
    public EventListener(TableFlowEventHub hub, Func<TableFlowEvent, T?> select)
    {
        _select = select;
        _subscription = hub.Subscribe(OnEvent);
    }

    /// <summary>
    /// What the next matching event carries (or one that came since the last call), or <see langword="null"/> when
    /// <paramref name="delay"/> passes first.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<T?> NextAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        Task<T> next;
        lock (_gate)
        {
            if (_pending is { } pending)
            {
                _pending = null;
                return pending;
            }

            _waiter ??= new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
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
        if (_select(evt) is not { } run) return;
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
