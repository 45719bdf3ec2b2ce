using System;
using System.Collections.Generic;

namespace TableFlow;

/// <summary>One row of an extracted table: its values by column key and the validations that failed on it.</summary>
public sealed class ExtractionRow
{
    private static readonly IReadOnlyList<ExtractionIssue> NoIssues = Array.Empty<ExtractionIssue>();

    /// <summary>Creates a row.</summary>
    /// <param name="index">The row's 0-based index in its table.</param>
    /// <param name="values">The row's values by column key.</param>
    /// <param name="issues">The row's issues, each naming its table, row and column; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is <see langword="null"/>.</exception>
    public ExtractionRow(int index, IReadOnlyDictionary<string, ExtractedValue> values, IReadOnlyList<ExtractionIssue>? issues = null)
    {
        Index = index;
        Values = values ?? throw new ArgumentNullException(nameof(values), "An extraction row needs its values (an empty dictionary for none).");
        Issues = issues ?? NoIssues;
    }

    /// <summary>The row's 0-based index in its table.</summary>
    public int Index { get; }

    /// <summary>The row's values by column key; a column the API did not send is missing.</summary>
    public IReadOnlyDictionary<string, ExtractedValue> Values { get; }

    /// <summary>The row's failed validations, flattened; each has <see cref="ExtractionIssue.Table"/>, <see cref="ExtractionIssue.Row"/> and <see cref="ExtractionIssue.Field"/> set.</summary>
    public IReadOnlyList<ExtractionIssue> Issues { get; }

    /// <summary>The value of a column; an absent value (<see cref="ExtractedValue.IsNull"/>) when the row has none.</summary>
    /// <param name="columnKey">The column key.</param>
    public ExtractedValue this[string columnKey] => Values.TryGetValue(columnKey, out var value) ? value : default;

    /// <inheritdoc/>
    public override string ToString() => $"Row {Index} ({Values.Count} values, {Issues.Count} issues)";
}
