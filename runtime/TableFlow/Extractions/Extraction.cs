using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace TableFlow;

/// <summary>
/// One document read against a template: its fields, tables and failed validations, as the API reports them. Extractions
/// finish asynchronously: see <see cref="TableFlowClient.WaitForExtractionAsync"/>. Every member can be set with
/// <c>init</c>, so tests can build one.
/// </summary>
public sealed class Extraction
{
    /// <summary>The extraction's id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The workspace the extraction belongs to.</summary>
    public string? WorkspaceId { get; init; }

    /// <summary>The id of the template used (the one TableFlow chose, when the upload asked for <c>auto</c>).</summary>
    public string? TemplateId { get; init; }

    /// <summary>The template's name.</summary>
    public string? TemplateName { get; init; }

    /// <summary>The uploaded file's name (<c>file_name</c>, or <c>filename</c> as older pages spell it).</summary>
    public string? FileName { get; init; }

    /// <summary>The uploaded file's size in bytes.</summary>
    public long? FileSize { get; init; }

    /// <summary>What kind of file it is; a bare extension string from the API becomes <see cref="ExtractionFileType.Extension"/>.</summary>
    public ExtractionFileType? FileType { get; init; }

    /// <summary>The extraction's state; <see cref="ExtractionStatus.Unknown"/> for a value this library does not know (see <see cref="StatusText"/>).</summary>
    public ExtractionStatus Status { get; init; }

    /// <summary>The status as the API spelled it, such as <c>processing</c>; empty when none was sent.</summary>
    public string StatusText { get; init; } = "";

    /// <summary>Every status the extraction went through, oldest first; empty when none were sent.</summary>
    public IReadOnlyList<ExtractionStatusChange> StatusHistory { get; init; } = Array.Empty<ExtractionStatusChange>();

    /// <summary>The metadata sent with the upload, when the API returns it (it is missing from most documented replies).</summary>
    public JsonObject? Metadata { get; init; }

    /// <summary>When the extraction was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the extraction last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The extracted field values by field key; empty when none were sent (as while the extraction is processing).</summary>
    public IReadOnlyDictionary<string, ExtractedValue> Fields { get; init; } = new Dictionary<string, ExtractedValue>();

    /// <summary>The failed validations of <see cref="Fields"/>, flattened; each names its <see cref="ExtractionIssue.Field"/>.</summary>
    public IReadOnlyList<ExtractionIssue> FieldIssues { get; init; } = Array.Empty<ExtractionIssue>();

    /// <summary>
    /// The tables by table key, as embedded in the reply: a table may hold only its first page of rows
    /// (<see cref="ExtractionTable.IsComplete"/>); read every row with <see cref="TableFlowClient.ListExtractionRowsAsync"/>.
    /// </summary>
    public IReadOnlyDictionary<string, ExtractionTable> Tables { get; init; } = new Dictionary<string, ExtractionTable>();

    /// <summary>Valid and invalid counts, when the API sends them (<c>stats</c>).</summary>
    public ExtractionStats? Stats { get; init; }

    /// <summary>The template's fields and tables, when the API sends them (<c>template</c>).</summary>
    public ExtractionTemplate? Template { get; init; }

    /// <summary>Whether the extraction has ended: <see cref="ExtractionStatus.Completed"/> or <see cref="ExtractionStatus.Failed"/>.</summary>
    public bool IsTerminal => Status is ExtractionStatus.Completed or ExtractionStatus.Failed;

    /// <inheritdoc/>
    public override string ToString() => $"Extraction {Id}{(FileName is null ? "" : $" of {FileName}")}: {StatusText}";
}
