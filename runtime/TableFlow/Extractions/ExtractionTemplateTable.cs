using System;
using System.Collections.Generic;

namespace TableFlow;

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
