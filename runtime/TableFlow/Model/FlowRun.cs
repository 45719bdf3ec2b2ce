using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace TableFlow;

/// <summary>A run of a flow, as the API reports it. Runs finish asynchronously: see <see cref="TableFlowClient.WaitForFlowRunAsync(FlowRun, FlowRunWaitOptions?, System.Threading.CancellationToken)"/>.</summary>
public sealed class FlowRun
{
    /// <summary>The run's id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The id of the flow that ran.</summary>
    public string FlowId { get; init; } = "";

    /// <summary>The workspace the run belongs to.</summary>
    public string? WorkspaceId { get; init; }

    /// <summary>The run's state; <see cref="FlowRunStatus.Unknown"/> for a value this library does not know (see <see cref="StatusText"/>).</summary>
    public FlowRunStatus Status { get; init; }

    /// <summary>The status as the API spelled it, such as <c>processing</c>.</summary>
    public string StatusText { get; init; } = "";

    /// <summary>Every status the run went through, oldest first.</summary>
    public IReadOnlyList<FlowRunStatusChange> StatusHistory { get; init; } = [];

    /// <summary>Why the run failed, when it did.</summary>
    public string? Error { get; init; }

    /// <summary>The run metadata sent when it started.</summary>
    public JsonObject? Metadata { get; init; }

    /// <summary>How the run was started.</summary>
    public FlowTriggerMethod TriggerMethod { get; init; }

    /// <summary>When the run started.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>When the run ended; <see langword="null"/> while it is processing.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>How long the run took; zero while it is processing.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Google Drive files the run wrote, by output name; empty when none.</summary>
    public IReadOnlyDictionary<string, DriveFile> DriveFiles { get; init; } = new Dictionary<string, DriveFile>();

    /// <summary>A summary of the flow, when the API includes it (it does for <see cref="TableFlowClient.GetFlowRunAsync"/>).</summary>
    public FlowSummary? Flow { get; init; }

    /// <summary>When the run was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the run last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// Whether the run has ended for good: <see cref="FlowRunStatus.Completed"/> or <see cref="FlowRunStatus.Failed"/>.
    /// A run in <see cref="FlowRunStatus.Review"/> is not terminal: a person may still let it go on (see <see cref="IsAwaitingReview"/>).
    /// </summary>
    public bool IsTerminal => Status is FlowRunStatus.Completed or FlowRunStatus.Failed;

    /// <summary>
    /// Whether the run is paused in <see cref="FlowRunStatus.Review"/>, waiting for a person to decide; it moves on
    /// (to completed or failed) only when they do.
    /// </summary>
    public bool IsAwaitingReview => Status == FlowRunStatus.Review;

    /// <inheritdoc/>
    public override string ToString() => $"Flow run {Id} of flow {FlowId}: {StatusText}";
}
