using System;

namespace TableFlow;

/// <summary>
/// The summary an <c>extraction.*</c> webhook carries (<see cref="TableFlowEvent.Extraction"/>). It names the extraction;
/// fetch the extraction for its data. Every member is <see langword="null"/> when the message did not carry it or
/// carried something unreadable.
/// </summary>
public sealed class ExtractionSummary
{
    /// <summary>The extraction's id (<c>extraction_id</c>).</summary>
    public string? ExtractionId { get; init; }

    /// <summary>The template that extracted it (<c>template_id</c>).</summary>
    public string? TemplateId { get; init; }

    /// <summary>The uploaded file's name (<c>file_name</c>).</summary>
    public string? FileName { get; init; }

    /// <summary>What kind of file it is (<c>file_type</c>).</summary>
    public ExtractionFileType? FileType { get; init; }

    /// <summary>The extraction's status as sent, such as <c>created</c> or <c>completed</c>.</summary>
    public string? Status { get; init; }

    /// <summary>When the extraction was created (<c>created_at</c>, unix seconds).</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"Extraction {ExtractionId} ({Status})";
}
