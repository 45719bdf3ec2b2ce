using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace TableFlow.Testing;

/// <summary>What a run request sent for one of the flow's file fields: its files, metadata and guidance.</summary>
public sealed class EmulatedRunField
{
    internal EmulatedRunField(string key, IReadOnlyList<EmulatedFile> files, JsonObject? metadata, string? guidance)
    {
        Key = key;
        Files = files;
        Metadata = metadata;
        Guidance = guidance;
    }

    /// <summary>The field's key, such as <c>purchase_order</c>.</summary>
    public string Key { get; }

    /// <summary>The files received for the field, in index order (one for a single-file field).</summary>
    public IReadOnlyList<EmulatedFile> Files { get; }

    /// <summary>The <c>{key}_metadata</c> object sent, or <see langword="null"/>.</summary>
    public JsonObject? Metadata { get; }

    /// <summary>The <c>{key}_guidance</c> text sent, or <see langword="null"/>.</summary>
    public string? Guidance { get; }
}
