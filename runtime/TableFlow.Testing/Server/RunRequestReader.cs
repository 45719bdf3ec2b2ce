using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using TableFlow.Testing.Flows;

namespace TableFlow.Testing.Server;

using FlowDefinition = TableFlow.Testing.Flows.FlowDefinition; // not the runtime's public TableFlow.FlowDefinition

/// <summary>
/// Reads a run request's <c>multipart/form-data</c> body and checks it against the flow as the service would:
/// known fields only, required files present, <c>{key}_1…</c> for multi-file fields, JSON objects for metadata,
/// <c>file_types</c> and <c>max_file_size</c>. The first problem found is the answer, naming the field.
/// </summary>
internal static class RunRequestReader
{
    private const int MaxTextPartBytes = 1024 * 1024;

    public static async Task<ReceivedRunRequest> ReadAsync(HttpRequest request, FlowDefinition flow, CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(Boundary(request.ContentType), request.Body) { BodyLengthLimit = null };
        var partNames = new HashSet<string>(StringComparer.Ordinal);
        var fieldOrder = new List<string>();
        var files = new Dictionary<string, List<EmulatedFile>>(StringComparer.Ordinal);
        var fieldMetadata = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var guidance = new Dictionary<string, string>(StringComparer.Ordinal);
        string? name = null, metadataJson = null;
        JsonObject? metadata = null;

        while (await NextPartAsync(reader, cancellationToken).ConfigureAwait(false) is (var section, var disposition, var partName))
        {
            if (FlowNames.FormKeyProblem(partName) is { } keyProblem)
            {
                throw ApiErrorException.BadRequest($"Form field name '{FlowNames.Printable(partName)}' is not valid: {keyProblem}.");
            }

            if (!partNames.Add(partName)) throw ApiErrorException.BadRequest($"Form field '{partName}' was sent twice.");

            if (disposition.FileName.HasValue || disposition.FileNameStar.HasValue)
            {
                var file = await ReadFileAsync(section, disposition, partName, flow, cancellationToken).ConfigureAwait(false);
                if (!files.TryGetValue(file.FieldKey, out var list))
                {
                    files[file.FieldKey] = list = new List<EmulatedFile>();
                    if (!fieldOrder.Contains(file.FieldKey)) fieldOrder.Add(file.FieldKey);
                }

                list.Add(file);
                continue;
            }

            var text = await ReadTextAsync(section, partName, cancellationToken).ConfigureAwait(false);
            if (partName == FlowNames.NameKey)
            {
                name = text;
            }
            else if (partName == FlowNames.MetadataKey)
            {
                metadata = ParseObject(partName, text);
                var parsed = metadata;
                metadataJson = JsonText.Write(w => parsed.WriteTo(w));
            }
            else if (FieldOf(partName, FlowNames.MetadataSuffix, flow) is { } metadataField)
            {
                fieldMetadata[metadataField.Key] = ParseObject(partName, text);
                if (!fieldOrder.Contains(metadataField.Key)) fieldOrder.Add(metadataField.Key);
            }
            else if (FieldOf(partName, FlowNames.GuidanceSuffix, flow) is { } guidanceField)
            {
                guidance[guidanceField.Key] = text;
                if (!fieldOrder.Contains(guidanceField.Key)) fieldOrder.Add(guidanceField.Key);
            }
            else if (flow.FindField(partName) is not null || ResolveFilePart(partName, flow, throwOnMismatch: false).Field is not null)
            {
                throw ApiErrorException.BadRequest($"Form field '{partName}' must be a file upload (a part with a filename), but it was sent as a text value.");
            }
            else
            {
                throw ApiErrorException.BadRequest($"Unknown form field '{partName}': a run of flow '{flow.Id}' takes its file fields, their _metadata and _guidance, 'name' and 'metadata' ({flow.FieldList()}).");
            }
        }

        var fields = new List<EmulatedRunField>();
        foreach (var key in fieldOrder)
        {
            var received = files.TryGetValue(key, out var list) ? list : new List<EmulatedFile>();
            received.Sort((a, b) => (a.Index ?? 0).CompareTo(b.Index ?? 0));
            for (var i = 0; i < received.Count; i++)
            {
                if (received[i].Index is { } index && index != i + 1)
                {
                    var sent = string.Join(", ", received.ConvertAll(f => f.PartName));
                    throw ApiErrorException.BadRequest($"Field '{key}' got the files {sent}: number them from {key}_1 without gaps.");
                }
            }

            fields.Add(new EmulatedRunField(key, received, fieldMetadata.GetValueOrDefault(key), guidance.GetValueOrDefault(key)));
        }

        foreach (var field in flow.Fields)
        {
            if (field.Required && (!files.TryGetValue(field.Key, out var list) || list.Count == 0))
            {
                var how = field.Multiple ? $"as '{field.Key}_1', '{field.Key}_2', …" : $"as '{field.Key}'";
                throw ApiErrorException.BadRequest($"Missing required file field '{field.Key}' for flow '{flow.Id}': send it {how}.");
            }
        }

        return new ReceivedRunRequest(name, metadata, metadataJson, fields);
    }

