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

/// <summary>A field of an <see cref="ExtractionTemplate"/>, or a column of one of its tables.</summary>
public sealed class ExtractionTemplateField
{
    /// <summary>The key values are sent under, such as <c>invoice_number</c>.</summary>
    public string Key { get; init; } = "";

    /// <summary>The name shown to people, such as <c>Invoice Number</c>.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// The data type as sent: <c>string</c>, <c>number</c>, <c>date</c>, <c>boolean</c> or <c>table</c>. The API treats a
    /// missing type as <c>string</c>; this is <see langword="null"/> when none was sent.
    /// </summary>
    public string? DataType { get; init; }

    /// <summary>The field's description, when sent.</summary>
    public string? Description { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Key} ({DataType ?? "string"})";
}

/// <summary>A table of an <see cref="ExtractionTemplate"/>.</summary>
public sealed class ExtractionTemplateTable
{
    /// <summary>The table's key, such as <c>line_items</c>.</summary>
    public string Key { get; init; } = "";

    /// <summary>The name shown to people, such as <c>Line Items</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The table's description, when sent.</summary>
    public string? Description { get; init; }

    /// <summary>The table's columns; empty when none were sent.</summary>
    public IReadOnlyList<ExtractionTemplateField> Columns { get; init; } = Array.Empty<ExtractionTemplateField>();

    /// <inheritdoc/>
    public override string ToString() => $"{Key} ({Columns.Count} columns)";
}
