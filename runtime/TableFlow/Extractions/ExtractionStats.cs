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
