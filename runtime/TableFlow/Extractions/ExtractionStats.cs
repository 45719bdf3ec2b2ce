using System.Collections.Generic;

namespace TableFlow;

/// <summary>
/// How many extracted values passed their validations (<c>stats</c>; only the newer API pages document it, so
/// <see cref="Extraction.Stats"/> is <see langword="null"/> when the API does not send it).
/// </summary>
public sealed class ExtractionStats
{
    /// <summary>The counts for the extraction's fields; <see langword="null"/> when not sent.</summary>
    public ExtractionCounts? Fields { get; init; }

    /// <summary>The counts per table, by table key; empty when none were sent.</summary>
    public IReadOnlyDictionary<string, ExtractionTableStats> Tables { get; init; } = new Dictionary<string, ExtractionTableStats>();
}

/// <summary>Valid, invalid and total counts, as <see cref="ExtractionStats"/> reports them; each <see langword="null"/> when not sent.</summary>
public sealed class ExtractionCounts
{
    /// <summary>How many passed every validation.</summary>
    public int? Valid { get; init; }

    /// <summary>How many failed a validation.</summary>
    public int? Invalid { get; init; }

    /// <summary>How many there are.</summary>
    public int? Total { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Valid} valid, {Invalid} invalid, {Total} in all";
}

/// <summary>The counts of one table in <see cref="ExtractionStats.Tables"/>.</summary>
public sealed class ExtractionTableStats
{
    /// <summary>Valid, invalid and total row counts; <see langword="null"/> when not sent.</summary>
    public ExtractionCounts? Rows { get; init; }

    /// <summary>How many columns the table has (<c>columns.total</c>); <see langword="null"/> when not sent.</summary>
    public int? ColumnCount { get; init; }
}
