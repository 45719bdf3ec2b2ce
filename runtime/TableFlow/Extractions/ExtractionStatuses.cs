namespace TableFlow;

/// <summary>The API's spellings of <see cref="ExtractionStatus"/> and <see cref="ExtractionIssueSeverity"/>.</summary>
internal static class ExtractionStatuses
{
    // Case-insensitive and trimmed, like flow-run statuses: a capitalised status must not leave a waiting caller
    // polling "Unknown" until its timeout.
    public static ExtractionStatus Parse(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        "created" => ExtractionStatus.Created,
        "processing" => ExtractionStatus.Processing,
        "completed" => ExtractionStatus.Completed,
        "failed" => ExtractionStatus.Failed,
        _ => ExtractionStatus.Unknown,
    };

    // The validations page says "warning", the rows page and the CSV filter say "warn": both mean the same.
    public static ExtractionIssueSeverity ParseSeverity(string? severity) => severity?.Trim().ToLowerInvariant() switch
    {
        "error" => ExtractionIssueSeverity.Error,
        "warn" or "warning" => ExtractionIssueSeverity.Warning,
        "info" => ExtractionIssueSeverity.Info,
        _ => ExtractionIssueSeverity.Unknown,
    };
}
