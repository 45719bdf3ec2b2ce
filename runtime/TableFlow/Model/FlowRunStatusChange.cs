using System;

namespace TableFlow;

/// <summary>One entry of a run's <see cref="FlowRun.StatusHistory"/>.</summary>
public sealed class FlowRunStatusChange
{
    /// <summary>The status entered.</summary>
    public FlowRunStatus Status { get; init; }

    /// <summary>The status as the API spelled it, also for values this library does not know.</summary>
    public string StatusText { get; init; } = "";

    /// <summary>When the status was entered.</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>What happened, such as <c>Flow started via api</c>.</summary>
    public string? Message { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Time:u} {StatusText}: {Message}";
}
