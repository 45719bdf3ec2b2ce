using System.Collections.Generic;
using System.Collections.Immutable;
using TableFlow.Generators.Analyzers.Definitions;

namespace TableFlow.Generators.Model;

/// <summary>
/// The flows of every <c>tableflow.json</c> of a compilation as the generator sees them: compared by value, so an
/// edit to the file that leaves a flow's definition as it was leaves that flow's generated code cached. Empty when
/// there is no file or one of them cannot be read (the analyzers then report TF0010 and nothing is checked).
/// </summary>
/// <param name="Flows">The flows, the first definition of each id in file order.</param>
internal sealed record FlowDefinitionIndex(EquatableArray<FlowDefinition> Flows)
{
    /// <summary>No definitions.</summary>
    public static FlowDefinitionIndex Empty { get; } = new(default(EquatableArray<FlowDefinition>));

    /// <summary>The flows of one file, or <see langword="null"/> when it cannot be read; never throws.</summary>
    public static EquatableArray<FlowDefinition>? ReadFile(FlowDefinitionFile file)
        => file.Error is not null ? null : new EquatableArray<FlowDefinition>(file.Flows.Values);

    /// <summary>Merges the files: the first file that names a flow wins, as <see cref="FlowDefinitions"/> does for the analyzers.</summary>
    public static FlowDefinitionIndex Merge(ImmutableArray<EquatableArray<FlowDefinition>?> files)
    {
        var flows = new List<FlowDefinition>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file is not { } definitions) return Empty;
            foreach (var flow in definitions)
            {
                if (seen.Add(flow.Id)) flows.Add(flow);
            }
        }

        return new FlowDefinitionIndex(new EquatableArray<FlowDefinition>(flows));
    }

    /// <summary>The definition of <paramref name="flowId"/>, or <see langword="null"/>.</summary>
    public FlowDefinition? Find(string flowId)
    {
        foreach (var flow in Flows)
        {
            if (flow.Id == flowId) return flow;
        }

        return null;
    }
}
