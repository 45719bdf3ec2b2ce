using System;
using System.Collections.Generic;

namespace TableFlow;

/// <summary>
/// The template an extraction used, as the API describes it (<c>template</c>; only the newer API pages document it, so
/// <see cref="Extraction.Template"/> is <see langword="null"/> when it is not sent).
/// </summary>
public sealed class ExtractionTemplate
{
    /// <summary>The template's id.</summary>
    public string? Id { get; init; }

    /// <summary>The template's name.</summary>
    public string? Name { get; init; }

    /// <summary>The template's fields; empty when none were sent.</summary>
    public IReadOnlyList<ExtractionTemplateField> Fields { get; init; } = Array.Empty<ExtractionTemplateField>();

    /// <summary>The template's tables; empty when none were sent.</summary>
    public IReadOnlyList<ExtractionTemplateTable> Tables { get; init; } = Array.Empty<ExtractionTemplateTable>();

    /// <inheritdoc/>
    public override string ToString() => $"Template {Id} ({Name})";
}
