namespace TableFlow;

/// <summary>The state of an extraction.</summary>
public enum ExtractionStatus
{
    /// <summary>A status this version of the library does not know (the API added it later). See <see cref="Extraction.StatusText"/>.</summary>
    Unknown = 0,

    /// <summary>The extraction exists but processing has not started (<c>created</c>, seen in webhooks).</summary>
    Created,

    /// <summary>The document is being read (<c>processing</c>).</summary>
    Processing,

    /// <summary>The values are ready (<c>completed</c>).</summary>
    Completed,

    /// <summary>The extraction failed (<c>failed</c>); the API documents no reason field.</summary>
    Failed,
}
