namespace TableFlow;

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
