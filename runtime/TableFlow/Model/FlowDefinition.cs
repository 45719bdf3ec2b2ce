using System;
using System.Collections.Generic;

namespace TableFlow;

/// <summary>
/// A flow's definition as <see cref="TableFlowClient.ListFlowsAsync"/> reads it from <c>GET v2/flows</c>: its file
/// fields (what a run must send) and its steps.
/// </summary>
public sealed class FlowDefinition
{
    /// <summary>The flow's id, the one a run request names.</summary>
    public string Id { get; init; } = "";

    /// <summary>The workspace the flow belongs to.</summary>
    public string? WorkspaceId { get; init; }

    /// <summary>The flow's name, such as <c>PO to Invoice Reconciliation</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The flow's description.</summary>
    public string? Description { get; init; }

    /// <summary>Whether the flow is active (the API lists only active flows).</summary>
    public bool Active { get; init; }

    /// <summary>The files a run of the flow takes (<c>file_input_config.file_fields</c>), in the API's order.</summary>
    public IReadOnlyList<FlowFileFieldDefinition> FileFields { get; init; } = [];

    /// <summary>The flow's steps, in the API's order.</summary>
    public IReadOnlyList<FlowStepDefinition> Steps { get; init; } = [];

    /// <summary>When the flow was created; <see langword="null"/> when the API did not say.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the flow was last changed; <see langword="null"/> when the API did not say.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Name is null ? Id : $"{Id} ({Name})";
}
