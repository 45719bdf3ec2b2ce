namespace TableFlow.Generators.Model;

/// <summary>One file field of a <see cref="FlowModel"/>, with the <c>RunAsync</c> parameter names chosen for it.</summary>
/// <param name="PropertyName">The declaring property's name (without <c>@</c>).</param>
/// <param name="FormKey">The form key.</param>
/// <param name="Required">Whether a run needs the file(s).</param>
/// <param name="Multiple">Whether the field takes several files.</param>
/// <param name="DefaultGuidance">Guidance sent when the call passes none, or <see langword="null"/>.</param>
/// <param name="DocSummary">The property's summary as plain text, or <see langword="null"/>.</param>
/// <param name="Parameter">The file parameter's identifier (<c>@</c>-escaped where needed).</param>
/// <param name="MetadataParameter">The field's metadata parameter identifier.</param>
/// <param name="GuidanceParameter">The field's guidance parameter identifier.</param>
internal sealed record FlowFieldModel(
    string PropertyName,
    string FormKey,
    bool Required,
    bool Multiple,
    string? DefaultGuidance,
    string? DocSummary,
    string Parameter,
    string MetadataParameter,
    string GuidanceParameter)
{
    /// <summary>The field's <c>file_types</c> from the definition file, or <see langword="null"/> when unknown.</summary>
    public EquatableArray<string>? FileTypes { get; init; }

    /// <summary>The field's <c>max_file_size</c> from the definition file, or <see langword="null"/> when unknown.</summary>
    public long? MaxFileSize { get; init; }

    /// <summary>Whether the definition file gives limits that <c>RunAsync</c> checks before sending.</summary>
    public bool HasLimits => FileTypes is { Count: > 0 } || MaxFileSize is not null;

    /// <summary>Whether the property itself is generated (a schema-first class), rather than declared by the user.</summary>
    public bool GeneratedProperty { get; init; }
}