    /// <summary>The next part of a form with its <c>Content-Disposition</c> and name; <see langword="null"/> after the last.</summary>
    internal static async Task<(MultipartSection Section, ContentDispositionHeaderValue Disposition, string Name)?> NextPartAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        MultipartSection? section;
        try
        {
            section = await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            throw ApiErrorException.BadRequest($"The multipart body is malformed: {e.Message}");
        }

        if (section is null) return null;
        if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw ApiErrorException.BadRequest("A part of the multipart body has no 'Content-Disposition: form-data; name=\"…\"' header.");
        }

        // The name is a quoted-string, read as the file name is: a backslash escapes the next character.
        return (section, disposition, HeaderUtilities.UnescapeAsQuotedString(disposition.Name).ToString());
    }

    internal static string Boundary(string? contentType, string what = "A run request")
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType) ||
            !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiErrorException(415, "Unsupported media type", $"{what} must be multipart/form-data; it was sent as '{contentType ?? "(no Content-Type)"}'.");
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary);
        if (StringSegment.IsNullOrEmpty(boundary)) throw ApiErrorException.BadRequest("The multipart/form-data Content-Type has no boundary.");
        return boundary.ToString();
    }

    private static async Task<EmulatedFile> ReadFileAsync(MultipartSection section, ContentDispositionHeaderValue disposition, string partName, FlowDefinition flow, CancellationToken cancellationToken)
    {
        var (field, index) = ResolveFilePart(partName, flow, throwOnMismatch: true);
        if (field is null)
        {
            if (CollisionOf(partName, flow) is { } collision)
            {
                throw ApiErrorException.BadRequest($"File part '{partName}' cannot be sent: {collision}; it takes text, not a file.");
            }

            throw ApiErrorException.BadRequest($"Unknown file field '{partName}': flow '{flow.Id}' does not define it ({flow.FieldList()}).");
        }

        var fileName = FileNameOf(disposition);
        var contentType = string.IsNullOrWhiteSpace(section.ContentType) ? "application/octet-stream" : section.ContentType;
        if (!FlowFileTypes.Accepts(field.FileTypes, fileName, contentType))
        {
            throw ApiErrorException.BadRequest($"File '{fileName}' ({contentType}) for field '{field.Key}' is not an accepted type: the field takes {FlowFileTypes.Describe(field.FileTypes)}.");
        }

        // Count every byte but keep at most the limit, so an oversized upload is read through (the client sees the
        // 413, not a reset connection) without holding it all in memory.
        var limit = field.MaxFileSize ?? long.MaxValue;
        using var content = new MemoryStream();
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await section.Body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total <= limit) content.Write(buffer, 0, read);
        }

        if (total > limit)
        {
            throw new ApiErrorException(413, "File too large", $"File '{fileName}' for field '{field.Key}' is {total.ToString("N0", CultureInfo.InvariantCulture)} bytes, over the field's max_file_size of {limit.ToString("N0", CultureInfo.InvariantCulture)} bytes.");
        }

        return new EmulatedFile(partName, field.Key, index, fileName, contentType, content.ToArray());
    }

    /// <summary>
    /// The part's file name as the client wrote it: <c>filename*</c> (RFC 5987) when sent, else the quoted
    /// <c>filename</c> with its quoted-pairs undone (<c>\"</c> → <c>"</c>, <c>\\</c> → <c>\</c>), as busboy and
    /// Python's parsers read it. <see cref="ContentDispositionHeaderValue.FileName"/> is not used: it keeps the
    /// backslashes of quoted-pairs and decodes a name that looks like an RFC 2047 encoded word (<c>=?utf-8?B?…?=</c>),
    /// which RFC 2047 §5 forbids inside a quoted string, so a file really named so would arrive renamed.
    /// </summary>
    internal static string FileNameOf(ContentDispositionHeaderValue disposition)
    {
        if (disposition.FileNameStar.HasValue) return disposition.FileNameStar.ToString();
        foreach (var parameter in disposition.Parameters)
        {
            if (parameter.Name.Equals("filename", StringComparison.OrdinalIgnoreCase))
            {
                return HeaderUtilities.UnescapeAsQuotedString(parameter.Value).ToString();
            }
        }

        return "";
    }

    /// <summary>A plain key names a single-file field; <c>{key}_{n}</c> (n ≥ 1, no leading zero) a multi-file one.</summary>
    private static (FileFieldDefinition? Field, int? Index) ResolveFilePart(string partName, FlowDefinition flow, bool throwOnMismatch)
    {
        if (flow.FindField(partName) is { } exact)
        {
            if (exact.Multiple && throwOnMismatch)
            {
                throw ApiErrorException.BadRequest($"Field '{exact.Key}' takes several files: send them as '{exact.Key}_1', '{exact.Key}_2', …, not as '{exact.Key}'.");
            }

            return (exact, null);
        }

        var underscore = partName.LastIndexOf('_');
        if (underscore <= 0) return (null, null);
        var digits = partName.Substring(underscore + 1);
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || digits != n.ToString(CultureInfo.InvariantCulture))
        {
            return (null, null);
        }

        var field = flow.FindField(partName.Substring(0, underscore));
        if (field is { Multiple: false } && throwOnMismatch)
        {
            throw ApiErrorException.BadRequest($"Field '{field.Key}' takes one file: send it as '{field.Key}', not '{partName}' (a field that takes several files says \"multiple\": true in the flow definition).");
        }

        return (field, n);
    }

    /// <summary>Why a part name the flow does not define collides with the run's own fields or a field's derived names.</summary>
    private static string? CollisionOf(string partName, FlowDefinition flow)
    {
        var keys = new List<(string Key, bool Multiple)>(flow.Fields.Count + 1);
        foreach (var field in flow.Fields) keys.Add((field.Key, field.Multiple));
        keys.Add((partName, false));
        return FlowNames.CollisionProblem(keys, keys.Count - 1);
    }

    private static FileFieldDefinition? FieldOf(string partName, string suffix, FlowDefinition flow)
        => partName.EndsWith(suffix, StringComparison.Ordinal) ? flow.FindField(partName.Substring(0, partName.Length - suffix.Length)) : null;

    internal static async Task<string> ReadTextAsync(MultipartSection section, string partName, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await section.Body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (content.Length + read > MaxTextPartBytes)
            {
                throw new ApiErrorException(413, "Field too large", $"Form field '{partName}' is over {MaxTextPartBytes} bytes; text fields are meant for names, metadata and guidance.");
            }

            content.Write(buffer, 0, read);
        }

        return Encoding.UTF8.GetString(content.GetBuffer(), 0, (int)content.Length);
    }

    internal static JsonObject ParseObject(string partName, string text)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw ApiErrorException.BadRequest($"Form field '{partName}' is not valid JSON ({e.Message.Split(" Path:", 2)[0]}); it must be a JSON object such as {{\"po_number\": \"PO-123\"}}.");
        }

        return node as JsonObject
            ?? throw ApiErrorException.BadRequest($"Form field '{partName}' must be a JSON object such as {{\"po_number\": \"PO-123\"}}, not {(node is null ? "null" : node is JsonArray ? "an array" : "a single value")}.");
    }
}
