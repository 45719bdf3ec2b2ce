namespace TableFlow.Testing.Flows;

/// <summary>One step of a flow definition; <paramref name="ConfigJson"/> is the step's <c>config</c> object as raw JSON.</summary>
internal sealed record FlowStepDefinition(string Id, string? Title, string? Type, string? Description, int Order, string ConfigJson);
