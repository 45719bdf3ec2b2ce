using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace TableFlow.Generators.Analyzers.Definitions;

/// <summary>The flows of every <c>tableflow.json</c> of a compilation; the first file that names a flow wins.</summary>
internal sealed class FlowDefinitions
{
    private readonly ImmutableArray<FlowDefinitionFile> _files;

    /// <summary>Collects <paramref name="files"/> (at least one).</summary>
    public FlowDefinitions(ImmutableArray<FlowDefinitionFile> files)
    {
        _files = files;
        Error = files.FirstOrDefault(f => f.Error is not null);
    }

    /// <summary>The first file that could not be read, if any: then nothing is checked against the definitions.</summary>
    public FlowDefinitionFile? Error { get; }

    /// <summary>Every flow id, in file order.</summary>
    public IEnumerable<string> FlowIds => _files.SelectMany(f => f.Flows.Keys).Distinct();

    /// <summary>The definition of <paramref name="flowId"/> and its file; when absent, <paramref name="file"/> is the first file.</summary>
    public bool TryGetFlow(string flowId, out FlowDefinition flow, out FlowDefinitionFile file)
    {
        foreach (var candidate in _files)
        {
            if (candidate.Flows.TryGetValue(flowId, out var found))
            {
                flow = found;
                file = candidate;
                return true;
            }
        }

        flow = null!;
        file = _files[0];
        return false;
    }
}
