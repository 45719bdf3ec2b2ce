using System.Text.Json;

namespace TableFlow;

/// <summary>One step of a <see cref="FlowDefinition"/>, with its configuration as the API sent it.</summary>
public sealed class FlowStepDefinition
{
    /// <summary>The step's id, such as <c>step_1</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>The step's title, such as <c>Extract Purchase Order</c>.</summary>
    public string? Title { get; init; }

    /// <summary>The step's description.</summary>
    public string? Description { get; init; }

    /// <summary>The step's type as the API names it, such as <c>extraction</c> or <c>reconciliation</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The step's position in the flow; <see langword="null"/> when the API did not give a whole number.</summary>
    public int? Order { get; init; }

    /// <summary>
    /// The step's <c>config</c> object, unread (its members depend on <see cref="Type"/>: an extraction step has
    /// <c>template_id</c> and <c>file_key</c>); <see langword="null"/> when absent or not an object.
    /// </summary>
    public JsonElement? Config { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Id;
}
