using System;
using System.Collections.Generic;

namespace TableFlow.AspNetCore;

/// <summary>
/// Remembers which message ids are being handled or were handled, for at most a fixed number of ids (oldest forgotten
/// first), so a retried message is handled once without memory growing with traffic.
/// </summary>
internal sealed class MessageIdCache
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (bool Handled, long Claim)> _ids = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, long Claim)> _order = new();
    private readonly int _capacity;
    private long _claims;

    public MessageIdCache(int capacity) => _capacity = capacity;

    /// <summary>Claims an id for handling; says whether it is new, in progress elsewhere, or already handled.</summary>
    public MessageState TryBegin(string id)
    {
        lock (_gate)
        {
            if (_ids.TryGetValue(id, out var entry)) return entry.Handled ? MessageState.Handled : MessageState.InProgress;
            var claim = ++_claims;
            _ids.Add(id, (false, claim));
            _order.Enqueue((id, claim));
            // Abandoned claims leave stale queue entries behind; the second bound keeps them from piling up.
            while (_order.Count > 0 && (_ids.Count > _capacity || _order.Count > 2 * _capacity))
            {
                // A stale entry (an abandoned claim, the id since claimed again or not at all) removes nothing.
                var (oldest, oldestClaim) = _order.Dequeue();
                if (_ids.TryGetValue(oldest, out var current) && current.Claim == oldestClaim) _ids.Remove(oldest);
            }

            return MessageState.New;
        }
    }

    /// <summary>Marks a claimed id as handled, so its retries are dropped.</summary>
    public void Complete(string id)
    {
        lock (_gate)
        {
            if (_ids.TryGetValue(id, out var entry)) _ids[id] = (true, entry.Claim);
        }
    }

    /// <summary>Gives a claimed id up (its handler failed), so a retry is handled again.</summary>
    public void Abandon(string id)
    {
        lock (_gate) _ids.Remove(id);
    }
}

/// <summary>What <see cref="MessageIdCache.TryBegin"/> found.</summary>
internal enum MessageState
{
    New,
    InProgress,
    Handled,
}
