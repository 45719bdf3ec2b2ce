using System.Collections.Immutable;

namespace TableFlow.Generators.Analyzers.Definitions;

/// <summary>One flow of <c>tableflow.json</c>: its id and its file fields.</summary>
/// <param name="Id">The flow id.</param>
/// <param name="Fields">The file fields in file order.</param>
internal sealed record FlowDefinition(string Id, ImmutableArray<FlowFieldDefinition> Fields);
