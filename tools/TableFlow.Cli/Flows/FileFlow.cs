using System;
using System.Collections.Generic;
using System.Linq;

namespace TableFlow.Cli.Flows;

/// <summary>A flow as the flow definition file describes it: what the tool checks a run against and compares on pull.</summary>
internal sealed record FileFlow(string Id, string? Name, IReadOnlyList<FileFlowField> Fields)
{
    public FileFlowField? Field(string key) => Fields.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.Ordinal));
}

/// <summary>One file field of a <see cref="FileFlow"/>; <see cref="FileTypes"/> and <see cref="MaxFileSize"/> are null when the file gives none.</summary>
internal sealed record FileFlowField(string Key, string? Name, bool Required, bool Multiple, IReadOnlyList<string>? FileTypes, long? MaxFileSize)
{
    /// <summary>The field as the runtime checks files against it.</summary>
    public FlowFieldInfo ToFieldInfo() => new(Key, Key, Required, Multiple, null, FileTypes, MaxFileSize);
}
