using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using TableFlow.Testing.Extractions;

namespace TableFlow.Testing;

/// <summary>
/// An extraction the emulator accepted (<c>POST /v2/extractions/upload</c>), with everything the upload carried, so a
/// test can assert what its code sent: the template, the file (name, content type, size, SHA-256, bytes), the
/// <c>name</c>, <c>guidance</c> and <c>metadata</c>.
/// </summary>
public sealed class EmulatedExtraction
{
    private readonly TimeProvider _clock;
    private readonly UploadedContent _content;

    internal EmulatedExtraction(string id, TemplateDefinition template, DateTimeOffset createdAt, TimeProvider clock, TimeSpan processingTime,
        string fileName, string contentType, ExtractionFileKind fileKind, UploadedContent content, string? name, string? guidance, JsonObject? metadata, string? metadataJson)
    {
        Id = id;
        Template = template;
        CreatedAt = createdAt;
        _clock = clock;
        FileName = fileName;
        ContentType = contentType;
        FileKind = fileKind;
        _content = content;
        Name = name;
        Guidance = guidance;
        Metadata = metadata;
        MetadataJson = metadataJson;
        EndsAt = createdAt + processingTime;
    }

    /// <summary>The extraction's id (16 letters and digits, like the API's).</summary>
    public string Id { get; }

    /// <summary>The id of the template it was extracted with (the one <c>auto</c> picked, when the upload said <c>auto</c>).</summary>
    public string TemplateId => Template.Id;

    /// <summary>When the emulator accepted it (its <c>created_at</c>).</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The file name: the older <c>filename</c> form field when sent, else the file part's own name.</summary>
    public string FileName { get; }

    /// <summary>The file part's <c>Content-Type</c> (<c>application/octet-stream</c> when it sent none).</summary>
    public string ContentType { get; }

    /// <summary>The number of bytes received.</summary>
    public long FileSize => _content.Length;

    /// <summary>The SHA-256 of the file received, as lowercase hex.</summary>
    public string Sha256 => _content.Sha256;

    /// <summary>The <c>name</c> form field sent, or <see langword="null"/>. (The API never returns it; only the emulator shows it.)</summary>
    public string? Name { get; }

    /// <summary>The <c>guidance</c> form field sent, or <see langword="null"/>.</summary>
    public string? Guidance { get; }

    /// <summary>The <c>metadata</c> object sent, or <see langword="null"/>.</summary>
    public JsonObject? Metadata { get; }

    /// <summary>The status now, by the emulator's clock: <see cref="ExtractionStatus.Processing"/>, then <see cref="ExtractionStatus.Completed"/> or <see cref="ExtractionStatus.Failed"/>.</summary>
    public ExtractionStatus Status => Current(_clock.GetUtcNow()).Status switch
    {
        "processing" => ExtractionStatus.Processing,
        "completed" => ExtractionStatus.Completed,
        "failed" => ExtractionStatus.Failed,
        _ => ExtractionStatus.Unknown,
    };

    /// <summary>Opens the file received, for reading; dispose the stream.</summary>
    /// <returns>A read-only stream over the bytes.</returns>
    public Stream OpenContent() => _content.OpenRead();

    /// <inheritdoc/>
    public override string ToString() => $"Extraction {Id} of {FileName} with template {TemplateId} ({Status}, {FileSize} bytes)";

    internal TemplateDefinition Template { get; }

    internal ExtractionFileKind FileKind { get; }

    internal string? MetadataJson { get; }

    internal DateTimeOffset EndsAt { get; }

    internal UploadedContent Content => _content;

    /// <summary>The <c>status_history</c> at <paramref name="now"/>: <c>processing</c> from the upload, then the end once its time has come.</summary>
    internal IReadOnlyList<(string Status, DateTimeOffset Time, string Message)> History(DateTimeOffset now)
    {
        var history = new List<(string, DateTimeOffset, string)> { ("processing", CreatedAt, "File uploaded") };
        if (now >= EndsAt)
        {
            history.Add(Template.FailureMessage is { } failure ? ("failed", EndsAt, failure) : ("completed", EndsAt, "Extraction completed"));
        }

        return history;
    }

    internal (string Status, DateTimeOffset Time, string Message) Current(DateTimeOffset now)
    {
        var history = History(now);
        return history[history.Count - 1];
    }
}
