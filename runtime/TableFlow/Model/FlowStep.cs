namespace TableFlow;

/// <summary>One step of a flow, as summarised in <see cref="FlowSummary.Steps"/>.</summary>
public sealed class FlowStep
{
    /// <summary>The step's id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The step's title, such as <c>Extract Purchase Order</c>.</summary>
    public string? Title { get; init; }

    /// <summary>The step's type as the API names it, such as <c>extraction</c> or <c>reconciliation</c>.</summary>
    public string? Type { get; init; }
}
