using System.Collections.Generic;

namespace TableFlow;

/// <summary>The summary of a flow that <see cref="TableFlowClient.GetFlowRunAsync"/> includes with a run.</summary>
public sealed class FlowSummary
{
    /// <summary>The flow's id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The workspace the flow belongs to.</summary>
    public string? WorkspaceId { get; init; }

    /// <summary>The flow's name.</summary>
    public string? Name { get; init; }

    /// <summary>The flow's description.</summary>
    public string? Description { get; init; }

    /// <summary>The flow's steps, in order.</summary>
    public IReadOnlyList<FlowStep> Steps { get; init; } = [];

    /// <summary>Whether the flow is active.</summary>
    public bool Active { get; init; }
}
