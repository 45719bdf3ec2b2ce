using System;

namespace BatchReconciliation;

/// <summary>What happened to one pair.</summary>
/// <param name="Pair">The documents.</param>
/// <param name="RunId">The run's id, when one was started.</param>
/// <param name="Status">The run's last status (<c>completed</c>, <c>failed</c>, <c>review</c>…), or <c>error</c> when no run could be started or followed.</param>
/// <param name="Elapsed">How long the pair took, upload to end.</param>
/// <param name="Error">The run's error or the exception's message.</param>
public sealed record BatchOutcome(DocumentPair Pair, string? RunId, string Status, TimeSpan Elapsed, string? Error)
{
    /// <summary>Whether the run completed.</summary>
    public bool Completed => Status == "completed";
}
