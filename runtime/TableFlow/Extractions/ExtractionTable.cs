using System;
using System.Collections.Generic;

namespace TableFlow;

/// <summary>
/// A table of an extraction as embedded in <see cref="Extraction.Tables"/>: possibly only its first page of rows.
/// Read every row with <see cref="TableFlowClient.ListExtractionRowsAsync"/>.
/// </summary>
public sealed class ExtractionTable
{
    /// <summary>The table's key, such as <c>line_items</c>.</summary>
    public string Key { get; init; } = "";

    /// <summary>The rows as embedded in the extraction: possibly only the first page (see <see cref="IsComplete"/>).</summary>
    public IReadOnlyList<ExtractionRow> Rows { get; init; } = Array.Empty<ExtractionRow>();

    /// <summary>How many rows the table has, when the API said so.</summary>
    public int? Total { get; init; }

    /// <summary>The offset of the next page of rows; <see langword="null"/> when these rows are the last page.</summary>
    public int? NextOffset { get; init; }

    /// <summary>
    /// Whether <see cref="Rows"/> holds every row: there is no next page and, when <see cref="Total"/> is known, at
    /// least that many rows are here.
    /// </summary>
    public bool IsComplete => NextOffset is null && (Total is not { } total || Rows.Count >= total);

    /// <inheritdoc/>
    public override string ToString() => $"Table {Key}: {Rows.Count}{(Total is { } total ? $" of {total}" : "")} rows";
}
