using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace TableFlow;

/// <summary>One file field of a <see cref="FlowRunRequest"/>.</summary>
public sealed class FlowRunField
{
    internal FlowRunField(string key, IReadOnlyList<FlowFile> files, bool multiple, JsonObject? metadata, string? guidance)
    {
        Key = key;
        Files = files;
        Multiple = multiple;
        Metadata = metadata;
        Guidance = guidance;
    }

    /// <summary>The form key.</summary>
    public string Key { get; }

    /// <summary>The files: one for a single-file field, one or more for a multi-file field.</summary>
    public IReadOnlyList<FlowFile> Files { get; }

    /// <summary>Whether the files are sent as <c>{key}_1</c>, <c>{key}_2</c>, … rather than as <c>{key}</c>.</summary>
    public bool Multiple { get; }

    /// <summary>Metadata sent as <c>{key}_metadata</c>, or <see langword="null"/>.</summary>
    public JsonObject? Metadata { get; }

    /// <summary>Guidance sent as <c>{key}_guidance</c>, or <see langword="null"/>.</summary>
    public string? Guidance { get; }
}
