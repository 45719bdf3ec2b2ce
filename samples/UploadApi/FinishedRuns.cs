using System;
using System.Collections.Generic;

namespace UploadApi;

/// <summary>
/// The runs whose end arrived as a webhook (<c>flow.run.completed</c>, <c>flow.run.failed</c>), newest first, in memory,
/// at most <see cref="Capacity"/>: what <c>GET /reconciliations</c> and the page list. A sample's store: a real app would
/// write them to its database.
/// </summary>
public sealed class FinishedRuns
{
    /// <summary>How many runs are kept; the oldest is dropped for a new one beyond it.</summary>
    public const int Capacity = 50;

    private readonly object _gate = new();
    private readonly LinkedList<FinishedRun> _runs = new();

    /// <summary>Keeps a finished run, first in the list; a run already kept (a redelivery) is replaced and moved first.</summary>
    /// <param name="run">The run, from the webhook.</param>
    public void Add(FinishedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        lock (_gate)
        {
            for (var node = _runs.First; node is not null; node = node.Next)
            {
                if (node.Value.Run.Id != run.Run.Id) continue;
                _runs.Remove(node);
                break;
            }

            _runs.AddFirst(run);
            if (_runs.Count > Capacity) _runs.RemoveLast();
        }
    }

    /// <summary>The kept runs, newest first.</summary>
    /// <returns>A copy.</returns>
    public IReadOnlyList<FinishedRun> List()
    {
        lock (_gate) return [.. _runs];
    }
}

/// <summary>A finished run as a webhook reported it.</summary>
/// <param name="Event">The event (<c>flow.run.completed</c> or <c>flow.run.failed</c>).</param>
/// <param name="MessageId">The webhook message's id (<c>svix-id</c>).</param>
/// <param name="ReceivedAt">When this app received it.</param>
/// <param name="Run">The run, as the webhook carried it.</param>
public sealed record FinishedRun(string Event, string MessageId, DateTimeOffset ReceivedAt, ReconciliationResponse Run);
