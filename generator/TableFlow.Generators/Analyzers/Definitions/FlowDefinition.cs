using TableFlow.Generators.Model;

namespace TableFlow.Generators.Analyzers.Definitions;

/// <summary>One flow of <c>tableflow.json</c>: its id, whether it is active, and its file fields. Compared by value, so the generator caches per flow.</summary>
/// <param name="Id">The flow id.</param>
/// <param name="Active">The API's <c>active</c>; a missing value counts as active.</param>
/// <param name="Fields">The file fields in file order.</param>
internal sealed record FlowDefinition(string Id, bool Active, EquatableArray<FlowFieldDefinition> Fields);
