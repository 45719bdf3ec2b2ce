using System;

namespace TableFlow;

/// <summary>One entry of an extraction's <see cref="Extraction.StatusHistory"/>.</summary>
public sealed class ExtractionStatusChange
{
    /// <summary>The status entered.</summary>
    public ExtractionStatus Status { get; init; }

    /// <summary>The status as the API spelled it, also for values this library does not know.</summary>
    public string StatusText { get; init; } = "";

    /// <summary>When the status was entered; <see langword="null"/> when not sent.</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>What happened, such as <c>File uploaded</c>.</summary>
    public string? Message { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Time:u} {StatusText}: {Message}";
}
