namespace TableFlow;

/// <summary>The counts of one table in <see cref="ExtractionStats.Tables"/>.</summary>
public sealed class ExtractionTableStats
{
    /// <summary>Valid, invalid and total row counts; <see langword="null"/> when not sent.</summary>
    public ExtractionCounts? Rows { get; init; }

    /// <summary>How many columns the table has (<c>columns.total</c>); <see langword="null"/> when not sent.</summary>
    public int? ColumnCount { get; init; }
}
