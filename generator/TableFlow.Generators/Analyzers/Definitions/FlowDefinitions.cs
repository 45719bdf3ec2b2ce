using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace TableFlow.Generators.Analyzers.Definitions;

/// <summary>The flows of every <c>tableflow.json</c> of a compilation; the first file that names a flow wins.</summary>
internal sealed class FlowDefinitions
{
    // The IDE starts a new compilation on every keystroke; the definitions only change when the file's text does.
    private static readonly ConditionalWeakTable<SourceText, FlowDefinitionFile> ParsedFiles = new();

    private readonly ImmutableArray<FlowDefinitionFile> _files;

    /// <summary>Collects <paramref name="files"/> (at least one).</summary>
    public FlowDefinitions(ImmutableArray<FlowDefinitionFile> files)
    {
        _files = files;
        Error = files.FirstOrDefault(f => f.Error is not null);
    }

    /// <summary>The definitions in the <c>tableflow.json</c> files among <paramref name="additionalFiles"/>, or <see langword="null"/> when there is none.</summary>
    public static FlowDefinitions? Read(ImmutableArray<AdditionalText> additionalFiles, CancellationToken ct)
    {
        var builder = ImmutableArray.CreateBuilder<FlowDefinitionFile>();
        foreach (var file in additionalFiles)
        {
            if (!FlowDefinitionFile.IsDefinitionFile(file.Path)) continue;
            var text = file.GetText(ct);
            builder.Add(text is null
                ? FlowDefinitionFile.Unreadable(file.Path)
                : ParsedFiles.GetValue(text, t => FlowDefinitionFile.Parse(file.Path, t.ToString())));
        }

        return builder.Count == 0 ? null : new FlowDefinitions(builder.ToImmutable());
    }

    /// <summary>
    /// Whether a <c>[TableFlow]</c> class of <paramref name="flowId"/> that declares no file field gets its fields
    /// generated from the definition (schema-first): the files are readable, list the flow, and its keys can be generated.
    /// </summary>
    public bool IsSchemaFirst(string flowId)
        => Error is null && TryGetFlow(flowId, out var flow, out _) && Model.SchemaFirst.Applies(flow);

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
