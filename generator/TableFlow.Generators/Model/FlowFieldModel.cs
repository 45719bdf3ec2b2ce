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
    string GuidanceParameter);
