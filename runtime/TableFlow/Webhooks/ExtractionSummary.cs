using System;
using System.Text.Json.Nodes;

namespace TableFlow;

/// <summary>
/// An extraction in brief: the data of an <c>extraction.*</c> webhook (<see cref="TableFlowEvent.Extraction"/>) and an
/// item of the extraction list (<see cref="TableFlowClient.ListExtractionsAsync"/>). It names the extraction; fetch the
/// extraction for its values. Every member is <see langword="null"/> when the message did not carry it or carried
/// something unreadable.
/// </summary>
public sealed class ExtractionSummary
{
    /// <summary>The extraction's id (<c>extraction_id</c> in webhooks, <c>id</c> in the list).</summary>
    public string Id { get; init; } = "";

    /// <summary>The extraction's state; <see cref="ExtractionStatus.Unknown"/> for a value this library does not know (see <see cref="StatusText"/>).</summary>
    public ExtractionStatus Status { get; init; }

    /// <summary>The status as sent, such as <c>created</c> or <c>completed</c>; <see langword="null"/> when none was sent.</summary>
    public string? StatusText { get; init; }

    /// <summary>The template that extracted it (<c>template_id</c>).</summary>
    public string? TemplateId { get; init; }

    /// <summary>The uploaded file's name (<c>file_name</c>; in the list, <c>file_info.file_name</c>).</summary>
    public string? FileName { get; init; }

    /// <summary>
    /// What kind of file it is (<c>file_type</c>). The list sends only an extension such as <c>pdf</c>: it becomes
    /// <see cref="ExtractionFileType.Extension"/>.
    /// </summary>
    public ExtractionFileType? FileType { get; init; }

    /// <summary>The metadata sent with the upload, when sent.</summary>
    public JsonObject? Metadata { get; init; }

    /// <summary>When the extraction was created (<c>created_at</c>, unix seconds).</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the extraction last changed (<c>updated_at</c>, unix seconds).</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"Extraction {Id} ({StatusText})";
}
